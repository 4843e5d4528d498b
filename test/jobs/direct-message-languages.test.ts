import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { BULK_LOOKUP_FROM, createSlackDirectory } from '../../src/slack/directory.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { startFakeSlackApi } from '../helpers/fake-slack-api.ts';
import { seedTeam } from '../helpers/seed.ts';

/**
 * A job's direct messages are written in each member's language; for members who chose none it is
 * their Slack locale. With many such members the bot reads it from pages of users.list rather
 * than one users.info each (about 100 a minute: 2,000 agents would wait twenty minutes).
 */
describe("a job's direct messages in each member's Slack language", () => {
  const AGENTS = BULK_LOOKUP_FROM + 10;
  const agent = (i: number) => `UAG${String(i).padStart(3, '0')}`;
  // Every third agent uses Slack in English.
  const slackLocale = (i: number) => (i % 3 === 0 ? 'en-US' : 'zh-CN');

  /** A bot process of its own (nothing learned yet) with a team of agents who chose no language. */
  const startTeam = async (): Promise<{ bot: TestBot; teamId: number }> => {
    const bot = await startTestBot({ now: '2026-11-26T09:00:00Z' });
    const { teamId } = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: Array.from({ length: AGENTS }, (_, i) => ({
        id: agent(i),
        name: `坐席${i}`,
        group: '一组',
        locale: null,
      })),
    });
    for (let i = 0; i < AGENTS; i += 1) bot.fake.setUserLocale(agent(i), slackLocale(i));
    return { bot, teamId };
  };
  const warn = (bot: TestBot, teamId: number, on: string) =>
    runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job: 'daily-warnings', day: day(on), late: false, force: true },
    );
  const nudges = (bot: TestBot, from: number) =>
    new Map(
      bot.fake.calls
        .slice(from)
        .filter((c) => c.method === 'chat.postMessage')
        .map((c) => [String(c.body.channel), String(c.body.text)]),
    );

  it('learns the languages of many members from users.list, not one users.info each', async () => {
    const { bot, teamId } = await startTeam();
    try {
      const from = bot.fake.calls.length;
      expect(await warn(bot, teamId, '2026-11-25')).toMatchObject({ status: 'done', failures: [] });
      const calls = bot.fake.calls.slice(from);
      expect(calls.filter((c) => c.method === 'users.list').length).toBeGreaterThanOrEqual(1);
      expect(calls.filter((c) => c.method === 'users.info')).toEqual([]);
      const sent = nudges(bot, from);
      expect(sent.size).toBe(AGENTS);
      for (let i = 0; i < AGENTS; i += 1) {
        const text = sent.get(agent(i)) ?? '';
        if (slackLocale(i) === 'en-US') expect(text).toMatch(/^You have not logged/);
        else expect(text).toMatch(/^你今天/);
      }
    } finally {
      await bot.close();
    }
  });

  it('looks members up one by one when users.list cannot answer', async () => {
    const { bot, teamId } = await startTeam();
    try {
      bot.fake.failNext('users.list', 'missing_scope');
      const from = bot.fake.calls.length;
      await warn(bot, teamId, '2026-11-25');
      const calls = bot.fake.calls.slice(from);
      expect(calls.filter((c) => c.method === 'users.info').length).toBe(AGENTS);
      const sent = nudges(bot, from);
      expect(sent.get(agent(0))).toMatch(/^You have not logged/);
      expect(sent.get(agent(1))).toMatch(/^你今天/);
    } finally {
      await bot.close();
    }
  });
});

describe('the Slack directory', () => {
  it(`reads users.list only from ${BULK_LOOKUP_FROM} people not yet known, and pages through it`, async () => {
    const fake = await startFakeSlackApi();
    try {
      const client = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
      const directory = createSlackDirectory(client);
      const ids = Array.from({ length: 1200 }, (_, i) => `U${String(i).padStart(5, '0')}`);
      for (const id of ids) fake.setUserLocale(id, 'en-US');
      await directory.prefetch(ids.slice(0, BULK_LOOKUP_FROM - 1));
      expect(fake.callsTo('users.list')).toEqual([]);
      await directory.prefetch(ids);
      // 1,200 people at 999 a page.
      expect(fake.callsTo('users.list').length).toBe(2);
      expect(await directory.profile(ids[1100] ?? '')).toEqual({ displayName: 'u01100', locale: 'en-US' });
      expect(fake.callsTo('users.info')).toEqual([]);
      // Everyone is known now: no second read of the list.
      await directory.prefetch(ids);
      expect(fake.callsTo('users.list').length).toBe(2);
    } finally {
      await fake.close();
    }
  });
});
