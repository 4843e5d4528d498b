import { stringify } from 'csv-stringify/sync';
import { type Day, parseDay } from '../domain/days.ts';
import { canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import { type Locale, messagesFor } from '../i18n/index.ts';
import type { TeamView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { buildActivityWorkbook, buildPayWorkbook } from '../views/export-workbooks.ts';
import type { Workbook } from '../views/workbook.ts';
import { CSV_CONTENT_TYPE, writeXlsx, XLSX_CONTENT_TYPE } from '../xlsx/write-xlsx.ts';
import { identifyActor, type UseCaseDeps } from './context.ts';
import { teamPay } from './pay-statements.ts';

/**
 * Files for HR and finance: an Excel workbook (one sheet per group after a summary, see
 * views/export-workbooks.ts), or the CSV of before, UTF-8 with a byte-order mark so that Excel
 * shows Chinese names correctly. CSV money columns are in yuan with two decimals, written from
 * integer fen. The file is what the use case answers, so it builds it (in the reader's language).
 */
const BOM = '\uFEFF';

function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const PAY_COLUMNS = [
  'month',
  'slack_user_id',
  'name',
  'group',
  'level',
  'amount_yuan',
  'target_yuan',
  'target_met',
  'base',
  'cuts',
  'commission',
  'adjustments',
  'total',
  'rule_version',
  'status',
] as const;

/** One member's row of the pay export: money in integer fen, 业绩 and target in whole yuan. */
export type PayLine = {
  month: string;
  userId: string;
  name: string;
  group: string;
  level: string;
  amountYuan: number;
  targetYuan: number;
  targetMet: boolean;
  baseFen: number;
  /** Negative or zero: what the cuts take away. */
  cutsFen: number;
  commissionFen: number;
  adjustmentsFen: number;
  totalFen: number;
  /** The rule's version id, or `default`. */
  ruleVersion: string;
  status: 'closed' | 'provisional';
};

async function payLines(repos: Repositories, team: TeamView, month: string): Promise<PayLine[]> {
  const pay = await teamPay(repos, team, month);
  return pay.rows.map(({ member, statement: s }) => ({
    month,
    userId: member.messengerUserId,
    name: member.displayName,
    group: member.groupName ?? '',
    level: s.level,
    amountYuan: s.amountYuan,
    targetYuan: s.targetYuan,
    targetMet: s.targetMet,
    baseFen: s.baseFen,
    cutsFen: 0 - s.cutsFen, // never -0
    commissionFen: s.commissionFen,
    adjustmentsFen: s.adjustmentsFen,
    totalFen: s.totalFen,
    ruleVersion: String(s.ruleVersion),
    status: pay.closed ? 'closed' : 'provisional',
  }));
}

function payCsv(lines: readonly PayLine[]): string {
  const rows = lines.map((l) => [
    l.month,
    l.userId,
    l.name,
    l.group,
    l.level,
    l.amountYuan,
    l.targetYuan,
    l.targetMet ? 'yes' : 'no',
    yuan(l.baseFen),
    yuan(l.cutsFen),
    yuan(l.commissionFen),
    yuan(l.adjustmentsFen),
    yuan(l.totalFen),
    l.ruleVersion,
    l.status,
  ]);
  return `${BOM}${stringify([[...PAY_COLUMNS], ...rows])}`;
}

/**
 * The activity export's columns. `visits` (到访) came later and is the last column, so a sheet
 * that reads the older columns by position keeps working.
 */
export const ACTIVITY_COLUMNS = [
  'day',
  'slack_user_id',
  'name',
  'group',
  'calls',
  'effective',
  'intents',
  'follow_ups',
  'appointments',
  'amount_yuan',
  'visits',
] as const;

/** One member's figures on one day; 业绩 in whole yuan. */
export type ActivityLine = {
  day: Day;
  userId: string;
  name: string;
  group: string;
  calls: number;
  effective: number;
  intents: number;
  followUps: number;
  appointments: number;
  amountYuan: number;
  visits: number;
};

async function activityLines(
  repos: Repositories,
  team: TeamView,
  from: Day,
  to: Day,
): Promise<ActivityLine[]> {
  const [members, daily] = await Promise.all([
    repos.roster.members(team.id),
    repos.activity.teamDailyTotals(team.id, from, to),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  return daily
    .sort((a, b) => (a.day === b.day ? a.memberId - b.memberId : a.day < b.day ? -1 : 1))
    .map((d) => {
      const m = byId.get(d.memberId);
      const t = d.totals;
      return {
        day: d.day,
        userId: m?.messengerUserId ?? '',
        name: m?.displayName ?? '',
        group: m?.groupName ?? '',
        calls: t.calls,
        effective: t.effective,
        intents: t.intents,
        followUps: t.followUps,
        appointments: t.appointments,
        amountYuan: t.amount,
        visits: t.visits,
      };
    });
}

/** An activity line's cells in ACTIVITY_COLUMNS order: the CSV's row and the workbook's. */
export function activityCells(l: ActivityLine): Array<string | number> {
  return [
    l.day,
    l.userId,
    l.name,
    l.group,
    l.calls,
    l.effective,
    l.intents,
    l.followUps,
    l.appointments,
    l.amountYuan,
    l.visits,
  ];
}

function activityCsv(lines: readonly ActivityLine[]): string {
  const rows = lines.map(activityCells);
  return `${BOM}${stringify([[...ACTIVITY_COLUMNS], ...rows])}`;
}

export type ExportRequest = { kind: 'pay'; month: string } | { kind: 'activity'; from: string; to: string };
/** An Excel workbook unless asked for the CSV of before. */
export type ExportFormat = 'xlsx' | 'csv';
/** Who reads the file: its format and the language of its sheet names and headers. */
export type ExportOptions = { format: ExportFormat; locale: Locale };
export type ExportFile = { filename: string; content: Uint8Array; contentType: string; rows: number };

/** `/team export …` for managers: the same files as the CLI, for their DM. */
export async function exportForManager(
  deps: UseCaseDeps,
  options: { actorId: string; request: ExportRequest } & ExportOptions,
): Promise<ExportFile> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  // Pay is seen by the member and by management (managers, the director, admins).
  const decides = canAdministerRoster(acting.actor);
  if (!decides) throw new DomainError('pay-not-permitted');
  return buildExport(deps.store, acting.team, options.request, options);
}

export async function buildExport(
  repos: Repositories,
  team: TeamView,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportFile> {
  if (request.kind === 'pay') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(request.month))
      throw new DomainError('bad-month', { month: request.month });
    const lines = await payLines(repos, team, request.month);
    const name = `zhanbao-pay-${request.month}`;
    if (options.format === 'csv') return csvFile(name, payCsv(lines), lines.length);
    const book = buildPayWorkbook(messagesFor(options.locale), await groupNames(repos, team), lines);
    return xlsxFile(name, book, lines.length);
  }
  const from = parseDay(request.from);
  const to = parseDay(request.to);
  if (from === undefined || to === undefined || from > to)
    throw new DomainError('bad-day', { day: `${request.from} – ${request.to}` });
  const lines = await activityLines(repos, team, from, to);
  const name = `zhanbao-activity-${from}-${to}`;
  if (options.format === 'csv') return csvFile(name, activityCsv(lines), lines.length);
  const book = buildActivityWorkbook(messagesFor(options.locale), await groupNames(repos, team), lines);
  return xlsxFile(name, book, lines.length);
}

export async function groupNames(repos: Repositories, team: TeamView): Promise<string[]> {
  return (await repos.roster.groups(team.id)).map((g) => g.name);
}

export function csvFile(name: string, csv: string, rows: number): ExportFile {
  return { filename: `${name}.csv`, content: Buffer.from(csv, 'utf8'), contentType: CSV_CONTENT_TYPE, rows };
}

export async function xlsxFile(name: string, book: Workbook, rows: number): Promise<ExportFile> {
  return { filename: `${name}.xlsx`, content: await writeXlsx(book), contentType: XLSX_CONTENT_TYPE, rows };
}
