import type { Day } from '../domain/days.ts';
import {
  GOAL_RAMP_YUAN,
  type GoalProgress,
  MATURE_GOAL_YUAN,
  type MonthKey,
  monthOfDay,
} from '../domain/goals.ts';
import type { Messages } from '../i18n/index.ts';
import { formatYuan } from '../i18n/numbers.ts';
import type { TeamOutcome } from '../usecases/run-team-command.ts';
import type { GoalStatus, GoalYear } from '../usecases/team-goals.ts';
import { heading, linesOf, type Message, textMessage } from './message.ts';

/** 2027-01 as 2027年1月 / Jan 2027. */
export function formatMonth(m: Messages, month: MonthKey): string {
  return m.goals.month(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** What is still needed, as one line: per remaining working day, or made, or short with no day left. */
function needText(m: Messages, progress: GoalProgress): string {
  if (progress.met) return m.goals.needMet;
  if (progress.perDay === undefined) return m.goals.needNoDays(formatYuan(progress.shortfall));
  return m.goals.needPerDay(
    formatYuan(progress.shortfall),
    progress.remainingDays,
    formatYuan(progress.perDay),
  );
}

/**
 * The header of the 18:00 board: the month to date against the team goal and what is needed per
 * remaining working day (the board's own day counts as done).
 */
export function goalHeaderLines(m: Messages, status: GoalStatus): string[] {
  const { team } = status;
  const head = m.goals.header(formatYuan(team.goal), formatYuan(team.actual), team.percent);
  if (team.met) return [head, m.goals.headerMet(formatYuan(team.surplus))];
  if (team.perDay === undefined) return [head, m.goals.headerNoDays(formatYuan(team.shortfall))];
  return [head, m.goals.headerNeed(formatYuan(team.shortfall), team.remainingDays, formatYuan(team.perDay))];
}

/** The monthly result post's line: met or missed, and by how much. */
export function goalResultLine(m: Messages, status: GoalStatus): string {
  const { team } = status;
  const month = formatMonth(m, status.month);
  return team.met
    ? m.goals.resultMet(month, formatYuan(team.goal), formatYuan(team.actual), formatYuan(team.surplus))
    : m.goals.resultMissed(
        month,
        formatYuan(team.goal),
        formatYuan(team.actual),
        team.percent,
        formatYuan(team.shortfall),
      );
}

/** The team and each group against their goals, each with what it still needs. */
export function goalTableLines(m: Messages, status: GoalStatus): string[] {
  const { team } = status;
  return [
    m.goals.statsTeam(
      formatYuan(team.goal),
      m.goals.sources[status.source],
      formatYuan(team.actual),
      team.percent,
    ),
    needText(m, team),
    ...status.groups.flatMap((g) => [
      m.goals.statsGroup(
        g.name,
        formatYuan(g.progress.goal),
        m.goals.sources[g.source],
        formatYuan(g.progress.actual),
        g.progress.percent,
      ),
      needText(m, g.progress),
    ]),
  ];
}

/** `/stats team`: this month's team goal, the team and each group. */
export function buildGoalStatsReply(
  m: Messages,
  stats: { today: Day; status: GoalStatus | undefined; start: MonthKey },
): Message {
  const month = formatMonth(m, monthOfDay(stats.today));
  if (stats.status === undefined) return textMessage(m.goals.statsNoGoal(month, formatMonth(m, stats.start)));
  const title = m.goals.statsTitle(month);
  return { text: title, blocks: [heading(title), ...linesOf(goalTableLines(m, stats.status))] };
}

/** The managers' morning lines: the title, then the team and its groups. */
export function goalDigestLines(m: Messages, status: GoalStatus, date: string): string[] {
  return [m.goals.digestTitle(date), ...goalHeaderLines(m, status), ...goalTableLines(m, status).slice(2)];
}

function rampText(m: Messages): string {
  const separator = m.locale === 'en' ? ', ' : '、';
  return m.goals.rampText(GOAL_RAMP_YUAN.map(formatYuan).join(separator), formatYuan(MATURE_GOAL_YUAN));
}

/** `/team goal`: the year's twelve months, goal and source, 业绩 and met or missed. */
export function buildGoalYearReply(m: Messages, year: GoalYear): Message {
  const title = m.goals.yearTitle(year.year);
  const start = formatMonth(m, year.start);
  const lines = [
    year.startSet ? m.goals.startSet(start, rampText(m)) : m.goals.startCreated(start, rampText(m)),
    ...year.months.flatMap((row) => {
      const month = formatMonth(m, row.month);
      const groups =
        row.groupGoals.length === 0
          ? []
          : [
              m.goals.yearGroups(
                row.groupGoals
                  .map((g) => `${g.name} ${formatYuan(g.amount)}`)
                  .join(m.locale === 'en' ? ', ' : '、'),
              ),
            ];
      if (row.goal === undefined) return [m.goals.yearNoGoal(month), ...groups];
      const percent =
        row.actual === undefined || row.goal.amount === 0
          ? 0
          : Math.max(0, Math.floor((row.actual * 100) / row.goal.amount));
      const actual = formatYuan(row.actual ?? 0);
      const result =
        row.state === 'met'
          ? m.goals.stateMet(actual, percent)
          : row.state === 'missed'
            ? m.goals.stateMissed(actual, percent)
            : row.state === 'running'
              ? m.goals.stateRunning(actual, percent)
              : m.goals.stateAhead;
      return [
        m.goals
          .yearLine(month, formatYuan(row.goal.amount), m.goals.sources[row.goal.source], result)
          .trimEnd(),
        ...groups,
      ];
    }),
  ];
  return { text: title, blocks: [heading(title), ...linesOf(lines), ...linesOf([m.goals.yearHint])] };
}

/** The answer to `/team goal start|YYYY-MM …`. */
export function goalChangeText(
  m: Messages,
  change: Extract<TeamOutcome, { kind: 'goal-start' | 'goal-set' | 'goal-cleared' }>,
): string {
  switch (change.kind) {
    case 'goal-start':
      return m.goals.startDone(
        formatMonth(m, change.start),
        formatYuan(GOAL_RAMP_YUAN[0] ?? MATURE_GOAL_YUAN),
      );
    case 'goal-set': {
      const month = formatMonth(m, change.month);
      if (change.groupName !== undefined)
        return m.goals.setGroup(month, change.groupName, formatYuan(change.amount));
      return change.previous === undefined || change.previous === change.amount
        ? m.goals.setTeam(month, formatYuan(change.amount))
        : m.goals.setTeamWas(month, formatYuan(change.amount), formatYuan(change.previous));
    }
    case 'goal-cleared': {
      const month = formatMonth(m, change.month);
      if (change.groupName !== undefined)
        return (change.removed ? m.goals.clearedGroup : m.goals.clearedGroupNone)(month, change.groupName);
      const now = change.now === undefined ? m.goals.nowNone : m.goals.nowRamp(formatYuan(change.now.amount));
      return (change.removed ? m.goals.clearedTeam : m.goals.clearedTeamNone)(month, now);
    }
  }
}
