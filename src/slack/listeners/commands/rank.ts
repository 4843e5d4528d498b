import type { App } from '@slack/bolt';
import { parseRankCommand } from '../../../commands/rank-command.ts';
import { getRanking, getWins } from '../../../usecases/get-ranking.ts';
import { COMMANDS } from '../../ids.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';
import { buildBoardReply, buildWinsReply } from '../../views/pk-view.ts';

/** `/rank [period | wins]`: the group PK so far and the individual top 10, with the asker's place. */
export function registerRankCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.rank, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/rank' }, async (m) => {
      const parsed = parseRankCommand(command.text);
      if (!parsed.ok) return textReply(m.pk.usage(parsed.word));
      if (parsed.command.kind === 'wins') {
        const { wins, names } = await getWins(deps, {
          actorId: command.user_id,
          period: parsed.command.period,
        });
        return buildWinsReply(m, parsed.command.period, names, wins);
      }
      const { board, viewerId } = await getRanking(deps, {
        actorId: command.user_id,
        period: parsed.command.period,
      });
      return buildBoardReply(m, board, {
        late: false,
        result: false,
        showBehind: false,
        ...(viewerId === undefined ? {} : { viewerId }),
      });
    });
  });
}
