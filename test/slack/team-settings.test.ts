import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/** `/team today`, `/team calendar`, `/team pk` and `/team schedule`, as leaders and managers use them. */
describe('team settings in chat', () => {
  let bot: TestBot;
  let teamId: number;

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-12-15T03:00:00Z' }); // Tuesday 15 December, 11:00 in Shanghai
    for (const user of [ADMIN, 'UL', 'UA', 'UB', 'UM']) bot.fake.setUserLocale(user, 'zh-CN');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UL', name: '组长', group: '一组', role: 'leader' },
        { id: 'UA', name: '甲', group: '一组' },
        { id: 'UB', name: '乙', group: '二组' },
        { id: 'UM', name: '经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'UL', day: '2026-12-15', calls: 200, effective: 80, intents: 8, followUps: 12, appointments: 3 },
    ]);
  });
  afterAll(() => bot.close());

  it('/team today shows a leader the group’s funnel, who has not logged and who is behind', async () => {
    const { text, reply } = await bot.command('/team', 'today', 'UL');
    expect(text).toBe('今日进度 · 12月15日');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain(
      '*一组*（2 人）\\n呼出 200 → 有效 80 → 意向 8 → 回访 12 → 约见 3 → 到访 0 → 业绩 ¥0',
    );
    expect(shown).toContain('未记录：<@UA>');
    expect(shown).not.toContain('二组');
    const manager = await bot.command('/team', 'today', 'UM');
    expect(JSON.stringify(manager.reply.blocks)).toContain('未记录：<@UB>');
    const agent = await bot.command('/team', 'today', 'UA');
    expect(agent.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
  });

  it('/team calendar shows the coming days and warns that next year is not published yet', async () => {
    const { text } = await bot.command('/team', 'calendar', 'UM');
    expect(text).toContain('*工作日历* 12月15日 – 1月14日');
    expect(text).toContain('本团队周六休息（调休补班除外）。');
    expect(text).toContain('⚠️ 2027-01-01 起的官方假期还没有公布');
  });

  it('managers override days: a holiday wins over the calendar, and the daily jobs follow it', async () => {
    const set = await bot.command('/team', 'calendar 2027-01-01 holiday', 'UM');
    expect(set.text).toBe('已把 2027-01-01 设为休息日。');
    const shown = await bot.command('/team', 'calendar', 'UM');
    expect(shown.text).toContain('1月1日 休息（团队设置）');
    const deps = { store: bot.store, messenger: bot.messenger, logger: bot.logger };
    expect(
      await runJob(deps, { teamId, job: 'daily-pk', day: day('2027-01-01'), late: false, force: false }),
    ).toMatchObject({ status: 'not-due' });
    await bot.command('/team', 'calendar 2026-12-19 workday', 'UM');
    expect(
      await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-12-19'), late: false, force: false }),
    ).toMatchObject({ status: 'done' });
    const cleared = await bot.command('/team', 'calendar 2026-12-19 clear', 'UM');
    expect(cleared.text).toBe('已取消 2026-12-19 的团队设置，按官方日历计算。');
    const saturdays = await bot.command('/team', 'calendar saturdays on', 'UM');
    expect(saturdays.text).toBe('已设置：周六上班。');
    expect(
      await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-12-26'), late: false, force: false }),
    ).toMatchObject({ status: 'done' });
    const refused = await bot.command('/team', 'calendar 2027-01-02 holiday', 'UA');
    expect(refused.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
  });

  it('the calendar check tells the managers once that the next 30 days reach an unpublished year', async () => {
    const deps = { store: bot.store, messenger: bot.messenger, logger: bot.logger };
    expect(
      await runJob(deps, {
        teamId,
        job: 'calendar-check',
        day: day('2026-11-20'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'not-due' });
    const from = bot.fake.calls.length;
    expect(
      await runJob(deps, {
        teamId,
        job: 'calendar-check',
        day: day('2026-12-15'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'done', periodKey: 'year-2027', posts: 1 });
    const warning = bot.fake.calls.slice(from).find((c) => c.method === 'chat.postMessage');
    expect(warning?.body.channel).toBe('UM');
    expect(String(warning?.body.text)).toContain(
      '官方节假日安排只知道到 2026-12-31，2027-01-01 起的假期和调休还没有公布',
    );
    expect(
      await runJob(deps, {
        teamId,
        job: 'calendar-check',
        day: day('2026-12-16'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'skipped' });
  });

  it('/team pk changes the points of a metric', async () => {
    const shown = await bot.command('/team', 'pk', 'UA');
    expect(shown.text).toContain('业绩：每 ¥10,000 20 分');
    const set = await bot.command('/team', 'pk 意向 8', 'UM');
    expect(set.text).toContain('意向：每个 8 分');
    const rank = await bot.command('/rank', '', 'UA');
    expect(JSON.stringify(rank.reply.blocks)).toContain('1. <@UL>　198 分'); // 80 + 8 × 8 + 12 × 2 + 3 × 10
  });

  it('/team schedule moves a job, and the scheduler follows the new time', async () => {
    const set = await bot.command('/team', 'schedule daily-pk 18:30', 'UM');
    expect(set.text).toContain('`daily-pk` 小组PK榜（工作日）　18:30');
    const usage = await bot.command('/team', 'schedule daily-pk 25:00', 'UM');
    expect(usage.text).toBe('用法：`/team schedule` 查看；`/team schedule daily-pk 18:30`');
  });
});
