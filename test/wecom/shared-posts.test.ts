import { afterEach, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import type { WeComCall } from '../helpers/fake-wecom.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';

const silent = createLogger({ level: 'error', sink: () => {} });
const FRIDAY = day('2026-11-27');
const LEADER = 'LiZuZhang';
const PARTIAL = 'QianBuFen';
const GHOST = 'GhostUser';

const touser = (call: WeComCall) => String(call.body.touser ?? '').split('|');
const sends = (bot: WeComTestBot) => bot.fake.calls.filter((c) => c.name === 'messageSend');
function callTo(calls: readonly WeComCall[], userId: string): WeComCall {
  const found = calls.find((c) => touser(c).includes(userId));
  if (found === undefined) throw new Error(`no message/send to ${userId}`);
  return found;
}
const content = (call: WeComCall) => JSON.stringify(call.body.markdown ?? call.body.template_card);

/**
 * One identical message to many members goes in one message/send (`touser` joined by `|`, at
 * most 1000 ids a call; developer.work.weixin.qq.com/document/path/90236), through the real
 * jobs and the real WeCom messenger against the fake WeCom, which refuses more than 1000.
 */
describe('WeCom: one message to many members', () => {
  let bot: WeComTestBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('sends the 17:00 nudge to everyone who logged nothing in one call, each member receiving it', async () => {
    bot = await startWeComBot({ now: '2026-11-27T09:00:00Z' });
    const agents = ['ZhaoYi', 'QianEr', 'SunSan', 'LiSi', 'ZhouWu'];
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: LEADER, name: '李组长', group: '一组', role: 'leader' },
        ...agents.map((id) => ({ id, name: id, group: '一组' })),
        { id: PARTIAL, name: '钱部分', group: '一组' },
        // On the roster but not in WeCom's directory (left the company, mistyped id).
        { id: GHOST, name: '幽灵', group: '一组' },
      ],
    });
    for (const id of [LEADER, ...agents, PARTIAL]) bot.fake.addUser(id, id);
    await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
      { who: PARTIAL, day: FRIDAY, calls: 10 },
    ]);

    const outcome = await runJob(
      { store: bot.store, messenger: bot.messenger, logger: silent },
      { teamId: seeded.teamId, job: 'daily-warnings', day: FRIDAY, late: false, force: true },
    );

    expect(sends(bot).filter((c) => touser(c).includes('ZhaoYi'))).toHaveLength(1);
    const call = callTo(sends(bot), 'ZhaoYi');
    expect(touser(call).sort()).toEqual([LEADER, ...agents, GHOST].sort());
    expect(call.response).toMatchObject({ errcode: 0, invaliduser: GHOST.toLowerCase() });
    // Everyone valid received that very message, once.
    const received = bot.fake.sent().filter((s) => s.body === call.body);
    expect(received.flatMap((s) => ('userIds' in s.to ? s.to.userIds : [])).sort()).toEqual(
      [LEADER, ...agents].sort(),
    );
    // The partial logger's nudge says what is missing: a message of its own.
    expect(sends(bot).filter((c) => touser(c).includes(PARTIAL))).toHaveLength(1);
    const partial = callTo(sends(bot), PARTIAL);
    expect(touser(partial)).toEqual([PARTIAL]);
    expect(content(partial)).not.toBe(content(call));
    // The leader's nudge comes before the group's standing.
    const leaderCalls = sends(bot).filter((c) => touser(c).includes(LEADER));
    expect(leaderCalls[0]).toBe(call);
    expect(leaderCalls.length).toBeGreaterThan(1);
    // The run records a post for each member reached and a failure for the unknown one.
    expect(outcome).toMatchObject({ status: 'done', posts: 1 + agents.length + 1 + 1 });
    expect('failures' in outcome ? outcome.failures : []).toEqual([
      { kind: 'agent-nudge', target: GHOST, reason: 'WeCom: invalid user' },
    ]);
    expect(bot.fake.dropped()).toEqual([]);
  });

  it('splits 1,001 readers into calls of 1,000 and 1, never more than WeCom takes', async () => {
    bot = await startWeComBot({ now: '2026-11-27T09:00:00Z' });
    const seeded = await seedTeam(bot.prisma, { groups: [{ name: '大组' }], members: [] });
    const groupId = seeded.groupIds.get('大组') ?? -1;
    const ids = Array.from({ length: 1001 }, (_, i) => `agent${String(i).padStart(4, '0')}`);
    await bot.prisma.member.createMany({
      data: ids.map((id) => ({
        teamId: seeded.teamId,
        messenger: 'wecom',
        messengerUserId: id,
        displayName: id,
        role: 'agent',
        status: 'active',
        groupId,
        level: 'A1',
        hiredOn: '2026-01-05',
        joinedOn: '2026-01-05',
        locale: 'zh-CN',
      })),
    });
    for (const id of ids) bot.fake.addUser(id, id);

    const outcome = await runJob(
      { store: bot.store, messenger: bot.messenger, logger: silent },
      { teamId: seeded.teamId, job: 'daily-warnings', day: FRIDAY, late: false, force: true },
    );

    const calls = sends(bot);
    expect(calls.map((c) => touser(c).length)).toEqual([1000, 1]);
    expect(calls.every((c) => c.response.errcode === 0)).toBe(true);
    expect(new Set(calls.flatMap(touser))).toEqual(new Set(ids));
    expect(outcome).toMatchObject({ status: 'done', posts: 1001, failures: [] });
  });

  it('sends one message to each language group when readers chose different languages', async () => {
    bot = await startWeComBot({ now: '2026-11-27T09:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: 'ZhangA', name: '张甲', group: '一组' },
        { id: 'WangB', name: '王乙', group: '一组' },
        { id: 'Emma', name: 'Emma', group: '一组', locale: 'en' },
        { id: 'Liam', name: 'Liam', group: '一组', locale: 'en' },
      ],
    });
    for (const id of ['ZhangA', 'WangB', 'Emma', 'Liam']) bot.fake.addUser(id, id);

    await runJob(
      { store: bot.store, messenger: bot.messenger, logger: silent },
      { teamId: seeded.teamId, job: 'daily-warnings', day: FRIDAY, late: false, force: true },
    );

    const calls = sends(bot);
    expect(calls).toHaveLength(2);
    const chinese = callTo(calls, 'ZhangA');
    const english = callTo(calls, 'Emma');
    expect(touser(chinese).sort()).toEqual(['WangB', 'ZhangA']);
    expect(touser(english).sort()).toEqual(['Emma', 'Liam']);
    expect(content(chinese)).toMatch(/[\u4e00-\u9fff]/);
    expect(content(english)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('tells each manager of a cohort of 35 at its deadline in one message, not 35 (WeCom drops over 30 a minute)', async () => {
    bot = await startWeComBot({ now: '2026-11-29T01:15:00Z' });
    const hires = Array.from({ length: 35 }, (_, i) => `hire${String(i).padStart(2, '0')}`);
    const managers = ['SunJingLi', 'ZhouJingLi'];
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        ...managers.map((id) => ({ id, name: id, role: 'manager' as const })),
        ...hires.map((id) => ({
          id,
          name: id,
          group: '一组',
          level: 'P1',
          hiredOn: '2026-11-23',
          status: 'probation' as const,
        })),
      ],
    });
    for (const id of [...managers, ...hires]) bot.fake.addUser(id, id);
    for (const id of hires)
      await bot.prisma.probation.create({
        data: {
          teamId: seeded.teamId,
          memberId: seeded.memberIds.get(id) ?? -1,
          startedOn: '2026-11-23',
          deadline: '2026-11-29',
          itemsDone: '["culture","process","skills","product","drill"]',
        },
      });

    const outcome = await runJob(
      { store: bot.store, messenger: bot.messenger, logger: silent },
      { teamId: seeded.teamId, job: 'careers-daily', day: day('2026-11-29'), late: false, force: true },
    );

    // One message, in as few parts of at most 2,048 bytes as its 35 lines need, each part one
    // call to both managers: 2 app messages each instead of 35.
    const toManagers = sends(bot).filter((c) => touser(c).includes('SunJingLi'));
    expect(toManagers.length).toBeLessThanOrEqual(2);
    for (const call of toManagers) expect(touser(call).sort()).toEqual([...managers].sort());
    const text = toManagers.map(content).join('\n');
    for (const id of hires) expect(text).toContain(`今天是 ${id} 试用期截止日，请审批。`);
    expect(outcome).toMatchObject({ status: 'done', failures: [] });
    expect(bot.fake.dropped()).toEqual([]);
  });
});
