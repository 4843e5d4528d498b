import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeComSent } from '../helpers/fake-wecom.ts';
import { seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';

const AGENT = 'ZhaoWenHao';
const LEADER = 'LiZuZhang';
const MANAGER = 'SunJingLi';

const toUser = (s: WeComSent, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
const cardOf = (s: WeComSent) => s.body.template_card as Record<string, unknown> | undefined;

/**
 * Leave through WeCom's encrypted callbacks: the request reaches the leader as a template card,
 * Approve decides once (the card is updated so nobody can click again), and a later click by
 * the manager is told who decided.
 */
describe('WeCom leave', () => {
  let bot: WeComTestBot;

  beforeAll(async () => {
    bot = await startWeComBot({ now: '2026-12-03T02:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT, name: '赵文浩', group: '一组' },
        { id: LEADER, name: '李组长', group: '一组', role: 'leader' },
        { id: MANAGER, name: '孙经理', role: 'manager' },
      ],
    });
    await bot.prisma.group.update({
      where: { id: seeded.groupIds.get('一组') ?? 0 },
      data: { leaderId: seeded.memberIds.get(LEADER) ?? null },
    });
    for (const [id, name] of [
      [AGENT, '赵文浩'],
      [LEADER, '李组长'],
      [MANAGER, '孙经理'],
    ] as const)
      bot.fake.addUser(id, name);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('sends the request as a card; Approve decides once, and a later click is told who decided', async () => {
    const sent = await bot.send('请假 明天 年假', AGENT);
    expect(
      sent
        .filter((s) => toUser(s, AGENT))
        .map(shown)
        .join('\n'),
    ).toContain('已提交 赵文浩 的请假：12月4日（1 天） 年假，等待 李组长 审批。');
    const request = sent.find((s) => toUser(s, LEADER) && cardOf(s) !== undefined);
    const card = request === undefined ? undefined : cardOf(request);
    const keys = ((card?.button_list ?? []) as Array<{ key: string }>).map((b) => b.key);
    expect(keys.map((k) => k.split('|')[0])).toEqual(['leave_approve', 'leave_reject']);
    const issued = bot.fake.cards().find((c) => c.taskId === card?.task_id);
    if (issued === undefined) throw new Error('no leave card');
    const click = (from: string, key: string, createTime: number) =>
      bot.delivered(
        bot.wecom.cardXml({
          from,
          eventKey: key,
          taskId: issued.taskId,
          responseCode: issued.responseCode,
          createTime,
        }),
      );
    const decided = await click(LEADER, keys[0] ?? '', 1796263200);
    expect(decided.map(shown).join('\n')).toContain('✅ 赵文浩 的请假（12月4日（1 天））已由 李组长 批准。');
    expect(
      decided
        .filter((s) => toUser(s, AGENT))
        .map(shown)
        .join('\n'),
    ).toContain('已由 李组长 批准');
    expect(bot.fake.cards().find((c) => c.responseCode === issued.responseCode)?.replaceName).toBe('已处理');
    // The same click re-delivered counts once; the manager's later click is told who decided.
    await click(LEADER, keys[0] ?? '', 1796263200);
    const later = await click(MANAGER, keys[1] ?? '', 1796263300);
    expect(later.map(shown).join('\n')).toContain('这条请假已经由 李组长 批准了，没有再做改动。');
    const audits = await bot.prisma.auditEvent.findMany({ where: { action: { startsWith: 'leave.' } } });
    expect(audits.map((a) => a.action)).toEqual(['leave.requested', 'leave.approved']);
  });
});
