import type { TeamCommand } from '../commands/team-command.ts';
import { type LevelCode, levelInfo } from '../domain/levels.ts';
import { METRICS, type MetricTotals } from '../domain/metrics.ts';
import { PERIODS } from '../domain/targets.ts';
import type { Messages } from '../i18n/index.ts';
import { formatYuan } from '../i18n/numbers.ts';
import { JOB_NAMES } from '../jobs/job.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { notLoggedIn, type PkBoard } from '../usecases/compute-pk.ts';
import type { CalendarPicture } from '../usecases/manage-team-settings.ts';
import type { TeamOutcome } from '../usecases/run-team-command.ts';
import { ACTIONS } from './actions.ts';
import { buildGoalYearReply, goalChangeText } from './goal-view.ts';
import { conversationLink, mention } from './markup.ts';
import { actions, type Button, heading, linesOf, type Message, textBlock, textMessage } from './message.ts';
import { buildPayRuleReply } from './pay-view.ts';
import { formatDay, formatMetric } from './progress.ts';
import { buildRosterReply } from './roster-view.ts';

export function buildTeamReply(m: Messages, outcome: TeamOutcome): Message {
  switch (outcome.kind) {
    case 'help':
      return textMessage(m.team.help);
    case 'roster':
      return buildRosterReply(m, outcome.roster);
    case 'goal-year':
      return buildGoalYearReply(m, outcome.year);
    case 'wall':
      return textMessage(
        [
          m.team.wallTitle,
          outcome.url === undefined ? m.team.wallRelative(outcome.path) : m.team.wallLink(outcome.url),
          m.team.wallHow,
          outcome.revoked ? m.team.wallReset : m.team.wallKeep,
        ].join('\n'),
      );
    case 'goal-start':
    case 'goal-set':
    case 'goal-cleared':
      return textMessage(goalChangeText(m, outcome));
    case 'added': {
      const member = outcome.member;
      const level = m.locale === 'en' ? levelInfo(member.level).en : levelInfo(member.level).zh;
      return textMessage(
        m.team.added(
          mention(member.messengerUserId),
          member.groupName ?? m.common.noGroup,
          level,
          m.statuses[member.status],
        ),
      );
    }
    case 'moved':
      return textMessage(m.team.moved(mention(outcome.member.messengerUserId), outcome.groupName));
    case 'role':
      return textMessage(
        m.team.roleSet(mention(outcome.member.messengerUserId), m.roles[outcome.member.role]),
      );
    case 'leader':
      return textMessage(m.team.leaderSet(mention(outcome.member.messengerUserId), outcome.groupName));
    case 'channel':
      return textMessage(
        outcome.groupName === undefined
          ? m.team.teamChannelSet(conversationLink(outcome.channelId))
          : m.team.groupChannelSet(outcome.groupName, conversationLink(outcome.channelId)),
      );
    case 'left':
      return textMessage(m.team.markedLeft(mention(outcome.member.messengerUserId)));
    case 'group-added':
      return textMessage(m.team.groupAdded(outcome.groupName));
    case 'targets': {
      const lines = PERIODS.map((period) =>
        m.team.targetLine(m.periodNames[period], figures(m, outcome.targets[period])),
      );
      return textMessage([m.team.targetsTitle(levelLabel(m, outcome.level)), ...lines].join('\n'));
    }
    case 'target-set': {
      const levels =
        outcome.levels.length === 1 && outcome.levels[0] !== undefined
          ? levelLabel(m, outcome.levels[0])
          : m.team.allLevels;
      const value = formatMetric(outcome.metric, outcome.value);
      return textMessage(
        m.team.targetSet(
          levels,
          m.periodNames[outcome.period],
          m.metrics[outcome.metric],
          value,
          outcome.effectiveFrom,
        ),
      );
    }
    case 'today':
      return buildTodayReply(m, outcome.board, outcome.groupIds, outcome.approvals);
    case 'calendar':
      return textMessage(calendarLines(m, outcome.calendar).join('\n'));
    case 'calendar-set':
      return textMessage(
        outcome.override === 'clear'
          ? m.team.calendarCleared(outcome.day)
          : m.team.calendarSet(
              outcome.day,
              outcome.override === 'holiday' ? m.team.calendarHoliday : m.team.calendarWorkday,
            ),
      );
    case 'saturdays':
      return textMessage(m.team.saturdaysSet(outcome.work));
    case 'pk-weights':
      return textMessage(
        [
          m.team.pkTitle,
          ...METRICS.map((metric) =>
            metric === 'amount'
              ? m.team.pkAmountLine(outcome.weights.amount)
              : m.team.pkLine(m.metrics[metric], outcome.weights[metric]),
          ),
        ].join('\n'),
      );
    case 'schedule':
      return textMessage(
        [
          m.team.scheduleTitle,
          ...JOB_NAMES.map((job) =>
            m.team.scheduleLine(`\`${job}\` ${m.team.jobNames[job]}`, outcome.times[job]),
          ),
        ].join('\n'),
      );
    case 'images':
      return textMessage(
        m.team.imageSettings(
          outcome.images.enabled,
          outcome.images.dealThreshold === undefined ? undefined : formatYuan(outcome.images.dealThreshold),
        ),
      );
    case 'pay-rule':
      return buildPayRuleReply(m, outcome.level, outcome.rule);
    case 'pay-rule-set': {
      const levels =
        outcome.levels.length === 1 && outcome.levels[0] !== undefined
          ? levelLabel(m, outcome.levels[0])
          : m.team.allLevels;
      return textMessage(m.pay.ruleSet(levels, outcome.effectiveFrom));
    }
    case 'export-sent':
      return textMessage(m.pay.exportSent(outcome.filename, outcome.rows));
    case 'level-set':
      return textMessage(
        m.level.set(
          mention(outcome.member.messengerUserId),
          levelLabel(m, outcome.from),
          levelLabel(m, outcome.member.level),
        ),
      );
    case 'hold':
      return textMessage(
        (outcome.held ? m.level.heldSet : m.level.heldReleased)(
          mention(outcome.member.messengerUserId),
          outcome.quarterKey,
        ),
      );
    case 'limits':
      return textMessage(
        [
          m.team.limitsTitle,
          m.team.limitsCeiling(figures(m, outcome.limits.dailyCeiling)),
          m.team.limitsMedian(outcome.limits.medianFactor),
          m.team.limitsUnit(formatMetric('amount', outcome.limits.amountUnitSuspectBelow)),
        ].join('\n'),
      );
  }
}

function calendarLines(m: Messages, calendar: CalendarPicture): string[] {
  const lines = [
    m.team.calendarTitle(formatDay(m, calendar.from), formatDay(m, calendar.to)),
    m.team.calendarSaturdays(calendar.workSaturdays),
  ];
  for (const note of calendar.notable) {
    const festival =
      note.festival === undefined ? '' : m.locale === 'en' ? note.festival.en : note.festival.zh;
    const why =
      note.reason === 'override'
        ? m.team.calendarWhyOverride
        : note.reason === 'weekend'
          ? m.team.calendarWhyWeekend
          : note.reason === 'make-up'
            ? m.team.calendarWhyMakeUp(festival)
            : festival;
    const date = `${formatDay(m, note.day)}`;
    lines.push(note.working ? m.team.calendarOn(date, why) : m.team.calendarOff(date, why));
  }
  if (calendar.notable.length === 0) lines.push(m.team.calendarNothing);
  lines.push(
    calendar.unknownFrom === undefined
      ? m.team.calendarKnown(calendar.knownThrough)
      : m.team.calendarUnknown(calendar.unknownFrom),
  );
  return lines;
}

/** `/team today`: per group in scope, the day's funnel, who has not logged and who is behind. */
function buildTodayReply(
  m: Messages,
  board: PkBoard,
  groupIds: readonly number[],
  approvals: readonly MemberView[],
): Message {
  const title = m.team.todayTitle(formatDay(m, board.day));
  const lines: string[] = [];
  for (const standing of board.groups.filter((g) => groupIds.includes(g.groupId))) {
    const funnel = METRICS.map(
      (metric) => `${m.metrics[metric]} ${formatMetric(metric, standing.totals[metric])}`,
    ).join(' → ');
    lines.push(m.team.todayFunnel(standing.name, standing.headcount, funnel));
    const notLogged = notLoggedIn(board, standing.groupId);
    const behind = (board.behind.get(standing.groupId) ?? []).filter((b) => b.logged);
    if (notLogged.length > 0)
      lines.push(m.team.todayNotLogged(notLogged.map((x) => mention(x.messengerUserId)).join(' ')));
    if (behind.length > 0)
      lines.push(m.team.todayBehind(behind.map((b) => mention(b.member.messengerUserId)).join(' ')));
    if (notLogged.length === 0 && behind.length === 0) lines.push(m.team.todayAllGood);
    const away = board.onLeave.get(standing.groupId) ?? [];
    if (away.length > 0)
      lines.push(m.leave.onLeaveToday(away.map((a) => mention(a.messengerUserId)).join(' ')));
  }
  lines.push(
    approvals.length === 0
      ? m.team.todayApprovals
      : m.team.todayApprovalsWaiting(approvals.map((a) => mention(a.messengerUserId)).join(' ')),
  );
  return { text: title, blocks: [heading(title), ...linesOf(lines)] };
}

function levelLabel(m: Messages, level: LevelCode): string {
  return m.locale === 'en' ? levelInfo(level).en : levelInfo(level).zh;
}

function figures(m: Messages, totals: MetricTotals): string {
  return METRICS.map((metric) => `${m.metrics[metric]} ${formatMetric(metric, totals[metric])}`).join('　');
}

/** A level as a person types it in their language: 见习MO1 / trainee-mo1. */
function typedLevel(m: Messages, level: LevelCode): string {
  const { tier, code } = levelInfo(level);
  const step = code.slice(1);
  if (m.locale === 'en') return `${tier}-mo${step}`;
  const words = { trainee: '见习', account: '客户经理', senior: '高级', principal: '资深' } as const;
  return `${words[tier]}MO${step}`;
}

/** A group name as typed in a command: quoted when it has a space. */
function typedName(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}

/**
 * `/team add` named a group that does not exist: say so (and which group a typo probably
 * meant), and give the same command with the 新组 word that creates the group in the same step.
 */
export function buildNewGroupOffer(
  m: Messages,
  refusal: { group: string; groups: string; meant: string },
  command: Extract<TeamCommand, { kind: 'add' }>,
): Message {
  const retype = [
    '/team add',
    mention(command.memberRef),
    typedName(refusal.group),
    ...(command.level === undefined ? [] : [typedLevel(m, command.level)]),
    ...(command.role === undefined ? [] : [m.roles[command.role]]),
    ...(command.hiredOn === undefined ? [] : [command.hiredOn]),
    m.team.newGroupWord,
  ].join(' ');
  const text = m.team.newGroupOffer(refusal.group, refusal.groups, refusal.meant, retype);
  const { kind: _, newGroup: __, ...add } = command;
  const button: Button = {
    action: ACTIONS.teamAddNewGroup,
    label: m.team.newGroupButton(refusal.group),
    value: JSON.stringify({ ...add, groupName: refusal.group }),
    style: 'primary',
    command: retype,
  };
  return { text, blocks: [textBlock(text), actions(ACTIONS.teamAddNewGroup, [button])] };
}

/** The reply to a `/team` line that did not parse: what was wrong and how to write it. */
export function buildTeamUsageReply(
  m: Messages,
  problem:
    | { problem: 'unknown-subcommand'; word: string }
    | { problem: 'usage'; subcommand: keyof Messages['team']['usage'] },
): Message {
  if (problem.problem === 'usage') return textMessage(m.team.usage[problem.subcommand]);
  return textMessage(`${m.team.unknownSubcommand(problem.word)}\n\n${m.team.help}`);
}
