import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, startTestBot, type TestBot } from '../helpers/bot.ts';
import { movableClock } from '../helpers/clock.ts';
import { seedTeam } from '../helpers/seed.ts';

const buttons = buttonsOf;

/**
 * A direct message the bot later replaces (a leave request's buttons, once someone decided) is
 * replaced in the language it was written in, not the team's: an English manager's copy stays
 * English when a Chinese manager decides. Through the real Bolt receiver, Thursday 2026-12-03.
 */
describe('updated direct messages keep their reader’s language', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot({ clock: movableClock('2026-12-03T02:00:00Z') });
    bot.fake.setUserLocale('UZH', 'zh-CN');
    bot.fake.setUserLocale('UEN', 'en-US');
    bot.fake.setUserLocale('UA', 'zh-CN');
    await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        // No leader in 一组: an agent's leave goes to both managers.
        { id: 'UZH', name: '王经理', role: 'manager' },
        { id: 'UEN', name: 'Erin', role: 'manager', locale: 'en' },
        { id: 'UA', name: '小A', group: '一组' },
      ],
    });
  });
  afterAll(() => bot.close());

  it('replaces each manager’s request in their own language', async () => {
    const from = bot.fake.calls.length;
    await bot.command('/leave', '12-04 事假', 'UA');
    const requests = bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && ['UZH', 'UEN'].includes(String(c.body.channel)));
    const english = requests.find((c) => c.body.channel === 'UEN');
    expect(String(english?.body.text)).toBe('<@UA> asks for leave');
    const value = buttons(requests.find((c) => c.body.channel === 'UZH'))[0]?.value ?? '';
    const decided = bot.fake.calls.length;
    await bot.click('UZH', 'leave_approve', value);
    const updates = await Promise.all(
      ['UZH', 'UEN'].map((user) =>
        bot.fake.waitFor((c) => c.method === 'chat.update' && c.body.channel === user, {
          fromIndex: decided,
        }),
      ),
    );
    expect(updates.map((c) => String(c.body.text))).toEqual([
      '✅ <@UA> 的请假（12月4日（1 天））已由 <@UZH> 批准。',
      '✅ <@UZH> approved the leave of <@UA> (Dec 4 (1 day)).',
    ]);
  });
});
