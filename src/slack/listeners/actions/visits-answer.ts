import type { App, BlockButtonAction } from '@slack/bolt';
import { handleClick } from '../../../chat/clicks.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * A tap on the morning 到访 question. The answer replaces the question, so its buttons are gone;
 * a second tap that races in is counted once (the entry's request key is the member and day).
 */
export function registerVisitsAnswerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ACTIONS.visitsAnswer}:`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const reply = await handleClick(deps, {
        actorId: body.user.id,
        action: action.action_id,
        value: action.value ?? '',
        source: 'slack-button',
      });
      await respond({ replace_original: true, response_type: 'ephemeral', ...toSlack(reply.message) });
    },
  );
}
