import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, providerOf } from '../../src/store/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

async function migrationFolders(provider: 'sqlite' | 'postgresql') {
  const dir = new URL(
    `../../prisma/${provider === 'sqlite' ? 'sqlite' : 'postgres'}/migrations/`,
    import.meta.url,
  );
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Promise.all(
    names.sort().map(async (name) => {
      const sql = await readFile(fileURLToPath(new URL(`${name}/migration.sql`, dir)), 'utf8');
      return { name, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
};

describe('migrateDatabase', () => {
  let db: TestDatabase;
  const logged: Array<{ msg: string; data?: Record<string, unknown> }> = [];
  let firstRun: { applied: string[] };

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    firstRun = await migrateDatabase({
      url: db.url,
      logger: { info: (msg, data) => logged.push({ msg, data }) },
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies every migration folder to a fresh database, in order, and logs each', async () => {
    expect(db.provider).toBe(process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite');
    const folders = await migrationFolders(db.provider);
    expect(folders.length).toBeGreaterThan(0);
    expect(firstRun.applied).toEqual(folders.map((folder) => folder.name));
    expect(logged.map((entry) => entry.data?.name)).toEqual(firstRun.applied);
  });

  it('records them in _prisma_migrations as `prisma migrate deploy` does', async () => {
    const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    const folders = await migrationFolders(db.provider);
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('applies nothing the second time', async () => {
    await expect(migrateDatabase({ url: db.url })).resolves.toEqual({ applied: [] });
    const [{ count }] = await db.prisma.$queryRawUnsafe<[{ count: unknown }]>(
      'SELECT COUNT(*) AS count FROM _prisma_migrations',
    );
    expect(Number(count)).toBe(firstRun.applied.length);
  });

  it('leaves a database the client can write and read', async () => {
    const team = await db.prisma.team.create({
      data: { name: '一组', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
    });
    await db.prisma.$transaction(async (tx) => {
      await tx.member.create({
        data: {
          teamId: team.id,
          messengerUserId: 'U001',
          displayName: '张三',
          role: 'agent',
          status: 'active',
          level: 'P1',
          hiredOn: '2026-11-01',
        },
      });
    });
    const members = await db.prisma.member.findMany({ where: { teamId: team.id }, include: { team: true } });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ displayName: '张三', team: { name: '一组' } });
    expect(members[0]?.createdAt).toBeInstanceOf(Date);
  });
});

describe('providerOf', () => {
  it('chooses the provider from the URL scheme', () => {
    expect(providerOf('file:./data/zhanbao.db')).toBe('sqlite');
    expect(providerOf('postgres://u@h/db')).toBe('postgresql');
    expect(providerOf('postgresql://u@h:5432/db')).toBe('postgresql');
  });

  it('rejects other schemes with a clear message', () => {
    expect(() => providerOf('mysql://u@h/db')).toThrow(/Unsupported database URL scheme mysql:/);
    expect(() => providerOf('./data.db')).toThrow(/file:<path>.*postgresql:/);
  });
});
