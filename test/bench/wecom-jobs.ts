/**
 * The 17:00 warnings of a 10,000-member team through WeCom: runJob('daily-warnings') on the
 * seeded store, posting through the WeCom messenger and API client to the fake WeCom (the
 * nudge shared by everyone with nothing logged goes in calls of up to 1000 `touser`).
 * Floor: the same message/send calls, to the same `touser` lists, through the same client,
 * DIRECT_MESSAGES_IN_FLIGHT at a time, each with one small fixed markdown message: what WeCom's
 * side of the job costs, with nothing computed or rendered. Job and floor alternate after a
 * first run of the job (timePaired), so that neither is measured cold and the other warm.
 */
import type { Day } from '../../src/domain/days.ts';
import { DIRECT_MESSAGES_IN_FLIGHT } from '../../src/jobs/posting.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import type { Database } from '../../src/store/client.ts';
import { createStore } from '../../src/store/store.ts';
import type { WeComApi } from '../../src/wecom/api.ts';
import { createWeComSending } from '../../src/wecom/wecom-app.ts';
import { createFakeWeCom } from '../helpers/fake-wecom.ts';
import { median, timePaired } from './measure.ts';

export type WeComJobFigure = {
  day: Day;
  status: string;
  /** The job's first (cold) run, which also finds the floor's calls; not in the ratio. */
  firstMs: number;
  ms: number;
  floorMs: number;
  ratio: number;
  posts: number;
  failures: number;
  /** message/send calls of the job, and the people they reached. */
  sends: number;
  recipients: number;
  /** App messages WeCom would have dropped (a member over 30 a minute): must be 0. */
  dropped: number;
};

const CORP_ID = 'wwbenchjobs0001';
const AGENT_ID = 1000002;
const SECRET = 'bench-wecom-jobs-secret';
const silent = createLogger({ level: 'error', sink: () => {} });

/** One small markdown message to each list of people, `inFlight` calls at a time. */
async function sendPlainly(api: WeComApi, lists: readonly string[][], inFlight: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let list = lists[next++]; list !== undefined; list = lists[next++])
      await api.sendToUsers(list, { type: 'markdown', content: 'floor' });
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, lists.length)) }, worker));
}

export async function benchWeComWarnings(
  database: Database,
  options: { teamId: number; day: Day; log: (line: string) => void },
): Promise<WeComJobFigure> {
  const fake = await createFakeWeCom({ corpId: CORP_ID, secret: SECRET, agentId: AGENT_ID });
  try {
    const members = await database.prisma.member.findMany({
      select: { messengerUserId: true, displayName: true },
    });
    for (const member of members) fake.addUser(member.messengerUserId, member.displayName);
    const store = createStore(database.prisma, 'wecom');
    const { api, messenger } = createWeComSending({
      config: {
        corpId: CORP_ID,
        agentId: AGENT_ID,
        secret: SECRET,
        token: 'unused',
        encodingAesKey: 'unused',
        apiUrl: fake.url,
      },
      store,
      logger: silent,
      locale: 'zh-CN',
    });
    options.log(`WeCom jobs: daily-warnings ${options.day}`);
    const job = () =>
      runJob(
        { store, messenger, logger: silent },
        { teamId: options.teamId, job: 'daily-warnings', day: options.day, late: false, force: true },
      );
    // The first run tells whom the job writes to (the floor's calls); then the job and its floor
    // alternate, both warm (as in a bot that has been up all day), and their medians are compared.
    const started = performance.now();
    const outcome = await job();
    const firstMs = performance.now() - started;
    const lists = fake.calls
      .filter((c) => c.name === 'messageSend')
      .map((c) => String(c.body.touser ?? '').split('|'));
    const times = await timePaired(job, () => sendPlainly(api, lists, DIRECT_MESSAGES_IN_FLIGHT), {
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
      sends: lists.length,
      recipients: lists.reduce((sum, list) => sum + list.length, 0),
      dropped: fake.dropped().length,
    };
  } finally {
    await fake.close();
  }
}
