/**
 * The two stores the benchmark runs on: a SQLite file in a temporary folder, and a temporary
 * database on the local PostgreSQL server (created from the admin URL, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
  const name = `zb_bench_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    provider: 'postgresql',
    label,
    url: url.toString(),
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
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

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
