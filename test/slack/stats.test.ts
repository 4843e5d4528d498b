import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';

/** `/stats` and the Home tab: the member's figures against targets, by period and by group. */
const LEADER = 'USLEAD';
const AMY = 'USAMY'; // English
const BO = 'USBO';
const OUTSIDER = 'USOUT';

describe('/stats and the Home tab', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
    for (const user of [ADMIN, LEADER, BO, OUTSIDER]) bot.fake.setUserLocale(user, 'zh-CN');
    bot.fake.setUserLocale(AMY, 'en-US');
    for (const text of [
      'group add 一组',
      'group add 二组',
      `add <@${LEADER}> 一组 客户经理MO2 2025-01-01`,
      `add <@${AMY}> 一组 客户经理MO1 2026-01-05`,
      `add <@${BO}> 一组 见习MO1 2026-11-02`,
      `add <@${OUTSIDER}> 二组 客户经理MO1 2026-01-05`,
      `leader 一组 <@${LEADER}>`,
    ]) {
      await bot.command('/team', text, ADMIN);
    }
    await bot.command('/log', '11-23 120 calls 60 effective 6 intents amount 50000', AMY);
    await bot.command('/log', '90 calls 30 effective 3 intents', AMY);
    await bot.command('/log', '呼出100 有效40 意向2', BO);
    await bot.command('/log', '呼出999', OUTSIDER);
  });
  afterAll(() => bot.close());

  it('shows today, this week, this month and this quarter against the member’s targets', async () => {
    const { text, reply } = await bot.command('/stats', '', AMY);
    expect(text).toBe(`Progress of <@${AMY}>`);
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('*Today*　Nov 27\\ncalls 90/150 `▓▓▓▓▓▓░░░░` 60%');
    expect(shown).toContain('*This week*　Nov 23 – Nov 29\\ncalls 210/750 `▓▓░░░░░░░░` 28%');
    expect(shown).toContain('amount ¥50,000/¥50,000 `▓▓▓▓▓▓▓▓▓▓` 100%');
    expect(shown).toContain('*This month*　Nov 1 – Nov 30');
    expect(shown).toContain('amount ¥50,000/¥200,000 `▓▓░░░░░░░░` 25%');
    expect(shown).toContain('*This quarter*　Oct 1 – Dec 31');
    // Weeks and months end with the funnel; "—" where a stage is empty (no appointments yet).
    expect(shown).toContain(
      'amount ¥50,000/¥50,000 `▓▓▓▓▓▓▓▓▓▓` 100%\\nConversion: calls→effective 42.9% · effective→intents 10.0% · intents→appointments 0.0% · appointments→visits — · amount per visit —',
    );
    expect(shown.match(/Conversion:/g)).toHaveLength(2); // the week and the month, not the day or quarter
  });

  it('shows one period when asked, in Chinese words too', async () => {
    const { reply } = await bot.command('/stats', '本月', BO);
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('*本月*　11月1日 – 11月30日\\n呼出 100/3,300');
    expect(shown).not.toContain('*今日*');
  });

  it('lets a leader see a member of the group, and nobody see outside their scope', async () => {
    const leader = await bot.command('/stats', `<@${AMY}> week`, LEADER);
    expect(leader.text).toBe(`<@${AMY}> 的进度`);
    expect(JSON.stringify(leader.reply.blocks)).toContain('呼出 210/750');
    const outsider = await bot.command('/stats', `<@${AMY}>`, OUTSIDER);
    expect(outsider.text).toBe(`你只能查看自己或自己小组成员的数据，<@${AMY}> 不在你的范围内。`);
    const manager = await bot.command('/stats', `<@${OUTSIDER}> today`, ADMIN);
    expect(JSON.stringify(manager.reply.blocks)).toContain('呼出 999/150');
  });

  it('shows a group’s totals and per-capita figures for the month', async () => {
    const { text, reply } = await bot.command('/stats', 'group', BO);
    expect(text).toBe('一组 本月（3 人）');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('*合计*\\n呼出 310　有效 130　意向 11　回访 0　约见 0　到访 0　业绩 ¥50,000');
    expect(shown).toContain(
      '转化：呼出→有效 41.9%　有效→意向 8.5%　意向→约见 0.0%　约见→到访 —　每位到访业绩 —',
    );
    expect(shown).toContain('*人均*\\n呼出 103.3　有效 43.3　意向 3.7　回访 0　约见 0　到访 0　业绩 ¥16,666');
    const other = await bot.command('/stats', 'group 二组 today', BO);
    expect(other.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
  });

  it('explains a word it does not know', async () => {
    const { text } = await bot.command('/stats', 'yearly', AMY);
    expect(text).toBe(
      "I did not understand 'yearly'. Try `/stats`, `/stats week`, `/stats @member month`, `/stats group GroupA` or `/stats team`.",
    );
  });

  it('publishes the Home tab when the member opens it', async () => {
    const from = bot.fake.calls.length;
    await bot.slack.event({ type: 'app_home_opened', user: AMY, tab: 'home' });
    const publish = await bot.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === AMY, {
      fromIndex: from,
    });
    const home = JSON.stringify(publish.body.view);
    expect(home).toContain('My Zhanbao');
    expect(home).toContain('calls 90/150');
    const stranger = bot.fake.calls.length;
    await bot.slack.event({ type: 'app_home_opened', user: 'UNOBODY', tab: 'home' });
    const empty = await bot.fake.waitFor(
      (c) => c.method === 'views.publish' && c.body.user_id === 'UNOBODY',
      { fromIndex: stranger },
    );
    expect(JSON.stringify(empty.body.view)).toContain('You are not on the team roster yet');
  });
});
