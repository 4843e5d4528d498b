// A fresh, migrated database for one test file. SQLite in a temporary folder by default; with
// TEST_DATABASE_URL (a PostgreSQL URL whose user may create databases) a new database on that
// server instead. Vitest runs test files in parallel, so every call gets its own random name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../../prisma/tools/postgres-server.ts';
import { type Database, openDatabase } from '../../src/store/client.ts';

export type TestDatabase = Database & { url: string };

/** `migrate: false` leaves the database empty, for tests of the migrations themselves. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const migrate = options.migrate ?? true;
  return adminUrl ? createPostgresDatabase(adminUrl, migrate) : createSqliteDatabase(migrate);
}

async function createSqliteDatabase(migrate: boolean): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'zb-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url, { migrate }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(adminUrl: string, migrate: boolean): Promise<TestDatabase> {
  const scratch = await createScratchDatabase(adminUrl, 'zb_t');
  const database = await openDatabase(scratch.url, { migrate }).catch(async (error: unknown) => {
    await scratch.drop();
    throw error;
  });
  return {
    ...database,
    url: scratch.url,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}
