import type { App } from '@slack/bolt';
import { parseTeamCommand } from '../../../commands/team-command.ts';
import { runTeamCommand } from '../../../usecases/run-team-command.ts';
import { COMMANDS } from '../../ids.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { buildTeamReply, buildTeamUsageReply } from '../../views/team-view.ts';

/** `/team …`: roster administration. */
export function registerTeamCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.team, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/team' }, async (m) => {
      const parsed = parseTeamCommand(command.text);
      if (!parsed.ok) return buildTeamUsageReply(m, parsed);
      return buildTeamReply(m, await runTeamCommand(deps, command.user_id, parsed.command));
    });
  });
}
