import { serializeError } from '../logger.ts';
import type { PostFailure, PostRecord } from '../store/jobs-repository.ts';
import type { Audience, Messenger, Outbound, PostRef } from '../usecases/messenger.ts';
import type { JobContext, JobResult } from './job.ts';

/**
 * Sends a job's posts one by one: a post that fails (a channel the bot is not in, a rate limit
 * after the client's own retries) is logged with its reason and recorded in the run, and the
 * other posts still go out.
 */
export function createPostLog(context: Pick<JobContext, 'messenger' | 'logger' | 'team'>, job: string) {
  const posts: PostRecord[] = [];
  const failures: PostFailure[] = [];
  return {
    async send(
      kind: string,
      to: Audience | undefined,
      message: Outbound,
      extra: { groupId?: number } = {},
    ): Promise<PostRef | undefined> {
      const target = to === undefined ? '-' : 'channel' in to ? to.channel : to.member.messengerUserId;
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
    },
    result(snapshot?: unknown): JobResult {
      return snapshot === undefined ? { posts, failures } : { posts, failures, snapshot };
    },
  };
}

export type PostLog = ReturnType<typeof createPostLog>;

export type SendFn = (messenger: Messenger) => Promise<void>;
