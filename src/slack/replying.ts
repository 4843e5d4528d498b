import type { RespondFn } from '@slack/bolt';
import { type Locale, localeFromTag, type Messages, messagesFor } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Directory } from '../usecases/context.ts';
import type { WorkLane } from '../work-lane.ts';
import { renderReplyOrError } from './rendering.ts';
import type { Reply } from './views/blocks.ts';

export type ReplyDeps = { directory: Directory; logger: Logger; defaultLocale: Locale; lane: WorkLane };

/** The user's language: their Slack locale when Slack tells us, else the team's default. */
export async function messagesForUser(deps: ReplyDeps, userId: string): Promise<Messages> {
  const profile = await deps.directory.profile(userId);
  return messagesFor(localeFromTag(profile.locale, deps.defaultLocale));
}

/**
 * Queues a listener's work on the lane, behind the acknowledgement the listener has already
 * sent, and sends its reply (or its failure) privately through response_url (valid 30 minutes).
 */
export function replyPrivately(
  deps: ReplyDeps,
  request: { userId: string; respond: RespondFn; what: string },
  work: (m: Messages) => Promise<Reply>,
): void {
  deps.lane.run(async () => {
    const m = await messagesForUser(deps, request.userId);
    const reply = await renderReplyOrError(deps, m, { user: request.userId, what: request.what }, () =>
      work(m),
    );
    await request.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
  });
}
