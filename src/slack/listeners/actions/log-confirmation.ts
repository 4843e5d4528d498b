import type { App, BlockButtonAction } from '@slack/bolt';
import { handleClick } from '../../../chat/clicks.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * Confirm / Cancel under a log that asked for confirmation. The answer replaces the question,
 * so the buttons cannot be used again; a second click that races in still saves once (the
 * confirmation token is the entry's request key).
 */
export function registerLogConfirmationActions(app: App, deps: SlackDeps): void {
  for (const actionId of [ACTIONS.logConfirm, ACTIONS.logCancel]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = await handleClick(deps, {
        actorId: body.user.id,
        action: action.action_id,
        value: action.value ?? '',
        source: 'slack-button',
      });
      await respond({ replace_original: true, response_type: 'ephemeral', ...toSlack(reply.message) });
    });
  }
}
