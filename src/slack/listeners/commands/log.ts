import type { App } from '@slack/bolt';
import { parseLogCommand } from '../../../commands/log-command.ts';
import { logActivity } from '../../../usecases/log-activity.ts';
import { todayForUser } from '../../../usecases/today.ts';
import { COMMANDS } from '../../ids.ts';
import { replyToLog } from '../../log-replies.ts';
import { messagesForUser, replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';
import { buildLogForm } from '../../views/log-form-view.ts';
import { buildLogProblemsReply } from '../../views/log-view.ts';

/** `/log …` logs by text; `/log` alone opens the form. */
export function registerLogCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.log, async ({ command, ack, respond, client }) => {
    await ack();
    const parsed = parseLogCommand(command.text);
    if (parsed.ok && parsed.command.kind === 'form') {
      const m = await messagesForUser(deps, command.user_id);
      const view = buildLogForm(
        m,
        await todayForUser(deps, command.user_id),
        JSON.stringify({ channel: command.channel_id }),
      );
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    replyPrivately(deps, { userId: command.user_id, respond, what: '/log' }, async (m) => {
      if (!parsed.ok) return buildLogProblemsReply(m, parsed.problems);
      if (parsed.command.kind === 'help' || parsed.command.kind === 'form') return textReply(m.log.help);
      const request = { command: parsed.command, source: 'slack-command', confirmed: false } as const;
      const outcome = await logActivity(deps, {
        ...request,
        actorId: command.user_id,
        requestKey: `slash:${command.trigger_id}`,
      });
      return replyToLog(deps, client, m, outcome);
    });
  });
}
