import type { App } from '@slack/bolt';
import { parseStatsCommand } from '../../../commands/stats-command.ts';
import { ALL_PERIODS, getGroupStats, getMemberStats } from '../../../usecases/get-stats.ts';
import { COMMANDS } from '../../ids.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';
import { buildGroupStatsReply, buildMemberStatsReply } from '../../views/stats-view.ts';

/** `/stats [period] [@member | group [name]]`. */
export function registerStatsCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.stats, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/stats' }, async (m) => {
      const parsed = parseStatsCommand(command.text);
      if (!parsed.ok) return textReply(m.stats.usage(parsed.word));
      const actorId = command.user_id;
      const { command: stats } = parsed;
      if (stats.kind === 'group') {
        const group = await getGroupStats(deps, {
          actorId,
          groupName: stats.groupName,
          period: stats.period ?? 'month',
        });
        return buildGroupStatsReply(m, group);
      }
      const periods = stats.period === undefined ? ALL_PERIODS : [stats.period];
      return buildMemberStatsReply(
        m,
        await getMemberStats(deps, { actorId, memberRef: stats.memberRef, periods }),
      );
    });
  });
}
