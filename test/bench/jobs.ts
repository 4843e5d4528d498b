/**
 * The scheduled jobs at 10,000 agents, run by runJob on the seeded store and posting to the fake
 * Web API through a real WebClient and the Slack messenger. Floor: the job's own chat.* calls
 * replayed with the arguments they had, through the same client, as many in flight as the job
 * allows itself: what Slack's side of the job costs, with nothing computed. (A floor of one-line
 * posts, as before, charged the job for the bytes of its Block Kit on both sides of the fake.)
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
import type { FakeSlackApi, SlackApiCall } from '../helpers/fake-slack-api.ts';
import { median, timePaired } from './measure.ts';

export type JobFigure = {
  job: JobName;
  /** The job's name, or what differs in this run of it (`daily-pk, no image`). */
  label: string;
  day: Day;
  status: string;
  /** The first (cold) run; `ms` is the median of two warm ones after it, for jobs that may run again. */
  firstMs: number;
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

/**
 * The job's own messages sent again as the fake recorded them (the same methods and arguments,
 * so the same bytes through the same client and the same checks of the fake), `inFlight` at a
 * time: what the job's sends cost, with nothing computed or rendered. Only `chat.*` calls: a
 * file upload (the 18:00 image) cannot be replayed, and its bytes count against the job.
 */
async function replaySends(web: WebClient, calls: readonly SlackApiCall[], inFlight: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let call = calls[next++]; call !== undefined; call = calls[next++])
      await web.apiCall(call.method, call.body);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, calls.length)) }, worker));
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
  // `again`: the job may run again on the same data with the same result, so that after its first
  // (cold) run it alternates with its floor, both warm, as in a bot that has been up all day. The
  // two that write run once: a second quarter review would judge the levels the first one set.
  // `noImage`: the team's 战报 images off (`/team image off`), to show what the PK jobs cost
  // beside their poster, which is drawn in a process of its own and has its own goal.
  const runs: Array<{ job: JobName; day: Day; inFlight: number; again: boolean; noImage?: boolean }> = [
    { job: 'daily-pk', day: options.day, inFlight: 1, again: true },
    { job: 'daily-pk', day: options.day, inFlight: 1, again: true, noImage: true },
    { job: 'daily-warnings', day: options.day, inFlight: DIRECT_MESSAGES_IN_FLIGHT, again: true },
    { job: 'morning-digest', day: options.today, inFlight: DIRECT_MESSAGES_IN_FLIGHT, again: true },
    { job: 'monthly-pk', day: options.lastMonth, inFlight: 1, again: true },
    { job: 'monthly-pk', day: options.lastMonth, inFlight: 1, again: true, noImage: true },
    { job: 'careers-daily', day: options.today, inFlight: DIRECT_MESSAGES_IN_FLIGHT, again: true },
    // Last, as they write: every member's statement of last month, then every member's level.
    { job: 'month-close', day: firstOfMonth, inFlight: DIRECT_MESSAGES_IN_FLIGHT, again: false },
    { job: 'quarter-review', day: reviewDay, inFlight: DIRECT_MESSAGES_IN_FLIGHT, again: false },
  ];
  const figures: JobFigure[] = [];
  const settings = await store.settings.teamSettings(options.teamId);
  for (const { job, day, inFlight, again, noImage } of runs) {
    const label = noImage === true ? `${job}, no image` : job;
    options.log(`jobs: ${label} ${day}`);
    await store.settings.saveTeamSettings(
      options.teamId,
      noImage === true ? { ...settings, images: { ...settings.images, enabled: false } } : settings,
    );
    fake.reset();
    const run = () =>
      runJob(
        { store, messenger, logger: silent },
        { teamId: options.teamId, job, day, late: false, force: true },
      );
    const started = performance.now();
    const outcome = await run();
    const firstMs = performance.now() - started;
    const sends = fake.calls.filter((c) => c.method.startsWith('chat.') && c.status === 200);
    const slackCalls = fake.calls.length;
    const replay = () => replaySends(web, sends, inFlight);
    const times = again ? await timePaired(run, replay, { warmup: 0, runs: 2 }) : undefined;
    let ms = firstMs;
    let sendMs: number;
    if (times === undefined) {
      const floorStarted = performance.now();
      await replay();
      sendMs = performance.now() - floorStarted;
    } else {
      ms = median(times.a);
      sendMs = median(times.b);
    }
    fake.reset();
    const floorMs = sendMs + (options.computeFloorMs?.[job] ?? 0);
    const posts = 'posts' in outcome ? outcome.posts : 0;
    const failures = 'failures' in outcome ? outcome.failures.length : 0;
    figures.push({
      job,
      label,
      day,
      status: outcome.status,
      firstMs,
      ms,
      floorMs,
      ratio: ms / floorMs,
      posts,
      failures,
      slackCalls,
    });
  }
  await store.settings.saveTeamSettings(options.teamId, settings);
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
