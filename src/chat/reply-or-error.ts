import { isDomainError } from '../errors.ts';
import type { Messages } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import { renderDomainError } from '../views/errors-view.ts';
import type { Message } from '../views/message.ts';

/**
 * The one place where failures become replies: a DomainError reads as its catalogue message;
 * anything else is logged with its context and the user is told that nothing was changed (every
 * write is one transaction, so that is true).
 */
export async function replyOrError(
  deps: { logger: Logger },
  m: Messages,
  context: { user: string; what: string },
  work: () => Promise<Message>,
): Promise<Message> {
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
