/**
 * The scheduled jobs at 10,000 agents, run by runJob on the seeded store and posting to the fake
 * Web API through a real WebClient and the Slack messenger. Floor: the same number of
 * chat.postMessage calls through the same client, as many in flight as the job allows itself,
 * with a one-line text: what Slack's side of the job costs, with nothing computed.
 *
 * Also the sending itself: direct messages one by one against DIRECT_MESSAGES_IN_FLIGHT at a time,
 * with Slack's round trip simulated, since on localhost the round trip that decides it is missing.
 */
import { WebClient } from '@slack/web-api';
import { type Day, startOfMonth, startOfQuarter } from '../../src/domain/days.ts';
import { firstWorkingDayOfQuarter } from '../../src/domain/working-days.ts';
import type { JobName } from '../../src/jobs/job.ts';
import { createPostLog, DIRECT_MESSAGES_IN_FLIGHT } from '../../src/jobs/posting.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { createSlackDirectory } from '../../src/slack/directory.ts';
import { createSlackMessenger } from '../../src/slack/messenger.ts';
import type { Database } from '../../src/store/client.ts';
import type { MemberView } from '../../src/store/roster-repository.ts';
import { createStore } from '../../src/store/store.ts';
import { day } from '../helpers/day.ts';
import type { FakeSlackApi } from '../helpers/fake-slack-api.ts';

export type JobFigure = {
  job: JobName;
  day: Day;
  status: string;
  ms: number;
  floorMs: number;
  ratio: number;
  posts: number;
  failures: number;
  /** Web API calls the job made (posts, users.info for members' languages…). */
  slackCalls: number;
};

export type SendingFigure = {
  messages: number;
  latencyMs: number;
  oneByOneMs: number;
  batchedMs: number;
  inFlight: number;
};

const silent = createLogger({ level: 'error', sink: () => {} });

function client(fake: FakeSlackApi, latencyMs = 0): WebClient {
  const delayed: typeof fetch = async (input, init) => {
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return fetch(input, init);
  };
  return new WebClient('xoxb-bench', {
    slackApiUrl: fake.url,
    logger: silent,
    ...(latencyMs > 0 ? { fetch: delayed } : {}),
  });
}

/** `count` one-line messages, `inFlight` at a time: the transport floor of a job. */
async function postPlainly(web: WebClient, channels: readonly string[], inFlight: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let channel = channels[next++]; channel !== undefined; channel = channels[next++])
      await web.chat.postMessage({ channel, text: 'floor' });
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, channels.length)) }, worker));
}

export async function benchJobs(
  database: Database,
  fake: FakeSlackApi,
  options: {
    teamId: number;
    today: Day;
    day: Day;
    lastMonth: Day;
    log: (line: string) => void;
    /**
     * What a job computes beyond its sends, measured as a floor of its own (the SQL aggregate of
     * ranking.ts): added to the floor of its posts, so that the ratio means something for a job
     * whose few posts cost next to nothing (the monthly PK's board: issue 18).
     */
    computeFloorMs?: Partial<Record<JobName, number>>;
  },
): Promise<JobFigure[]> {
  const store = createStore(database.prisma, 'slack');
  const web = client(fake);
  const directory = createSlackDirectory(web);
  const messenger = createSlackMessenger(web, { directory, defaultLocale: 'zh-CN' });
  const firstOfMonth = startOfMonth(options.today);
  const calendar = await store.calendar.settings(options.teamId);
  // The review of the quarter before today's, on the day its job runs.
  const reviewDay =
    firstWorkingDayOfQuarter(startOfQuarter(options.today), calendar) ?? startOfQuarter(options.today);
  const runs: Array<{ job: JobName; day: Day; inFlight: number }> = [
    { job: 'daily-pk', day: options.day, inFlight: 1 },
    { job: 'daily-warnings', day: options.day, inFlight: DIRECT_MESSAGES_IN_FLIGHT },
    { job: 'morning-digest', day: options.today, inFlight: DIRECT_MESSAGES_IN_FLIGHT },
    { job: 'monthly-pk', day: options.lastMonth, inFlight: 1 },
    { job: 'careers-daily', day: options.today, inFlight: DIRECT_MESSAGES_IN_FLIGHT },
    // Last, as they write: every member's statement of last month, then every member's level.
    { job: 'month-close', day: firstOfMonth, inFlight: DIRECT_MESSAGES_IN_FLIGHT },
    { job: 'quarter-review', day: reviewDay, inFlight: DIRECT_MESSAGES_IN_FLIGHT },
  ];
  const figures: JobFigure[] = [];
  for (const { job, day, inFlight } of runs) {
    options.log(`jobs: ${job} ${day}`);
    fake.reset();
    const started = performance.now();
    const outcome = await runJob(
      { store, messenger, logger: silent },
      { teamId: options.teamId, job, day, late: false, force: true },
    );
    const ms = performance.now() - started;
    const channels = fake.calls
      .filter((c) => c.method === 'chat.postMessage')
      .map((c) => String(c.body.channel));
    const slackCalls = fake.calls.length;
    fake.reset();
    const floorStarted = performance.now();
    await postPlainly(web, channels, inFlight);
    const floorMs = performance.now() - floorStarted + (options.computeFloorMs?.[job] ?? 0);
    const posts = 'posts' in outcome ? outcome.posts : 0;
    const failures = 'failures' in outcome ? outcome.failures.length : 0;
    figures.push({
      job,
      day,
      status: outcome.status,
      ms,
      floorMs,
      ratio: ms / floorMs,
      posts,
      failures,
      slackCalls,
    });
  }
  fake.reset();
  return figures;
}

const BENCH_DAY = day('2026-11-26');

function benchMember(index: number): MemberView {
  return {
    id: index + 1,
    teamId: 1,
    messengerUserId: `UBENCH${index}`,
    displayName: `成员${index}`,
    role: 'agent',
    status: 'active',
    groupId: null,
    groupName: null,
    level: 'A1',
    hiredOn: BENCH_DAY,
    joinedOn: BENCH_DAY,
    protectionEndsOn: null,
    leftOn: null,
    locale: 'zh-CN',
  };
}

/** `messages` DMs through createPostLog with Slack's round trip simulated: one by one, then batched. */
export async function benchSending(
  fake: FakeSlackApi,
  options: { messages: number; latencyMs: number },
): Promise<SendingFigure> {
  const web = client(fake, options.latencyMs);
  const directory = {
    profile: async (userId: string) => ({ displayName: userId, locale: 'zh-CN' }),
    prefetch: async () => {},
  };
  const messenger = createSlackMessenger(web, { directory, defaultLocale: 'zh-CN' });
  const team = { id: 1, name: 'bench', timezone: 'Asia/Shanghai', locale: 'zh-CN', pkChannelId: null };
  const members = Array.from({ length: options.messages }, (_, i) => benchMember(i));
  const nudge = (member: MemberView) =>
    ({
      kind: 'agent-nudge',
      to: { member },
      message: {
        kind: 'agent-nudge',
        day: BENCH_DAY,
        missing: undefined,
        minutesLeft: 60,
      },
    }) as const;
  fake.reset();
  let started = performance.now();
  const oneByOne = createPostLog({ messenger, logger: silent, team }, 'bench');
  for (const member of members) {
    const post = nudge(member);
    await oneByOne.send(post.kind, post.to, post.message);
  }
  const oneByOneMs = performance.now() - started;
  started = performance.now();
  await createPostLog({ messenger, logger: silent, team }, 'bench').sendAll(members.map(nudge));
  const batchedMs = performance.now() - started;
  fake.reset();
  return {
    messages: options.messages,
    latencyMs: options.latencyMs,
    oneByOneMs,
    batchedMs,
    inFlight: DIRECT_MESSAGES_IN_FLIGHT,
  };
}
