import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { movableClock } from '../helpers/clock.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { isZip, readSheets } from '../helpers/workbook.ts';

/**
 * Pay by rule on a prepared November 2026 (base ¥2,000, 1% commission, target ¥200,000, cuts of
 * ¥500 below target and ¥1,000 at zero): statements, the month close, a rule change after it, a
 * late correction, permissions and the CSV files for HR.
 */
const text = (reply: { blocks?: unknown }) => JSON.stringify(reply.blocks);

describe('pay', () => {
  let bot: TestBot;
  let teamId: number;
  let dir: string;
  const clock = movableClock('2026-11-20T02:00:00Z');

  beforeAll(async () => {
    bot = await startTestBot({ clock });
    dir = await mkdtemp(join(tmpdir(), 'zb-pay-'));
    for (const user of ['UMGR', 'UA', 'UB', 'UC', 'UD']) bot.fake.setUserLocale(user, 'zh-CN');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }],
      members: [
        { id: 'UMGR', name: '经理', role: 'manager' },
        { id: 'UA', name: '甲', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UB', name: '乙', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UC', name: '丙', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UD', name: '丁', group: '一组', hiredOn: '2026-11-16' },
        { id: 'UE', name: '戊', group: '一组', hiredOn: '2025-01-02', status: 'left' },
      ],
    });
    teamId = seeded.teamId;
    await bot.prisma.member.updateMany({ where: { messengerUserId: 'UE' }, data: { leftOn: '2026-11-10' } });
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'UA', day: '2026-11-05', amount: 250000 },
      { who: 'UB', day: '2026-11-06', amount: 150000 },
      { who: 'UE', day: '2026-11-09', amount: 10000 },
    ]);
  });
  afterAll(async () => {
    await bot.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'UA',
      ['业绩 ¥250,000 / 目标 ¥200,000（达标）', '底薪　¥2,000.00', '提成　¥2,500.00', '*合计 ¥4,500.00*'],
    ],
    [
      'UB',
      [
        '业绩 ¥150,000 / 目标 ¥200,000（未达标）',
        '未达标扣减　-¥500.00',
        '提成　¥1,500.00',
        '*合计 ¥3,000.00*',
      ],
    ],
    ['UC', ['业绩 ¥0 / 目标 ¥200,000（未达标）', '零业绩扣减　-¥1,000.00', '*合计 ¥1,000.00*']],
    // Hired on the 16th: 15 of 30 days, so half the base and half the cut.
    ['UD', ['底薪（按在职天数折算）　¥1,000.00', '零业绩扣减　-¥500.00', '*合计 ¥500.00*']],
  ])('/pay shows %s the running statement of the month', async (user, lines) => {
    const { reply } = await bot.command('/pay', '', user);
    const shown = text(reply);
    expect(shown).toContain(`<@${user}> 2026-11 薪酬单（本月累计，未结算）`);
    for (const line of lines) expect(shown).toContain(line);
    expect(shown).toContain('还没有已结算的月份。');
  });

  it('keeps pay private: an agent cannot see another member’s or the team’s', async () => {
    expect((await bot.command('/pay', '<@UA>', 'UB')).text).toBe('薪酬只有本人、经理和总监可以查看。');
    expect((await bot.command('/pay', 'team 2026-11', 'UB')).text).toBe('薪酬只有本人、经理和总监可以查看。');
    expect((await bot.command('/team', 'export pay 2026-11', 'UB')).text).toBe(
      '薪酬只有本人、经理和总监可以查看。',
    );
    const manager = await bot.command('/pay', '<@UA>', 'UMGR');
    expect(text(manager.reply)).toContain('*合计 ¥4,500.00*');
  });

  it('closes the month: statements frozen, the summary to the managers, each member their statement', async () => {
    clock.set('2026-12-01T02:30:00Z');
    const deps = { store: bot.store, messenger: bot.messenger, logger: bot.logger };
    expect(
      await runJob(deps, { teamId, job: 'month-close', day: day('2026-11-30'), late: false, force: false }),
    ).toMatchObject({ status: 'not-due' });
    const from = bot.fake.calls.length;
    expect(
      await runJob(deps, { teamId, job: 'month-close', day: day('2026-12-01'), late: false, force: false }),
    ).toMatchObject({ status: 'done', periodKey: '2026-11' });
    expect(await bot.prisma.payStatement.count({ where: { month: '2026-11' } })).toBe(5);
    const posts = bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
    const summary = JSON.stringify(posts.find((c) => c.body.channel === 'UMGR')?.body.blocks);
    expect(summary).toContain('*2026-11 团队薪酬*（已结算）　5 人');
    // 4,500 + 3,000 + 1,000 + 500 + 戊 (10 of 30 days: 666.67 − 166.67 + 100.00 = 600.00)
    expect(summary).toContain('*合计 ¥9,600.00*');
    expect(posts.find((c) => c.body.channel === 'UA')?.body.text).toBe('*<@UA> 2026-11 薪酬单（已结算）*');
    expect(posts.some((c) => c.body.channel === 'UE')).toBe(false); // left: no DM
  });

  it('a rule change after the close leaves the closed month as it was', async () => {
    const set = await bot.command('/team', 'pay all 底薪 3000 from 2026-11-01', 'UMGR');
    expect(set.text).toBe('已修改 所有级别 的薪酬规则，自 2026-11-01 起生效；已结算的月份不受影响。');
    const team = await bot.command('/pay', 'team 2026-11', 'UMGR');
    expect(text(team.reply)).toContain('<@UA>　业绩 ¥250,000　实发 ¥4,500.00');
    const ua = await bot.command('/pay', '', 'UA');
    expect(text(ua.reply)).toContain('<@UA> 2026-12 薪酬单（本月累计，未结算）');
    expect(text(ua.reply)).toContain('零业绩扣减　-¥1,000.00'); // December so far: nothing sold yet
    expect(text(ua.reply)).toContain('底薪　¥3,000.00');
    expect(text(ua.reply)).toContain('<@UA> 2026-11 薪酬单（已结算）');
    const rule = await bot.command('/team', 'pay 客户经理MO1', 'UA');
    expect(rule.text).toContain('底薪 ¥3,000.00；月业绩目标 ¥200,000；提成 1%（¥0 起）');
  });

  it('a late correction to a closed month needs a manager and becomes an adjustment on the next statement', async () => {
    clock.set('2026-12-02T02:00:00Z');
    const refused = await bot.command('/log', '11-30 业绩1万', 'UB');
    expect(refused.text).toBe(
      '2026-11 已经结算，只有经理可以更正（会在下个月的薪酬单上记一笔调整）。请联系你的经理。',
    );
    const corrected = await bot.command('/log', '<@UB> 11-30 业绩5万', 'UMGR');
    expect(corrected.text).toMatch(/^已记录 <@UB> 11月30日/);
    const adjustment = await bot.prisma.payAdjustment.findFirstOrThrow();
    // ¥150,000 → ¥200,000: the target is met (no ¥500 cut) and ¥500 more commission: +¥1,000.
    expect(adjustment).toMatchObject({
      correctsMonth: '2026-11',
      appliesTo: '2026-12',
      amountFen: 100000,
      createdBy: 'UMGR',
    });
    const frozen = await bot.prisma.payStatement.findFirstOrThrow({
      where: { month: '2026-11', memberId: adjustment.memberId },
    });
    expect(frozen.totalFen).toBe(300000); // the closed statement did not change
    const ub = await bot.command('/pay', '', 'UB');
    expect(text(ub.reply)).toContain('调整 2026-11 2026-11-30 +50000　¥1,000.00');
  });

  it('exports pay and activity as CSV with a BOM, read back with the right columns and totals', async () => {
    const env = { DATABASE_URL: bot.database.url };
    const io = { out: () => undefined, err: () => undefined };
    const payFile = join(dir, 'pay.csv');
    expect(await runCli(['export', 'pay', '--month', '2026-11', '--out', payFile], env, io)).toBe(0);
    const payText = await readFile(payFile, 'utf8');
    expect(payText.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(payText, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'month',
      'slack_user_id',
      'name',
      'group',
      'level',
      'amount_yuan',
      'target_yuan',
      'target_met',
      'base',
      'cuts',
      'commission',
      'adjustments',
      'total',
      'rule_version',
      'status',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.slack_user_id === 'UA')).toMatchObject({
      name: '甲',
      amount_yuan: '250000',
      total: '4500.00',
      status: 'closed',
    });
    const totalFen = rows.reduce((sum, r) => sum + Math.round(Number((r.total ?? '0').replace('.', ''))), 0);
    expect(totalFen).toBe(960000);

    const activityFile = join(dir, 'activity.csv');
    expect(
      await runCli(
        ['export', 'activity', '--from', '2026-11-01', '--to', '2026-11-30', '--out', activityFile],
        env,
        io,
      ),
    ).toBe(0);
    const activity: Record<string, string>[] = parse(await readFile(activityFile, 'utf8'), {
      bom: true,
      columns: true,
    });
    expect(Object.keys(activity[0] ?? {})).toEqual([
      'day',
      'slack_user_id',
      'name',
      'group',
      'calls',
      'effective',
      'intents',
      'follow_ups',
      'appointments',
      'amount_yuan',
      'visits',
    ]);
    expect(activity.every((r) => r.visits === '0')).toBe(true); // nobody logged 到访 here
    expect(activity.reduce((sum, r) => sum + Number(r.amount_yuan), 0)).toBe(250000 + 150000 + 10000 + 50000);
    expect(await runCli(['export', 'pay', '--month', '2026-13'], env, io)).toBe(1);
  });

  it('uploads an export to the manager’s DM from chat: an Excel workbook, intact', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.command('/team', 'export pay 2026-11', 'UMGR');
    expect(sent.text).toBe('已把 zhanbao-pay-2026-11.xlsx（5 行）发到你的私信。');
    const asked = await bot.fake.waitFor('files.getUploadURLExternal', { fromIndex: from });
    const upload = await bot.fake.waitFor('file_upload', { fromIndex: from });
    const complete = await bot.fake.waitFor('files.completeUploadExternal', { fromIndex: from });
    expect(complete.body.channel_id).toBe('DUMGR');
    const bytes = upload.bytes ?? Buffer.alloc(0);
    expect(isZip(bytes)).toBe(true);
    expect(bytes.length).toBe(Number(asked.body.length));
    expect(asked.body.filename).toBe('zhanbao-pay-2026-11.xlsx');
    const sheets = await readSheets(bytes, '合计');
    expect(sheets.map((s) => s.name)).toEqual(['总览', '一组']);
    // UMGR's language is 中文: the headers are; the rows are the five paid members.
    expect(sheets[1]?.header[1]).toBe('用户ID');
    expect(sheets[1]?.rows).toHaveLength(5);
  });

  it('uploads the CSV of before when asked with the word csv', async () => {
    const from = bot.fake.calls.length;
    const sent = await bot.command('/team', 'export pay 2026-11 csv', 'UMGR');
    expect(sent.text).toBe('已把 zhanbao-pay-2026-11.csv（5 行）发到你的私信。');
    const upload = await bot.fake.waitFor('file_upload', { fromIndex: from });
    expect(String(upload.bytes ?? '')).toContain('month,slack_user_id,name');
    expect(upload.bytes?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM
  });
});
