import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import type { WeComSent } from '../helpers/fake-wecom.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';

const AGENT = 'ZhaoWenHao';
const toUser = (s: WeComSent, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
const cardOf = (s: WeComSent) => s.body.template_card as Record<string, unknown> | undefined;

/**
 * 到访 in WeCom: typed in the chat with the app, and the 09:30 question as a template card whose
 * buttons log the answer once, however often they are clicked or the click is delivered.
 */
describe('到访 (visits) in WeCom', () => {
  let bot: WeComTestBot;
  let teamId: number;
  let ids: Map<string, number>;
  const visitsOn = async (on: string) =>
    (await bot.store.activity.memberTotals(ids.get(AGENT) ?? -1, day(on), day(on))).visits;

  beforeAll(async () => {
    bot = await startWeComBot({ now: '2026-12-01T02:00:00Z' }); // Tuesday 10:00 in Shanghai
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [{ id: AGENT, name: '赵文浩', group: '一组' }],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    bot.fake.addUser(AGENT, '赵文浩');
    await seedEntries(bot.prisma, teamId, ids, [
      { who: AGENT, day: '2026-11-30', calls: 120, effective: 50, intents: 4, appointments: 2 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('asks in a card each morning; a click logs 到访 for today once and greys the card', async () => {
    const before = bot.fake.sent().length;
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    await runJob(deps, { teamId, job: 'morning-digest', day: day('2026-12-01'), late: false, force: false });
    const sent = bot.fake
      .sent()
      .slice(before)
      .find((s) => toUser(s, AGENT) && cardOf(s) !== undefined);
    const card = sent === undefined ? undefined : cardOf(sent);
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '昨天约见的2位客户，今天到访了几位？' },
    });
    const buttons = (card?.button_list ?? []) as Array<{ key: string; text: string }>;
    expect(buttons.map((b) => b.text)).toEqual(['0', '1', '2']);
    const one = buttons.find((b) => b.text === '1');
    const two = buttons.find((b) => b.text === '2');
    const issued = bot.fake.cards().find((c) => c.taskId === card?.task_id);
    if (one === undefined || two === undefined || issued === undefined) throw new Error('no question card');

    const click = (eventKey: string, createTime: number) =>
      bot.delivered(
        bot.wecom.cardXml({
          from: AGENT,
          eventKey,
          taskId: issued.taskId,
          responseCode: issued.responseCode,
          createTime,
        }),
      );
    const answered = await click(one.key, 1795752000);
    expect(answered.map(shown).join('\n')).toContain('已记录 赵文浩 12月1日：到访 +1');
    expect(bot.fake.cards().find((c) => c.responseCode === issued.responseCode)?.replaceName).toBe('已处理');
    expect(await visitsOn('2026-12-01')).toBe(1);

    // The same click delivered again, and a second button of the same question: still one answer.
    await click(one.key, 1795752000);
    const second = await click(two.key, 1795752009);
    expect(second.map(shown).join('\n')).toContain('这条已经记录过了');
    expect(await visitsOn('2026-12-01')).toBe(1);
  });

  it('logs 到访 typed in the chat with the app', async () => {
    const reply = await bot.send('/log 到访1', AGENT);
    expect(reply.map(shown).join('\n')).toContain('已记录 赵文浩 12月1日：到访 +1');
    expect(await visitsOn('2026-12-01')).toBe(2);
  });
});
