import type { App } from '@slack/bolt';
import { messagesForPerson } from '../../../chat/language.ts';
import { isLogFormRequest, routeCommand } from '../../../chat/router.ts';
import { todayForUser } from '../../../usecases/today.ts';
import { COMMANDS, type SlackCommand } from '../../ids.ts';
import { fromSlackText, toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { buildLogForm } from '../../views/log-form-view.ts';

/**
 * Every slash command: ack at once, then the shared router on the work lane; the reply is
 * ephemeral through response_url (valid 30 minutes), which keeps private what the router marks
 * private. `/log` alone opens the form, which must happen within the trigger's 3 seconds.
 */
export function registerChatCommands(app: App, deps: SlackDeps): void {
  for (const [name, slash] of Object.entries(COMMANDS) as Array<[SlackCommand, string]>) {
    app.command(slash, async ({ command, ack, respond, client }) => {
      await ack();
      if (name === 'log' && isLogFormRequest(command.text)) {
        const m = await messagesForPerson(deps, command.user_id);
        const view = buildLogForm(
          m,
          await todayForUser(deps, command.user_id),
          JSON.stringify({ channel: command.channel_id }),
        );
        await client.views.open({ trigger_id: command.trigger_id, view });
        return;
      }
      deps.lane.run(async () => {
        const reply = await routeCommand(deps, {
          actorId: command.user_id,
          command: name,
          args: fromSlackText(command.text),
          deliveryKey: `slash:${command.trigger_id}`,
          // A DM's id starts with D: `/team channel team` typed there binds no channel.
          place: command.channel_id.startsWith('D')
            ? { kind: 'direct' }
            : { kind: 'group', conversationId: command.channel_id },
          source: 'slack-command',
        });
        await respond({ response_type: 'ephemeral', replace_original: false, ...toSlack(reply.message) });
      });
    });
  }
}
