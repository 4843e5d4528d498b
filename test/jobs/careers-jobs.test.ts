import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/** The careers morning job: probation reminders, protection ending, demotion risk at 2/3 of Q4. */
describe('careers-daily', () => {
  let bot: TestBot;
  let teamId: number;
  const run = (on: string) =>
    runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job: 'careers-daily', day: day(on), late: false, force: false },
    );
  const dms = (from: number, user: string) =>
    bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === user)
      .map((c) => String(c.body.text));

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-11-27T02:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: 'ULEAD', name: '组长', group: '一组', role: 'leader', level: 'S1', hiredOn: '2025-01-02' },
        { id: 'UMGR', name: '经理', role: 'manager' },
        { id: 'UDIR', name: '总监', role: 'director' },
        { id: 'UHIRE', name: '新人', group: '一组', level: 'P1', hiredOn: '2026-11-23', status: 'probation' },
        { id: 'USOON', name: '快到期', group: '一组', level: 'A1', hiredOn: '2026-09-04' },
        { id: 'URISK', name: '有风险', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
        { id: 'USAFE', name: '没风险', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
      ],
    });
    teamId = seeded.teamId;
    const hire = seeded.memberIds.get('UHIRE') ?? -1;
    await bot.prisma.member.updateMany({ where: { messengerUserId: 'UHIRE' }, data: { joinedOn: null } });
    await bot.prisma.member.updateMany({
      where: { messengerUserId: 'USOON' },
      data: { protectionEndsOn: '2026-12-04' },
    });
    await bot.prisma.probation.create({
      data: {
        teamId,
        memberId: hire,
        startedOn: '2026-11-23',
        deadline: '2026-11-29',
        itemsDone: '["culture"]',
      },
    });
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'URISK', day: '2026-11-10', amount: 100000 },
      { who: 'USAFE', day: '2026-11-10', amount: 500000 },
    ]);
  });
  afterAll(() => bot.close());

  it('reminds the leader on day 5 while items are open, and notes a protection period ending in a week', async () => {
    const from = bot.fake.calls.length;
    await run('2026-11-27');
    expect(dms(from, 'ULEAD')).toEqual([
      '提醒：今天是 <@UHIRE> 试用期第 5 天，还有未完成的培训：销售流程、销售技巧、产品介绍、通关训练。',
      '提醒：<@USOON> 的保护期将于 2026-12-04 结束，之后季度未达标会降级。',
    ]);
    expect(dms(from, 'USOON')).toEqual([
      '提醒：<@USOON> 的保护期将于 2026-12-04 结束，之后季度未达标会降级。',
    ]);
    expect(dms(from, 'UMGR')).toEqual([]);
  });

  it('reminds the managers on the deadline and the director the day after', async () => {
    const deadline = bot.fake.calls.length;
    await run('2026-11-29');
    expect(dms(deadline, 'UMGR')).toEqual(['提醒：今天是 <@UHIRE> 试用期截止日，请审批。']);
    const after = bot.fake.calls.length;
    await run('2026-11-30');
    expect(dms(after, 'UDIR')).toEqual(['提醒：<@UHIRE> 的试用期已于 2026-11-29 截止，仍未审批。']);
    expect(dms(after, 'UMGR')).toEqual([]);
  });

  it('warns members at risk of demotion, and their leader, once two thirds of the quarter have passed', async () => {
    // Q4 2026 has 62 working days; the 42nd (two thirds) is Thursday 3 December.
    const before = bot.fake.calls.length;
    await run('2026-12-02');
    expect(dms(before, 'URISK')).toEqual([]);
    const from = bot.fake.calls.length;
    await run('2026-12-03');
    const warning =
      '⚠️ <@URISK> 本季度业绩 ¥100,000，不到目标 ¥600,000 的三分之二，有降级风险。剩余 20 个工作日。';
    expect(dms(from, 'URISK')).toEqual([warning]);
    expect(dms(from, 'ULEAD')).toContain(warning);
    expect(dms(from, 'USAFE')).toEqual([]);
    const later = bot.fake.calls.length;
    await run('2026-12-04');
    expect(dms(later, 'URISK')).toEqual([]); // once a quarter
  });
});
