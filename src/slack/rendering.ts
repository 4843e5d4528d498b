import { isDomainError } from '../errors.ts';
import type { Messages } from '../i18n/index.ts';
import { serializeError } from '../logger.ts';
import type { ReplyDeps } from './replying.ts';
import type { Reply } from './views/blocks.ts';
import { renderDomainError } from './views/errors-view.ts';

/**
 * The one place where failures become replies: a DomainError reads as its catalogue message;
 * anything else is logged with its context and the user is told that nothing was changed (every
 * write is one transaction, so that is true).
 */
export async function renderReplyOrError(
  deps: ReplyDeps,
  m: Messages,
  context: { user: string; what: string },
  work: () => Promise<Reply>,
): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) return { text: renderDomainError(m, error) };
    deps.logger.event('error', 'listener.failed', {
      what: context.what,
      user: context.user,
      ...serializeError(error),
    });
    return { text: m.common.somethingWrong };
  }
}
