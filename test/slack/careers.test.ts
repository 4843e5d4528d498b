import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { ADMIN, buttonsOf, startTestBot, type TestBot } from '../helpers/bot.ts';
import { movableClock } from '../helpers/clock.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * The life of a hire through the real Bolt receiver, and two quarter reviews. The clock moves:
 * the hire is added on Monday 2026-08-10 (Shanghai), approved on 08-17, previewed on the last
 * working day of Q3 (09-30), reviewed on the first working day of Q4 (10-08, after 国庆节) and of
 * Q1 2027 (01-01: the calendar package does not know 2027, so it is an ordinary Friday).
 */
const buttons = buttonsOf;

describe('careers: probation, protection, quarter reviews, level history', () => {
  let bot: TestBot;
  const clock = movableClock('2026-08-10T02:00:00Z');
  let teamId: number;
  const jobs = () => ({ store: bot.store, messenger: bot.messenger, logger: bot.logger });
  const level = async (user: string) =>
    (await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: user } })).level;

  beforeAll(async () => {
    bot = await startTestBot({ clock });
    for (const user of [ADMIN, 'UMGR', 'UDIR', 'ULEAD', 'UNEW', 'UAGENT', 'UPRO', 'UPROT', 'UHOLD', 'UBOT1'])
      bot.fake.setUserLocale(user, 'zh-CN');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }],
      members: [
        { id: 'UMGR', name: '经理', role: 'manager' },
        { id: 'UDIR', name: '总监', role: 'director' },
        { id: 'ULEAD', name: '组长', group: '一组', role: 'leader', level: 'S1' },
        { id: 'UAGENT', name: '专员', group: '一组' },
        { id: 'UPRO', name: '晋升者', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
        { id: 'UPROT', name: '保护期', group: '一组', level: 'A1', hiredOn: '2026-07-20' },
        { id: 'UHOLD', name: '保留者', group: '一组', level: 'A2', hiredOn: '2025-01-02' },
        { id: 'UBOT1', name: '见习生', group: '一组', level: 'P1', hiredOn: '2025-01-02' },
      ],
    });
    teamId = seeded.teamId;
    await bot.prisma.member.updateMany({
      where: { messengerUserId: 'UPROT' },
      data: { protectionEndsOn: '2026-10-20' },
    });
    // Q3: UPRO meets the 客户经理 quarter target (¥600,000); the others miss theirs.
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'UPRO', day: '2026-09-15', amount: 650000 },
      { who: 'UPROT', day: '2026-09-15', amount: 100000 },
      { who: 'UHOLD', day: '2026-09-15', amount: 100000 },
      { who: 'UBOT1', day: '2026-09-15', amount: 1000 },
    ]);
  });
  afterAll(() => bot.close());

  it('adds a hire on probation and sends the checklist to their leader', async () => {
    const from = bot.fake.calls.length;
    const added = await bot.command('/team', 'add <@UNEW> 一组 见习MO3', 'UMGR');
    expect(added.text).toBe('已添加 <@UNEW>：一组，见习客户经理MO3，试用期。');
    const checklist = await bot.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'ULEAD',
      { fromIndex: from },
    );
    expect(String(checklist.body.text)).toBe('<@UNEW> 试用期培训（截止 2026-08-16）');
    expect(buttons(checklist).map((b) => b.action_id)).toEqual([
      'probation_tick:culture',
      'probation_tick:process',
      'probation_tick:skills',
      'probation_tick:product',
      'probation_tick:drill',
    ]);
  });

  it('lets the leader tick items, keeps the drill for last, and asks the managers to sign off', async () => {
    const checklist = bot.fake.calls.find(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'ULEAD',
    );
    const value = (item: string) =>
      buttons(checklist).find((b) => b.action_id === `probation_tick:${item}`)?.value ?? '';
    const drillFirst = await bot.click('ULEAD', 'probation_tick:drill', value('drill'));
    expect(drillFirst.text).toBe(
      '通关训练要在企业文化、销售流程、销售技巧、产品介绍四项培训都完成后才能勾选。',
    );
    const byAgent = await bot.click('UAGENT', 'probation_tick:culture', value('culture'));
    expect(byAgent.text).toBe('只有 <@UNEW> 的组长或经理可以操作试用期。');
    for (const item of ['culture', 'process', 'skills'])
      await bot.click('ULEAD', `probation_tick:${item}`, value(item));
    const typed = await bot.command('/probation', 'tick <@UNEW> 产品介绍', 'ULEAD');
    expect(typed.text).toBe('已为 <@UNEW> 勾选「产品介绍」。');
    const from = bot.fake.calls.length;
    const last = await bot.click('ULEAD', 'probation_tick:drill', value('drill'));
    expect(last.reply.replace_original).toBe(true);
    expect(JSON.stringify(last.reply.blocks)).toContain('五项培训全部完成，已提交经理审批。');
    const requests = bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('请审批入司'));
    expect(requests.map((c) => c.body.channel).sort()).toEqual(['UDIR', 'UMGR']);
    expect(buttons(requests[0]).map((b) => b.action_id)).toEqual([
      'probation_approve',
      'probation_extend',
      'probation_reject',
    ]);
    const today = await bot.command('/team', 'today', 'UMGR');
    expect(JSON.stringify(today.reply.blocks)).toContain('待你审批入司：<@UNEW>');
  });

  it('refuses an agent, and the approver’s own probation', async () => {
    const agent = await bot.command('/probation', 'approve <@UNEW>', 'UAGENT');
    expect(agent.text).toBe('只有经理或总监可以审批试用期。');
    const manager = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UMGR' } });
    await bot.prisma.probation.create({
      data: {
        teamId,
        memberId: manager.id,
        startedOn: '2026-08-10',
        deadline: '2026-08-16',
        itemsDone: JSON.stringify(['culture', 'process', 'skills', 'product', 'drill']),
      },
    });
    const self = await bot.command('/probation', 'approve <@UMGR>', 'UMGR');
    expect(self.text).toBe('不能审批自己的试用期。');
  });

  it('approves once: the hire joins, protection starts, the history records it; a second click changes nothing', async () => {
    clock.set('2026-08-17T02:00:00Z');
    const requests = bot.fake.calls.filter(
      (c) => c.method === 'chat.postMessage' && String(c.body.text).includes('请审批入司'),
    );
    const mine = requests.find((c) => c.body.channel === 'UMGR');
    const director = requests.find((c) => c.body.channel === 'UDIR');
    const approve = buttons(mine).find((b) => b.action_id === 'probation_approve')?.value ?? '';
    const from = bot.fake.calls.length;
    const approved = await bot.click('UMGR', 'probation_approve', approve);
    expect(approved.reply.replace_original).toBe(true);
    expect(approved.text).toBe('✅ <@UNEW> 已由 <@UMGR> 批准入司，保护期开始。');
    const replaced = await bot.fake.waitFor((c) => c.method === 'chat.update' && c.body.channel === 'UDIR', {
      fromIndex: from,
    });
    const stored = await bot.prisma.probation.findFirstOrThrow({
      where: {
        memberId: (await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UNEW' } })).id,
      },
    });
    expect(JSON.parse(stored.requests)).toContainEqual({
      channel: 'UDIR',
      ts: replaced.body.ts,
      locale: 'zh-CN',
    });
    expect(director).toBeDefined();
    expect(replaced.body.text).toBe('✅ <@UNEW> 已由 <@UMGR> 批准入司，保护期开始。');
    expect(JSON.stringify(replaced.body.blocks ?? [])).not.toContain('probation_approve');
    const member = await bot.prisma.member.findFirstOrThrow({
      where: { messengerUserId: 'UNEW' },
      include: { levelChanges: true },
    });
    expect(member).toMatchObject({
      status: 'active',
      joinedOn: '2026-08-17',
      protectionEndsOn: '2026-11-17',
      level: 'P3',
    });
    expect(member.levelChanges.map((c) => c.reason)).toEqual(['hired', 'probation-passed']);
    const again = await bot.click('UDIR', 'probation_approve', approve);
    expect(again.text).toBe('这个试用期已经由 <@UMGR> 批准了，没有再做改动。');
    expect(await bot.prisma.auditEvent.count({ where: { action: 'probation.approve' } })).toBe(1);
  });

  it('extends and rejects through forms, with reasons', async () => {
    await bot.command('/team', 'add <@ULATE> 一组', 'UMGR');
    const hire = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'ULATE' } });
    const probation = await bot.prisma.probation.findFirstOrThrow({ where: { memberId: hire.id } });
    const value = JSON.stringify({ probationId: probation.id });
    const from = bot.fake.calls.length;
    await bot.slack.blockAction({
      userId: 'UMGR',
      actionId: 'probation_extend',
      value,
      messageTs: '1700000000.000900',
    });
    const open = await bot.fake.waitFor('views.open', { fromIndex: from });
    expect((open.body.view as { callback_id: string }).callback_id).toBe('probation_extend_form');
    const bad = await bot.slack.viewSubmission({
      userId: 'UMGR',
      callbackId: 'probation_extend_form',
      privateMetadata: value,
      values: {
        days: { value: { type: 'number_input', value: '99' } },
        reason: { value: { type: 'plain_text_input', value: '培训没排上' } },
      },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { days: '延期天数请填 1 到 30 之间的整数。' },
    });
    await bot.slack.viewSubmission({
      userId: 'UMGR',
      callbackId: 'probation_extend_form',
      privateMetadata: value,
      values: {
        days: { value: { type: 'number_input', value: '3' } },
        reason: { value: { type: 'plain_text_input', value: '培训没排上' } },
      },
    });
    const note = await bot.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && String(c.body.text).includes('延长 3 天'),
      { fromIndex: from },
    );
    expect(note.body.text).toBe('已把 <@ULATE> 的试用期延长 3 天，新的截止日是 2026-08-26。');
    await bot.slack.viewSubmission({
      userId: 'UDIR',
      callbackId: 'probation_reject_form',
      privateMetadata: value,
      values: { reason: { value: { type: 'plain_text_input', value: '通关训练未通过' } } },
    });
    await bot.fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('未通过'), {
      fromIndex: from,
    });
    expect(await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'ULATE' } })).toMatchObject({
      status: 'left',
      leftOn: '2026-08-17',
    });
  });

  it('/level shows the level, what is still needed, and the history', async () => {
    const { text, reply } = await bot.command('/level', '', 'UNEW');
    expect(text).toBe('<@UNEW> 当前级别：*见习客户经理MO3*');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toMatch(/2026Q3 业绩 ¥0\/¥\d{1,3}(,\d{3})*/);
    expect(shown).toMatch(/还需业绩 ¥[\d,]+，剩余 \d+ 个工作日/);
    expect(shown).toContain('达成：晋升到 客户经理MO1');
    expect(shown).toContain('未达成：保护期内不降级');
    expect(shown).toContain('入职');
    expect(shown).toContain('试用期通过');
    const outside = await bot.command('/level', '<@UNEW>', 'UAGENT');
    expect(outside.text).toBe('你只能查看自己或自己小组成员的级别，<@UNEW> 不在你的范围内。');
  });

  it('previews the review the day before, lets a manager hold a member, then applies it in one go', async () => {
    await seedEntries(
      bot.prisma,
      teamId,
      new Map([
        ['UNEW', (await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UNEW' } })).id],
      ]),
      [{ who: 'UNEW', day: '2026-09-16', amount: 300000 }],
    );
    clock.set('2026-09-30T02:00:00Z');
    const from = bot.fake.calls.length;
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-preview',
        day: day('2026-09-29'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'not-due' });
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-preview',
        day: day('2026-09-30'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'done' });
    const preview = JSON.stringify(
      bot.fake.calls.slice(from).find((c) => c.method === 'chat.postMessage' && c.body.channel === 'UMGR')
        ?.body.blocks,
    );
    expect(preview).toContain('2026Q3 季度评估预览');
    expect(preview).toContain('<@UPRO>　晋升 客户经理MO1 → 客户经理MO2');
    expect(preview).toContain('<@UHOLD>　降级 客户经理MO2 → 客户经理MO1');
    const held = await bot.command('/team', 'hold <@UHOLD> 家里有事，经理评估', 'UMGR');
    expect(held.text).toBe('已保留 <@UHOLD> 的 2026Q3 季度评估（级别不变）。');

    clock.set('2026-10-08T02:00:00Z');
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-review',
        day: day('2026-10-01'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'not-due' });
    const reviewFrom = bot.fake.calls.length;
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-review',
        day: day('2026-10-08'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'done', periodKey: '2026Q3' });
    expect(await level('UPRO')).toBe('A2'); // met → one step up
    expect(await level('UNEW')).toBe('A1'); // joined mid-quarter, met the pro-rata target
    expect(await level('UPROT')).toBe('A1'); // missed, protected
    expect(await level('UHOLD')).toBe('A2'); // missed, held by the manager
    expect(await level('UBOT1')).toBe('P1'); // missed at the bottom: flagged
    const posted = bot.fake.calls.slice(reviewFrom).filter((c) => c.method === 'chat.postMessage');
    const results = JSON.stringify(posted.find((c) => c.body.channel === 'CPK')?.body.blocks);
    expect(results).toContain('<@UPROT>　未达标，保护期内保持 客户经理MO1');
    expect(results).toContain('<@UHOLD>　经理保留，保持 客户经理MO2');
    expect(posted.find((c) => c.body.channel === 'UPRO')?.body.text).toBe(
      '你的 2026Q3 季度评估：晋升 客户经理MO1 → 客户经理MO2。业绩 ¥650,000，目标 ¥600,000。',
    );
    expect(JSON.stringify(posted.find((c) => c.body.channel === 'UMGR')?.body.blocks)).toContain(
      '<@UBOT1>　未达标，保持 见习客户经理MO1，需经理评估',
    );
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-review',
        day: day('2026-10-08'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'skipped' });
  });

  it('demotes the next quarter when the target is missed, and keeps the whole history', async () => {
    clock.set('2027-01-01T02:00:00Z');
    expect(
      await runJob(jobs(), {
        teamId,
        job: 'quarter-review',
        day: day('2027-01-01'),
        late: false,
        force: false,
      }),
    ).toMatchObject({ status: 'done', periodKey: '2026Q4' });
    expect(await level('UPRO')).toBe('A1');
    const { reply } = await bot.command('/level', '', 'UPRO');
    const history = JSON.stringify(reply.blocks);
    expect(history).toContain('客户经理MO1 → 客户经理MO2　季度晋升 2026Q3');
    expect(history).toContain('客户经理MO2 → 客户经理MO1　季度降级 2026Q4');
    const manual = await bot.command('/team', 'level <@UBOT1> 见习MO2 表现突出', 'UMGR');
    expect(manual.text).toBe('已把 <@UBOT1> 的级别从 见习客户经理MO1 调整为 见习客户经理MO2。');
    const changes = await bot.prisma.levelChange.findMany({
      where: { member: { messengerUserId: 'UBOT1' } },
    });
    expect(changes.at(-1)).toMatchObject({
      fromLevel: 'P1',
      toLevel: 'P2',
      reason: 'manual',
      note: '表现突出',
    });
  });
});

describe('the quarter review is all or nothing', () => {
  it('leaves every level unchanged when a write fails midway', async () => {
    const bot = await startTestBot({ now: '2026-10-08T02:00:00Z' });
    try {
      const seeded = await seedTeam(bot.prisma, {
        pkChannel: 'CPK',
        groups: [{ name: '一组' }],
        members: [
          { id: 'UF1', name: '甲', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
          { id: 'UF2', name: '乙', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
          { id: 'UF3', name: '丙', group: '一组', level: 'A1', hiredOn: '2025-01-02' },
        ],
      });
      await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
        { who: 'UF1', day: '2026-09-15', amount: 700000 },
      ]);
      // A real database failure on the second member's level update.
      if (bot.database.provider === 'sqlite') {
        await bot.prisma.$executeRawUnsafe(
          `CREATE TRIGGER fail_level BEFORE UPDATE OF "level" ON "Member" WHEN NEW."messengerUserId" = 'UF2' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`,
        );
      } else {
        await bot.prisma.$executeRawUnsafe(
          `CREATE FUNCTION fail_level() RETURNS trigger AS $$ BEGIN IF NEW."messengerUserId" = 'UF2' AND NEW."level" <> OLD."level" THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
        );
        await bot.prisma.$executeRawUnsafe(
          `CREATE TRIGGER fail_level BEFORE UPDATE ON "Member" FOR EACH ROW EXECUTE FUNCTION fail_level()`,
        );
      }
      const outcome = await runJob(
        { store: bot.store, messenger: bot.messenger, logger: bot.logger },
        { teamId: seeded.teamId, job: 'quarter-review', day: day('2026-10-08'), late: false, force: false },
      );
      expect(outcome).toMatchObject({ status: 'failed' });
      const members = await bot.prisma.member.findMany({ orderBy: { messengerUserId: 'asc' } });
      expect(members.map((m) => [m.messengerUserId, m.level])).toEqual([
        ['UF1', 'A1'],
        ['UF2', 'A1'],
        ['UF3', 'A1'],
      ]);
      expect(await bot.prisma.levelChange.count({ where: { quarter: '2026Q3' } })).toBe(0);
      expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });
});
