// Opens the database named by a URL (file: → SQLite, postgresql: → PostgreSQL) with the matching
// generated Prisma client and driver adapter, after applying pending migrations.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import type { Prisma, PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.ts';
import {
  type MigrationLogger,
  migrateDatabase,
  type Provider,
  providerOf,
  SQLITE_BUSY_TIMEOUT_MS,
  sqlitePathOf,
} from './migrate.ts';

// Why a narrow type and not the SQLite PrismaClient itself: the two generated clients come from
// the same model and behave the same, but TypeScript cannot prove it for every member. Each
// `aggregate`/`groupBy` returns a deferred conditional type declared separately in each generated
// folder, and TypeScript never relates two such types; `$transaction` differs in its isolation
// levels and, through the delegates, in its transaction client. Everything else is assignable.
// So `Db` is the SQLite client's typing minus those members, plus an interactive `$transaction`,
// and `openDatabase` assigns both clients to it without a cast: the compiler checks the claim.
// For sums, read the rows with findMany and add them up, or use $queryRaw.
type ModelKey = Uncapitalize<Prisma.ModelName>;
type RawQueryKey = '$queryRaw' | '$executeRaw' | '$queryRawUnsafe' | '$executeRawUnsafe';
type Portable<Delegate> = {
  [Key in keyof Delegate as Key extends 'aggregate' | 'groupBy' | symbol ? never : Key]: Delegate[Key];
};

/** What queries run on inside a transaction (and outside one: a `Db` is also a `DbTransaction`). */
export type DbTransaction = { [Key in ModelKey]: Portable<SqlitePrismaClient[Key]> } & Pick<
  SqlitePrismaClient,
  RawQueryKey
>;

/** The client the rest of the code uses; both generated clients satisfy it. */
export type Db = DbTransaction & {
  $transaction<R>(
    work: (tx: DbTransaction) => Promise<R>,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: 'Serializable' },
  ): Promise<R>;
};

export type Database = { prisma: Db; provider: Provider; close(): Promise<void> };

export async function openDatabase(
  url: string,
  options: { migrate?: boolean; logger?: MigrationLogger } = {},
): Promise<Database> {
  const provider = providerOf(url);
  if (provider === 'sqlite') await prepareSqliteFile(url);
  if (options.migrate !== false) await migrateDatabase({ url, logger: options.logger });
  return provider === 'sqlite' ? openSqlite(url) : openPostgres(url, options.logger);
}

async function prepareSqliteFile(url: string): Promise<void> {
  const path = sqlitePathOf(url);
  await mkdir(dirname(path), { recursive: true });
  // WAL lets readers work while one connection writes, and it is a property of the file, so setting
  // it once here covers the client's connection and any other process that opens the file.
  const file = new BetterSqlite3(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    file.pragma('journal_mode = WAL');
  } finally {
    file.close();
  }
}

async function openSqlite(url: string): Promise<Database> {
  // Imported here so that a process only loads the client (and query compiler) it uses.
  const { PrismaClient } = await import('./generated/sqlite/client.ts');
  // `timeout` is better-sqlite3's busy timeout: a second writer waits for the lock instead of
  // failing at once with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePathOf(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter });
  return { prisma, provider: 'sqlite', close: once(() => prisma.$disconnect()) };
}

async function openPostgres(url: string, logger: MigrationLogger | undefined): Promise<Database> {
  // Loaded only for PostgreSQL: a bot on SQLite does not carry pg in memory.
  const [{ PrismaClient }, { PrismaPg }, { default: pg }] = await Promise.all([
    import('./generated/postgres/client.ts'),
    import('@prisma/adapter-pg'),
    import('pg'),
  ]);
  const pool = new pg.Pool({ connectionString: url });
  let closing = false;
  // An idle connection that the server ends (a restart, a failover, an administrator) is reported
  // on the pool; without a listener Node would stop the whole bot. The pool replaces the
  // connection on the next query, so it is logged, not fatal; at shutdown it is expected.
  pool.on('error', (error) => {
    if (!closing) logger?.info('database.connection_lost', { message: error.message });
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    provider: 'postgresql',
    // The adapter leaves a pool it was given open, so the pool is ended here.
    close: once(async () => {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    }),
  };
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
