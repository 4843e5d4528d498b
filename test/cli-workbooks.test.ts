import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { seedEntries } from './helpers/seed.ts';
import { asCsvText, isZip, readSheets } from './helpers/workbook.ts';

/**
 * The operator's CLI with Excel workbooks against a real database: the roster imported from
 * .xlsx with the CSV's all-or-nothing rules, the roster and the exports written as workbooks
 * (CSV on request), and `--team` choosing between two teams.
 */
describe('zhanbao CLI with workbooks', () => {
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

  /** A workbook as HR would make one: sheets of rows, dates as real Excel dates. */
  const workbook = async (name: string, sheets: Record<string, unknown[][]>) => {
    const book = new ExcelJS.Workbook();
    for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows);
    const file = join(dir, name);
    await writeFile(file, new Uint8Array(await book.xlsx.writeBuffer()));
    return file;
  };
  const date = (day: string) => new Date(`${day}T00:00:00Z`);
  const HEADER = ['用户ID', '姓名', '小组', '角色', '级别', '入职日期'];

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'zb-cli-xlsx-'));
  });
  beforeEach(async () => {
    await database.prisma.activityEntry.deleteMany();
    await database.prisma.levelChange.deleteMany();
    await database.prisma.member.deleteMany();
    await database.prisma.group.deleteMany();
    await database.prisma.auditEvent.deleteMany();
    await database.prisma.team.deleteMany();
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a roster workbook: Chinese headers, dates as Excel dates or text, an empty row skipped', async () => {
    const file = await workbook('roster.xlsx', {
      名单: [
        HEADER,
        ['U0001', '王小明', '一组', '组长', '客户经理MO2', date('2026-03-02')],
        ['U0002', '李四', '一组', '', '见习MO1', '2026-09-01'],
        [],
        ['U0009', '赵经理', null, '经理', '资深MO1', date('2025-01-01')],
      ],
    });
    expect(await run('roster', 'import', file)).toMatchObject({
      code: 0,
      out: `Imported ${file}: 3 added, 0 updated; new groups: 一组.`,
    });
    const members = await database.prisma.member.findMany({ orderBy: { messengerUserId: 'asc' } });
    expect(members.map((m) => [m.messengerUserId, m.displayName, m.role, m.level, m.hiredOn])).toEqual([
      ['U0001', '王小明', 'leader', 'A2', '2026-03-02'],
      ['U0002', '李四', 'agent', 'P1', '2026-09-01'],
      ['U0009', '赵经理', 'manager', 'E1', '2025-01-01'],
    ]);
  });

  it('refuses a workbook with bad rows, names each by sheet and row, and imports nothing', async () => {
    const file = await workbook('bad.xlsx', {
      一组: [
        HEADER,
        ['U0001', '王小明', '一组', '组长', '客户经理MO2', date('2026-03-02')],
        ['bob', '李四', '一组', '', '见习MO1', date('2026-03-02')],
        ['U0003', '张三', '一组', 'agent', 'MO9', '2026/03/02'],
      ],
      二组: [HEADER, ['U0001', '王小明', '二组', 'agent', '见习MO1', date('2026-03-02')]],
    });
    const result = await run('roster', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `${file}: nothing was imported; fix these rows and run again:`,
      '  sheet "一组" line 3, user_id: must be a Slack user id such as U012ABCDEF',
      '  sheet "一组" line 4, level: unknown level "MO9" (e.g. 见习MO1, 客户经理MO2, S3)',
      '  sheet "一组" line 4, hired_on: "2026/03/02" is not a date like 2026-11-27',
      '  sheet "二组" line 2, user_id: U0001 already appears on line 2 of sheet "一组"',
    ]);
    expect(await database.prisma.member.count()).toBe(0);
    expect(await database.prisma.group.count()).toBe(0);
  });

  it('says what is missing from a workbook without the roster columns, and what is not a workbook', async () => {
    const noColumns = await workbook('odd.xlsx', {
      Sheet1: [
        ['姓名', '小组'],
        ['王小明', '一组'],
      ],
    });
    const result = await run('roster', 'import', noColumns);
    expect(result.code).toBe(1);
    expect(result.err).toContain('sheet "Sheet1" line 1, header: missing column "user_id"');
    expect(result.err).toContain('sheet "Sheet1" line 1, header: missing column "hired_on"');
    const fake = join(dir, 'fake.xlsx');
    await writeFile(fake, 'user_id,name\n');
    expect((await run('roster', 'import', fake)).err).toContain('the file is not an Excel workbook (.xlsx)');
    const old = join(dir, 'old.xls');
    await writeFile(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await run('roster', 'import', old)).err).toBe(
      `${old}: an old .xls workbook cannot be read; save it as .xlsx or CSV and run again`,
    );
    expect(await database.prisma.member.count()).toBe(0);
  });

  it('exports the roster as a workbook that imports again unchanged; CSV with --csv or a .csv name', async () => {
    const source = await workbook('start.xlsx', {
      名单: [
        HEADER,
        ['U0001', '王小明', '一组', '组长', '客户经理MO2', date('2026-03-02')],
        ['U0002', '李四', '二组', '', '见习MO1', date('2026-09-01')],
        ['U0009', '赵经理', '', '经理', '资深MO1', date('2025-01-01')],
      ],
    });
    expect((await run('roster', 'import', source)).code).toBe(0);
    const file = join(dir, 'roster-out.xlsx');
    expect(await run('roster', 'export', file)).toMatchObject({ code: 0, err: `wrote ${file}: 3 rows` });
    const bytes = await readFile(file);
    expect(isZip(bytes)).toBe(true);
    const sheets = await readSheets(bytes, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组', '二组', '未分组']);
    expect(sheets[1]?.header).toEqual([...HEADER, '状态', '入司日期']);
    expect(sheets[1]?.sheet.getCell('F2').value).toEqual(date('2026-03-02'));
    expect(sheets[1]?.sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    expect(sheets[0]?.rows).toEqual([
      ['一组', 1, 0, 0],
      ['二组', 1, 0, 0],
      ['未分组', 1, 0, 0],
    ]);
    // The same rows as the CSV export of the same roster.
    const csvFile = join(dir, 'roster-out.csv');
    expect((await run('roster', 'export', csvFile)).code).toBe(0);
    const csv: Record<string, string>[] = parse(await readFile(csvFile, 'utf8'), {
      bom: true,
      columns: true,
    });
    const keys = ['user_id', 'name', 'group', 'role', 'level', 'hired_on', 'status', 'joined_on'];
    const fromSheets = sheets
      .slice(1)
      .flatMap((s) => s.rows)
      .map((cells) => Object.fromEntries(keys.map((key, i) => [key, asCsvText(cells[i])])));
    const byId = (a: Record<string, string>, b: Record<string, string>) =>
      String(a.user_id).localeCompare(String(b.user_id));
    expect(fromSheets.sort(byId)).toEqual(csv.sort(byId));
    const stdout = await run('roster', 'export', '--csv');
    expect(stdout.out).toBe((await readFile(csvFile, 'utf8')).trimEnd());
    // Read back by the import: every member again, as updates (the summary sheet is skipped).
    expect(await run('roster', 'import', file)).toMatchObject({
      code: 0,
      out: `Imported ${file}: 0 added, 3 updated.`,
    });
  });

  describe('with two teams', () => {
    let first: number;
    let second: number;

    beforeEach(async () => {
      const team = (name: string) =>
        database.prisma.team.create({
          data: { messenger: 'slack', name, timezone: 'Asia/Shanghai', locale: 'zh-CN' },
        });
      first = (await team('一部')).id;
      second = (await team('二部')).id;
    });

    it('says which teams there are when --team is missing or names none', async () => {
      const missing = await run('export', 'pay', '--month', '2026-11', '--csv');
      expect(missing.code).toBe(1);
      expect(missing.err).toBe(
        `there are 2 teams; say which with --team ID|NAME:\n  ${first}\t一部\n  ${second}\t二部`,
      );
      const unknown = await run('roster', 'export', '--team', '三部', '--csv');
      expect(unknown).toMatchObject({
        code: 1,
        err: `no team 三部; the teams are:\n  ${first}\t一部\n  ${second}\t二部`,
      });
      expect((await run('roster', 'import', join(dir, 'none.csv'))).err).toContain('there are 2 teams');
    });

    it('imports into, and exports from, the team --team names (by name or id)', async () => {
      const file = await workbook('second.xlsx', {
        名单: [HEADER, ['U0021', '钱二', '甲组', '', '见习MO1', date('2026-09-01')]],
      });
      expect((await run('roster', 'import', file, '--team', '二部')).code).toBe(0);
      const member = await database.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'U0021' } });
      expect(member.teamId).toBe(second);
      const firstFile = await workbook('first.xlsx', {
        名单: [HEADER, ['U0011', '孙一', '乙组', '', '见习MO1', date('2026-09-01')]],
      });
      expect((await run('roster', 'import', '--team', String(first), firstFile)).code).toBe(0);
      await seedEntries(database.prisma, second, new Map([['U0021', member.id]]), [
        { who: 'U0021', day: '2026-11-02', calls: 50 },
      ]);

      const activity = await run(
        'export',
        'activity',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
        '--team',
        '二部',
        '--csv',
      );
      expect(activity.code).toBe(0);
      expect(activity.out.split('\n').slice(1)).toEqual(['2026-11-02,U0021,钱二,甲组,50,0,0,0,0,0,0']);

      const out = join(dir, 'pay-second.xlsx');
      expect(
        (await run('export', 'pay', '--month', '2026-11', '--out', out, '--team', String(second))).code,
      ).toBe(0);
      const sheets = await readSheets(await readFile(out), '合计');
      expect(sheets.map((s) => s.name)).toEqual(['总览', '甲组']);
      expect(sheets[1]?.rows.map((r) => r[1])).toEqual(['U0021']);

      const roster = await run('roster', 'export', '--team', '一部', '--csv');
      expect(roster.out).toContain('U0011');
      expect(roster.out).not.toContain('U0021');
    });
  });
});
