import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { buttonsOf, type SlackApiCall, startTestBot, type TestBot } from '../helpers/bot.ts';
import { movableClock } from '../helpers/clock.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * Leave (请假) through the real Bolt receiver: asked by a member, approved by their leader with a
 * button (a second click changes nothing), filed by a leader for a member, a manager's going to
 * the director; then what an approved leave day does to the 17:00 nudges, the 18:00 board,
 * `/team today`, a log and the week's target. Thursday 2026-12-03, Shanghai.
 */
const buttons = buttonsOf;

describe('leave: ask, approve, and what a leave day changes', () => {
  let bot: TestBot;
  const clock = movableClock('2026-12-03T02:00:00Z');
  let teamId: number;
  let memberIds: Map<string, number>;
  const jobs = () => ({ store: bot.store, messenger: bot.messenger, logger: bot.logger });
  const dms = (from: number, user: string) =>
    bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.body.channel === user);

  beforeAll(async () => {
    bot = await startTestBot({ clock });
    for (const user of ['UMGR', 'UDIR', 'ULEAD', 'UA', 'UB', 'UC', 'UD'])
      bot.fake.setUserLocale(user, 'zh-CN');
    bot.fake.setUserLocale('UE', 'en-US');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UMGR', name: '经理', role: 'manager' },
        { id: 'UDIR', name: '总监', role: 'director' },
        { id: 'ULEAD', name: '组长', group: '一组', role: 'leader', level: 'S1' },
        { id: 'UA', name: '小A', group: '一组' },
        { id: 'UB', name: '小B', group: '一组' },
        { id: 'UC', name: '小C', group: '二组' },
        { id: 'UD', name: '小D', group: '二组' },
        { id: 'UE', name: 'Eve', group: '二组' },
      ],
    });
    teamId = seeded.teamId;
    memberIds = seeded.memberIds;
    await bot.prisma.group.update({
      where: { id: seeded.groupIds.get('一组') ?? 0 },
      data: { leaderId: memberIds.get('ULEAD') ?? null },
    });
  });
  afterAll(() => bot.close());

  let requestValue = '';

  it('sends an agent’s request to their leader with buttons, and tells the agent', async () => {
    const from = bot.fake.calls.length;
    const asked = await bot.command('/leave', '12-04 病假 发烧', 'UA');
    expect(asked.reply.response_type).toBe('ephemeral');
    expect(asked.text).toBe('已提交 <@UA> 的请假：12月4日（1 天） 病假，等待 <@ULEAD> 审批。');
    const [request, ...others] = dms(from, 'ULEAD');
    expect(others).toEqual([]);
    expect(String(request?.body.text)).toBe('<@UA> 申请请假');
    expect(JSON.stringify(request?.body.blocks)).toContain('12月4日（1 天）　病假　原因：发烧');
    expect(buttons(request).map((b) => b.action_id)).toEqual(['leave_approve', 'leave_reject']);
    requestValue = buttons(request)[0]?.value ?? '';
    const stored = await bot.prisma.leave.findFirstOrThrow({ where: { memberId: memberIds.get('UA') ?? 0 } });
    expect(stored).toMatchObject({
      fromDay: '2026-12-04',
      toDay: '2026-12-04',
      type: 'sick',
      status: 'pending',
    });
  });

  it('refuses the agent approving their own, and a colleague', async () => {
    const id = JSON.parse(requestValue).leaveId;
    expect((await bot.command('/leave', `approve ${id}`, 'UA')).text).toBe(
      '不能审批自己的请假，已经交给你的上级了。',
    );
    expect((await bot.command('/leave', `approve ${id}`, 'UC')).text).toBe(
      '这条请假需要该成员的组长或经理审批（经理的请假由总监审批）。',
    );
  });

  it('approves once by button: the request is replaced, the agent told, a second click is told who decided', async () => {
    const from = bot.fake.calls.length;
    const approved = await bot.click('ULEAD', 'leave_approve', requestValue);
    expect(approved.reply.replace_original).toBe(true);
    expect(approved.text).toBe('✅ <@UA> 的请假（12月4日（1 天））已由 <@ULEAD> 批准。');
    expect(dms(from, 'UA').map((c) => c.body.text)).toEqual([
      '✅ <@UA> 的请假（12月4日（1 天））已由 <@ULEAD> 批准。',
    ]);
    const again = await bot.click('UMGR', 'leave_reject', requestValue);
    expect(again.text).toBe('这条请假已经由 <@ULEAD> 批准了，没有再做改动。');
    const audits = await bot.prisma.auditEvent.findMany({ where: { action: { startsWith: 'leave.' } } });
    expect(audits.map((a) => a.action)).toEqual(['leave.requested', 'leave.approved']);
  });

  it('approves at once what a leader asks for a member, and tells the member', async () => {
    const from = bot.fake.calls.length;
    const filed = await bot.command('/leave', '<@UB> 12-04 事假', 'ULEAD');
    expect(filed.text).toBe('已记录 <@UB> 的请假：12月4日（1 天） 事假（已批准）。');
    expect(dms(from, 'UB').map((c) => c.body.text)).toEqual([
      '✅ <@UB> 的请假（12月4日（1 天））已由 <@ULEAD> 批准。',
    ]);
  });

  it('refuses overlaps, long spans and bad words with what to write', async () => {
    expect((await bot.command('/leave', '12-04 12-05', 'UA')).text).toContain('这段时间已经有请假了');
    expect((await bot.command('/leave', '12-10 2027-01-20', 'UC')).text).toBe(
      '一次请假最多 31 天；更长的请假请分几次提交。',
    );
    const usage = await bot.command('/leave', '下周', 'UC');
    expect(usage.text).toContain('`/leave 12-03` 请一天假（事假）');
    expect((await bot.command('/leave', '<@UC> 12-08', 'UB')).text).toContain('只能为自己请假');
  });

  it('sends a manager’s leave to the director, and answers in English for an English speaker', async () => {
    const from = bot.fake.calls.length;
    const asked = await bot.command('/leave', '12-07 12-08 年假', 'UMGR');
    expect(asked.text).toBe('已提交 <@UMGR> 的请假：12月7日 至 12月8日（2 天） 年假，等待 <@UDIR> 审批。');
    expect(dms(from, 'UDIR')).toHaveLength(1);
    await bot.command('/lang', 'en', 'UE');
    const english = await bot.command('/leave', '12-09 sick', 'UE');
    expect(english.text).toBe(
      'Leave asked for <@UE>: Dec 9 (1 day), sick leave; waiting for <@UMGR> to approve.',
    );
  });

  it('lists upcoming leave by scope, with the buttons for the waiting ones the asker decides', async () => {
    const mine = await bot.command('/leave', '', 'UA');
    expect(mine.text).toBe('*请假安排*（今天起）');
    expect(JSON.stringify(mine.reply.blocks)).toContain('<@UA>　12月4日（1 天）　病假　已批准');
    expect(JSON.stringify(mine.reply.blocks)).not.toContain('<@UB>');
    const director = await bot.command('/leave', '', 'UDIR');
    expect(buttons({ method: 'x', body: director.reply } as SlackApiCall).map((b) => b.action_id)).toEqual([
      'leave_approve',
      'leave_reject',
      'leave_approve',
      'leave_reject',
    ]);
  });

  it('on the leave day: no nudge, not behind, not a person in the PK, and the board says who is away', async () => {
    clock.set('2026-12-04T09:00:00Z');
    await seedEntries(bot.prisma, teamId, memberIds, [
      { who: 'ULEAD', day: '2026-12-04', calls: 100 },
      { who: 'UC', day: '2026-12-04', calls: 100 },
    ]);
    const from = bot.fake.calls.length;
    await runJob(jobs(), { teamId, job: 'daily-warnings', day: day('2026-12-04'), late: false, force: true });
    const nudged = bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage')
      .map((c) => c.body.channel);
    expect(nudged).not.toContain('UA');
    expect(nudged).not.toContain('UB');
    expect(nudged).toContain('UD');
    const today = await bot.command('/team', 'today', 'ULEAD');
    expect(JSON.stringify(today.reply.blocks)).toContain('今日请假：<@UA> <@UB>');
    expect(JSON.stringify(today.reply.blocks)).not.toMatch(/未记录[^"]*<@UA>/);
    const boardFrom = bot.fake.calls.length;
    await runJob(jobs(), { teamId, job: 'daily-pk', day: day('2026-12-04'), late: false, force: true });
    const board = bot.fake.calls
      .slice(boardFrom)
      .find((c) => c.method === 'chat.postMessage' && c.body.channel === 'CPK');
    const text = JSON.stringify(board?.body.blocks);
    // 一组 competes with its leader alone today: 1 person, not 3.
    expect(text).toMatch(/一组\*　人均 [\d.]+ 分　合计 [\d.]+ 分　1 人/);
    expect(text).toContain('今日请假：<@UA> <@UB>');
  });

  it('counts a log on a leave day, and says the day was leave', async () => {
    const logged = await bot.command('/log', '呼出30', 'UA');
    expect(JSON.stringify(logged.reply.blocks)).toContain('注：12月4日 是你的请假日，这条记录照常计入。');
  });

  it('pro-rates the week’s target by the days present, and cancels', async () => {
    const stats = await bot.command('/stats', '本周', 'UB');
    const full = await bot.command('/stats', '本周', 'UC');
    const target = (blocks: unknown) => /呼出[^"]*?\/ ?([\d,]+)/.exec(JSON.stringify(blocks))?.[1];
    const [on, off] = [target(stats.reply.blocks), target(full.reply.blocks)].map((t) =>
      Number(t?.replace(',', '')),
    );
    expect(on).toBe(Math.ceil(((off ?? 0) * 4) / 5));
    const cancelled = await bot.command('/leave', 'cancel <@UB> 12-04', 'ULEAD');
    expect(cancelled.text).toBe('已取消 <@UB> 的请假（12月4日（1 天））。');
    const after = await bot.command('/stats', '本周', 'UB');
    expect(target(after.reply.blocks)).toBe(target(full.reply.blocks));
  });

  it('moves a probation’s deadline by the leave days inside it', async () => {
    bot.fake.setUserLocale('UNEW', 'zh-CN');
    await bot.command('/team', 'add <@UNEW> 一组 见习MO1', 'UMGR');
    const before = await bot.prisma.probation.findFirstOrThrow({
      where: { memberId: { not: 0 } },
      orderBy: { id: 'desc' },
    });
    expect(before.deadline).toBe('2026-12-10');
    const filed = await bot.command('/leave', '<@UNEW> 12-07 12-08 事假', 'ULEAD');
    expect(filed.text).toBe(
      '已记录 <@UNEW> 的请假：12月7日 至 12月8日（2 天） 事假（已批准）。\n试用期截止日顺延 2 天，至 12月12日。',
    );
    const after = await bot.prisma.probation.findUniqueOrThrow({ where: { id: before.id } });
    expect([after.deadline, after.extensionDays]).toEqual(['2026-12-12', 2]);
  });

  it('says what a week’s per-capita divides by when not everyone was on duty all week', async () => {
    // 一组 this week: the leader and 小B five days each, 小A four (a day of leave), the new hire one.
    const week = await bot.command('/rank', '本周', 'ULEAD');
    expect(JSON.stringify(week.reply.blocks)).toMatch(
      /一组\*　人均 [\d.,]+ 分　合计 [\d.,]+ 分　4 人，折合 3 人/,
    );
    const help = await bot.command('/rank', 'help', 'ULEAD');
    expect(help.text).toContain('人均 = 合计 ÷ 折合人数');
  });
});
