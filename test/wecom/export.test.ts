import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE } from '../../src/xlsx/write-xlsx.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';
import { asCsvText, isZip, readSheets } from '../helpers/workbook.ts';

const MANAGER = 'SunJingLi';
const AGENT = 'ZhaoWenHao';

/**
 * `/team export …` typed to the app, end to end: the workbook (or the CSV) goes up with media/upload (multipart
 * `media`; the fake refuses files of 5 bytes or less and over 20 MB) and comes down as a `file`
 * message whose media_id the fake issued, in the manager's chat with the app.
 */
describe('WeCom: /team export delivers a file', () => {
  let bot: WeComTestBot;

  beforeAll(async () => {
    bot = await startWeComBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT, name: '赵文浩', group: '一组' },
        { id: MANAGER, name: '孙经理', role: 'manager' },
      ],
    });
    for (const [id, name] of [
      [AGENT, '赵文浩'],
      [MANAGER, '孙经理'],
    ] as const)
      bot.fake.addUser(id, name);
    await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
      { who: AGENT, day: '2026-11-02', calls: 120, effective: 80, intents: 8 },
      { who: AGENT, day: '2026-11-03', calls: 90, amount: 50000 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('uploads the activity workbook intact and sends it to the manager as a file message', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export activity 2026-11-01 2026-11-30', MANAGER);
    const upload = bot.fake.calls.slice(from).find((c) => c.name === 'mediaUpload');
    expect(upload?.fileName).toBe('zhanbao-activity-2026-11-01-2026-11-30.xlsx');
    expect(upload?.partType).toBe(XLSX_CONTENT_TYPE);
    const mediaId = String(upload?.response.media_id);
    expect(sent.find((s) => s.msgtype === 'file')?.body.file).toEqual({ media_id: mediaId });
    const bytes = bot.fake.media(mediaId)?.bytes ?? Buffer.alloc(0);
    expect(isZip(bytes)).toBe(true);
    const sheets = await readSheets(bytes, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组']);
    expect(sheets[1]?.rows.map((r) => [asCsvText(r[0]), r[1], r[2], r[4], r[9]])).toEqual([
      ['2026-11-02', AGENT, '赵文浩', 120, 0],
      ['2026-11-03', AGENT, '赵文浩', 90, 50000],
    ]);
    expect(sheets[1]?.totals?.[4]).toEqual({ formula: 'SUM(E2:E3)', result: 210 });
    const reply = sent.find((s) => s.msgtype === 'markdown');
    expect(shown(reply ?? sent[0] ?? { to: { userIds: [] }, msgtype: '', body: {} })).toContain(
      '已把 zhanbao-activity-2026-11-01-2026-11-30.xlsx（2 行）发到你的私信。',
    );
  });

  it('uploads the activity CSV when asked with the word csv', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export activity 2026-11-01 2026-11-30 csv', MANAGER);
    const calls = bot.fake.calls.slice(from);
    const upload = calls.find((c) => c.name === 'mediaUpload');
    expect(upload?.query).toEqual({ type: 'file' });
    expect(upload?.fileName).toBe('zhanbao-activity-2026-11-01-2026-11-30.csv');
    const mediaId = String(upload?.response.media_id);
    const file = sent.find((s) => s.msgtype === 'file');
    expect(file?.to).toEqual({ userIds: [MANAGER] });
    expect(file?.body.file).toEqual({ media_id: mediaId });
    // What the manager opens: the bytes the fake holds under that media_id.
    const csv = bot.fake.media(mediaId)?.bytes.toString('utf8') ?? '';
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(rows.map((r) => [r.day, r.slack_user_id, r.name, r.calls, r.amount_yuan])).toEqual([
      ['2026-11-02', AGENT, '赵文浩', '120', '0'],
      ['2026-11-03', AGENT, '赵文浩', '90', '50000'],
    ]);
    const reply = sent.find((s) => s.msgtype === 'markdown');
    expect(shown(reply ?? sent[0] ?? { to: { userIds: [] }, msgtype: '', body: {} })).toContain(
      '已把 zhanbao-activity-2026-11-01-2026-11-30.csv（2 行）发到你的私信。',
    );
  });

  it('refuses an agent politely and uploads nothing', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export pay 2026-11', AGENT);
    expect(bot.fake.calls.slice(from).some((c) => c.name === 'mediaUpload')).toBe(false);
    expect(sent.map((s) => s.msgtype)).toEqual(['markdown']);
    expect(sent[0]?.to).toEqual({ userIds: [AGENT] });
    expect(shown(sent[0] ?? { to: { userIds: [] }, msgtype: '', body: {} })).toContain(
      '薪酬只有本人、经理和总监可以查看。',
    );
  });
});
