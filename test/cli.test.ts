import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/** The operator's CLI against a real database: roster import and export, migrations. */
describe('zhanbao CLI', () => {
  let database: TestDatabase;
  let dir: string;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { DATABASE_URL: database.url },
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'zb-cli-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports that the database is up to date', async () => {
    expect(await run('db', 'migrate')).toMatchObject({ code: 0, out: 'Database is up to date.' });
  });

  it('lists the teams with the id and name --team takes', async () => {
    await database.prisma.team.create({
      data: { messenger: 'slack', name: '二部', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
    });
    const listed = await run('team', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^\d+\t二部\tAsia\/Shanghai\t0 people$/);
    await database.prisma.team.deleteMany();
  });

  it('with several messengers configured, asks whose teams a command is about (--messenger)', async () => {
    const both = {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-cli',
      SLACK_SIGNING_SECRET: 'cli-secret',
      WECOM_CORP_ID: 'ww123',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 's',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    };
    const runWith = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, both, { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    for (const [messenger, name] of [
      ['slack', '一部'],
      ['wecom', '二部'],
    ] as const)
      await database.prisma.team.create({
        data: { messenger, name, timezone: 'Asia/Shanghai', locale: 'zh-CN' },
      });
    expect(await runWith('team', 'list')).toMatchObject({
      code: 1,
      err: 'several messengers are configured (slack, wecom): say which teams with --messenger slack|wecom',
    });
    expect((await runWith('team', 'list', '--messenger', 'wecom')).out).toMatch(/^\d+\t二部\t/);
    expect((await runWith('team', 'list', '--messenger', 'slack')).out).toMatch(/^\d+\t一部\t/);
    expect(await runWith('team', 'list', '--messenger', 'dingtalk')).toMatchObject({
      code: 1,
      err: '--messenger dingtalk: its settings are not configured (slack, wecom are)',
    });
    await database.prisma.team.deleteMany();
  });

  it('refuses a file with bad rows, names each by line, and imports nothing', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(
      file,
      [
        'slack_user_id,name,group,role,level,hired_on',
        'U0001,王小明,一组,组长,客户经理MO2,2026-03-02',
        'bob,李四,一组,,见习MO1,2026-03-02',
        'U0003,张三,二组,agent,MO9,2026/03/02',
        'U0001,王小明,一组,agent,见习MO1,2026-03-02',
      ].join('\n'),
    );
    const result = await run('roster', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `${file}: nothing was imported; fix these rows and run again:`,
      '  line 3, user_id: must be a Slack user id such as U012ABCDEF',
      '  line 4, level: unknown level "MO9" (e.g. 见习MO1, 客户经理MO2, S3)',
      '  line 4, hired_on: "2026/03/02" is not a date like 2026-11-27',
      '  line 5, user_id: U0001 already appears on line 2',
    ]);
    expect(await database.prisma.member.count()).toBe(0);
    expect(await database.prisma.group.count()).toBe(0);
  });

  it('imports a clean file (BOM and Chinese headers too), then re-imports as updates', async () => {
    const file = join(dir, 'roster.csv');
    await writeFile(
      file,
      `\uFEFF用户ID,姓名,小组,角色,级别,入职日期\nU0001,王小明,一组,组长,客户经理MO2,2026-03-02\nU0002,李四,一组,,见习MO1,2026-09-01\nU0009,赵经理,,经理,资深MO1,2025-01-01\n`,
    );
    expect(await run('roster', 'import', file)).toMatchObject({
      code: 0,
      out: `Imported ${file}: 3 added, 0 updated; new groups: 一组.`,
    });

    await writeFile(
      file,
      'slack_user_id,name,group,role,level,hired_on\nU0002,李四,二组,agent,见习MO2,2026-09-01\n',
    );
    expect(await run('roster', 'import', file)).toMatchObject({
      code: 0,
      out: `Imported ${file}: 0 added, 1 updated; new groups: 二组.`,
    });
    const li = await database.prisma.member.findFirstOrThrow({
      where: { messengerUserId: 'U0002' },
      include: { levelChanges: true, group: true },
    });
    expect(li.group?.name).toBe('二组');
    expect(li.levelChanges.map((c) => [c.fromLevel, c.toLevel, c.reason])).toEqual([
      [null, 'P1', 'import'],
      ['P1', 'P2', 'import'],
    ]);
  });

  it('exports the roster as CSV with a BOM that a CSV parser reads back', async () => {
    const file = join(dir, 'export.csv');
    expect((await run('roster', 'export', file)).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.user_id === 'U0001')).toEqual({
      user_id: 'U0001',
      name: '王小明',
      group: '一组',
      role: 'leader',
      level: 'A2',
      hired_on: '2026-03-02',
      status: 'active',
      joined_on: '2026-03-02',
    });
  });

  it('prints its usage for an unknown command and fails', async () => {
    const result = await run('roster', 'shuffle');
    expect(result.code).toBe(1);
    expect(result.err).toContain('roster import FILE [--team ID|NAME]');
  });
});

describe('zhanbao job', () => {
  it('runs a job for a day against Slack, then lists it with its last run', async () => {
    const { startFakeSlackApi } = await import('./helpers/fake-slack-api.ts');
    const { seedEntries, seedTeam } = await import('./helpers/seed.ts');
    const fake = await startFakeSlackApi();
    const database = await createTestDatabase();
    try {
      const seeded = await seedTeam(database.prisma, {
        pkChannel: 'CPK',
        groups: [{ name: '一组' }],
        members: [{ id: 'UJ1', name: '甲', group: '一组' }],
      });
      await seedEntries(database.prisma, seeded.teamId, seeded.memberIds, [
        { who: 'UJ1', day: '2026-11-27', effective: 12 },
      ]);
      const env = {
        DATABASE_URL: database.url,
        SLACK_BOT_TOKEN: 'xoxb-cli',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: fake.url,
        LOG_LEVEL: 'error',
      };
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      expect(await runCli(['job', 'run', 'daily-pk', '--date', '2026-11-27'], env, io)).toBe(0);
      // The board and its 战报 poster.
      expect(out.at(-1)).toBe('daily-pk 2026-11-27: done, 2 posts, 0 failed');
      const post = await fake.waitFor('chat.postMessage');
      expect(post.body.channel).toBe('CPK');
      expect(await runCli(['job', 'run', 'daily-pk', '--date', '2026-11-27'], env, io)).toBe(0);
      expect(out.at(-1)).toBe('daily-pk 2026-11-27 already ran; use --force to run it again.');
      expect(await runCli(['job', 'run', 'daily-pk', '--date', '2026-11-27', '--force'], env, io)).toBe(0);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
      expect(await runCli(['job', 'run', 'daily-pk', '--date', '2026-11-28'], env, io)).toBe(0);
      expect(out.at(-1)).toBe(
        'daily-pk does not run on 2026-11-28 (not a run day for it); use --force to run it anyway.',
      );
      expect(await runCli(['job', 'list'], env, io)).toBe(0);
      expect(out.join('\n')).toMatch(/daily-pk\s+18:00 {2}working days; last 2026-11-27 done \(late\)/);
      expect(await runCli(['job', 'run', 'nope', '--date', '2026-11-27'], env, io)).toBe(1);
      expect(err.at(-1)).toContain('job run needs a job (daily-warnings, daily-pk');
    } finally {
      await fake.close();
      await database.close();
    }
  });
});

describe('zhanbao demo seed', () => {
  it('fills an empty store with the demo team, and refuses a store that has a roster', async () => {
    const database = await createTestDatabase();
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      expect(await runCli(['demo', 'seed', '--months', '1'], { DATABASE_URL: database.url }, io)).toBe(0);
      expect(out.at(-1)).toMatch(/^Seeded 3 groups, 31 people and \d+ entries/);
      expect(await database.prisma.member.count()).toBe(31);
      await expect(runCli(['demo', 'seed'], { DATABASE_URL: database.url }, io)).rejects.toThrow(
        'only written into an empty store',
      );
      expect(await runCli(['demo', 'seed', '--groups', '0'], { DATABASE_URL: database.url }, io)).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('adds further branches with --team, each with its own ids, and refuses a name taken', async () => {
    const database = await createTestDatabase();
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      const env = { DATABASE_URL: database.url };
      expect(await runCli(['demo', 'seed', '--months', '1', '--team', '一部'], env, io)).toBe(0);
      expect(await runCli(['demo', 'seed', '--months', '1', '--team', '二部'], env, io)).toBe(0);
      expect(out.at(-1)).toMatch(/^Seeded 3 groups, 31 people and \d+ entries .* into team \d+ "二部"/);
      const teams = await database.prisma.team.findMany({
        include: { members: true, groups: true },
        orderBy: { id: 'asc' },
      });
      expect(teams.map((t) => [t.name, t.members.length, t.groups.length])).toEqual([
        ['一部', 31, 3],
        ['二部', 31, 3],
      ]);
      const [first, second] = teams;
      const ids = (t: typeof first) => new Set(t?.members.map((m) => m.messengerUserId));
      expect([...ids(first)].filter((id) => ids(second).has(id))).toEqual([]);
      expect(second?.pkChannelId).not.toBe(first?.pkChannelId);
      expect(await runCli(['demo', 'seed', '--team', '二部'], env, io)).toBe(1);
      expect(err.at(-1)).toBe(
        'demo seed: a team called "二部" exists already; choose another name (zhanbao team list)',
      );
      expect(await database.prisma.member.count()).toBe(62);
    } finally {
      await database.close();
    }
  });
});
