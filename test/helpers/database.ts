// A fresh, migrated database for one test file. SQLite in a temporary folder by default; with
// TEST_DATABASE_URL (a PostgreSQL URL whose user may create databases) a new database on that
// server instead. Vitest runs test files in parallel, so every call gets its own random name.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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
  const name = `zb_t_${randomBytes(8).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const database = await openDatabase(url.toString(), { migrate }).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await drop();
    },
  };
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
