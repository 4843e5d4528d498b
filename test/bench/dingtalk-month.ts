/**
 * What a month of a 30-person team costs in metered DingTalk API calls (free organisations get a
 * few thousand a month). December 2026, on a fresh store seeded with the demo team (3 groups of 8
 * agents, their leaders, 2 managers, the director) and its two months before: on each working day
 * every competitor logs twice in their 1:1 chat with the robot (12:00 and 16:30; replies through
 * the message's session webhook, free), and on every day of the month each job runs through
 * runJob at its default time, as the scheduler would (a job not due that day does nothing). The
 * whole DingTalk robot runs in this process (createDingTalkApp, not started: messages go to its
 * `receive`), on a clock the simulation moves, so that tokens expire and sessions live as they would.
 */
import type { Clock } from '../../src/clock.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createDingTalkApp } from '../../src/dingtalk/dingtalk-app.ts';
import { addDays, type Day, endOfMonth } from '../../src/domain/days.ts';
import { isWorkingDay } from '../../src/domain/working-days.ts';
import { JOB_NAMES } from '../../src/jobs/job.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { JOBS } from '../../src/jobs/schedule.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import { day } from '../helpers/day.ts';
import { fakeDingTalkFor } from './dingtalk-jobs.ts';

export type DingTalkMonthResult = {
  month: string;
  people: number;
  competitors: number;
  workingDays: number;
  logs: number;
  /** api.calls(): every request to the OpenAPI (api and oapi), token fetches and retries included. */
  meteredCalls: number;
  /** api.sessionReplies(): replies through session webhooks, free. */
  sessionReplies: number;
  /** Metered calls by endpoint, as the fake saw them (accessToken, batchSend, groupSend, userGet…). */
  byEndpoint: Record<string, number>;
  /** Metered calls by who made them: each job, and the replies to the logs. */
  bySource: Record<string, number>;
  /** Job runs that were due, by job. */
  runs: Record<string, number>;
  failures: number;
};

const FIRST = day('2026-12-01');
const CLIENT_ID = 'dingbenchmonth';
const CLIENT_SECRET = 'bench-dingtalk-month-secret';
const LOG_ROUNDS = [
  { time: '12:00', text: '/log 呼出40 有效20 意向2 回访2' },
  { time: '16:30', text: '/log 呼出40 有效20 意向1 回访2 约见1' },
];
const SESSION_MS = 90 * 60 * 1000;
const silent = createLogger({ level: 'error', sink: () => {} });

/** The instant of a local "HH:mm" in Shanghai, which keeps UTC+8 all year (no daylight saving). */
const shanghai = (on: Day, time: string) => new Date(`${on}T${time}:00+08:00`);

export async function benchDingTalkMonth(options: {
  databaseUrl: string;
  log: (line: string) => void;
}): Promise<DingTalkMonthResult> {
  const database = await openDatabase(options.databaseUrl);
  try {
    const seeded = await seedDemo(database.prisma, {
      messenger: 'dingtalk',
      today: FIRST,
      size: { groups: 3, agentsPerGroup: 8 },
      months: 2,
    });
    let at = shanghai(FIRST, '00:00');
    const clock: Clock = { now: () => new Date(at) };
    const now = () => at.getTime();
    const fake = await fakeDingTalkFor(database, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, now });
    try {
      const store = createStore(database.prisma, 'dingtalk');
      const bot = createDingTalkApp({
        dingtalk: {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          robotCode: CLIENT_ID,
          mode: 'http',
          apiUrl: fake.url,
          oapiUrl: fake.url,
        },
        store,
        clock,
        logger: silent,
        admins: [],
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
        schedule: false,
        now,
        sleep: () => Promise.resolve(),
      });
      const members = await database.prisma.member.findMany({
        select: { messengerUserId: true, displayName: true, role: true, status: true },
      });
      const competitors = members.filter(
        (m) => (m.role === 'agent' || m.role === 'leader') && m.status !== 'left',
      );
      const calendar = await store.calendar.settings(seeded.teamId);
      const bySource: Record<string, number> = {};
      const runs: Record<string, number> = {};
      const charge = async (source: string, work: () => Promise<unknown>) => {
        const before = bot.api.calls();
        await work();
        bySource[source] = (bySource[source] ?? 0) + bot.api.calls() - before;
      };
      let logs = 0;
      let failures = 0;
      let workingDays = 0;
      const last = endOfMonth(FIRST);
      options.log(`DingTalk month: ${members.length} people, ${FIRST} to ${last}`);
      for (let on = FIRST; on <= last; on = addDays(on, 1)) {
        const working = isWorkingDay(on, calendar);
        if (working) workingDays += 1;
        const events = [
          ...JOB_NAMES.map((job) => ({ time: JOBS[job].defaultTime, job, text: '' })),
          ...(working ? LOG_ROUNDS.map((round) => ({ ...round, job: undefined })) : []),
        ].sort((a, b) => a.time.localeCompare(b.time));
        for (const event of events) {
          at = shanghai(on, event.time);
          const { job } = event;
          if (job === undefined) {
            await charge('replies to /log', async () => {
              for (const member of competitors) {
                logs += 1;
                bot.receive(
                  robotMessage(
                    member,
                    event.text,
                    `m${logs}`,
                    fake.session(`s${logs}`, {
                      expiresAt: now() + SESSION_MS,
                    }),
                    now(),
                  ),
                );
              }
              await bot.lane.idle();
            });
            continue;
          }
          await charge(job, async () => {
            const outcome = await runJob(
              { store, messenger: bot.messenger, logger: silent },
              { teamId: seeded.teamId, job, day: on, late: false, force: false },
            );
            if (outcome.status === 'not-due') return;
            runs[job] = (runs[job] ?? 0) + 1;
            if ('failures' in outcome) failures += outcome.failures.length;
          });
        }
      }
      const byEndpoint: Record<string, number> = {};
      for (const call of fake.calls)
        if (call.name !== 'sessionReply') byEndpoint[call.name] = (byEndpoint[call.name] ?? 0) + 1;
      const result: DingTalkMonthResult = {
        month: FIRST.slice(0, 7),
        people: members.length,
        competitors: competitors.length,
        workingDays,
        logs,
        meteredCalls: bot.api.calls(),
        sessionReplies: bot.api.sessionReplies(),
        byEndpoint,
        bySource,
        runs,
        failures,
      };
      options.log(
        `DingTalk month: ${result.meteredCalls} metered calls, ${result.sessionReplies} session replies; ` +
          `by endpoint ${JSON.stringify(byEndpoint)}`,
      );
      return result;
    } finally {
      await fake.close();
    }
  } finally {
    await database.close();
  }
}

/** A text typed in a member's 1:1 chat with the robot, as DingTalk delivers it. */
function robotMessage(
  member: { messengerUserId: string; displayName: string },
  text: string,
  msgId: string,
  sessionWebhook: string,
  now: number,
) {
  return {
    conversationId: `cid-dm-${member.messengerUserId}`,
    chatbotUserId: '$:LWCP_v1:$robot',
    msgId,
    senderNick: member.displayName,
    senderStaffId: member.messengerUserId,
    conversationType: '1',
    createAt: now,
    robotCode: CLIENT_ID,
    sessionWebhook,
    sessionWebhookExpiredTime: now + SESSION_MS,
    msgtype: 'text',
    text: { content: text },
  };
}
