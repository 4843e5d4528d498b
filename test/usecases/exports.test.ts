import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamView } from '../../src/store/roster-repository.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { ACTIVITY_COLUMNS, buildExport, PAY_COLUMNS } from '../../src/usecases/exports.ts';
import { XLSX_CONTENT_TYPE } from '../../src/xlsx/write-xlsx.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { asCsvText, isZip, readSheets } from '../helpers/workbook.ts';

/**
 * The pay and activity exports as workbooks, read back with exceljs: a summary sheet first, a
 * sheet per group, frozen headers in the reader's language, ¥ and date formats, SUM totals with
 * their results stored, and the same values as the CSV of the same data. November 2026 with the
 * default rule (base ¥2,000, 1%, target ¥200,000, cut ¥500 below it and ¥1,000 at zero).
 */
const ZH_PAY_HEADER = [
  '月份',
  '用户ID',
  '姓名',
  '小组',
  '级别',
  '业绩（元）',
  '目标（元）',
  '达标',
  '底薪',
  '扣减',
  '提成',
  '调整',
  '应发合计',
  '规则版本',
  '状态',
];
const FEN_COLUMNS = new Set(['base', 'cuts', 'commission', 'adjustments', 'total']);

describe('exports as Excel workbooks', () => {
  let database: TestDatabase;
  let store: Store;
  let team: TeamView;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    const seeded = await seedTeam(database.prisma, {
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UMGR', name: '经理', role: 'manager' },
        { id: 'UA', name: '甲', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UB', name: '乙', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UC', name: '丙', group: '二组', hiredOn: '2025-01-02' },
      ],
    });
    team = await store.roster.team(seeded.teamId);
    await seedEntries(database.prisma, seeded.teamId, seeded.memberIds, [
      { who: 'UA', day: '2026-11-02', calls: 120, effective: 80, intents: 8, amount: 250000 },
      { who: 'UB', day: '2026-11-02', calls: 90, amount: 150000 },
      { who: 'UB', day: '2026-11-03', calls: 60, followUps: 4 },
      { who: 'UC', day: '2026-11-03', calls: 100, visits: 1 },
      { who: 'UMGR', day: '2026-11-04', calls: 10 },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  const pay = (format: 'xlsx' | 'csv', locale: 'zh-CN' | 'en' = 'zh-CN') =>
    buildExport(store, team, { kind: 'pay', month: '2026-11' }, { format, locale });
  const activity = (format: 'xlsx' | 'csv') =>
    buildExport(
      store,
      team,
      { kind: 'activity', from: '2026-11-01', to: '2026-11-30' },
      { format, locale: 'zh-CN' },
    );
  const csvRows = (content: Uint8Array): Record<string, string>[] =>
    parse(Buffer.from(content).toString('utf8'), { bom: true, columns: true });

  it('writes pay as a summary sheet and a sheet per group, headers in Chinese, frozen', async () => {
    const file = await pay('xlsx');
    expect(file).toMatchObject({
      filename: 'zhanbao-pay-2026-11.xlsx',
      contentType: XLSX_CONTENT_TYPE,
      rows: 3,
    });
    expect(isZip(file.content)).toBe(true);
    const sheets = await readSheets(file.content, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组', '二组']);
    for (const s of sheets) {
      expect(s.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.sheet.getRow(1).font?.bold).toBe(true);
      // Wide enough for the header; no column is left at Excel's default of none.
      console.log(
        s.name,
        s.sheet.columns.map((c) => c.width),
      );
      for (const column of s.sheet.columns) expect(column.width).toBeGreaterThanOrEqual(8);
    }
    expect(sheets[1]?.header).toEqual(ZH_PAY_HEADER);
    expect(sheets[0]?.header).toEqual([
      '小组',
      '人数',
      '业绩（元）',
      '底薪',
      '扣减',
      '提成',
      '调整',
      '应发合计',
    ]);
  });

  it('keeps the CSV’s values, money as ¥ numbers: whole yuan for 业绩, two decimals from fen', async () => {
    const csv = csvRows((await pay('csv')).content);
    const sheets = await readSheets((await pay('xlsx')).content, '合计');
    const fromSheets = sheets
      .slice(1)
      .flatMap((s) => s.rows)
      .map((cells) =>
        Object.fromEntries(PAY_COLUMNS.map((key, i) => [key, asCsvText(cells[i], FEN_COLUMNS.has(key))])),
      );
    const byUser = (a: Record<string, string>, b: Record<string, string>) =>
      String(a.slack_user_id).localeCompare(String(b.slack_user_id));
    expect(fromSheets.sort(byUser)).toEqual(csv.sort(byUser));
    expect(fromSheets.map((r) => r.slack_user_id)).toEqual(['UA', 'UB', 'UC']);
    expect(fromSheets[0]).toMatchObject({ amount_yuan: '250000', base: '2000.00', total: '4500.00' });

    const group = sheets[1]?.sheet;
    const row = (user: string) => (sheets[1]?.rows.findIndex((cells) => cells[1] === user) ?? -1) + 2;
    expect(group?.getCell(`F${row('UA')}`).value).toBe(250000); // 业绩, whole yuan
    expect(group?.getCell(`F${row('UA')}`).numFmt).toBe('"¥"#,##0');
    expect(group?.getCell(`M${row('UA')}`).value).toBe(4500); // ¥2,000 + ¥2,500 commission
    expect(group?.getCell(`M${row('UA')}`).numFmt).toBe('"¥"#,##0.00');
    expect(group?.getCell(`J${row('UB')}`).value).toBe(-500); // 乙 missed the target
  });

  it('adds up each group by formula, with the result stored for readers that do not recalculate', async () => {
    const sheets = await readSheets((await pay('xlsx')).content, '合计');
    const first = sheets[1];
    expect(first?.rows).toHaveLength(2);
    expect(first?.totals?.[0]).toBe('合计');
    expect(first?.sheet.getCell('I4').value).toEqual({ formula: 'SUM(I2:I3)', result: 4000 });
    expect(first?.sheet.getCell('M4').value).toEqual({ formula: 'SUM(M2:M3)', result: 7500 });
    expect(first?.sheet.getCell('M4').numFmt).toBe('"¥"#,##0.00');
    expect(first?.sheet.getCell('G4').value).toBeNull(); // targets are not added up
    // The summary: one row per group, then its own totals.
    const summary = sheets[0];
    expect(summary?.rows).toEqual([
      ['一组', 2, 400000, 4000, -500, 4000, 0, 7500],
      ['二组', 1, 0, 2000, -1000, 0, 0, 1000],
    ]);
    expect(summary?.sheet.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 3 });
    expect(summary?.sheet.getCell('H4').value).toEqual({ formula: 'SUM(H2:H3)', result: 8500 });
  });

  it('writes activity with real dates, a sheet for those without a group, and the CSV’s values', async () => {
    const file = await activity('xlsx');
    expect(file.filename).toBe('zhanbao-activity-2026-11-01-2026-11-30.xlsx');
    const sheets = await readSheets(file.content, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组', '二组', '未分组']);
    const day = sheets[1]?.sheet.getCell('A2');
    expect(day?.value).toEqual(new Date(Date.UTC(2026, 10, 2)));
    expect(day?.numFmt).toBe('yyyy-mm-dd');
    expect(sheets[1]?.header.slice(0, 5)).toEqual(['日期', '用户ID', '姓名', '小组', '呼出']);
    const csv = csvRows((await activity('csv')).content);
    const fromSheets = sheets
      .slice(1)
      .flatMap((s) => s.rows)
      .map((cells) => Object.fromEntries(ACTIVITY_COLUMNS.map((key, i) => [key, asCsvText(cells[i])])));
    const key = (r: Record<string, string>) => `${r.day} ${r.slack_user_id}`;
    expect(fromSheets.map(key).sort()).toEqual(csv.map(key).sort());
    expect(fromSheets.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      csv.sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(sheets[1]?.sheet.getCell('E5').value).toEqual({ formula: 'SUM(E2:E4)', result: 270 });
    expect(sheets[0]?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['一组', 2, 270],
      ['二组', 1, 100],
      ['未分组', 1, 10],
    ]);
  });

  it('names sheets and headers in English for an English reader', async () => {
    const sheets = await readSheets((await pay('xlsx', 'en')).content, 'Total');
    expect(sheets.map((s) => s.name)).toEqual(['Summary', '一组', '二组']);
    expect(sheets[1]?.header.slice(0, 3)).toEqual(['Month', 'User ID', 'Name']);
    expect(sheets[1]?.totals?.[0]).toBe('Total');
  });

  it('keeps the CSV byte for byte when asked for it', async () => {
    const file = await activity('csv');
    expect(file.filename).toBe('zhanbao-activity-2026-11-01-2026-11-30.csv');
    expect(Buffer.from(file.content).toString('utf8')).toBe(
      [
        '\uFEFFday,slack_user_id,name,group,calls,effective,intents,follow_ups,appointments,amount_yuan,visits',
        `2026-11-02,UA,甲,一组,120,80,8,0,0,250000,0`,
        `2026-11-02,UB,乙,一组,90,0,0,0,0,150000,0`,
        `2026-11-03,UB,乙,一组,60,0,0,4,0,0,0`,
        `2026-11-03,UC,丙,二组,100,0,0,0,0,0,1`,
        `2026-11-04,UMGR,经理,,10,0,0,0,0,0,0`,
        '',
      ].join('\n'),
    );
  });
});
