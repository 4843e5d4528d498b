/**
 * The 17:00 warnings of a 10,000-member team through DingTalk: runJob('daily-warnings') on the
 * seeded store, posting through the DingTalk messenger and OpenAPI client to the fake DingTalk.
 * Floor: the same number of api.sendToUsers calls, to the same people, through the same client,
 * DIRECT_MESSAGES_IN_FLIGHT at a time, with one small fixed markdown message: what DingTalk's side
 * of the job costs, with nothing computed or rendered. Job and floor alternate after a first run
 * of the job (timePaired), so that neither is measured cold and the other warm.
 */

import { createDingTalkApi, type DingTalkApi } from '../../src/dingtalk/api.ts';
import { createDingTalkDirectory } from '../../src/dingtalk/directory.ts';
import { createDingTalkMessenger } from '../../src/dingtalk/messenger.ts';
import type { Day } from '../../src/domain/days.ts';
import { DIRECT_MESSAGES_IN_FLIGHT } from '../../src/jobs/posting.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import type { Database } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import { createFakeDingTalk, type FakeDingTalk } from '../helpers/fake-dingtalk.ts';
import { median, timePaired } from './measure.ts';

export type DingTalkJobFigure = {
  day: Day;
  status: string;
  /** The job's first (cold) run, which also finds the floor's calls; not in the ratio. */
  firstMs: number;
  ms: number;
  floorMs: number;
  ratio: number;
  posts: number;
  failures: number;
  /** Metered OpenAPI calls of the job (batchSend, the token), as api.calls() counts them. */
  meteredCalls: number;
};

const CLIENT_ID = 'dingbenchjobs';
const CLIENT_SECRET = 'bench-dingtalk-jobs-secret';
const silent = createLogger({ level: 'error', sink: () => {} });

/** A fake DingTalk that knows every member and every group of the store as its users and chats. */
export async function fakeDingTalkFor(
  database: Database,
  options: { clientId: string; clientSecret: string; now?: () => number },
): Promise<FakeDingTalk> {
  const fake = await createFakeDingTalk({ ...options, robotCode: options.clientId });
  const [members, groups, teams] = await Promise.all([
    database.prisma.member.findMany({ select: { messengerUserId: true, displayName: true } }),
    database.prisma.group.findMany({ select: { channelId: true } }),
    database.prisma.team.findMany({ select: { pkChannelId: true } }),
  ]);
  for (const member of members) fake.addUser(member.messengerUserId, member.displayName);
  for (const channel of [...groups.map((g) => g.channelId), ...teams.map((t) => t.pkChannelId)])
    if (channel !== null) fake.addGroup(channel);
  return fake;
}

/** One small markdown DM to each person, `inFlight` at a time. */
async function sendPlainly(api: DingTalkApi, userIds: readonly string[], inFlight: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let userId = userIds[next++]; userId !== undefined; userId = userIds[next++])
      await api.sendToUsers([userId], { type: 'markdown', title: 'floor', text: 'floor' });
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, userIds.length)) }, worker));
}

export async function benchDingTalkWarnings(
  database: Database,
  options: { teamId: number; day: Day; log: (line: string) => void },
): Promise<DingTalkJobFigure> {
  const fake = await fakeDingTalkFor(database, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  try {
    const store = createStore(database.prisma, 'dingtalk');
    const api = createDingTalkApi({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      robotCode: CLIENT_ID,
      apiUrl: fake.url,
      oapiUrl: fake.url,
      logger: silent,
    });
    const directory = createDingTalkDirectory(api, store);
    const messenger = createDingTalkMessenger(api, { directory, store, defaultLocale: 'zh-CN' });
    options.log(`DingTalk jobs: daily-warnings ${options.day}`);
    const job = () =>
      runJob(
        { store, messenger, logger: silent },
        { teamId: options.teamId, job: 'daily-warnings', day: options.day, late: false, force: true },
      );
    // The first run tells whom the job writes to (the floor's calls) and what it costs in metered
    // calls; then the job and its floor alternate, both warm, and their medians are compared.
    const started = performance.now();
    const outcome = await job();
    const firstMs = performance.now() - started;
    const meteredCalls = api.calls();
    // One call per person and post, in the job's order (a leader's nudge, then their standing).
    const recipients = fake.calls
      .filter((c) => c.name === 'batchSend')
      .flatMap((c) => (Array.isArray(c.body.userIds) ? c.body.userIds.map(String) : []));
    const times = await timePaired(job, () => sendPlainly(api, recipients, DIRECT_MESSAGES_IN_FLIGHT), {
      warmup: 0,
      runs: 2,
    });
    const ms = median(times.a);
    const floorMs = median(times.b);
    return {
      day: options.day,
      status: outcome.status,
      firstMs,
      ms,
      floorMs,
      ratio: ms / floorMs,
      posts: 'posts' in outcome ? outcome.posts : 0,
      failures: 'failures' in outcome ? outcome.failures.length : 0,
      meteredCalls,
    };
  } finally {
    await fake.close();
  }
}
