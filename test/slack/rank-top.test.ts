import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { seedTeam } from '../helpers/seed.ts';

/** The board's individual top 10 lists who scored, not a tie of zeros. Friday 2026-11-27, 15:00. */
describe('/rank: the top 10', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot({ clock: fixedClock('2026-11-27T07:00:00Z') });
    for (const user of ['UT1', 'UT2', 'UT3']) bot.fake.setUserLocale(user, 'zh-CN');
    await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: 'UT1', name: '甲', group: '一组' },
        { id: 'UT2', name: '乙', group: '一组' },
        { id: 'UT3', name: '丙', group: '一组' },
      ],
    });
  });
  afterAll(() => bot.close());

  it('says nobody has scored yet before the first log', async () => {
    const text = JSON.stringify((await bot.command('/rank', '', 'UT1')).reply.blocks);
    expect(text).toContain('*个人前十*\\n还没有人得分，第一条 `/log` 就上榜。');
  });

  it('lists only those who scored', async () => {
    await bot.command('/log', '有效10 意向2', 'UT2');
    const text = JSON.stringify((await bot.command('/rank', '', 'UT1')).reply.blocks);
    expect(text).toContain('*个人前十*\\n1. <@UT2>');
    expect(text).not.toContain('<@UT1>');
    expect(text).not.toContain('<@UT3>');
  });
});
