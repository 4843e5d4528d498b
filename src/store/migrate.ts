// Applies the checked-in migrations with Prisma's schema engine compiled to WebAssembly, so that no
// native engine has to be downloaded. The engine's `applyMigrations` is the code behind
// `prisma migrate deploy`: it keeps the same `_prisma_migrations` table with the same checksums, so a
// database migrated here can later be migrated by the native CLI and the other way round.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type Provider = 'sqlite' | 'postgresql';

/** How long a SQLite connection waits for another one's lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export type MigrationLogger = { info(msg: string, data?: Record<string, unknown>): void };

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgresql';
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw new Error(
    `Unsupported database URL scheme ${scheme}: use file:<path> for SQLite or postgresql://… for PostgreSQL`,
  );
}

/** The file behind a `file:` URL; relative paths are relative to the working directory, as in Prisma. */
export function sqlitePathOf(url: string): string {
  const withoutQuery = url.replace(/\?.*$/, '');
  const path = withoutQuery.startsWith('file://')
    ? fileURLToPath(withoutQuery)
    : withoutQuery.slice('file:'.length);
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/** prisma/<provider>, found from this file so that it does not matter where the process started. */
export function prismaDirOf(provider: Provider): string {
  const folder = provider === 'sqlite' ? 'sqlite' : 'postgres';
  return fileURLToPath(new URL(`../../prisma/${folder}`, import.meta.url));
}

export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The migrations folder in the shape the engine expects, read the way the Prisma CLI reads it. */
export async function readMigrationList(provider: Provider): Promise<MigrationList> {
  const baseDir = join(prismaDirOf(provider), 'migrations');
  const lockfilePath = 'migration_lock.toml';
  const lockContent = await readFile(join(baseDir, lockfilePath), 'utf8').catch(() => null);
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    directories.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(baseDir, name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

// The package's entry point imports its .wasm as an ES module, which Node allows only behind
// --experimental-wasm-modules (and vitest not at all), so we instantiate the module ourselves and
// hand it to the wasm-bindgen glue, which is what that entry point does. The glue keeps the instance
// in module state; when a test runner evaluates this file again but shares the glue module, a second
// instance would orphan engines of the first, so the instance is remembered per glue module.
declare global {
  // Read by the wasm-bindgen glue when the engine panics (see instantiateEngine).
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void; get?(): string } | undefined;
  // One engine instance per glue module, shared by every evaluation of this file (see above).
  var zhanbaoSchemaEngineWasm: WeakMap<object, Promise<void>> | undefined;
}

globalThis.zhanbaoSchemaEngineWasm ??= new WeakMap();
const initialised = globalThis.zhanbaoSchemaEngineWasm;

// The project compiles against ES2023 and the Node types, which declare no WebAssembly global (it
// lives in the DOM lib); this is the one call needed, typed where it crosses into untyped land.
type Instantiate = (
  bytes: Uint8Array,
  imports: Record<string, Record<string, unknown>>,
) => Promise<{ instance: { exports: Record<string, unknown> } }>;
const instantiate: Instantiate = (bytes, imports) =>
  Reflect.get(globalThis, 'WebAssembly').instantiate(bytes, imports);

function initialiseEngine(): Promise<void> {
  let ready = initialised.get(engineGlue);
  if (!ready) {
    ready = instantiateEngine();
    initialised.set(engineGlue, ready);
    ready.catch(() => initialised.delete(engineGlue));
  }
  return ready;
}

async function instantiateEngine(): Promise<void> {
  const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
  const { instance } = await instantiate(bytes, { './schema_engine_bg.js': { ...engineGlue } });
  engineGlue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
  // A Rust panic reports its message through this global before trapping (the Prisma CLI installs
  // the same); without it the panic would surface as an unrelated TypeError.
  let message = '';
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(text: string) {
      message = text;
    },
    get: () => message,
  };
}

/**
 * Runs `work` with a schema engine connected to the database at `url` through a driver adapter.
 * The engine and every connection it opened are released afterwards.
 */
export async function withSchemaEngine<T>(
  url: string,
  work: (engine: SchemaEngine, context: { provider: Provider; schema: string }) => Promise<T>,
): Promise<T> {
  const provider = providerOf(url);
  await initialiseEngine();
  const schemaPath = join(prismaDirOf(provider), 'schema.prisma');
  const schema = await readFile(schemaPath, 'utf8');
  let pool: pg.Pool | undefined;
  let inner: SqlMigrationAwareDriverAdapterFactory;
  if (provider === 'postgresql') {
    // pg is loaded only for PostgreSQL (a bot on SQLite does not carry it in memory).
    const [{ default: driver }, { PrismaPg }] = await Promise.all([
      import('pg'),
      import('@prisma/adapter-pg'),
    ]);
    pool = new driver.Pool({ connectionString: url, max: 2 });
    pool.on('connect', describeCharAsText);
    inner = new PrismaPg(pool);
  } else {
    inner = new PrismaBetterSqlite3({ url: sqlitePathOf(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  const adapters: SqlDriverAdapter[] = [];
  // The engine does not dispose the adapters it opens; keeping track of them closes the SQLite file
  // (and the pg pool below) as soon as the work is done instead of whenever they are collected.
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => remember(adapters, wholeScripts(await inner.connect(), pool)),
    connectToShadowDb: async () => remember(adapters, await inner.connectToShadowDb()),
  };
  let engine: SchemaEngine | undefined;
  let trapped = false;
  try {
    engine = await engineGlue.SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(tracking),
    );
    return await work(engine, { provider, schema });
  } catch (error) {
    trapped = isTrap(error);
    throw engineError(error);
  } finally {
    // After a trap the instance is unusable, and freeing into it could trap again.
    if (!trapped) engine?.free();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    await pool?.end();
  }
}

// @prisma/adapter-pg 7.10 runs a migration script by splitting it at every ";", which cuts a
// function body ($$ … $$) apart. PostgreSQL runs a whole script sent as one simple query, in one
// implicit transaction: a migration then applies completely or not at all.
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool | undefined): SqlDriverAdapter {
  if (pool !== undefined) {
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
  }
  return adapter;
}

function remember(adapters: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapters.push(adapter);
  return adapter;
}

// A Rust panic ends in a WebAssembly trap, which Node reports as a RuntimeError.
function isTrap(error: unknown): error is Error {
  return error instanceof Error && error.name === 'RuntimeError';
}

function engineError(error: unknown): Error {
  if (isTrap(error)) {
    // A trap leaves the instance in an unknown state: start the next engine from a fresh one.
    initialised.delete(engineGlue);
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.() || error.message;
    return new Error(`Prisma schema engine panicked: ${message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(`Prisma schema engine failed: ${String(error)}`);
}

/**
 * Applies the pending migrations of prisma/<provider>/migrations, like `prisma migrate deploy`.
 * `through` stops after that migration: a test of a later migration's data upgrade starts from
 * a database as an older release left it.
 */
export async function migrateDatabase(options: {
  url: string;
  logger?: MigrationLogger;
  through?: string;
}): Promise<{ applied: string[] }> {
  const provider = providerOf(options.url);
  const migrationsList = upTo(await readMigrationList(provider), options.through);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations in ${migrationsList.baseDir}; run \`npm run db:migration -- init\``);
  }
  const names = migrationsList.migrationDirectories.map((directory) => directory.path);
  if (provider === 'sqlite' && sqliteHasApplied(sqlitePathOf(options.url), names)) return { applied: [] };
  const applied = await withSchemaEngine(options.url, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return output.appliedMigrationNames;
  }).catch((error: unknown) => {
    throw provider === 'sqlite' && String(error).includes('SocketTimeout')
      ? sqliteBusy(options.url, error)
      : error;
  });
  for (const name of applied) options.logger?.info('applied database migration', { provider, name });
  return { applied };
}

function upTo(list: MigrationList, through: string | undefined): MigrationList {
  if (through === undefined) return list;
  const last = list.migrationDirectories.findIndex((directory) => directory.path === through);
  if (last < 0) throw new Error(`No migration ${through} in ${list.baseDir}`);
  return { ...list, migrationDirectories: list.migrationDirectories.slice(0, last + 1) };
}

// The engine puts its SQLite connection in exclusive locking mode, which it cannot get while any
// other connection has the file open (in WAL mode every open connection holds a shared lock). So
// when nothing is pending, which is every start but the first after a release, the history is
// read with an ordinary read-only connection, and a second process (the CLI next to the running
// bot) can open the database.
function sqliteHasApplied(path: string, names: string[]): boolean {
  if (!existsSync(path)) return false;
  const db = new BetterSqlite3(path, {
    readonly: true,
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  try {
    const table = db.prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
    );
    if (table.get() === undefined) return false;
    const rows = db
      .prepare(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .pluck()
      .all();
    const applied = new Set(rows);
    return names.every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

// The adapter reports SQLITE_BUSY as a "SocketTimeout", a kind this engine build does not know, so
// the engine's own message is about deserialisation; this says what actually happened.
function sqliteBusy(url: string, cause: unknown): Error {
  return new Error(
    `Could not migrate ${sqlitePathOf(url)}: another connection has the database open. SQLite ` +
      'migrations need the file to themselves; stop the other process (e.g. the running bot) and retry.',
    { cause },
  );
}

/** Result of a pg query as far as the workaround below needs it. */
type Described = { fields?: { dataTypeID: number }[] };
const PG_CHAR = 18;
const PG_TEXT = 25;

// @prisma/adapter-pg 7.10 maps no column type to PostgreSQL's one-byte "char" (OID 18) and fails the
// query, but the engine reads such columns when it describes a database (pg_constraint.contype,
// pg_class.relkind...), so `diff` against a PostgreSQL database failed with "Column type 'char'
// could not be deserialized". The value is already a one-letter string; calling the column text
// lets the adapter pass it on. Only the engine's connections get this.
function describeCharAsText(client: pg.PoolClient): void {
  const query = client.query;
  const fix = (result: unknown): void => {
    for (const one of Array.isArray(result) ? result : [result]) {
      const fields: Described['fields'] =
        one && typeof one === 'object' ? Reflect.get(one, 'fields') : undefined;
      for (const field of fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    }
  };
  Object.defineProperty(client, 'query', {
    configurable: true,
    value(...args: unknown[]): unknown {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, result: unknown) => {
          if (!error) fix(result);
          return Reflect.apply(callback, undefined, [error, result]);
        };
        return Reflect.apply(query, client, args);
      }
      const pending: unknown = Reflect.apply(query, client, args);
      if (!(pending instanceof Promise)) return pending;
      return pending.then((result: unknown) => {
        fix(result);
        return result;
      });
    },
  });
}
