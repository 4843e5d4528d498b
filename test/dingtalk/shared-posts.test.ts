import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { type DingTalkTestBot, startDingTalkBot } from '../helpers/dingtalk-bot.ts';
import type { DingTalkCall } from '../helpers/fake-dingtalk.ts';
import { seedTeam } from '../helpers/seed.ts';

const silent = createLogger({ level: 'error', sink: () => {} });
const FRIDAY = day('2026-11-27');
const userIdsOf = (call: DingTalkCall) =>
  Array.isArray(call.body.userIds) ? call.body.userIds.map(String) : [];

/**
 * One identical message to many members goes in batchSends of at most 20 userIds (DingTalk's
 * limit, which the fake refuses beyond), through the real job and DingTalk messenger.
 */
describe('DingTalk: one message to many members', () => {
  let bot: DingTalkTestBot;
  const agents = Array.from({ length: 45 }, (_, i) => `agent${String(i).padStart(2, '0')}`);
  const THROTTLED = 'agent07';

  beforeAll(async () => {
    bot = await startDingTalkBot({ now: '2026-11-27T09:00:00Z' });
    await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: agents.map((id) => ({ id, name: id, group: '一组' })),
    });
    for (const id of agents) bot.fake.addUser(id, id);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('sends the 17:00 nudge to 45 people who logged nothing in three batchSends (20, 20, 5)', async () => {
    // Still flow-controlled after the client's retries: DingTalk leaves them out of every attempt.
    bot.fake.throttle([THROTTLED], 100);
    const team = await bot.prisma.team.findFirstOrThrow();
    const outcome = await runJob(
      { store: bot.store, messenger: bot.messenger, logger: silent },
      { teamId: team.id, job: 'daily-warnings', day: FRIDAY, late: false, force: true },
    );
    const firstTries = bot.fake.calls
      .filter((c) => c.name === 'batchSend')
      .filter((c) => !(userIdsOf(c).length === 1 && userIdsOf(c)[0] === THROTTLED));
    expect(firstTries.map((c) => userIdsOf(c).length)).toEqual([20, 20, 5]);
    expect(firstTries.flatMap(userIdsOf).sort()).toEqual([...agents].sort());
    const delivered = bot.fake.sent().flatMap((s) => ('userIds' in s.to ? s.to.userIds : []));
    expect(delivered.sort()).toEqual(agents.filter((id) => id !== THROTTLED).sort());
    expect(outcome).toMatchObject({ status: 'done', posts: 44 });
    expect('failures' in outcome ? outcome.failures : []).toEqual([
      { kind: 'agent-nudge', target: THROTTLED, reason: 'DingTalk: still flow-controlled' },
    ]);
  });
});
