import { groupBy } from '../collections.ts';
import { serializeError } from '../logger.ts';
import type { PostFailure, PostRecord } from '../store/jobs-repository.ts';
import type { Audience, Messenger, Outbound, PostRef } from '../usecases/messenger.ts';
import type { JobContext, JobResult } from './job.ts';

/**
 * How many direct messages a job has in flight at once. A DM waits for Slack's round trip (about
 * 0.1 s), so 10,000 of them one by one take a quarter of an hour; eight at a time take two minutes.
 * Rate limits are the Web API client's business: on a 429 it pauses its whole queue for the
 * Retry-After and retries (tenRetriesInAboutThirtyMinutes), so no post is lost and none is retried
 * here. Eight keeps most of the client's queue (100 requests) free for people using the bot.
 */
export const DIRECT_MESSAGES_IN_FLIGHT = 8;

/** One post of a job, for `sendAll`. */
export type JobPost = {
  kind: string;
  to: Audience | undefined;
  message: Outbound;
  extra?: { groupId?: number };
};

function targetOf(to: Audience | undefined): string {
  return to === undefined ? '-' : 'channel' in to ? to.channel : to.member.messengerUserId;
}

/**
 * Sends a job's posts: a post that fails (a channel the bot is not in, a rate limit after the
 * client's own retries) is logged with its reason and recorded in the run, and the other posts
 * still go out. `send` posts one and waits; `sendAll` posts many direct messages a few at a time.
 */
export function createPostLog(context: Pick<JobContext, 'messenger' | 'logger' | 'team'>, job: string) {
  const posts: PostRecord[] = [];
  const failures: PostFailure[] = [];

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
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ kind, target, reason });
      context.logger.event('warn', 'job.post_failed', {
        job,
        team: context.team.id,
        kind,
        target,
        ...serializeError(error),
      });
      return undefined;
    }
  }

  return {
    send,
    /**
     * Sends many posts DIRECT_MESSAGES_IN_FLIGHT at a time. Posts to one recipient keep their order
     * (a leader's nudge before their group's standing); posts to different recipients may arrive
     * in any order, so channel posts whose order matters go through `send`.
     */
    async sendAll(items: readonly JobPost[]): Promise<void> {
      await context.messenger.prepareDirect(
        items.flatMap((item) => (item.to !== undefined && 'member' in item.to ? [item.to.member] : [])),
      );
      const queue = [...groupBy(items, (item) => targetOf(item.to)).values()];
      let next = 0;
      const worker = async () => {
        for (let lane = queue[next++]; lane !== undefined; lane = queue[next++]) {
          for (const item of lane) await send(item.kind, item.to, item.message, item.extra);
        }
      };
      await Promise.all(Array.from({ length: Math.min(DIRECT_MESSAGES_IN_FLIGHT, queue.length) }, worker));
    },
    result(snapshot?: unknown): JobResult {
      return snapshot === undefined ? { posts, failures } : { posts, failures, snapshot };
    },
  };
}

export type PostLog = ReturnType<typeof createPostLog>;

export type SendFn = (messenger: Messenger) => Promise<void>;
