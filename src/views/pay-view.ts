import { isLevelCode, type LevelCode } from '../domain/levels.ts';
import { formatFen, type PayRule, type Statement } from '../domain/pay.ts';
import type { Messages } from '../i18n/index.ts';
import { formatYuan } from '../i18n/numbers.ts';
import type { FrozenStatement } from '../store/pay-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { MemberPay, TeamPay } from '../usecases/pay-statements.ts';
import { levelLabel } from './careers-view.ts';
import { mention } from './markup.ts';
import { linesOf, type Message } from './message.ts';

/** One statement: 业绩 against target, each line, the total and the rule version it used. */
export function statementLines(
  m: Messages,
  member: MemberView,
  s: Statement | FrozenStatement,
  closed: boolean,
): string[] {
  const level = isLevelCode(s.level) ? s.level : undefined;
  return [
    `**${m.pay.title(mention(member.messengerUserId), s.month, closed)}**`,
    m.pay.amount(formatYuan(s.amountYuan), formatYuan(s.targetYuan), s.targetMet),
    ...s.lines.map(
      (line) =>
        `${m.pay.line(line.code)}${line.code === 'adjustment' ? ` ${reasonOf(line)}` : ''}　${formatFen(line.amountFen)}`,
    ),
    m.pay.total(formatFen(s.totalFen)),
    m.pay.rule(
      level === undefined ? s.level : levelLabel(m, level),
      s.ruleVersion === 'default' ? m.pay.defaultRule : String(s.ruleVersion),
    ),
  ];
}

function reasonOf(line: object): string {
  const detail: unknown = 'detail' in line ? line.detail : undefined;
  return typeof detail === 'object' && detail !== null && 'reason' in detail ? String(detail.reason) : '';
}

export function buildMemberPayReply(m: Messages, pay: MemberPay): Message {
  const lines =
    pay.current === undefined
      ? [m.pay.notEmployed(pay.month)]
      : statementLines(m, pay.member, pay.current, false);
  const closed =
    pay.lastClosed === undefined
      ? [m.pay.noClosed]
      : statementLines(m, pay.member, pay.lastClosed.statement, true);
  const text = lines[0] ?? m.pay.usage;
  return { text, blocks: [...linesOf(lines), ...linesOf(['', ...closed])] };
}

export function buildTeamPayReply(m: Messages, pay: TeamPay): Message {
  const title = m.pay.teamTitle(pay.month, pay.closed, pay.rows.length);
  const lines = pay.rows.map((r) =>
    m.pay.teamLine(
      mention(r.member.messengerUserId),
      formatYuan(r.statement.amountYuan),
      formatFen(r.statement.totalFen),
    ),
  );
  return { text: title, blocks: linesOf([title, ...lines, m.pay.teamTotal(formatFen(pay.totalFen))]) };
}

export function buildPayRuleReply(m: Messages, level: LevelCode, rule: PayRule): Message {
  const commission = rule.tiers
    .map((t) => m.pay.tier(`${t.rateBasisPoints / 100}%`, formatYuan(t.fromYuan)))
    .join(m.locale === 'en' ? ', ' : '，');
  const text = [
    m.pay.ruleTitle(levelLabel(m, level)),
    m.pay.ruleLines(
      formatFen(rule.baseFen),
      formatYuan(rule.monthlyTargetYuan),
      commission,
      formatFen(rule.cutBelowTargetFen),
      formatFen(rule.cutAtZeroFen),
    ),
  ].join('\n');
  return { text, blocks: linesOf([text]) };
}
