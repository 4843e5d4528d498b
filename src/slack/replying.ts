import type { RespondFn } from '@slack/bolt';
import { isDomainError } from '../errors.ts';
import { type Locale, localeFromTag, type Messages, messagesFor } from '../i18n/index.ts';
import { type Logger, serializeError } from '../logger.ts';
import type { Directory } from '../usecases/context.ts';
import type { Reply } from './views/blocks.ts';
import { renderDomainError } from './views/errors-view.ts';

export type ReplyDeps = { directory: Directory; logger: Logger; defaultLocale: Locale };

/** The user's language: their Slack locale when Slack tells us, else the team's default. */
export async function messagesForUser(deps: ReplyDeps, userId: string): Promise<Messages> {
  const profile = await deps.directory.profile(userId);
  return messagesFor(localeFromTag(profile.locale, deps.defaultLocale));
}

/**
 * Runs a listener's work and sends its reply privately (ephemeral) through response_url. The one
 * place where failures become replies: a DomainError reads as its catalogue message, anything
 * else is logged with context and the user is told that nothing was changed.
 */
export async function replyPrivately(
  deps: ReplyDeps,
  request: { userId: string; respond: RespondFn; what: string },
  work: (m: Messages) => Promise<Reply>,
): Promise<void> {
  const m = await messagesForUser(deps, request.userId);
  let reply: Reply;
  try {
    reply = await work(m);
  } catch (error) {
    if (isDomainError(error)) {
      reply = { text: renderDomainError(m, error) };
    } else {
      deps.logger.event('error', 'listener.failed', {
        what: request.what,
        user: request.userId,
        ...serializeError(error),
      });
      reply = { text: m.common.somethingWrong };
    }
  }
  await request.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
}
