import { describe, expect, it } from 'vitest';
import { startTestBot } from '../helpers/bot.ts';
import { seedTeam } from '../helpers/seed.ts';

const MEMBERS = Array.from({ length: 40 }, (_, i) => `UBURST${String(i + 1).padStart(2, '0')}`);

/**
 * 18:00: the whole floor logs at once. Every request is acknowledged (empty, as Slack wants it
 * within 3 s), and the work behind the acknowledgements is done one request after the other:
 * each log recorded once, each member answered, each Home tab refreshed, even when the bot is
 * stopped straight after the last acknowledgement.
 */
describe('a burst of /log', () => {
  it('acknowledges every request, then records and answers every one, also across a shutdown', async () => {
    const bot = await startTestBot();
    let closed = false;
    for (const userId of MEMBERS) bot.fake.setUserLocale(userId, 'zh-CN');
    try {
      await seedTeam(bot.prisma, {
        groups: [{ name: '一组' }, { name: '二组' }],
        members: MEMBERS.map((id, i) => ({ id, name: `成员${i + 1}`, group: i % 2 === 0 ? '一组' : '二组' })),
      });
      const acks = await Promise.all(
        MEMBERS.map((userId, i) =>
          bot.slack.slashCommand({ command: '/log', text: `呼出${i + 1} 意向1`, userId }),
        ),
      );
      expect(acks.map((ack) => ack.status)).toEqual(MEMBERS.map(() => 200));
      expect(acks.every((ack) => ack.body === '')).toBe(true);

      await bot.close(); // the acknowledged work is finished before the store closes
      closed = true;
      const replies = bot.fake.callsTo('response_url').map((c) => String(c.body.text));
      MEMBERS.forEach((userId, i) => {
        expect(
          replies.filter((text) => text === `已记录 <@${userId}> 11月27日：呼出 +${i + 1}，意向 +1`),
        ).toHaveLength(1);
      });
      expect(replies).toHaveLength(MEMBERS.length);
      const homes = new Set(bot.fake.callsTo('views.publish').map((c) => String(c.body.user_id)));
      expect([...homes].sort()).toEqual([...MEMBERS].sort());
    } finally {
      if (!closed) await bot.close();
    }
  });

  it('has stored each log exactly once', async () => {
    const bot = await startTestBot();
    try {
      const { memberIds } = await seedTeam(bot.prisma, {
        groups: [{ name: '一组' }],
        members: MEMBERS.slice(0, 10).map((id, i) => ({ id, name: `成员${i + 1}`, group: '一组' })),
      });
      await Promise.all(
        MEMBERS.slice(0, 10).map((userId) =>
          bot.slack.slashCommand({ command: '/log', text: '呼出7', userId }),
        ),
      );
      await bot.settled();
      const entries = await bot.prisma.activityEntry.findMany({ select: { memberId: true, calls: true } });
      expect(entries.map((e) => e.memberId).sort((a, b) => a - b)).toEqual(
        [...memberIds.values()].sort((a, b) => a - b),
      );
      expect(entries.every((e) => e.calls === 7)).toBe(true);
    } finally {
      await bot.close();
    }
  });
});
