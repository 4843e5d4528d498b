import { type LevelCode, levelInfo } from '../../domain/levels.ts';
import { METRICS, type MetricTotals } from '../../domain/metrics.ts';
import { PERIODS } from '../../domain/targets.ts';
import type { Messages } from '../../i18n/index.ts';
import type { TeamOutcome } from '../../usecases/run-team-command.ts';
import { channelLink, mention } from '../format.ts';
import { type Reply, textReply } from './blocks.ts';
import { formatMetric } from './progress.ts';
import { buildRosterReply } from './roster-view.ts';

export function buildTeamReply(m: Messages, outcome: TeamOutcome): Reply {
  switch (outcome.kind) {
    case 'help':
      return textReply(m.team.help);
    case 'roster':
      return buildRosterReply(m, outcome.roster);
    case 'added': {
      const member = outcome.member;
      const level = m.locale === 'en' ? levelInfo(member.level).en : levelInfo(member.level).zh;
      return textReply(
        m.team.added(
          mention(member.messengerUserId),
          member.groupName ?? m.common.noGroup,
          level,
          m.statuses[member.status],
        ),
      );
    }
    case 'moved':
      return textReply(m.team.moved(mention(outcome.member.messengerUserId), outcome.groupName));
    case 'role':
      return textReply(m.team.roleSet(mention(outcome.member.messengerUserId), m.roles[outcome.member.role]));
    case 'leader':
      return textReply(m.team.leaderSet(mention(outcome.member.messengerUserId), outcome.groupName));
    case 'channel':
      return textReply(
        outcome.groupName === undefined
          ? m.team.teamChannelSet(channelLink(outcome.channelId))
          : m.team.groupChannelSet(outcome.groupName, channelLink(outcome.channelId)),
      );
    case 'left':
      return textReply(m.team.markedLeft(mention(outcome.member.messengerUserId)));
    case 'group-added':
      return textReply(m.team.groupAdded(outcome.groupName));
    case 'targets': {
      const lines = PERIODS.map((period) =>
        m.team.targetLine(m.periodNames[period], figures(m, outcome.targets[period])),
      );
      return textReply([m.team.targetsTitle(levelLabel(m, outcome.level)), ...lines].join('\n'));
    }
    case 'target-set': {
      const levels =
        outcome.levels.length === 1 && outcome.levels[0] !== undefined
          ? levelLabel(m, outcome.levels[0])
          : m.team.allLevels;
      const value = formatMetric(outcome.metric, outcome.value);
      return textReply(
        m.team.targetSet(
          levels,
          m.periodNames[outcome.period],
          m.metrics[outcome.metric],
          value,
          outcome.effectiveFrom,
        ),
      );
    }
    case 'limits':
      return textReply(
        [
          m.team.limitsTitle,
          m.team.limitsCeiling(figures(m, outcome.limits.dailyCeiling)),
          m.team.limitsMedian(outcome.limits.medianFactor),
          m.team.limitsUnit(formatMetric('amount', outcome.limits.amountUnitSuspectBelow)),
        ].join('\n'),
      );
  }
}

function levelLabel(m: Messages, level: LevelCode): string {
  return m.locale === 'en' ? levelInfo(level).en : levelInfo(level).zh;
}

function figures(m: Messages, totals: MetricTotals): string {
  return METRICS.map((metric) => `${m.metrics[metric]} ${formatMetric(metric, totals[metric])}`).join('　');
}

/** The reply to a `/team` line that did not parse: what was wrong and how to write it. */
export function buildTeamUsageReply(
  m: Messages,
  problem:
    | { problem: 'unknown-subcommand'; word: string }
    | { problem: 'usage'; subcommand: keyof Messages['team']['usage'] },
): Reply {
  if (problem.problem === 'usage') return textReply(m.team.usage[problem.subcommand]);
  return textReply(`${m.team.unknownSubcommand(problem.word)}\n\n${m.team.help}`);
}
