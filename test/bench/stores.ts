/**
 * The two stores the benchmark runs on: a SQLite file in a temporary folder, and a temporary
 * database on the local PostgreSQL server (created from the admin URL, dropped afterwards).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, onServer } from '../../prisma/tools/postgres-server.ts';
import { openDatabase } from '../../src/store/client.ts';
import type { MessengerName } from '../../src/store/messengers.ts';
import type { Provider } from '../../src/store/migrate.ts';

export const DEFAULT_PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** An empty place for a database: its URL, and how to remove it (the database must be closed). */
export type BenchStore = { provider: Provider; url: string; label: string; drop(): Promise<void> };

export async function sqliteStore(label = 'SQLite'): Promise<BenchStore> {
  const dir = await mkdtemp(join(tmpdir(), 'zb-bench-'));
  return {
    provider: 'sqlite',
    label,
    url: `file:${join(dir, 'bench.db')}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function postgresStore(adminUrl: string, label = 'PostgreSQL'): Promise<BenchStore> {
  const scratch = await createScratchDatabase(adminUrl, 'zb_bench');
  return { provider: 'postgresql', label, url: scratch.url, drop: scratch.drop };
}

/** Whether the PostgreSQL server answers at all (the benchmark then runs on SQLite alone). */
export async function postgresAvailable(adminUrl: string): Promise<boolean> {
  try {
    await onServer(adminUrl, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives the seeded roster to `messenger`: the suites of the three messengers take turns on one
 * seeded database, and a messenger's store sees only its own teams (src/store/messengers.ts).
 */
export async function handTo(url: string, messenger: MessengerName): Promise<void> {
  const database = await openDatabase(url);
  try {
    await database.prisma.$transaction(async (tx) => {
      await tx.team.updateMany({ data: { messenger } });
      await tx.member.updateMany({ data: { messenger } });
    });
  } finally {
    await database.close();
  }
}
