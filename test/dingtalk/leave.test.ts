import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DingTalkTestBot, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedTeam } from '../helpers/seed.ts';

const GROUP = { id: 'cidGroupOne==', title: '销售一组' };
const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const LEADER = { userId: 'lead01', nick: '李组长' };
const MANAGER = { userId: 'mgr01', nick: '孙经理' };

const toUsers = (s: SentMessage, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
/** The commands DingTalk's action links send when tapped (dtmd://dingtalkclient/sendMessage). */
const linkCommands = (s: SentMessage) =>
  [...textOf(s).matchAll(/dtmd:\/\/dingtalkclient\/sendMessage\?content=([^)]+)\)/g)].map((m) =>
    decodeURIComponent(m[1] ?? ''),
  );

/**
 * Leave through DingTalk: asked in a group (the answer is private), the request reaches the
 * leader 1:1 with tap-to-send Approve / Turn down links, the leader taps one, and a second tap
 * by the manager is told who decided. Over both inbound paths.
 */
describe.each(['http', 'stream'] as const)('DingTalk leave over %s', (mode) => {
  let bot: DingTalkTestBot;

  beforeAll(async () => {
    bot = await startDingTalkBot({ mode, now: '2026-12-03T02:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT.userId, name: '赵文浩', group: '一组' },
        { id: LEADER.userId, name: '李组长', group: '一组', role: 'leader' },
        { id: MANAGER.userId, name: '孙经理', role: 'manager' },
      ],
    });
    await bot.prisma.group.update({
      where: { id: seeded.groupIds.get('一组') ?? 0 },
      data: { leaderId: seeded.memberIds.get(LEADER.userId) ?? null },
    });
    for (const person of [AGENT, LEADER, MANAGER]) bot.fake.addUser(person.userId, person.nick);
    bot.fake.addGroup(GROUP.id);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('asks in a group, privately; the leader approves by a tapped link; a second tap changes nothing', async () => {
    const sent = await bot.send('请假 12-04 12-05 病假 发烧', AGENT, { group: GROUP });
    const toAgent = sent.filter((s) => toUsers(s, AGENT.userId));
    expect(toAgent.map(textOf).join('\n')).toContain(
      '已提交 赵文浩 的请假：12月4日 至 12月5日（2 天） 病假，等待 李组长 审批。',
    );
    const request = sent.find((s) => toUsers(s, LEADER.userId));
    if (request === undefined) throw new Error('no request to the leader');
    expect(textOf(request)).toContain('赵文浩 申请请假');
    const [approve, reject] = linkCommands(request);
    expect(reject).toMatch(/^\/leave reject \d+$/);
    const decided = await bot.send(approve ?? '', LEADER);
    expect(decided.map(textOf).join('\n')).toContain(
      '✅ 赵文浩 的请假（12月4日 至 12月5日（2 天））已由 李组长 批准。',
    );
    expect(
      decided
        .filter((s) => toUsers(s, AGENT.userId))
        .map(textOf)
        .join('\n'),
    ).toContain('已由 李组长 批准');
    const late = await bot.send(reject ?? '', MANAGER);
    expect(late.map(textOf).join('\n')).toContain('这条请假已经由 李组长 批准了，没有再做改动。');
    const agent = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: AGENT.userId } });
    const leave = await bot.prisma.leave.findFirstOrThrow({ where: { memberId: agent.id } });
    expect(leave).toMatchObject({
      status: 'approved',
      decidedBy: LEADER.userId,
      fromDay: '2026-12-04',
      toDay: '2026-12-05',
    });
    // Nothing about it was posted to the group but the note that the answer went privately.
    expect(
      sent
        .filter((s) => 'openConversationId' in s.to)
        .map(textOf)
        .join('\n'),
    ).not.toContain('病假');
  });
});
