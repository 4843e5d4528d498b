import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTotalsInto, ZERO_TOTALS } from '../../src/domain/metrics.ts';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';

/**
 * `/log` through the real Bolt receiver. The clock is fixed at Friday 2026-11-27 11:00 in
 * Shanghai (03:00 UTC), so "today" is 2026-11-27 and "yesterday" 2026-11-26.
 */
const LEADER = 'ULEAD';
const AGENT = 'UAGENT'; // speaks English
const ZHANG = 'UZHANG'; // speaks Chinese
const OTHER = 'UOTHER'; // in another group

describe('/log', () => {
  let bot: TestBot;

  const totals = async (userId: string, day: string) => {
    const member = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: userId } });
    const entries = await bot.prisma.activityEntry.findMany({ where: { memberId: member.id, day } });
    const sum = { ...ZERO_TOTALS };
    for (const e of entries) addTotalsInto(sum, e);
    return sum;
  };
  const entryCount = () => bot.prisma.activityEntry.count();

  beforeAll(async () => {
    bot = await startTestBot();
    bot.fake.setUserLocale(ADMIN, 'zh-CN');
    bot.fake.setUserLocale(ZHANG, 'zh-CN');
    bot.fake.setUserLocale(LEADER, 'zh-CN');
    bot.fake.setUserLocale(AGENT, 'en-US');
    bot.fake.setUserLocale(OTHER, 'zh-CN');
    for (const text of [
      'group add 一组',
      'group add 二组',
      `add <@${ZHANG}> 一组 客户经理MO1 2026-01-05`,
      `add <@${AGENT}> 一组 客户经理MO1 2026-01-05`,
      `add <@${LEADER}> 一组 客户经理MO2 2025-06-01`,
      `add <@${OTHER}> 二组 客户经理MO1 2026-01-05`,
      `leader 一组 <@${LEADER}>`,
    ]) {
      await bot.command('/team', text, ADMIN);
    }
  });
  afterAll(() => bot.close());

  it('logs all seven metrics in Chinese and shows the totals against the daily targets', async () => {
    // 到访 1 fits the funnel: today's 约见 2 could have come the same day.
    const { text, reply } = await bot.command(
      '/log',
      '呼出120 有效80 意向8 回访5 约见2 到访1 业绩20万',
      ZHANG,
    );
    expect(text).toBe(
      `已记录 <@${ZHANG}> 11月27日：呼出 +120，有效 +80，意向 +8，回访 +5，约见 +2，到访 +1，业绩 +¥200,000`,
    );
    expect(reply.response_type).toBe('ephemeral');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('*11月27日 合计*');
    expect(shown).toContain('呼出 120/150 `▓▓▓▓▓▓▓▓░░` 80%');
    expect(shown).toContain('意向 8/6 `▓▓▓▓▓▓▓▓▓▓` 133%');
    expect(shown).toContain('业绩 ¥200,000（不考核）');
    expect(shown).toContain('到访 1（不考核）');
    expect(await totals(ZHANG, '2026-11-27')).toEqual({
      calls: 120,
      effective: 80,
      intents: 8,
      followUps: 5,
      appointments: 2,
      visits: 1,
      amount: 200000,
    });
  });

  it('adds to the day in English, and replies in the member’s language', async () => {
    const { text } = await bot.command('/log', '120 calls 60 effective 8 intents', AGENT);
    expect(text).toBe(`Logged for <@${AGENT}>, Nov 27: calls +120, effective +60, intents +8`);
    await bot.command('/log', '30 calls', AGENT);
    expect(await totals(AGENT, '2026-11-27')).toMatchObject({ calls: 150, effective: 60, intents: 8 });
  });

  it.each([
    ['/log amount 350000', { amount: 350000 }],
    ['/log 业绩 1.5万', { amount: 15000 }],
    ['/log deal 20w', { amount: 200000 }],
    ['/log 200k', { amount: 200000 }],
    ['/log ¥200,000', { amount: 200000 }],
    ['/log 20万元', { amount: 200000 }],
    ['/log 120通 意向8个', { calls: 120, intents: 8 }],
  ])('reads %s', async (line, expected) => {
    const before = await totals(OTHER, '2026-11-27');
    const { text } = await bot.command('/log', line.slice('/log '.length), OTHER);
    expect(text).toMatch(/^已记录/);
    const after = await totals(OTHER, '2026-11-27');
    for (const [metric, value] of Object.entries(expected)) {
      expect(after[metric as keyof typeof after] - before[metric as keyof typeof before]).toBe(value);
    }
  });

  it('sets a total, then undoes the last entry of the day', async () => {
    const set = await bot.command('/log', 'set 150 calls', ZHANG);
    expect(set.text).toBe(`已修改 <@${ZHANG}> 11月27日 的数据：呼出 +30`);
    expect((await totals(ZHANG, '2026-11-27')).calls).toBe(150);
    const undo = await bot.command('/log', 'undo', ZHANG);
    expect(undo.text).toBe(`已撤销 <@${ZHANG}> 11月27日 的最后一条记录：呼出 -30`);
    expect((await totals(ZHANG, '2026-11-27')).calls).toBe(120);
    const kinds = await bot.prisma.activityEntry.findMany({
      where: { member: { messengerUserId: ZHANG } },
      orderBy: { id: 'asc' },
    });
    expect(kinds.map((e) => e.kind)).toEqual(['add', 'set', 'undo']); // append-only: nothing was edited
  });

  it('logs for yesterday and for a dated day within the window', async () => {
    await bot.command('/log', '昨天 意向3 呼出50', ZHANG);
    await bot.command('/log', '11-20 呼出40', ZHANG);
    expect((await totals(ZHANG, '2026-11-26')).intents).toBe(3);
    expect((await totals(ZHANG, '2026-11-20')).calls).toBe(40);
  });

  it('refuses days too far back for an agent, but lets their leader correct them', async () => {
    const count = await entryCount();
    const old = await bot.command('/log', '11-18 呼出40', ZHANG);
    expect(old.text).toBe('2026-11-18 已超过 7 天，只能由组长或经理补录。请联系你的组长。');
    const future = await bot.command('/log', '11-28 呼出40', ZHANG);
    expect(future.text).toBe('2026-11-28 还没到，不能提前记录。');
    expect(await entryCount()).toBe(count);
    const byLeader = await bot.command('/log', `<@${ZHANG}> 11-18 呼出40`, LEADER);
    expect(byLeader.text).toBe(`已记录 <@${ZHANG}> 11月18日：呼出 +40`);
    const entry = await bot.prisma.activityEntry.findFirstOrThrow({
      where: { day: '2026-11-18' },
      include: { createdBy: true },
    });
    expect(entry.createdBy.messengerUserId).toBe(LEADER);
  });

  it('lets nobody log for someone outside their scope', async () => {
    const byAgent = await bot.command('/log', `<@${ZHANG}> 30 calls`, AGENT);
    expect(byAgent.text).toBe(
      `You can only log for members of your own group; <@${ZHANG}> is not one of them.`,
    );
    const byLeader = await bot.command('/log', `<@${OTHER}> 呼出30`, LEADER);
    expect(byLeader.text).toBe(`你只能为自己小组的成员记录，<@${OTHER}> 不在你的范围内。`);
    const stranger = await bot.command('/log', '30 calls', 'USTRANGER');
    expect(stranger.text).toBe(
      'You are not on the team roster yet. Ask your manager to add you with `/team add`.',
    );
  });

  it.each([
    ['12x calls', AGENT, "I did not understand '12x'."],
    ['120', AGENT, "What is '120'? Put the metric next to the number, e.g. 120 calls."],
    ['calls', AGENT, "'calls' needs a number, e.g. 8 calls."],
    ['呼出120 呼出80', ZHANG, '呼出写了两次，每个指标只写一次。'],
    ['业绩 1.23456万', ZHANG, '业绩「1.23456万」不是整数。'],
    ['02-30 呼出10', ZHANG, '日期「02-30」不对，请写成 11-27 或 2026-11-27。'],
    ['yesterday', AGENT, 'There is nothing to log.'],
  ])('explains %j and saves nothing', async (line, user, message) => {
    const count = await entryCount();
    const { text } = await bot.command('/log', line, user);
    expect(text.split('\n')[0]).toBe(message);
    expect(text).toContain(user === AGENT ? 'For example: `/log 120 calls' : '例如：`/log 呼出120');
    expect(await entryCount()).toBe(count);
  });

  it('refuses effective calls above calls, and totals below zero', async () => {
    const count = await entryCount();
    const effective = await bot.command('/log', '有效200', ZHANG);
    expect(effective.text).toBe(
      '有效呼出（280）不能多于呼出总量（120）。请先补上呼出，例如 `/log 呼出280`。没有保存。',
    );
    const negative = await bot.command('/log', 'set 10 calls', AGENT);
    expect(negative.text).toBe(
      'Effective calls (60) cannot be more than calls (10). Log the calls first, e.g. `/log 60 calls`. Nothing was saved.',
    );
    expect(await entryCount()).toBe(count);
  });

  it('asks before saving a figure above the daily ceiling; Confirm saves it once, even clicked twice', async () => {
    const count = await entryCount();
    const asked = await bot.command('/log', '1600 calls', AGENT);
    expect(asked.text).toBe(
      'Please check these figures; nothing is saved until you confirm:\n• calls 1,750 is above the daily ceiling of 1,500.',
    );
    expect(await entryCount()).toBe(count);
    const buttons = (
      asked.reply.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions');
    const confirm = buttons?.elements?.find((e) => e.action_id === 'log_confirm');
    if (confirm === undefined) throw new Error('no confirm button');
    const first = await bot.click(AGENT, 'log_confirm', confirm.value);
    expect(first.reply.replace_original).toBe(true);
    expect(first.text).toBe(`Logged for <@${AGENT}>, Nov 27: calls +1,600`);
    const second = await bot.click(AGENT, 'log_confirm', confirm.value);
    expect(second.text).toMatch(/^Already logged/);
    expect(await entryCount()).toBe(count + 1);
    expect((await totals(AGENT, '2026-11-27')).calls).toBe(1750);
  });

  it('asks about 业绩 that looks like the wrong unit; Cancel saves nothing', async () => {
    const count = await entryCount();
    const asked = await bot.command('/log', '业绩 20', ZHANG);
    expect(asked.text).toContain('业绩 ¥20 看起来很少，是不是想写 ¥200,000？');
    const buttons = (
      asked.reply.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions');
    const cancel = buttons?.elements?.find((e) => e.action_id === 'log_cancel');
    if (cancel === undefined) throw new Error('no cancel button');
    const cancelled = await bot.click(ZHANG, 'log_cancel', cancel.value);
    expect(cancelled.text).toBe('已取消，没有保存任何数据。');
    expect(await entryCount()).toBe(count);
  });

  it('warns when intents exceed effective calls', async () => {
    const asked = await bot.command('/log', '意向100', ZHANG);
    expect(asked.text).toContain('意向 108 比有效呼出 80 还多。');
  });

  it('counts a retried delivery of the same request once', async () => {
    const count = await entryCount();
    const first = await bot.command('/log', '5 intents', OTHER, { triggerId: 'trigger-retry-1' });
    const retry = await bot.command('/log', '5 intents', OTHER, { triggerId: 'trigger-retry-1' });
    expect(first.text).toMatch(/^已记录/);
    expect(retry.text).toMatch(/^这条已经记录过了/);
    expect(await entryCount()).toBe(count + 1);
  });

  it('counts two logs sent at the same moment both', async () => {
    const before = await totals(OTHER, '2026-11-27');
    const [a, b] = await Promise.all([
      bot.slack.slashCommand({ command: '/log', text: '10 calls', userId: OTHER }),
      bot.slack.slashCommand({ command: '/log', text: '7 calls', userId: OTHER }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await bot.fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).includes('呼出 +10'));
    await bot.fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).includes('呼出 +7'));
    expect((await totals(OTHER, '2026-11-27')).calls - before.calls).toBe(17);
  });

  it('refreshes the member’s Home tab after a log', async () => {
    const from = bot.fake.calls.length;
    await bot.command('/log', '约见1', ZHANG);
    const publish = await bot.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === ZHANG, {
      fromIndex: from,
    });
    const home = JSON.stringify(publish.body.view);
    expect(home).toContain('我的战报');
    expect(home).toContain('*今日*');
    expect(home).toContain('*本月*');
  });

  it('shows help', async () => {
    const { text } = await bot.command('/log', 'help', AGENT);
    expect(text).toContain('`/log set 150 calls`');
  });
});
