import { addTotalsInto, METRICS, ZERO_TOTALS } from '../domain/metrics.ts';
import type { GroupStreak } from '../domain/pk.ts';
import type { Messages } from '../i18n/index.ts';
import { formatCount } from '../i18n/numbers.ts';
import type { PkBoard } from '../usecases/compute-pk.ts';
import type { GoalStatus } from '../usecases/team-goals.ts';
import { goalHeaderLines, goalResultLine } from './goal-view.ts';
import { mention } from './markup.ts';
import { type Block, divider, heading, linesOf, type Message, note, textBlock } from './message.ts';
import { conversionLine, formatDay, formatMetric } from './progress.ts';

export const MEDALS = ['🥇', '🥈', '🥉'];
const TOP = 10;

export function points(value: number): string {
  return formatCount(Math.round(value * 10) / 10);
}

export function boardTitle(m: Messages, board: PkBoard, result: boolean): string {
  const month = Number(board.from.slice(5, 7));
  switch (board.period) {
    case 'day':
      return m.pk.dailyTitle(formatDay(m, board.day));
    case 'week':
      return (result ? m.pk.weekResultTitle : m.pk.weekTitle)(
        formatDay(m, board.from),
        formatDay(m, board.to),
      );
    case 'month':
      return (result ? m.pk.monthResultTitle : m.pk.monthTitle)(month);
    case 'quarter':
      return m.pk.quarterTitle(board.key);
  }
}

/** The group table: rank, per-capita and total points, headcount, then the group's figures. */
export function groupLines(m: Messages, board: PkBoard): string[] {
  return board.groups.flatMap((g) => {
    if (g.headcount === 0) return [m.pk.emptyGroup(g.name)];
    const medal = MEDALS[g.rank - 1] ?? `${g.rank}.`;
    const figures = METRICS.map(
      (metric) => `${m.metrics[metric]} ${formatMetric(metric, g.totals[metric])}`,
    ).join(' · ');
    return [
      m.pk.groupLine(
        medal,
        g.name,
        points(g.perCapita),
        points(g.points),
        g.headcount,
        // Per-capita divides by member-days on duty: say so whenever that is not the headcount.
        g.equivalent === g.headcount ? undefined : formatCount(g.equivalent),
      ),
      `　${figures}`,
    ];
  });
}

/**
 * The week's or month's result: the team's conversion (every competitor, the groups' totals
 * summed) and each group's, so the post says where the funnel leaks, not only who won.
 */
function conversionLines(m: Messages, board: PkBoard): string[] {
  const team = { ...ZERO_TOTALS };
  for (const g of board.groups) addTotalsInto(team, g.totals);
  return [
    m.conversion.teamTitle,
    conversionLine(m, team),
    ...board.groups.filter((g) => g.headcount > 0).map((g) => `${g.name}　${conversionLine(m, g.totals)}`),
  ];
}

function weightsLine(m: Messages, board: PkBoard): string {
  const parts = METRICS.filter((metric) => board.weights[metric] !== 0).map((metric) =>
    metric === 'amount'
      ? `${m.metrics.amount} ¥10,000 = ${board.weights.amount}`
      : `${m.metrics[metric]} ${board.weights[metric]}`,
  );
  return m.pk.weights(parts.join(m.locale === 'en' ? ', ' : '，'));
}

/**
 * The PK board as posted and as `/rank` shows it: title, groups, the individual top 10 (and, for
 * `/rank`, the asker's own place when outside it), who is behind target by group (daily posts).
 */
export function buildBoardReply(
  m: Messages,
  board: PkBoard,
  options: { late: boolean; result: boolean; viewerId?: number; showBehind: boolean; goal?: GoalStatus },
): Message {
  const title = boardTitle(m, board, options.result);
  const blocks: Block[] = [heading(title)];
  if (options.late) blocks.push(note(m.pk.late));
  if (options.goal !== undefined)
    blocks.push(
      ...linesOf(options.result ? [goalResultLine(m, options.goal)] : goalHeaderLines(m, options.goal)),
    );
  if (board.groups.length === 0) blocks.push(textBlock(m.pk.noGroups));
  else blocks.push(...linesOf(groupLines(m, board)));
  const winners = board.groups.filter((g) => g.rank === 1 && g.headcount > 0);
  if (options.result && winners.length > 0)
    blocks.push(textBlock(m.pk.winner(winners.map((g) => g.name).join('、'))));
  if (options.result && board.groups.length > 0) blocks.push(...linesOf(conversionLines(m, board)));
  blocks.push(divider);
  // Only who scored: nine people "tied second with 0" read like a ranking of nothing.
  const top = board.members
    .filter((s) => s.points > 0)
    .slice(0, TOP)
    .map((s) =>
      m.pk.memberLine(
        s.rank,
        mention(board.memberViews.get(s.memberId)?.messengerUserId ?? ''),
        points(s.points),
      ),
    );
  blocks.push(...linesOf([m.pk.topTitle, ...(top.length === 0 ? [m.pk.nobodyScored] : top)]));
  const own =
    options.viewerId === undefined ? undefined : board.members.find((s) => s.memberId === options.viewerId);
  if (own !== undefined && own.rank > TOP)
    blocks.push(textBlock(m.pk.yourPlace(own.rank, points(own.points), board.members.length)));
  if (options.showBehind) {
    const lines = board.groupViews.flatMap((group) => {
      const behind = board.behind.get(group.id) ?? [];
      return behind.length === 0
        ? []
        : [m.pk.behindLine(group.name, behind.map((b) => mention(b.member.messengerUserId)).join(' '))];
    });
    blocks.push(divider, ...linesOf([m.pk.behindTitle, ...(lines.length === 0 ? [m.pk.allMet] : lines)]));
    const away = [...board.onLeave.values()].flat();
    if (away.length > 0)
      blocks.push(textBlock(m.leave.onLeaveToday(away.map((a) => mention(a.messengerUserId)).join(' '))));
  }
  blocks.push(note(weightsLine(m, board)));
  return { text: title, blocks: blocks.slice(0, 50) };
}

/** The short post to a group's own channel: its place and the gap to the group above. */
export function buildGroupPost(m: Messages, board: PkBoard, groupId: number): Message {
  const at = board.groups.findIndex((g) => g.groupId === groupId);
  const standing = board.groups[at];
  if (standing === undefined) return { text: m.pk.noGroups };
  // Groups are listed best first, so the nearest one before it that is ranked better (not tied)
  // is the group just above. A walk back, not a filter: the job builds this for each of 1,000.
  let above: (typeof board.groups)[number] | undefined;
  for (let i = at - 1; i >= 0 && above === undefined; i -= 1) {
    const group = board.groups[i];
    if (group !== undefined && group.rank < standing.rank) above = group;
  }
  const lines = [
    m.pk.groupPost(standing.name, standing.rank, board.groups.length, points(standing.perCapita)),
    above === undefined ? m.pk.groupFirst : m.pk.groupGap(above.name, points(standing.gapToAbove ?? 0)),
  ];
  const text = lines.join(' ');
  return { text, blocks: [textBlock(text), note(boardTitle(m, board, false))] };
}

export function buildWinsReply(
  m: Messages,
  period: 'week' | 'month',
  names: Map<number, string>,
  wins: GroupStreak[],
): Message {
  const title = m.pk.winsTitle(m.periods[period]);
  const lines = wins.map((w) =>
    m.pk.winsLine(names.get(w.groupId) ?? String(w.groupId), w.wins, w.currentStreak, w.longestStreak),
  );
  const text = [title, ...(lines.length === 0 ? [m.pk.noWins] : lines)].join('\n');
  return { text, blocks: [textBlock(text)] };
}
