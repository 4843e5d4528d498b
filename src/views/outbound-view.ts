import { METRICS, type MetricTotals } from '../domain/metrics.ts';
import { openTrainingItems } from '../domain/probation.ts';
import { progress } from '../domain/targets.ts';
import type { Messages } from '../i18n/index.ts';
import { formatCount } from '../i18n/numbers.ts';
import type { Outbound } from '../usecases/messenger.ts';
import {
  buildChecklist,
  buildMemberResult,
  buildSignOffRequest,
  decisionText,
  reviewLines,
} from './careers-view.ts';
import { goalDigestLines } from './goal-view.ts';
import { buildLeaveRequest, leaveDecidedText } from './leave-view.ts';
import { mention } from './markup.ts';
import { divider, linesOf, type Message, textMessage } from './message.ts';
import { buildOrgBoard } from './org-view.ts';
import { buildTeamPayReply, statementLines } from './pay-view.ts';
import { buildBoardReply, buildGroupPost } from './pk-view.ts';
import { formatDay, formatMetric } from './progress.ts';
import { buildVisitsQuestion } from './visits-view.ts';

/** What is still missing, as `呼出 30、意向 2`. */
function missingText(m: Messages, missing: MetricTotals): string {
  const parts = METRICS.filter((metric) => missing[metric] > 0).map(
    (metric) => `${m.metrics[metric]} ${formatMetric(metric, missing[metric])}`,
  );
  return parts.join(m.locale === 'en' ? ', ' : '、');
}

const tenths = (value: number) => formatCount(Math.round(value * 10) / 10);

/** Renders a message the bot sends on its own (jobs, corrections, milestones) in one language. */
export function renderOutbound(m: Messages, message: Outbound): Message {
  switch (message.kind) {
    case 'pk-board':
      return buildBoardReply(m, message.board, {
        late: message.late,
        result: message.result,
        showBehind: message.board.period === 'day',
        ...(message.goal === undefined ? {} : { goal: message.goal }),
      });
    case 'group-pk':
      return buildGroupPost(m, message.board, message.groupId);
    case 'pk-correction': {
      const lines = message.changes.map((c) =>
        m.pk.correctionLine(c.name, c.fromRank, c.toRank, tenths(c.fromPerCapita), tenths(c.toPerCapita)),
      );
      return textMessage(
        [
          m.pk.correctionTitle(mention(message.cause.messengerUserId), formatDay(m, message.day)),
          ...lines,
        ].join('\n'),
      );
    }
    case 'agent-nudge': {
      const date = formatDay(m, message.day);
      return textMessage(
        message.missing === undefined
          ? m.nudges.notLogged(date, message.minutesLeft)
          : m.nudges.behind(date, missingText(m, message.missing), message.minutesLeft),
      );
    }
    case 'leader-standing': {
      const { board } = message;
      const index = board.groups.findIndex((g) => g.groupId === message.groupId);
      const standing = board.groups[index];
      const above = board.groups.filter((g) => standing !== undefined && g.rank < standing.rank).at(-1);
      if (standing === undefined) return textMessage(m.pk.noGroups);
      // The gap in per-capita points, turned into intents the whole group would need.
      const intents =
        board.weights.intents > 0
          ? Math.ceil(((standing.gapToAbove ?? 0) * standing.headcount) / board.weights.intents)
          : 0;
      const head =
        above === undefined
          ? m.nudges.leaderFirst(standing.name, tenths(standing.perCapita), message.minutesLeft)
          : m.nudges.leaderBehind(
              standing.name,
              standing.rank,
              tenths(standing.perCapita),
              above.name,
              tenths(standing.gapToAbove ?? 0),
              intents,
              message.minutesLeft,
            );
      const notLogged =
        message.notLogged.length === 0
          ? m.nudges.leaderAllLogged
          : m.nudges.leaderNotLogged(message.notLogged.map((x) => mention(x.messengerUserId)).join(' '));
      return textMessage(`${head}\n${notLogged}`);
    }
    case 'leader-digest': {
      const lines = message.missed.map((b) =>
        m.nudges.digestLine(
          mention(b.member.messengerUserId),
          b.logged ? missingText(m, b.missing) : m.nudges.digestNothing,
        ),
      );
      return {
        text: m.nudges.digestTitle(message.groupName, formatDay(m, message.day)),
        blocks: linesOf([m.nudges.digestTitle(message.groupName, formatDay(m, message.day)), ...lines]),
      };
    }
    case 'visits-question':
      return buildVisitsQuestion(m, message.day, message.booked);
    case 'manager-escalation': {
      const goalLines =
        message.goal === undefined
          ? []
          : goalDigestLines(m, message.goal, formatDay(m, message.today ?? message.day));
      if (message.members.length === 0) return { text: goalLines[0] ?? '', blocks: linesOf(goalLines) };
      const first = message.members[0]?.days[0] ?? message.day;
      const title = m.nudges.escalationTitle(
        message.members[0]?.days.length ?? 0,
        formatDay(m, first),
        formatDay(m, message.day),
      );
      const lines = message.members.map((x) =>
        m.nudges.escalationLine(mention(x.member.messengerUserId), x.member.groupName ?? m.common.noGroup),
      );
      return {
        text: title,
        blocks: [
          ...linesOf([title, ...lines]),
          ...(goalLines.length === 0 ? [] : [divider, ...linesOf(goalLines)]),
        ],
      };
    }
    case 'calendar-warning':
      return textMessage(m.nudges.calendarWarning(message.unknownFrom, message.knownThrough));
    case 'milestone': {
      const news = message.milestone;
      switch (news.kind) {
        case 'first-deal':
          return textMessage(
            m.milestones.firstDeal(mention(news.member.messengerUserId), formatMetric('amount', news.amount)),
          );
        case 'big-deal':
          return textMessage(
            m.milestones.bigDeal(mention(news.member.messengerUserId), formatMetric('amount', news.amount)),
          );
        case 'personal-best':
          return textMessage(
            m.milestones.personalBest(
              mention(news.member.messengerUserId),
              tenths(news.points),
              tenths(news.previous),
            ),
          );
        case 'win-streak':
          return textMessage(m.milestones.winStreak(news.groupName, news.streak));
      }
      break;
    }
    case 'probation-checklist':
      return buildChecklist(m, message.member, message.probation);
    case 'probation-signoff':
      return buildSignOffRequest(m, message.member, message.probation);
    case 'probation-decided':
      return textMessage(
        decisionText(m, message.member, message.decision, message.decidedBy, message.probation),
      );
    case 'org-board':
      return buildOrgBoard(m, message.board);
    case 'leave-request':
      return buildLeaveRequest(m, message.leave, message.member);
    case 'leave-decided':
      return textMessage(
        leaveDecidedText(m, message.leave, message.member, message.approve, message.decidedBy),
      );
    case 'probation-reminder': {
      const who = mention(message.member.messengerUserId);
      if (message.reminder === 'leader-day-5') {
        const open = openTrainingItems(message.probation.itemsDone).map((item) => m.probation.items[item]);
        return {
          ...buildChecklist(m, message.member, message.probation),
          text: m.probation.reminderLeader(who, open.join('、')),
        };
      }
      if (message.reminder === 'managers-deadline') return textMessage(m.probation.reminderManagers(who));
      return textMessage(m.probation.reminderDirector(who, message.probation.deadline));
    }
    case 'probation-reminders':
      return textMessage(
        message.reminders.map((r) => renderOutbound(m, { kind: 'probation-reminder', ...r }).text).join('\n'),
      );
    case 'quarter-preview': {
      const title = m.level.previewTitle(message.review.quarter.key, message.reviewDay);
      return { text: title, blocks: linesOf([title, ...reviewLines(m, message.review)]) };
    }
    case 'quarter-results': {
      const title = m.level.resultsTitle(message.review.quarter.key);
      return {
        text: title,
        blocks: linesOf([title, ...reviewLines(m, message.review, (r) => r.outcome !== 'skipped')]),
      };
    }
    case 'quarter-result':
      return buildMemberResult(m, message.quarter, message.result);
    case 'quarter-flags': {
      const title = m.level.flagsTitle(message.review.quarter.key);
      return {
        text: title,
        blocks: linesOf([title, ...reviewLines(m, message.review, (r) => r.outcome === 'flag-for-review')]),
      };
    }
    case 'protection-ending':
      return textMessage(m.level.protectionEnding(mention(message.member.messengerUserId), message.endsOn));
    case 'demotion-risk':
      return textMessage(
        m.level.risk(
          mention(message.member.messengerUserId),
          formatMetric('amount', message.amount),
          formatMetric('amount', message.target),
          message.workingDaysLeft,
        ),
      );
    case 'pay-summary':
      return buildTeamPayReply(m, message.pay);
    case 'pay-statement': {
      const lines = statementLines(m, message.member, message.statement, message.closed);
      return { text: lines[0] ?? '', blocks: linesOf(lines) };
    }
    case 'month-figures': {
      const month = Number(message.board.from.slice(5, 7));
      const lines = message.rows.map((row) => {
        const amount = progress(row.totals, row.target).find((p) => p.metric === 'amount');
        const intents = progress(row.totals, row.target).find((p) => p.metric === 'intents');
        return m.nudges.monthFiguresLine(
          mention(row.member.messengerUserId),
          formatMetric('amount', row.totals.amount),
          formatMetric('amount', row.target.amount),
          amount?.percent === undefined ? '-' : `${amount.percent}%`,
          `${row.totals.intents}/${intents?.target ?? 0}`,
        );
      });
      const title = m.nudges.monthFiguresTitle(month);
      return { text: title, blocks: linesOf([title, ...lines]).slice(0, 50) };
    }
  }
}
