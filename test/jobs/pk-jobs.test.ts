import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createStore } from '../../src/store/store.ts';
import { type SlackApiCall, startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * The scheduled jobs on a prepared week (Mon 2026-11-23 … Fri 11-27) of three groups:
 * 一组 (L1, A1a, A1b; X left), 二组 (L2, B1, B2 who joined on Wednesday 11-25), 三组 (empty).
 * Jobs run through runJob for fixed days and post to the fake Slack Web API.
 */
describe('scheduled PK jobs', () => {
  let bot: TestBot;
  let teamId: number;
  let ids: Map<string, number>;
  const run = (job: Parameters<typeof runJob>[1]['job'], on: string, force = false) =>
    runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job, day: day(on), late: false, force },
    );
  const posts = (from: number, channel?: string) =>
    bot.fake.calls
      .slice(from)
      .filter(
        (c) => c.method === 'chat.postMessage' && (channel === undefined || c.body.channel === channel),
      );
  const shown = (call: SlackApiCall | undefined) =>
    JSON.stringify(call?.body.blocks ?? call?.body.text ?? '');

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组', channel: 'CG1' }, { name: '二组', channel: 'CG2' }, { name: '三组' }],
      members: [
        { id: 'UL1', name: '李一', group: '一组', role: 'leader', level: 'A2' },
        { id: 'UA1A', name: '王二', group: '一组' },
        { id: 'UA1B', name: '张三', group: '一组' },
        { id: 'UX', name: '赵离', group: '一组', status: 'left' },
        { id: 'UL2', name: '陈四', group: '二组', role: 'leader' },
        { id: 'UB1', name: '刘五', group: '二组' },
        { id: 'UB2', name: '周六', group: '二组', hiredOn: '2026-11-25', level: 'P1' },
        { id: 'UM1', name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    for (const user of ['UL1', 'UA1A', 'UA1B', 'UL2', 'UB1', 'UB2', 'UM1'])
      bot.fake.setUserLocale(user, 'zh-CN');
    ids = seeded.memberIds;
    await seedEntries(bot.prisma, teamId, ids, [
      // Monday: only A1b works.
      { who: 'UA1B', day: '2026-11-23', calls: 100, effective: 50 },
      // Thursday: 一组 40 per person (L1 90 + A1a 30 + A1b 0), 二组 20 per person.
      { who: 'UL1', day: '2026-11-26', calls: 100, effective: 60, intents: 6 },
      { who: 'UA1A', day: '2026-11-26', calls: 100, effective: 30 },
      { who: 'UL2', day: '2026-11-26', calls: 100, effective: 20 },
      { who: 'UB1', day: '2026-11-26', calls: 100, effective: 20 },
      { who: 'UB2', day: '2026-11-26', calls: 100, effective: 20 },
      // Friday: a tie at 40 per person, broken by 业绩 (一组 has ¥10,000); the leaver's 500 do not count.
      { who: 'UL1', day: '2026-11-27', calls: 100, effective: 40, intents: 6, amount: 10000 },
      { who: 'UA1A', day: '2026-11-27', calls: 100, effective: 30 },
      { who: 'UX', day: '2026-11-27', calls: 600, effective: 500 },
      { who: 'UL2', day: '2026-11-27', calls: 100, effective: 40 },
      { who: 'UB1', day: '2026-11-27', calls: 100, effective: 40 },
      { who: 'UB2', day: '2026-11-27', calls: 100, effective: 40 },
    ]);
  });
  afterAll(() => bot.close());

  it('17:00 warns members behind target, members who logged nothing, and each leader', async () => {
    const from = bot.fake.calls.length;
    const outcome = await run('daily-warnings', '2026-11-26');
    expect(outcome).toMatchObject({ status: 'done', failures: [] });
    const dm = (user: string) => posts(from, user).map((c) => String(c.body.text));
    expect(dm('UA1B')).toEqual([
      '你今天（11月26日）还没有记录工作量，距离PK榜发布还有 60 分钟。用 `/log` 记录，例如 `/log 呼出120 意向8`。',
    ]);
    expect(dm('UB1')).toEqual([
      '11月26日 距离今日目标还差：呼出 50、有效 40、意向 6、回访 10、约见 2。距离PK榜发布还有 60 分钟，加油！',
    ]);
    expect(dm('UL2')).toContain(
      '*二组* 当前第 2 名，人均 20 分，比「一组」少 20 分/人（全组约差 12 个意向），还剩 60 分钟。\n全组都已记录。',
    );
    expect(dm('UL1').at(-1)).toBe('*一组* 当前第 1 名，人均 40 分。还剩 60 分钟，守住！\n还没记录：<@UA1B>');
    expect(dm('UM1')).toEqual([]); // managers do not compete
    expect(dm('UX')).toEqual([]); // nor do members who left
  });

  it('18:00 posts the daily board: a tie on per-capita points broken by 业绩, the empty group last', async () => {
    const from = bot.fake.calls.length;
    const outcome = await run('daily-pk', '2026-11-27');
    // The board, its 战报 image (test/images/poster-jobs.test.ts) and one post to each group's channel.
    expect(outcome).toMatchObject({ status: 'done', posts: 4, failures: [] });
    const board = shown(posts(from, 'CPK')[0]);
    expect(board).toContain('小组PK榜 · 11月27日');
    expect(board).toContain('🥇 *一组*　人均 40 分　合计 120 分　3 人');
    expect(board).toContain('🥈 *二组*　人均 40 分　合计 120 分　3 人');
    expect(board).toContain('*三组*　今日无人在岗');
    expect(board.indexOf('一组')).toBeLessThan(board.indexOf('二组'));
    expect(board).toContain('1. <@UL1>　90 分');
    expect(board).not.toContain('<@UX>');
    expect(board).toContain('*未达标*');
    expect(shown(posts(from, 'CG2')[0])).toContain(
      '*二组* 今日第 2 名（共 3 组），人均 40 分。 距上一名「一组」差 0 分/人。',
    );
    const win = await bot.prisma.pkWin.findMany({ where: { period: 'day', periodKey: '2026-11-27' } });
    expect(win.map((w) => w.groupId)).toEqual([await groupId('一组')]);
  });

  it('runs the daily jobs on working days only: not on 国庆节, yes on the 调休 Saturday', async () => {
    expect(await run('daily-pk', '2026-10-01')).toEqual({
      status: 'not-due',
      job: 'daily-pk',
      day: '2026-10-01',
    });
    expect(await run('daily-pk', '2026-11-28')).toMatchObject({ status: 'not-due' }); // an ordinary Saturday
    expect(await run('daily-pk', '2026-10-10')).toMatchObject({ status: 'done', periodKey: '2026-10-10' });
  });

  it('posts exactly once when two runners race for the same day', async () => {
    const from = bot.fake.calls.length;
    const [a, b] = await Promise.all([run('daily-pk', '2026-11-24'), run('daily-pk', '2026-11-24')]);
    expect([a.status, b.status].sort()).toEqual(['done', 'skipped']);
    expect(posts(from, 'CPK')).toHaveLength(1);
    expect(await run('daily-pk', '2026-11-24')).toMatchObject({
      status: 'skipped',
      reason: 'already-claimed',
    });
  });

  it('keeps posting when one post fails, and records what failed', async () => {
    bot.fake.failNext('chat.postMessage', 'not_in_channel');
    const from = bot.fake.calls.length;
    const outcome = await run('daily-pk', '2026-11-25');
    expect(outcome).toMatchObject({ status: 'done', posts: 2 });
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.failures).toEqual([
      { kind: 'team-board', target: 'CPK', reason: expect.stringContaining('not_in_channel') },
    ]);
    expect(posts(from).map((c) => c.body.channel)).toEqual(['CPK', 'CG1', 'CG2']);
    const stored = await bot.prisma.jobRun.findFirstOrThrow({
      where: { job: 'daily-pk', periodKey: '2026-11-25' },
    });
    expect(JSON.parse(stored.failures)).toHaveLength(1);
  });

  it('the weekly result counts a mid-week joiner by the days on duty, and records the winner', async () => {
    const from = bot.fake.calls.length;
    expect(await run('weekly-pk', '2026-11-26')).toMatchObject({ status: 'not-due' }); // Friday is the last working day
    expect(await run('weekly-pk', '2026-11-27')).toMatchObject({ status: 'done' });
    const board = shown(posts(from, 'CPK')[0]);
    expect(board).toContain('周PK结果 · 11月23日 – 11月29日');
    // 一组: 50 + 120 + 120 points over 15 member-days = 96.7 per full-time member (× 5 days).
    expect(board).toContain('🥇 *一组*　人均 96.7 分　合计 290 分　3 人');
    // 二组: 60 + 120 points over 5 + 5 + 3 member-days (周六 joined on Wednesday) = 69.2.
    expect(board).toContain('🥈 *二组*　人均 69.2 分　合计 180 分　3 人');
    expect(board).toContain('🏆 冠军：一组');
    // The result says where the funnel leaks: the team's (1,100 calls, 390 effective, 12 intents) and each group's.
    expect(board).toContain(
      '*团队转化*\\n转化：呼出→有效 35.5%　有效→意向 3.1%　意向→约见 0.0%　约见→到访 —　每位到访业绩 —',
    );
    expect(board).toContain('\\n一组　转化：呼出→有效 42.0%');
    const wins = await bot.command('/rank', 'wins', 'UL2');
    expect(wins.text).toBe('*本周冠军榜*\n一组：1 次冠军，当前连胜 1，最长连胜 1');
  });

  it('09:30 sends leaders yesterday’s misses and escalates three missed working days to the manager', async () => {
    const from = bot.fake.calls.length;
    expect(await run('morning-digest', '2026-11-30')).toMatchObject({ status: 'done' });
    const digest = posts(from, 'UL2').map((c) => shown(c));
    expect(digest[0]).toContain('*二组* 11月27日 未达标的成员：');
    expect(digest[0]).toContain('<@UB2>　差 呼出 50、有效 10、意向 4、回访 6、约见 1');
    const escalation = shown(posts(from, 'UM1')[0]);
    expect(escalation).toContain('以下成员已连续 3 个工作日未达标（11月25日 – 11月27日）：');
    expect(escalation).toContain('<@UB2>（二组）');
    expect(escalation).toContain('<@UA1B>（一组）');
  });

  it('posts the month’s result with each member’s figures on its last working day', async () => {
    expect(await run('monthly-pk', '2026-11-27')).toMatchObject({ status: 'not-due' });
    const from = bot.fake.calls.length;
    // The result, its 战报 image and the month's figures.
    expect(await run('monthly-pk', '2026-11-30')).toMatchObject({ status: 'done', posts: 3 });
    const [result, figures] = posts(from, 'CPK');
    expect(shown(result)).toContain('11月PK结果');
    expect(shown(figures)).toContain('*11月个人业绩与目标*');
    expect(shown(figures)).toContain('<@UL1>　业绩 ¥10,000/¥200,000（5%）　意向 12/132');
  });

  it('corrects a posted board when a late log changes it, in place and with a note in its thread', async () => {
    await run('daily-pk', '2026-11-26');
    const run26 = await bot.prisma.jobRun.findFirstOrThrow({
      where: { job: 'daily-pk', periodKey: '2026-11-26' },
    });
    const teamPost = JSON.parse(run26.posts).find((p: { kind: string }) => p.kind === 'team-board');
    const from = bot.fake.calls.length;
    // 二组's leader logs a big Thursday late: 二组 overtakes 一组.
    const logged = await bot.command('/log', '昨天 呼出300 有效200', 'UL2');
    expect(logged.text).toMatch(/^已记录 <@UL2> 11月26日/);
    const update = await bot.fake.waitFor((c) => c.method === 'chat.update', { fromIndex: from });
    expect(update.body).toMatchObject({ channel: 'CPK', ts: teamPost.ts });
    expect(shown(update)).toContain('🥇 *二组*');
    const note = await bot.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === teamPost.ts,
      { fromIndex: from },
    );
    expect(String(note.body.text)).toBe(
      '更正：<@UL2> 补录了 11月26日 的数据，榜单已更新。\n二组：第 2 名 → 第 1 名（人均 20 → 86.7）\n一组：第 1 名 → 第 2 名（人均 40 → 40）',
    );
    // A log that changes nothing on the board does not touch it.
    await bot.settled();
    const quiet = bot.fake.calls.length;
    await bot.command('/log', '昨天 呼出5', 'UL2');
    await bot.settled();
    expect(bot.fake.calls.slice(quiet).some((c) => c.method === 'chat.update')).toBe(false);
  });

  it('announces a member’s first deal once', async () => {
    const from = bot.fake.calls.length;
    await bot.command('/log', '业绩5万', 'UB1');
    const news = await bot.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && String(c.body.text).includes('开单'),
      { fromIndex: from },
    );
    expect(news.body).toMatchObject({ channel: 'CPK', text: '🎉 恭喜 <@UB1> 开单！首笔业绩 ¥50,000' });
    await bot.settled();
    const again = bot.fake.calls.length;
    await bot.command('/log', '业绩1万', 'UB1');
    await bot.settled();
    expect(bot.fake.calls.slice(again).filter((c) => String(c.body.text).includes('开单'))).toHaveLength(0);
  });

  it('/rank shows the groups and the top 10, with the asker’s place', async () => {
    const { reply } = await bot.command('/rank', '本周', 'UB2');
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('本周PK · 11月23日 – 11月29日');
    expect(text).toContain('*个人前十*');
  });

  it('catches up at start-up: jobs whose time passed today run once, marked late', async () => {
    const restarted = await startTestBot({ clock: fixedClock('2026-11-27T10:40:00Z') }); // 18:40 in Shanghai
    try {
      const seeded = await seedTeam(restarted.prisma, {
        pkChannel: 'CPK2',
        groups: [{ name: '一组' }],
        members: [{ id: 'UC1', name: '甲', group: '一组' }],
      });
      await seedEntries(restarted.prisma, seeded.teamId, seeded.memberIds, [
        { who: 'UC1', day: '2026-11-27', effective: 10 },
      ]);
      await restarted.scheduler.start();
      const runs = await restarted.prisma.jobRun.findMany({ orderBy: { job: 'asc' } });
      expect(runs.map((r) => [r.job, r.periodKey, r.late])).toEqual([
        ['careers-daily', '2026-11-27', true],
        ['daily-pk', '2026-11-27', true],
        ['daily-warnings', '2026-11-27', true],
        ['morning-digest', '2026-11-27', true],
        ['weekly-pk', '2026-11-27', true],
      ]);
      const board = restarted.fake.calls.find(
        (c) => c.method === 'chat.postMessage' && c.body.channel === 'CPK2',
      );
      expect(JSON.stringify(board?.body.blocks)).toContain('（补发：这条原定时间没有发出）');
      const count = restarted.fake.calls.length;
      await restarted.scheduler.tick(seeded.teamId); // a second tick, or a second replica: nothing again
      expect(restarted.fake.calls.length).toBe(count);
      expect(await restarted.prisma.jobRun.count()).toBe(5);
    } finally {
      await restarted.scheduler.stop();
      await restarted.close();
    }
  });

  async function groupId(name: string): Promise<number> {
    return (await createStore(bot.prisma, 'slack').roster.groupByName(teamId, name))?.id ?? -1;
  }
});

describe('the schedule table', () => {
  it('gives every job a valid daily cron expression at its default time', async () => {
    const cron = await import('node-cron');
    const { JOBS, cronFor } = await import('../../src/jobs/schedule.ts');
    for (const job of Object.values(JOBS)) {
      expect(cron.validate(cronFor(job.defaultTime)), job.name).toBe(true);
      expect(job.defaultTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    }
    expect(cronFor('18:00')).toBe('0 18 * * *');
    expect(cronFor('09:30')).toBe('30 9 * * *');
  });
});

describe('win streaks', () => {
  it('announces a group’s third daily win in a row once', async () => {
    const bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    try {
      const seeded = await seedTeam(bot.prisma, {
        pkChannel: 'CPK',
        groups: [{ name: '一组' }, { name: '二组' }],
        members: [
          { id: 'UW1', name: '甲', group: '一组' },
          { id: 'UW2', name: '乙', group: '二组' },
        ],
      });
      const days = ['2026-11-24', '2026-11-25', '2026-11-26'];
      await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
        ...days.map((d) => ({ who: 'UW1', day: d, effective: 50 })),
        ...days.map((d) => ({ who: 'UW2', day: d, effective: 10 })),
      ]);
      const deps = { store: bot.store, messenger: bot.messenger, logger: bot.logger };
      for (const d of days)
        await runJob(deps, {
          teamId: seeded.teamId,
          job: 'daily-pk',
          day: day(d),
          late: false,
          force: false,
        });
      const news = bot.fake.calls.filter(
        (c) => c.method === 'chat.postMessage' && String(c.body.text).includes('连续'),
      );
      expect(news.map((c) => c.body.text)).toEqual(['🏆 一组 连续 3 次获得PK第一！']);
      await runJob(deps, {
        teamId: seeded.teamId,
        job: 'daily-pk',
        day: day('2026-11-26'),
        late: false,
        force: true,
      });
      expect(bot.fake.calls.filter((c) => String(c.body.text).includes('连续'))).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });
});
