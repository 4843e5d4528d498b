import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { postgresSchemaFrom, postgresSchemaPath, sqliteSchemaPath } from '../../prisma/tools/sync-schema.ts';

describe('prisma/postgres/schema.prisma', () => {
  it('is what `npm run db:sync-schema` writes from the SQLite schema (run it after editing the model)', async () => {
    const sqlite = await readFile(sqliteSchemaPath, 'utf8');
    expect(await readFile(postgresSchemaPath, 'utf8')).toBe(postgresSchemaFrom(sqlite));
  });

  it('differs from the SQLite schema only in provider, client output and header', () => {
    const sqlite = [
      '// Edit only this file.',
      '//',
      '// Shared conventions.',
      '',
      'generator client {',
      '  provider = "prisma-client"',
      '  output   = "../../src/store/generated/sqlite"',
      '}',
      '',
      'datasource db {',
      '  provider = "sqlite"',
      '}',
      '',
      'model A {',
      '  id Int @id',
      '}',
      '',
    ].join('\n');
    const postgres = postgresSchemaFrom(sqlite);
    expect(postgres).toMatch(/^\/\/ GENERATED from prisma\/sqlite\/schema\.prisma.*Do not edit/);
    expect(postgres).not.toContain('Edit only this file');
    expect(postgres).toContain('// Shared conventions.');
    expect(postgres).toContain('output   = "../../src/store/generated/postgres"');
    expect(postgres).toContain('datasource db {\n  provider = "postgresql"\n}');
    expect(postgres).toContain('generator client {\n  provider = "prisma-client"');
    expect(postgres.endsWith('model A {\n  id Int @id\n}\n')).toBe(true);
  });
});

describe('migrations', () => {
  it('exist under the same names for both providers', async () => {
    const folders = async (provider: string) =>
      (
        await readdir(new URL(`../../prisma/${provider}/migrations/`, import.meta.url), {
          withFileTypes: true,
        })
      )
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    const sqlite = await folders('sqlite');
    expect(sqlite.length).toBeGreaterThan(0);
    expect(await folders('postgres')).toEqual(sqlite);
  });
});
