import type { App, BlockButtonAction } from '@slack/bolt';
import { handleClick } from '../../../chat/clicks.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * Buttons whose answer replaces the message they sit under, so that they are pressed once: the
 * click goes to the neutral click handler (chat/clicks.ts), which decides once and tells a later
 * clicker who did. `ephemeral` keeps the replacement visible to the clicker only (a reply that
 * was private stays private); without it the message stays where it was (a DM).
 */
export function registerReplacingClicks(
  app: App,
  deps: SlackDeps,
  actionIds: ReadonlyArray<string | RegExp>,
  options: { ephemeral: boolean },
): void {
  for (const actionId of actionIds) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      const reply = await handleClick(deps, {
        actorId: body.user.id,
        action: action.action_id,
        value: action.value ?? '',
        source: 'slack-button',
      });
      await respond({
        replace_original: true,
        ...(options.ephemeral ? { response_type: 'ephemeral' as const } : {}),
        ...toSlack(reply.message),
      });
    });
  }
}
