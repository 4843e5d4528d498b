import type { RespondFn } from '@slack/bolt';
import { type Locale, localeFromTag, type Messages, messagesFor } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Directory } from '../usecases/context.ts';
import { renderReplyOrError } from './rendering.ts';
import type { Reply } from './views/blocks.ts';

export type ReplyDeps = { directory: Directory; logger: Logger; defaultLocale: Locale };

/** The user's language: their Slack locale when Slack tells us, else the team's default. */
export async function messagesForUser(deps: ReplyDeps, userId: string): Promise<Messages> {
  const profile = await deps.directory.profile(userId);
  return messagesFor(localeFromTag(profile.locale, deps.defaultLocale));
}

/** Runs a listener's work and sends its reply (or its failure) privately through response_url. */
export async function replyPrivately(
  deps: ReplyDeps,
  request: { userId: string; respond: RespondFn; what: string },
  work: (m: Messages) => Promise<Reply>,
): Promise<void> {
  const m = await messagesForUser(deps, request.userId);
  const reply = await renderReplyOrError(deps, m, { user: request.userId, what: request.what }, () =>
    work(m),
  );
  await request.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
}
