import { stringify } from 'csv-stringify/sync';
import { type Day, parseDay } from '../domain/days.ts';
import { canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { TeamView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { identifyActor, type UseCaseDeps } from './context.ts';
import { teamPay } from './pay-statements.ts';

/**
 * CSV files for HR and finance, UTF-8 with a byte-order mark so that Excel shows Chinese names
 * correctly. Money columns are in yuan with two decimals, written from integer fen.
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

export async function exportPayCsv(
  repos: Repositories,
  team: TeamView,
  month: string,
): Promise<{ csv: string; rows: number; totalFen: number }> {
  const pay = await teamPay(repos, team, month);
  const rows = pay.rows.map(({ member, statement: s }) => [
    month,
    member.messengerUserId,
    member.displayName,
    member.groupName ?? '',
    s.level,
    s.amountYuan,
    s.targetYuan,
    s.targetMet ? 'yes' : 'no',
    yuan(s.baseFen),
    yuan(-s.cutsFen),
    yuan(s.commissionFen),
    yuan(s.adjustmentsFen),
    yuan(s.totalFen),
    String(s.ruleVersion),
    pay.closed ? 'closed' : 'provisional',
  ]);
  return {
    csv: `${BOM}${stringify([[...PAY_COLUMNS], ...rows])}`,
    rows: rows.length,
    totalFen: pay.totalFen,
  };
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

export async function exportActivityCsv(
  repos: Repositories,
  team: TeamView,
  from: Day,
  to: Day,
): Promise<{ csv: string; rows: number }> {
  const [members, daily] = await Promise.all([
    repos.roster.members(team.id),
    repos.activity.teamDailyTotals(team.id, from, to),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows = daily
    .sort((a, b) => (a.day === b.day ? a.memberId - b.memberId : a.day < b.day ? -1 : 1))
    .map((d) => {
      const m = byId.get(d.memberId);
      const t = d.totals;
      return [
        d.day,
        m?.messengerUserId ?? '',
        m?.displayName ?? '',
        m?.groupName ?? '',
        t.calls,
        t.effective,
        t.intents,
        t.followUps,
        t.appointments,
        t.amount,
        t.visits,
      ];
    });
  return { csv: `${BOM}${stringify([[...ACTIVITY_COLUMNS], ...rows])}`, rows: rows.length };
}

export type ExportRequest = { kind: 'pay'; month: string } | { kind: 'activity'; from: string; to: string };
export type ExportFile = { filename: string; csv: string; rows: number };

/** `/team export …` for managers: the same files as the CLI, for their DM. */
export async function exportForManager(
  deps: UseCaseDeps,
  options: { actorId: string; request: ExportRequest },
): Promise<ExportFile> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  // Pay is seen by the member and by management (managers, the director, admins).
  const decides = canAdministerRoster(acting.actor);
  if (!decides) throw new DomainError('pay-not-permitted');
  return buildExport(deps.store, acting.team, options.request);
}

export async function buildExport(
  repos: Repositories,
  team: TeamView,
  request: ExportRequest,
): Promise<ExportFile> {
  if (request.kind === 'pay') {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(request.month))
      throw new DomainError('bad-month', { month: request.month });
    const { csv, rows } = await exportPayCsv(repos, team, request.month);
    return { filename: `zhanbao-pay-${request.month}.csv`, csv, rows };
  }
  const from = parseDay(request.from);
  const to = parseDay(request.to);
  if (from === undefined || to === undefined || from > to)
    throw new DomainError('bad-day', { day: `${request.from} – ${request.to}` });
  const { csv, rows } = await exportActivityCsv(repos, team, from, to);
  return { filename: `zhanbao-activity-${from}-${to}.csv`, csv, rows };
}
