import type { App, BlockButtonAction } from '@slack/bolt';
import { messagesForPerson } from '../../../chat/language.ts';
import { replyToLog } from '../../../chat/log-replies.ts';
import { replyOrError } from '../../../chat/reply-or-error.ts';
import { logActivity } from '../../../usecases/log-activity.ts';
import { decodeConfirmation } from '../../../views/log-confirmation.ts';
import { textMessage } from '../../../views/message.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * Confirm / Cancel under a log that asked for confirmation. The answer replaces the question,
 * so the buttons cannot be used again; a second click that races in still saves once (the
 * confirmation token is the entry's request key).
 */
export function registerLogConfirmationActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.logConfirm, async ({ ack, body, action, respond }) => {
    await ack();
    const m = await messagesForPerson(deps, body.user.id);
    const reply = await replyOrError(deps, m, { user: body.user.id, what: 'log_confirm' }, async () => {
      const confirmation = decodeConfirmation(action.value);
      if (confirmation === undefined) return textMessage(m.common.somethingWrong);
      const outcome = await logActivity(deps, {
        actorId: body.user.id,
        command: confirmation.command,
        source: 'slack-button',
        requestKey: `confirm:${confirmation.token}`,
        confirmed: true,
      });
      return replyToLog(deps, m, outcome);
    });
    await respond({ replace_original: true, response_type: 'ephemeral', ...toSlack(reply) });
  });

  app.action<BlockButtonAction>(ACTIONS.logCancel, async ({ ack, body, respond }) => {
    await ack();
    const m = await messagesForPerson(deps, body.user.id);
    await respond({
      replace_original: true,
      response_type: 'ephemeral',
      ...toSlack(textMessage(m.log.cancelled)),
    });
  });
}
