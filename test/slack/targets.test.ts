import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';

/** Targets and /log limits set by managers in chat, and how logs are judged by them. */
const MANAGER = 'UTMGR'; // English
const AGENT = 'UTAGENT';

describe('/team target and /team limit', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    bot.fake.setUserLocale(ADMIN, 'zh-CN');
    bot.fake.setUserLocale(AGENT, 'zh-CN');
    bot.fake.setUserLocale(MANAGER, 'en-US');
    await bot.command('/team', 'group add 一组', ADMIN);
    await bot.command('/team', `add <@${MANAGER}> manager`, ADMIN);
    await bot.command('/team', `add <@${AGENT}> 一组 客户经理MO1 2026-01-05`, ADMIN);
  });
  afterAll(() => bot.close());

  it('shows the default targets of a level', async () => {
    const { text } = await bot.command('/team', 'target 客户经理MO1', AGENT);
    expect(text.split('\n')).toEqual([
      '*客户经理MO1 的目标*',
      '每日：呼出 150　有效 60　意向 6　回访 10　约见 2　到访 0　业绩 ¥0',
      '每周：呼出 750　有效 300　意向 30　回访 50　约见 10　到访 5　业绩 ¥50,000',
      '每月：呼出 3,300　有效 1,320　意向 132　回访 220　约见 44　到访 22　业绩 ¥200,000',
      '每季度：呼出 9,900　有效 3,960　意向 396　回访 660　约见 132　到访 66　业绩 ¥600,000',
    ]);
  });

  it('changes a target from a day on, and judges earlier days by the old one', async () => {
    const set = await bot.command('/team', 'target A1 day calls 200 from 2026-11-27', MANAGER);
    expect(set.text).toBe(
      'Target changed: Account Manager MO1, daily calls 200, from 2026-11-27 on (earlier days keep their targets).',
    );
    const today = await bot.command('/log', '呼出100', AGENT);
    expect(JSON.stringify(today.reply.blocks)).toContain('呼出 100/200');
    const yesterday = await bot.command('/log', '昨天 呼出100', AGENT);
    expect(JSON.stringify(yesterday.reply.blocks)).toContain('呼出 100/150');
    const audit = await bot.prisma.auditEvent.findFirstOrThrow({ where: { action: 'target.set' } });
    expect(audit.actor).toBe(MANAGER);
  });

  it('sets a monthly 业绩 target for every level in Chinese', async () => {
    const set = await bot.command('/team', 'target all 月 业绩 25万', ADMIN);
    expect(set.text).toBe(
      '已修改目标：所有级别 每月业绩 ¥250,000，自 2026-11-27 起生效（之前的日子仍按原目标考核）。',
    );
    expect(
      await bot.prisma.targetSetting.count({ where: { period: 'month', metric: 'amount', value: 250000 } }),
    ).toBe(12);
  });

  it('refuses agents and explains the usage', async () => {
    const refused = await bot.command('/team', 'target A1 day calls 10', AGENT);
    expect(refused.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
    const usage = await bot.command('/team', 'target A1 someday calls 10', MANAGER);
    expect(usage.text).toContain('Usage: `/team target LEVEL|all PERIOD METRIC VALUE [from DAY]`');
  });

  it('lowers a daily ceiling so that a log above it asks for confirmation', async () => {
    const limit = await bot.command('/team', 'limit 呼出 300', ADMIN);
    expect(limit.text).toContain('每日上限：呼出 300　有效 1,000');
    const asked = await bot.command('/log', '呼出250', AGENT);
    expect(asked.text).toContain('呼出 350 超过了每日上限 300。');
    const shown = await bot.command('/team', 'limit', MANAGER);
    expect(shown.text).toContain("Ask to confirm above 3 × the member's own 30-day median");
  });
});
