import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { type SlackApiCall, startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * Team goals (团队目标) through the real Slack receiver: `/team goal …` by managers, refusals, the
 * 18:00 board's header, `/stats team`, the month's result and the managers' morning digest.
 *
 * The team starts in October 2026 (`/team goal start 2026-10`): October's goal is ¥1,000,000,
 * November's ¥3,000,000. November 2026 has 21 working days; 二组's 丙 joined on Monday 11-16
 * (11 working days), so 一组 has 42 member-days and 二组 32: the ¥3,000,000 splits
 * 1,702,703 / 1,297,297 (largest remainder). It is Friday 27 November, 11:00 in Shanghai.
 */
describe('team goals in Slack', () => {
  let bot: TestBot;
  let teamId: number;
  const run = (job: 'daily-pk' | 'monthly-pk' | 'morning-digest', on: string) =>
    runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job, day: day(on), late: false, force: true },
    );
  const posts = (from: number, channel: string) =>
    bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  const shown = (call: SlackApiCall | undefined) =>
    JSON.stringify(call?.body.blocks ?? call?.body.text ?? '');

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    for (const user of ['UL', 'UA', 'UB', 'UC', 'UM']) bot.fake.setUserLocale(user, 'zh-CN');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UL', name: '组长', group: '一组', role: 'leader' },
        { id: 'UA', name: '甲', group: '一组' },
        { id: 'UB', name: '乙', group: '二组' },
        { id: 'UC', name: '丙', group: '二组', hiredOn: '2026-11-16' },
        { id: 'UM', name: '经理', role: 'manager' },
        { id: 'UE', name: 'Emma', role: 'manager', locale: 'en' },
      ],
    });
    teamId = seeded.teamId;
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'UA', day: '2026-10-15', amount: 1_200_000 },
      { who: 'UL', day: '2026-11-02', amount: 500_000 },
      { who: 'UA', day: '2026-11-26', amount: 300_000 },
      { who: 'UB', day: '2026-11-27', amount: 200_000 },
    ]);
  });
  afterAll(() => bot.close());

  it('refuses members who are not managers, politely', async () => {
    for (const text of ['', 'start 2026-10', '2027-01 300万', '2027-01 clear']) {
      const refused = await bot.command('/team', `goal ${text}`.trim(), 'UA');
      expect(refused.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
    }
    expect(await bot.prisma.teamGoal.count()).toBe(0);
  });

  it('says how to write a goal when the line is wrong, and saves nothing', async () => {
    const usage =
      '用法：`/team goal` 查看全年目标；`/team goal 2027-01 300万` 设置团队月目标；`/team goal 2027-01 一组 50万` 设置小组目标；`/team goal 2027-01 clear` 取消；`/team goal start 2026-10` 设置起始月';
    expect((await bot.command('/team', 'goal 2027-01', 'UM')).text).toBe(usage);
    expect((await bot.command('/team', 'goal 2027-01 很多', 'UM')).text).toBe(usage);
    expect((await bot.command('/team', 'goal 一月 300万', 'UM')).text).toBe(usage);
    expect((await bot.command('/team', 'goal start', 'UM')).text).toBe(usage);
    expect((await bot.command('/team', 'goal 2027-13 300万', 'UM')).text).toBe(
      '月份「2027-13」不对，请写成 2026-11 这样的格式。',
    );
    expect((await bot.command('/team', 'goal 2027-01 0', 'UM')).text).toBe(
      '目标金额「0」不行：请写 1 元到 20 亿元之间的整数，例如 `300万`、`¥3,000,000`。',
    );
    expect((await bot.command('/team', 'goal 2027-01 三组 50万', 'UM')).text).toBe(
      '没有名为「三组」的小组。现有小组：一组、二组。新建请用 `/team group add 三组`。',
    );
    // The bot made the team on its first command (the test clock: November 2026), so January 2027
    // is its month 3 until the start is set below.
    expect((await bot.command('/team', 'goal 2027-01 300万', 'UE')).text).toBe(
      'The team goal for Jan 2027 is now ¥3,000,000 (it was ¥6,000,000).',
    );
    expect((await bot.command('/team', 'goal 2027-01 many', 'UE')).text).toContain('Usage: `/team goal`');
    await bot.command('/team', 'goal 2027-01 clear', 'UE');
    expect(await bot.prisma.teamGoal.count()).toBe(0);
  });

  it('sets the start month, a month’s team goal and a group’s, each audited', async () => {
    expect((await bot.command('/team', 'goal start 2026-10', 'UM')).text).toBe(
      '已设置：团队目标从 2026年10月 起算，2026年10月 是第 1 个月（目标 ¥1,000,000）。经理为某月设置的目标仍然优先。',
    );
    expect((await bot.command('/team', 'goal 2026-12 500万', 'UM')).text).toBe(
      '已把 2026年12月的团队目标设为 ¥5,000,000（原为 ¥6,000,000）。',
    );
    expect((await bot.command('/team', '业绩目标 2026-12 ¥5,500,000', 'UM')).text).toBe(
      '已把 2026年12月的团队目标设为 ¥5,500,000（原为 ¥5,000,000）。',
    );
    expect((await bot.command('/team', 'goal 2026-12 一组 200 万', 'UM')).text).toBe(
      '已把 2026年12月「一组」的目标设为 ¥2,000,000，团队目标剩下的部分由其他小组按人数分摊。',
    );
    const audit = await bot.prisma.auditEvent.findMany({
      where: { action: { startsWith: 'goal.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.detail)])).toEqual([
      ['UE', 'goal.set', { month: '2027-01', group: null, amount: 3_000_000, previous: null }],
      ['UE', 'goal.clear', { month: '2027-01', group: null }],
      ['UM', 'goal.start', { month: '2026-10', previous: null }],
      ['UM', 'goal.set', { month: '2026-12', group: null, amount: 5_000_000, previous: null }],
      ['UM', 'goal.set', { month: '2026-12', group: null, amount: 5_500_000, previous: 5_000_000 }],
      ['UM', 'goal.set', { month: '2026-12', group: '一组', amount: 2_000_000, previous: null }],
    ]);
  });

  it('/team goal shows the year: goal and its source, 业绩, met or missed', async () => {
    const { text, reply } = await bot.command('/team', 'goal', 'UM');
    expect(text).toBe('*2026年团队业绩目标*');
    const lines = String(JSON.stringify(reply.blocks));
    expect(lines).toContain(
      '从 2026年10月 起算（经理设置）：前三个月 ¥1,000,000、¥3,000,000、¥6,000,000，之后每月 ¥30,000,000。',
    );
    expect(lines).toContain('2026年9月　无目标（早于起始月）');
    expect(lines).toContain('2026年10月　目标 ¥1,000,000（按计划）　✅ 达成 ¥1,200,000（120%）');
    expect(lines).toContain('2026年11月　目标 ¥3,000,000（按计划）　进行中 ¥1,000,000（33%）');
    expect(lines).toContain('2026年12月　目标 ¥5,500,000（经理设置）\\n　小组目标：一组 ¥2,000,000');
    const english = await bot.command('/team', 'goal', 'UE');
    expect(english.text).toBe('*Team goals for 2026*');
    expect(JSON.stringify(english.reply.blocks)).toContain(
      'Oct 2026　goal ¥1,000,000 (plan)　✅ made ¥1,200,000 (120%)',
    );
  });

  it('clears a month’s goal back to the plan, and a group’s back to its share', async () => {
    expect((await bot.command('/team', 'goal 2026-12 一组 clear', 'UM')).text).toBe(
      '已取消 2026年12月「一组」的目标，恢复按人数分摊。',
    );
    expect((await bot.command('/team', 'goal 2026-12 clear', 'UM')).text).toBe(
      '已取消 2026年12月经理设置的团队目标，现在是 按计划 ¥6,000,000。',
    );
    expect((await bot.command('/team', 'goal 2026-12 clear', 'UM')).text).toBe(
      '2026年12月没有经理设置的团队目标，现在是 按计划 ¥6,000,000。',
    );
    expect(await bot.prisma.teamGoal.count()).toBe(0);
  });

  it('/team help lists the goal commands', async () => {
    expect((await bot.command('/team', 'help', 'UM')).text).toContain('`/team goal` 全年团队业绩目标');
  });

  it('/stats team shows anyone the month against the goal, with today still counting', async () => {
    const { text, reply } = await bot.command('/stats', 'team', 'UA');
    expect(text).toBe('2026年11月团队目标');
    const lines = JSON.stringify(reply.blocks);
    expect(lines).toContain('*全队*　目标 ¥3,000,000（按计划）　已完成 ¥1,000,000（33%）');
    expect(lines).toContain('还差 ¥2,000,000，剩余 2 个工作日，每天需 ¥1,000,000');
    expect(lines).toContain('*一组*　目标 ¥1,702,703（按人数分摊）　已完成 ¥800,000（46%）');
    expect(lines).toContain('还差 ¥902,703，剩余 2 个工作日，每天需 ¥451,352');
    expect(lines).toContain('*二组*　目标 ¥1,297,297（按人数分摊）　已完成 ¥200,000（15%）');
    expect(lines).toContain('还差 ¥1,097,297，剩余 2 个工作日，每天需 ¥548,649');
    const english = await bot.command('/stats', 'team', 'UE');
    expect(JSON.stringify(english.reply.blocks)).toContain(
      '¥2,000,000 to go, 2 working days left: ¥1,000,000 a day',
    );
  });

  it('shares the goal by member-days less approved leave', async () => {
    // 甲 away for two weeks (11-02 .. 11-13: 10 working days): 一组 32 member-days, 二组 32.
    const leave = await bot.prisma.leave.create({
      data: {
        teamId,
        memberId: (await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UA' } })).id,
        fromDay: '2026-11-02',
        toDay: '2026-11-13',
        type: 'sick',
        status: 'approved',
        requestedBy: 'UA',
        decidedBy: 'UL',
      },
    });
    const lines = JSON.stringify((await bot.command('/stats', 'team', 'UA')).reply.blocks);
    expect(lines).toContain('*一组*　目标 ¥1,500,000（按人数分摊）');
    expect(lines).toContain('*二组*　目标 ¥1,500,000（按人数分摊）');
    await bot.prisma.leave.delete({ where: { id: leave.id } });
  });

  it('the 18:00 board opens with the month against the goal and what each remaining day needs', async () => {
    const from = bot.fake.calls.length;
    expect(await run('daily-pk', '2026-11-27')).toMatchObject({ status: 'done' });
    const board = shown(posts(from, 'CPK')[0]);
    expect(board).toContain(
      '🎯 本月团队目标 ¥3,000,000　已完成 ¥1,000,000（33%）\\n还差 ¥2,000,000，剩余 1 个工作日，每天需 ¥2,000,000',
    );
    expect(board.indexOf('🎯')).toBeLessThan(board.indexOf('一组'));
  });

  it('the month’s result says whether the goal was made, and by how much', async () => {
    await seedEntries(bot.prisma, teamId, new Map([['UB', (await memberId('UB')) ?? 0]]), [
      { who: 'UB', day: '2026-11-30', amount: 1_500_000 },
    ]);
    const from = bot.fake.calls.length;
    expect(await run('monthly-pk', '2026-11-30')).toMatchObject({ status: 'done' });
    expect(shown(posts(from, 'CPK')[0])).toContain(
      '🎯 2026年11月团队目标 ¥3,000,000：❌ 未达成，完成 ¥2,500,000（83%），差 ¥500,000',
    );
  });

  it('the managers’ morning digest carries the goal, in each manager’s language', async () => {
    await bot.command('/team', 'goal 2026-12 100万', 'UM');
    const from = bot.fake.calls.length;
    expect(await run('morning-digest', '2026-12-01')).toMatchObject({ status: 'done' });
    const chinese = shown(posts(from, 'UM')[0]);
    expect(chinese).toContain('*团队目标晨报 · 12月1日*');
    expect(chinese).toContain(
      '🎯 本月团队目标 ¥1,000,000　已完成 ¥0（0%）\\n还差 ¥1,000,000，剩余 23 个工作日，每天需 ¥43,479',
    );
    expect(chinese).toContain('*一组*　目标 ¥');
    const english = shown(posts(from, 'UE')[0]);
    expect(english).toContain('🎯 Team goal this month ¥1,000,000　done ¥0 (0%)');
    expect(english).toContain('¥1,000,000 to go, 23 working days left: ¥43,479 a day');
  });

  async function memberId(user: string) {
    return (await bot.store.roster.memberByMessengerId(user))?.id;
  }
});
