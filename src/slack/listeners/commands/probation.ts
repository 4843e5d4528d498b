import type { App } from '@slack/bolt';
import { parseProbationCommand } from '../../../commands/probation-command.ts';
import { runProbationCommand } from '../../../usecases/run-probation-command.ts';
import { COMMANDS } from '../../ids.ts';
import { replyToProbation } from '../../probation-replies.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';

/** `/probation …`: the training checklist and the managers' decision, typed. */
export function registerProbationCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.probation, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/probation' }, async (m) => {
      const parsed = parseProbationCommand(command.text);
      if (parsed === undefined) return textReply(m.probation.usage);
      return replyToProbation(deps, m, await runProbationCommand(deps, command.user_id, parsed));
    });
  });
}
