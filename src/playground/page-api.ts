import { z } from 'zod';
import { type Clock, localDay } from '../clock.ts';
import { messagesFor } from '../i18n/index.ts';
import { JOB_NAMES } from '../jobs/job.ts';
import { type JobDeps, jobTimes, runJob } from '../jobs/runner.ts';
import type { Store } from '../store/store.ts';
import { setLanguage } from '../usecases/set-language.ts';
import type { Conversations } from './conversations.ts';
import type { Workspace } from './workspace.ts';

/**
 * The page's own endpoints, apart from what it sends to the bot as Slack would: who is in the
 * workspace, each person's language, new people and channels for @- and #-mentions, closing a
 * modal, and "run job now". Every body is parsed with zod; an answer is { status, body }.
 */
export type PageApiDeps = {
  store: Store;
  clock: Clock;
  workspace: Workspace;
  conversations: Conversations;
  /** What the page needs once to act as the messenger (ids, commands, the secret it signs with). */
  session: Record<string, unknown> | (() => Record<string, unknown>);
  /** The messenger's user ids, for the language switch: Slack's U…/W…, DingTalk's userIds. */
  userIdPattern: RegExp;
  defaultLocale: 'zh-CN' | 'en';
  /** What runs a job: the bot's messenger, so a job posts exactly as the scheduler's would. */
  jobDeps: () => JobDeps | undefined;
};

export type PageAnswer = { status: number; body: unknown };

const locale = z.enum(['zh-CN', 'en']);
// A Slack display name or channel name: no spaces or mention brackets, a sensible length.
const name = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s<>@#|]+$/u);

const bodies = {
  person: z.object({ name }),
  channel: z.object({ name }),
  viewClosed: z.object({ viewId: z.string().min(1).max(40) }),
  job: z.object({ job: z.enum(JOB_NAMES) }),
};

const bad = (error: z.ZodError): PageAnswer => ({
  status: 400,
  body: { error: 'invalid_request', issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
});

export function createPageApi(deps: PageApiDeps) {
  const { workspace, conversations } = deps;
  const localeBody = z.object({ userId: z.string().max(64).regex(deps.userIdPattern), locale });

  const jobs = new Set<Promise<unknown>>();

  async function team() {
    const first = await deps.store.roster.firstTeam();
    if (first === undefined) throw new Error('playground: no team yet (the bot creates it at start)');
    return first;
  }

  return {
    /** What the page needs once: ids of the workspace and the bot, the commands, the secret to sign with. */
    session(): PageAnswer {
      // A function when part of it comes later (WeCom's app menu, installed once the app runs).
      const session = typeof deps.session === 'function' ? deps.session() : deps.session;
      return { status: 200, body: { ...session, defaultLocale: deps.defaultLocale } };
    },

    /** People, channels and jobs, labelled in `requested` (the page's language). */
    async directory(requested: string | null): Promise<PageAnswer> {
      const parsed = locale.safeParse(requested ?? deps.defaultLocale);
      if (!parsed.success) return bad(parsed.error);
      const current = await team();
      const times = jobTimes(await deps.store.settings.teamSettings(current.id));
      const m = messagesFor(parsed.data);
      return {
        status: 200,
        body: {
          ...(await workspace.directory(parsed.data)),
          team: { name: current.name, timezone: current.timezone },
          today: localDay(deps.clock.now(), current.timezone),
          jobs: JOB_NAMES.map((job) => ({ name: job, time: times[job], label: m.team.jobNames[job] })),
        },
      };
    },

    /**
     * The page's language switch for a person: their Slack locale, and, for a roster member,
     * their own choice of language as `/lang` would set it (which the bot reads first).
     */
    async setLocale(body: unknown): Promise<PageAnswer> {
      const parsed = localeBody.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const { userId, locale } = parsed.data;
      workspace.setLocale(userId, locale);
      if ((await deps.store.roster.memberByMessengerId(userId)) !== undefined) {
        const useCaseDeps = {
          store: deps.store,
          clock: deps.clock,
          admins: [],
          defaults: { teamName: '', timezone: 'Asia/Shanghai', locale: deps.defaultLocale },
        };
        await setLanguage(useCaseDeps, { actorId: userId, locale });
      }
      conversations.directoryChanged();
      return { status: 200, body: { ok: true } };
    },

    addPerson(body: unknown): PageAnswer {
      const parsed = bodies.person.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const id = workspace.addPerson(parsed.data.name);
      conversations.directoryChanged();
      return { status: 200, body: { id } };
    },

    addChannel(body: unknown): PageAnswer {
      const parsed = bodies.channel.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const id = workspace.addChannel(parsed.data.name);
      conversations.directoryChanged();
      return { status: 200, body: { id } };
    },

    closeView(body: unknown): PageAnswer {
      const parsed = bodies.viewClosed.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      conversations.closeView(parsed.data.viewId);
      return { status: 200, body: { ok: true } };
    },

    /** Runs a job for today now, even if it already ran (force), as `zhanbao job run --force` does. */
    async runJob(body: unknown): Promise<PageAnswer> {
      const parsed = bodies.job.safeParse(body);
      if (!parsed.success) return bad(parsed.error);
      const jobDeps = deps.jobDeps();
      if (jobDeps === undefined) return { status: 503, body: { error: 'bot_not_ready' } };
      const current = await team();
      const job = runJob(jobDeps, {
        teamId: current.id,
        job: parsed.data.job,
        day: localDay(deps.clock.now(), current.timezone),
        late: false,
        force: true,
      });
      jobs.add(job);
      try {
        return { status: 200, body: await job };
      } finally {
        jobs.delete(job);
      }
    },

    /**
     * Resolves when every job the page started has ended. A job goes on when the page that asked
     * for it closes (the 18:00 board's 战报 image comes a second after its text), so the
     * playground waits for them before it stops its bots and closes the stores.
     */
    async settled(): Promise<void> {
      await Promise.allSettled([...jobs]);
    },
  };
}

export type PageApi = ReturnType<typeof createPageApi>;
