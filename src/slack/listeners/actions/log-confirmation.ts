import type { App, BlockButtonAction } from '@slack/bolt';
import { logActivity } from '../../../usecases/log-activity.ts';
import { ACTIONS } from '../../ids.ts';
import { decodeConfirmation } from '../../log-confirmation.ts';
import { replyToLog } from '../../log-replies.ts';
import { renderReplyOrError } from '../../rendering.ts';
import { messagesForUser } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';

/**
 * Confirm / Cancel under a log that asked for confirmation. The answer replaces the question,
 * so the buttons cannot be used again; a second click that races in still saves once (the
 * confirmation token is the entry's request key).
 */
export function registerLogConfirmationActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.logConfirm, async ({ ack, body, action, respond, client }) => {
    await ack();
    const m = await messagesForUser(deps, body.user.id);
    const reply = await renderReplyOrError(deps, m, { user: body.user.id, what: 'log_confirm' }, async () => {
      const confirmation = decodeConfirmation(action.value);
      if (confirmation === undefined) return textReply(m.common.somethingWrong);
      const outcome = await logActivity(deps, {
        actorId: body.user.id,
        command: confirmation.command,
        source: 'slack-button',
        requestKey: `confirm:${confirmation.token}`,
        confirmed: true,
      });
      return replyToLog(deps, client, m, outcome);
    });
    await respond({ replace_original: true, response_type: 'ephemeral', ...reply });
  });

  app.action<BlockButtonAction>(ACTIONS.logCancel, async ({ ack, body, respond }) => {
    await ack();
    const m = await messagesForUser(deps, body.user.id);
    await respond({ replace_original: true, response_type: 'ephemeral', ...textReply(m.log.cancelled) });
  });
}
