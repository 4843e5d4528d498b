import type { App, BlockButtonAction } from '@slack/bolt';
import { handleClick } from '../../../chat/clicks.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * Approve / Turn down under a leave request in the approver's DM. The answer replaces the
 * request, so its buttons cannot be pressed again; a second approver who clicks after another
 * decided is told who did (the decision is conditional on the request still waiting).
 */
export function registerLeaveActions(app: App, deps: SlackDeps): void {
  for (const actionId of [ACTIONS.leaveApprove, ACTIONS.leaveReject]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = await handleClick(deps, {
        actorId: body.user.id,
        action: action.action_id,
        value: action.value ?? '',
        source: 'slack-button',
      });
      await respond({ replace_original: true, ...toSlack(reply.message) });
    });
  }
}
