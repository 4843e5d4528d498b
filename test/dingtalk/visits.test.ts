import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { type DingTalkTestBot, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const toUsers = (s: SentMessage, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);

/**
 * 到访 in DingTalk: typed in the 1:1 chat, and the 09:30 question, whose answers are links that
 * send `/log set <day> 到访N` back (DingTalk's robot messages have no buttons): setting, not adding,
 * so that tapping twice counts once.
 */
describe('到访 (visits) in DingTalk', () => {
  let bot: DingTalkTestBot;
  let teamId: number;
  let ids: Map<string, number>;

  beforeAll(async () => {
    bot = await startDingTalkBot({ mode: 'http', now: '2026-12-01T02:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [{ id: AGENT.userId, name: '赵文浩', group: '一组' }],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    bot.fake.addUser(AGENT.userId, '赵文浩');
    await seedEntries(bot.prisma, teamId, ids, [
      { who: AGENT.userId, day: '2026-11-30', calls: 120, effective: 50, intents: 4, appointments: 2 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('asks the morning question with links that log the answer for the day asked about', async () => {
    const before = bot.fake.sent().length;
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    await runJob(deps, { teamId, job: 'morning-digest', day: day('2026-12-01'), late: false, force: false });
    const question = bot.fake
      .sent()
      .slice(before)
      .find((s) => toUsers(s, AGENT.userId));
    const text = question === undefined ? '' : textOf(question);
    expect(text).toContain('昨天约见的2位客户，今天到访了几位？');
    expect(text).toContain(
      `[2](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent('/log set 2026-12-01 到访2')})`,
    );
    // A link sends its text each time it is tapped: it sets the day's 到访, so a double tap counts once.
    const answered = await bot.send('/log set 2026-12-01 到访2', AGENT);
    expect(answered.map(textOf).join('\n')).toContain('到访 2');
    await bot.send('/log set 2026-12-01 到访2', AGENT);
    const once = await bot.store.activity.memberTotals(
      ids.get(AGENT.userId) ?? -1,
      day('2026-12-01'),
      day('2026-12-01'),
    );
    expect(once.visits).toBe(2);
  });

  it('logs 到访 typed in the 1:1 chat, with or without the slash', async () => {
    const sent = await bot.send('记录 到访1 确认', AGENT);
    expect(sent.map(textOf).join('\n')).toContain('到访 +1');
    const totals = await bot.store.activity.memberTotals(
      ids.get(AGENT.userId) ?? -1,
      day('2026-12-01'),
      day('2026-12-01'),
    );
    expect(totals.visits).toBe(3);
  });
});
