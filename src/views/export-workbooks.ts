import type { Messages } from '../i18n/index.ts';
import type { RosterLine } from '../usecases/export-roster.ts';
import { type ActivityLine, activityCells, type PayLine } from '../usecases/exports.ts';
import {
  type ColumnKind,
  type Sheet,
  type SheetCell,
  type SheetColumn,
  sheetNames,
  type Workbook,
} from './workbook.ts';

/**
 * The exports as workbooks, in the reader's language: a summary sheet (总览) with one row per
 * group first, then one sheet per group (the team's groups in order, those without a group last),
 * each holding the CSV's rows for that group with the same values. Pure.
 */

type ColumnKey = keyof Messages['workbook']['columns'];
type ColumnSpec = readonly [key: ColumnKey, kind: ColumnKind, total?: 'total'];

const PAY: readonly ColumnSpec[] = [
  ['month', 'text'],
  ['slack_user_id', 'text'],
  ['name', 'text'],
  ['group', 'text'],
  ['level', 'text'],
  ['amount_yuan', 'yuan', 'total'],
  ['target_yuan', 'yuan'],
  ['target_met', 'text'],
  ['base', 'fen', 'total'],
  ['cuts', 'fen', 'total'],
  ['commission', 'fen', 'total'],
  ['adjustments', 'fen', 'total'],
  ['total', 'fen', 'total'],
  ['rule_version', 'number'],
  ['status', 'text'],
];
const PAY_SUMMARY: readonly ColumnSpec[] = [
  ['group', 'text'],
  ['people', 'count', 'total'],
  ['amount_yuan', 'yuan', 'total'],
  ['base', 'fen', 'total'],
  ['cuts', 'fen', 'total'],
  ['commission', 'fen', 'total'],
  ['adjustments', 'fen', 'total'],
  ['total', 'fen', 'total'],
];

const METRICS = ['calls', 'effective', 'intents', 'follow_ups', 'appointments'] as const;
const ACTIVITY: readonly ColumnSpec[] = [
  ['day', 'day'],
  ['slack_user_id', 'text'],
  ['name', 'text'],
  ['group', 'text'],
  ...METRICS.map((key): ColumnSpec => [key, 'count', 'total']),
  ['amount_yuan', 'yuan', 'total'],
  ['visits', 'count', 'total'],
];
const ACTIVITY_SUMMARY: readonly ColumnSpec[] = [
  ['group', 'text'],
  ['people', 'count', 'total'],
  ...METRICS.map((key): ColumnSpec => [key, 'count', 'total']),
  ['amount_yuan', 'yuan', 'total'],
  ['visits', 'count', 'total'],
];

const ROSTER: readonly ColumnSpec[] = [
  ['user_id', 'text'],
  ['name', 'text'],
  ['group', 'text'],
  ['role', 'text'],
  ['level', 'text'],
  ['hired_on', 'day'],
  ['status', 'text'],
  ['joined_on', 'day'],
];
const ROSTER_SUMMARY: readonly ColumnSpec[] = [
  ['group', 'text'],
  ['active', 'count', 'total'],
  ['on_probation', 'count', 'total'],
  ['left', 'count', 'total'],
];

export function buildPayWorkbook(
  m: Messages,
  groups: readonly string[],
  lines: readonly PayLine[],
): Workbook {
  return buildGrouped(m, groups, lines, {
    columns: PAY,
    summary: PAY_SUMMARY,
    row: (l) => [
      l.month,
      l.userId,
      l.name,
      l.group,
      l.level,
      l.amountYuan,
      l.targetYuan,
      l.targetMet ? 'yes' : 'no',
      l.baseFen,
      l.cutsFen,
      l.commissionFen,
      l.adjustmentsFen,
      l.totalFen,
      /^\d+$/.test(l.ruleVersion) ? Number(l.ruleVersion) : l.ruleVersion,
      l.status,
    ],
    summarize: (ls) => [
      ls.length,
      sum(ls, (l) => l.amountYuan),
      sum(ls, (l) => l.baseFen),
      sum(ls, (l) => l.cutsFen),
      sum(ls, (l) => l.commissionFen),
      sum(ls, (l) => l.adjustmentsFen),
      sum(ls, (l) => l.totalFen),
    ],
  });
}

export function buildActivityWorkbook(
  m: Messages,
  groups: readonly string[],
  lines: readonly ActivityLine[],
): Workbook {
  return buildGrouped(m, groups, lines, {
    columns: ACTIVITY,
    summary: ACTIVITY_SUMMARY,
    row: activityCells,
    summarize: (ls) => [
      new Set(ls.map((l) => l.userId)).size,
      sum(ls, (l) => l.calls),
      sum(ls, (l) => l.effective),
      sum(ls, (l) => l.intents),
      sum(ls, (l) => l.followUps),
      sum(ls, (l) => l.appointments),
      sum(ls, (l) => l.amountYuan),
      sum(ls, (l) => l.visits),
    ],
  });
}

export function buildRosterWorkbook(
  m: Messages,
  groups: readonly string[],
  lines: readonly RosterLine[],
): Workbook {
  const count = (ls: readonly RosterLine[], status: RosterLine['status']) =>
    ls.filter((l) => l.status === status).length;
  return buildGrouped(m, groups, lines, {
    columns: ROSTER,
    summary: ROSTER_SUMMARY,
    totals: false,
    row: (l) => [l.userId, l.name, l.group, l.role, l.level, l.hiredOn, l.status, l.joinedOn],
    summarize: (ls) => [count(ls, 'active'), count(ls, 'probation'), count(ls, 'left')],
  });
}

type Layout<L> = {
  columns: readonly ColumnSpec[];
  summary: readonly ColumnSpec[];
  /** Group sheets end with a totals row (the roster has nothing to add up). */
  totals?: boolean;
  row: (line: L) => SheetCell[];
  /** The summary row of a group, after its name. */
  summarize: (lines: readonly L[]) => SheetCell[];
};

function buildGrouped<L extends { group: string }>(
  m: Messages,
  teamGroups: readonly string[],
  lines: readonly L[],
  layout: Layout<L>,
): Workbook {
  // The team's groups in order, then a group only the lines know (renamed since), then none.
  const groups = [...new Set([...teamGroups, ...lines.map((l) => l.group).filter((g) => g !== '')])];
  const parts = groups.map((group) => ({ label: group, lines: lines.filter((l) => l.group === group) }));
  const ungrouped = lines.filter((l) => l.group === '');
  if (ungrouped.length > 0) parts.push({ label: m.workbook.noGroup, lines: ungrouped });
  const names = sheetNames([m.workbook.summary, ...parts.map((p) => p.label)]);
  const summary: Sheet = {
    name: names[0] ?? m.workbook.summary,
    columns: columnsOf(m, layout.summary),
    rows: parts.map((p) => [p.label, ...layout.summarize(p.lines)]),
    totalsLabel: m.workbook.totals,
  };
  const sheets = parts.map(
    (p, i): Sheet => ({
      name: names[i + 1] ?? p.label,
      columns: columnsOf(m, layout.columns),
      rows: p.lines.map(layout.row),
      ...(layout.totals === false ? {} : { totalsLabel: m.workbook.totals }),
    }),
  );
  return { sheets: [summary, ...sheets] };
}

function columnsOf(m: Messages, specs: readonly ColumnSpec[]): SheetColumn[] {
  return specs.map(([key, kind, total]) => ({
    key,
    header: m.workbook.columns[key],
    kind,
    ...(total === undefined ? {} : { total: true }),
  }));
}

function sum<L>(lines: readonly L[], of: (line: L) => number): number {
  return lines.reduce((total, line) => total + of(line), 0);
}
