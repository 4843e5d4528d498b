// `npm run db:migration -- <name>`: writes prisma/<provider>/migrations/<timestamp>_<name>/migration.sql
// for SQLite and PostgreSQL, the SQL that takes a database from the current migrations to the current
// schema. It stands in for `prisma migrate dev --create-only`, which needs the native schema engine.
//
// The engine's own "diff from the migrations folder" replays the migrations in a shadow database,
// which does not work through the SQLite driver adapter; instead each provider's migrations are
// applied to a temporary database and that database is diffed against the schema.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  noFilters,
  type Provider,
  prismaDirOf,
  readMigrationList,
  withSchemaEngine,
} from '../../src/store/migrate.ts';
import { createScratchDatabase } from './postgres-server.ts';
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from './sync-schema.ts';

const providers: Provider[] = ['sqlite', 'postgresql'];

async function main(): Promise<void> {
  const name = migrationName(process.argv.slice(2).join(' '));
  await assertSchemasInSync();

  const scripts = new Map<Provider, string>();
  for (const provider of providers) {
    const script = await withTemporaryDatabase(provider, (url) => pendingSql(provider, url));
    if (script !== undefined) scripts.set(provider, script);
  }
  if (scripts.size === 0) {
    console.log('no changes: the migrations already produce the current schema');
    return;
  }

  const folder = `${timestamp(new Date())}_${name}`;
  for (const [provider, script] of scripts) {
    const baseDir = join(prismaDirOf(provider), 'migrations');
    await mkdir(join(baseDir, folder), { recursive: true });
    await writeFile(join(baseDir, folder, 'migration.sql'), script);
    await writeFile(join(baseDir, 'migration_lock.toml'), lockFile(provider));
    console.log(`wrote ${join(baseDir, folder, 'migration.sql')}`);
  }
  for (const provider of providers) {
    if (!scripts.has(provider))
      console.warn(`warning: no changes for ${provider}, only the other provider moved`);
  }
}

function migrationName(argument: string | undefined): string {
  const name = (argument ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) {
    console.error('usage: npm run db:migration -- <name>   (e.g. add_member_phone)');
    process.exit(2);
  }
  return name;
}

async function assertSchemasInSync(): Promise<void> {
  const expected = postgresSchemaFrom(await readFile(sqliteSchemaPath, 'utf8'));
  const actual = await readFile(postgresSchemaPath, 'utf8').catch(() => '');
  if (actual !== expected) {
    console.error(
      'prisma/postgres/schema.prisma is out of sync with prisma/sqlite/schema.prisma.\n' +
        'Edit only the SQLite schema, run `npm run db:sync-schema`, then run this again.',
    );
    process.exit(1);
  }
}

/** The SQL from the applied migrations to the schema, or undefined when there is none. */
async function pendingSql(provider: Provider, url: string): Promise<string | undefined> {
  const migrationsList = await readMigrationList(provider);
  return withSchemaEngine(url, async (engine, { schema }) => {
    if (migrationsList.migrationDirectories.length > 0) {
      await engine.applyMigrations({ migrationsList, filters: noFilters });
    }
    const files = [{ path: join(prismaDirOf(provider), 'schema.prisma'), content: schema }];
    const result = await engine.diff({
      // The datasource of a schema is the database the engine is connected to: the temporary one.
      from: { tag: 'schemaDatasource', files, configDir: prismaDirOf(provider) },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      // With an exit code requested, the engine answers 2 when the diff is not empty.
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 && result.stdout ? result.stdout : undefined;
  });
}

async function withTemporaryDatabase<T>(provider: Provider, work: (url: string) => Promise<T>): Promise<T> {
  if (provider === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'zb-migration-'));
    try {
      return await work(`file:${join(dir, 'scratch.db')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const adminUrl = process.env.MIGRATION_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(adminUrl, 'zb_migration').catch((error: Error) => {
    throw new Error(
      `Could not create a temporary PostgreSQL database on ${redacted(adminUrl)} (${error.message}). ` +
        'Set MIGRATION_PG_URL to a server where you may create databases.',
    );
  });
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** yyyyMMddHHmmss in UTC, as `prisma migrate dev` names folders. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Byte for byte what the Prisma CLI writes next to the migrations. */
function lockFile(provider: Provider): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

await main();
