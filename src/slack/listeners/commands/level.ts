import type { App } from '@slack/bolt';
import { tokenize } from '../../../commands/tokens.ts';
import { showLevel } from '../../../usecases/manage-levels.ts';
import { COMMANDS } from '../../ids.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';
import { buildLevelReply } from '../../views/careers-view.ts';

/** `/level [@member]`: level, the quarter's progress and forecast, the level history. */
export function registerLevelCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.level, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/level' }, async (m) => {
      const tokens = tokenize(command.text);
      const [first] = tokens;
      if (tokens.length > 1 || (first !== undefined && first.kind !== 'member'))
        return textReply(m.level.usage);
      const memberRef = first?.kind === 'member' ? first.id : undefined;
      return buildLevelReply(
        m,
        await showLevel(deps, {
          actorId: command.user_id,
          ...(memberRef === undefined ? {} : { memberRef }),
        }),
      );
    });
  });
}
