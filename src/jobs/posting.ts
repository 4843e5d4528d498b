import { serializeError } from '../logger.ts';
import type { PostFailure, PostRecord } from '../store/jobs-repository.ts';
import type {
  Audience,
  DirectMember,
  MemberPost,
  Messenger,
  Outbound,
  OutboundImage,
  PostRef,
} from '../usecases/messenger.ts';
import type { JobContext, JobResult } from './job.ts';

/**
 * How many direct messages a job has in flight at once. A DM waits for Slack's round trip (about
 * 0.1 s), so 10,000 of them one by one take a quarter of an hour; eight at a time take two minutes.
 * Rate limits are the Web API client's business: on a 429 it pauses its whole queue for the
 * Retry-After and retries (tenRetriesInAboutThirtyMinutes), so no post is lost and none is retried
 * here. Eight keeps most of the client's queue (100 requests) free for people using the bot.
 */
export const DIRECT_MESSAGES_IN_FLIGHT = 8;

/**
 * One post of a job, for `sendAll`: to a channel, to one member, or the same message to several
 * members (`{ members }`), which the messenger sends in as few calls as it can (one WeCom
 * message/send for up to 1000 people). A message that differs per person is one post each.
 */
export type JobPost = {
  kind: string;
  to: Audience | { members: readonly DirectMember[] } | undefined;
  message: Outbound;
  extra?: { groupId?: number };
};

function targetOf(to: Audience | undefined): string {
  return to === undefined ? '-' : 'channel' in to ? to.channel : to.member.messengerUserId;
}

/** Who a post goes to, for the per-recipient order of `sendAll`. */
function targetsOf(to: JobPost['to']): string[] {
  return to !== undefined && 'members' in to ? to.members.map((m) => m.messengerUserId) : [targetOf(to)];
}

/** A semaphore: at most `limit` tasks at once, the others wait in order. */
function limiter(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Sends a job's posts: a post that fails (a channel the bot is not in, a rate limit after the
 * client's own retries) is logged with its reason and recorded in the run, and the other posts
 * still go out. `send` posts one and waits; `sendAll` posts many direct messages a few at a time.
 */
export function createPostLog(context: Pick<JobContext, 'messenger' | 'logger' | 'team'>, job: string) {
  const posts: PostRecord[] = [];
  const failures: PostFailure[] = [];

  function failed(kind: string, target: string, reason: string, error?: unknown) {
    failures.push({ kind, target, reason });
    context.logger.event('warn', 'job.post_failed', {
      job,
      team: context.team.id,
      kind,
      target,
      ...(error === undefined ? { reason } : serializeError(error)),
    });
  }

  async function send(
    kind: string,
    to: Audience | undefined,
    message: Outbound,
    extra: { groupId?: number } = {},
  ): Promise<PostRef | undefined> {
    const target = targetOf(to);
    if (to === undefined) {
      failures.push({ kind, target, reason: 'no channel configured' });
      context.logger.event('warn', 'job.post_skipped', {
        job,
        team: context.team.id,
        kind,
        reason: 'no channel configured',
      });
      return undefined;
    }
    try {
      const ref = await context.messenger.post(to, message);
      posts.push({ kind, channel: ref.channel, ts: ref.ts, ...extra });
      return ref;
    } catch (error) {
      failed(kind, target, error instanceof Error ? error.message : String(error), error);
      return undefined;
    }
  }

  /**
   * An image beside a post already sent: made (rendered) and posted here, so that a failure of
   * either is recorded like a failed post and never reaches the text. No channel, no image: the
   * text's post already recorded that.
   */
  async function sendImage(
    kind: string,
    to: Audience | undefined,
    make: () => Promise<OutboundImage>,
  ): Promise<PostRef | undefined> {
    if (to === undefined) return undefined;
    try {
      const ref = await context.messenger.postImage(to, await make());
      posts.push({ kind, channel: ref.channel, ts: ref.ts });
      return ref;
    } catch (error) {
      failed(kind, targetOf(to), error instanceof Error ? error.message : String(error), error);
      return undefined;
    }
  }

  /** The same message to several members: one record (or failure) per member, as if sent apart. */
  async function sendToMembers(
    kind: string,
    members: readonly DirectMember[],
    message: Outbound,
    extra: { groupId?: number } = {},
  ): Promise<void> {
    if (members.length === 0) return;
    let answers: MemberPost[];
    try {
      answers = await context.messenger.postToMembers(members, message);
    } catch (error) {
      // A port never rejects for one member; a rejection is a failure for all of them.
      const reason = error instanceof Error ? error.message : String(error);
      for (const member of members) failed(kind, member.messengerUserId, reason, error);
      return;
    }
    for (const answer of answers) {
      if ('ref' in answer) posts.push({ kind, channel: answer.ref.channel, ts: answer.ref.ts, ...extra });
      else failed(kind, answer.messengerUserId, answer.failed);
    }
  }

  return {
    send,
    sendImage,
    /**
     * Sends many posts, DIRECT_MESSAGES_IN_FLIGHT at a time (a post to several members counts as
     * one: the messenger sends it in its own calls). Posts to one recipient keep their order (a
     * leader's nudge before their group's standing): a post starts once every earlier post to any
     * of its recipients is done. Posts to different recipients may arrive in any order, so channel
     * posts whose order matters go through `send`.
     */
    async sendAll(items: readonly JobPost[]): Promise<void> {
      await context.messenger.prepareDirect(
        items.flatMap((item) =>
          item.to === undefined || 'channel' in item.to
            ? []
            : 'members' in item.to
              ? item.to.members
              : [item.to.member],
        ),
      );
      const slot = limiter(DIRECT_MESSAGES_IN_FLIGHT);
      const last = new Map<string, Promise<void>>();
      const all = items.map((item) => {
        const targets = targetsOf(item.to);
        const before = targets.flatMap((t) => {
          const previous = last.get(t);
          return previous === undefined ? [] : [previous];
        });
        const { to } = item;
        const done = Promise.all(before).then(() =>
          slot(() =>
            to !== undefined && 'members' in to
              ? sendToMembers(item.kind, to.members, item.message, item.extra)
              : send(item.kind, to, item.message, item.extra).then(() => undefined),
          ),
        );
        for (const t of targets) last.set(t, done);
        return done;
      });
      await Promise.all(all);
    },
    result(snapshot?: unknown): JobResult {
      return snapshot === undefined ? { posts, failures } : { posts, failures, snapshot };
    },
  };
}

export type PostLog = ReturnType<typeof createPostLog>;

export type SendFn = (messenger: Messenger) => Promise<void>;
