import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE } from '../../src/xlsx/write-xlsx.ts';
import { type DingTalkTestBot, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { asCsvText, isZip, readSheets } from '../helpers/workbook.ts';

const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const MANAGER = { userId: 'mgr01', nick: '孙经理' };

/**
 * `/team export …` typed in the 1:1 chat with the robot, end to end over signed HTTP callbacks:
 * the workbook (or the CSV) goes up with oapi media/upload (multipart `media`; the fake refuses empty files and
 * files over 20 MB) and comes down as a sampleFile batchSend whose mediaId the fake issued.
 */
describe('DingTalk: /team export delivers a file', () => {
  let bot: DingTalkTestBot;

  beforeAll(async () => {
    bot = await startDingTalkBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT.userId, name: '赵文浩', group: '一组' },
        { id: MANAGER.userId, name: '孙经理', role: 'manager' },
      ],
    });
    bot.fake.addUser(AGENT.userId, '赵文浩');
    bot.fake.addUser(MANAGER.userId, '孙经理');
    await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
      { who: AGENT.userId, day: '2026-11-02', calls: 120, effective: 80, intents: 8 },
      { who: AGENT.userId, day: '2026-11-03', calls: 90, amount: 50000 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('uploads the activity workbook intact and sends it to the manager as a sampleFile', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export activity 2026-11-01 2026-11-30', MANAGER);
    const upload = bot.fake.calls.slice(from).find((c) => c.name === 'mediaUpload');
    expect(upload?.fileName).toBe('zhanbao-activity-2026-11-01-2026-11-30.xlsx');
    expect(upload?.partType).toBe(XLSX_CONTENT_TYPE);
    const mediaId = String((upload?.response as Record<string, unknown> | undefined)?.media_id);
    expect(sent.find((s) => s.msgKey === 'sampleFile')?.msgParam).toEqual({
      mediaId,
      fileName: 'zhanbao-activity-2026-11-01-2026-11-30.xlsx',
      fileType: 'xlsx',
    });
    // What the manager opens: the bytes the fake holds under that media_id, a workbook.
    const bytes = bot.fake.media(mediaId)?.bytes ?? Buffer.alloc(0);
    expect(isZip(bytes)).toBe(true);
    const sheets = await readSheets(bytes, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组']);
    expect(sheets[1]?.rows.map((r) => [asCsvText(r[0]), r[1], r[2], r[4], r[9]])).toEqual([
      ['2026-11-02', AGENT.userId, '赵文浩', 120, 0],
      ['2026-11-03', AGENT.userId, '赵文浩', 90, 50000],
    ]);
    const reply = sent.find((s) => 'session' in s.to);
    expect(reply === undefined ? '' : textOf(reply)).toContain(
      '已把 zhanbao-activity-2026-11-01-2026-11-30.xlsx（2 行）发到你的私信。',
    );
  });

  it('uploads the activity CSV when asked with the word csv', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export activity 2026-11-01 2026-11-30 csv', MANAGER);
    const upload = bot.fake.calls.slice(from).find((c) => c.name === 'mediaUpload');
    expect(upload?.fileName).toBe('zhanbao-activity-2026-11-01-2026-11-30.csv');
    const mediaId = String((upload?.response as Record<string, unknown> | undefined)?.media_id);
    const file = sent.find((s) => s.msgKey === 'sampleFile');
    expect(file?.to).toEqual({ userIds: [MANAGER.userId] });
    expect(file?.msgParam).toEqual({
      mediaId,
      fileName: 'zhanbao-activity-2026-11-01-2026-11-30.csv',
      fileType: 'csv',
    });
    const csv = bot.fake.media(mediaId)?.bytes.toString('utf8') ?? '';
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(rows.map((r) => [r.day, r.slack_user_id, r.name, r.calls, r.amount_yuan])).toEqual([
      ['2026-11-02', AGENT.userId, '赵文浩', '120', '0'],
      ['2026-11-03', AGENT.userId, '赵文浩', '90', '50000'],
    ]);
    const reply = sent.find((s) => 'session' in s.to);
    expect(reply === undefined ? '' : textOf(reply)).toContain(
      '已把 zhanbao-activity-2026-11-01-2026-11-30.csv（2 行）发到你的私信。',
    );
  });

  it('refuses an agent politely and uploads nothing', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.send('/team export pay 2026-11', AGENT);
    expect(bot.fake.calls.slice(from).some((c) => c.name === 'mediaUpload')).toBe(false);
    expect(sent).toHaveLength(1);
    expect('session' in (sent[0]?.to ?? {})).toBe(true);
    expect(sent[0] === undefined ? '' : textOf(sent[0])).toContain('薪酬只有本人、经理和总监可以查看。');
  });
});
