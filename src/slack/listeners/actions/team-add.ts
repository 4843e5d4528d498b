import type { App, BlockButtonAction } from '@slack/bolt';
import { handleClick } from '../../../chat/clicks.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * "Create the group and add" under a `/team add` that named a new group: the answer replaces the
 * offer, so it is pressed once; a second press (another copy) is told the person is on the roster.
 */
export function registerTeamAddActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.teamAddNewGroup, async ({ ack, body, action, respond }) => {
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
