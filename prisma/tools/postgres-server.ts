// A PostgreSQL server as its administrator uses it: one statement on the admin URL, and throwaway
// databases. The migration tool, the tests (TEST_DATABASE_URL) and the benchmark each make their
// own and drop them afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs one statement on the server through `adminUrl` (CREATE/DROP DATABASE, a probe). */
export async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void> };

/**
 * A new, empty database named `<prefix>_<random hex>` on the server of `adminUrl` (whose user may
 * create databases): its URL, and `drop`, which closes whatever is still connected to it.
 */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(8).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
