import { localDay } from '../clock.ts';
import { type Day, endOfMonth, parseDay } from '../domain/days.ts';
import type { LevelCode } from '../domain/levels.ts';
import { computeStatement, type RuleVersion, type Statement } from '../domain/pay.ts';
import { canActFor, canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { LevelStepView } from '../store/careers-repository.ts';
import type { FrozenStatement } from '../store/pay-repository.ts';
import type { MemberView, TeamView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { identifyActor, requireMember, todayFor, type UseCaseDeps } from './context.ts';

/** Who is paid by the sales rule: agents and leaders (managers and the director are paid otherwise). */
export function isPaidByRule(member: MemberView): boolean {
  return member.role === 'agent' || member.role === 'leader';
}

export function monthOfDay(day: Day): string {
  return day.slice(0, 7);
}

function monthBounds(month: string): { first: Day; last: Day } {
  const first = parseDay(`${month}-01`);
  if (first === undefined) throw new DomainError('bad-day', { day: month });
  return { first, last: endOfMonth(first) };
}

export function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The level held on `day`, from the member's level history (oldest first): the last change made on
 * or before that day (in the team's time zone); before the first change, the level it changed
 * from; with no history, the member's current level. "The level held on the last day applies" to
 * a month's pay. Pure, so that one member's statement and the whole team's read it the same way.
 */
function levelOn(
  history: readonly LevelStepView[],
  timezone: string,
  member: MemberView,
  day: Day,
): LevelCode {
  let level: LevelCode | undefined;
  for (const change of history) {
    if (localDay(change.at, timezone) <= day) level = change.toLevel;
  }
  return level ?? history[0]?.fromLevel ?? history[0]?.toLevel ?? member.level;
}

/** What a member's statement of a month is computed from, however it was loaded. */
type StatementFacts = {
  amountYuan: number;
  versions: readonly RuleVersion[];
  adjustments: ReadonlyArray<{ reason: string; amountFen: number }>;
  history: readonly LevelStepView[];
};

/** The statement from its facts: the level held on the last employed day, then the pay rule. */
function statementOf(
  team: TeamView,
  member: MemberView,
  month: string,
  facts: StatementFacts,
): Statement | undefined {
  const { last } = monthBounds(month);
  const lastDay = member.leftOn !== null && member.leftOn < last ? member.leftOn : last;
  return computeStatement({
    month,
    amountYuan: facts.amountYuan,
    levelOnLastDay: levelOn(facts.history, team.timezone, member, lastDay),
    ruleVersionsFor: facts.versions,
    employment: { hiredOn: member.hiredOn, joinedOn: member.joinedOn, leftOn: member.leftOn },
    adjustments: facts.adjustments,
  });
}

/**
 * A member's statement for a month as it stands: the month's 业绩 summed by the store, the level
 * held on the last day, the rule versions in force then, and the adjustments carried by this
 * month. Undefined when the member was not employed that month. `amountYuan` replaces the logged
 * sum (to price a correction).
 */
export async function statementFor(
  repos: Repositories,
  team: TeamView,
  member: MemberView,
  month: string,
  amountYuan?: number,
): Promise<Statement | undefined> {
  const { first, last } = monthBounds(month);
  const [totals, versions, adjustments, history] = await Promise.all([
    amountYuan === undefined
      ? repos.activity.memberTotals(member.id, first, last)
      : Promise.resolve(undefined),
    repos.pay.ruleVersions(team.id),
    repos.pay.adjustments(member.id, month),
    repos.careers.levelHistory(member.id),
  ]);
  return statementOf(team, member, month, {
    amountYuan: amountYuan ?? totals?.amount ?? 0,
    versions,
    adjustments,
    history,
  });
}

/**
 * The month's statements of many members of the team, as statementFor computes them one by one,
 * but from four queries whatever the team's size (the month close of 10,000 members has to fit
 * one transaction): the team's 业绩 per member, the rule versions, the team's adjustments carried
 * by the month and the team's level histories. Members not employed that month are left out;
 * the others keep the order given.
 */
async function statementsFor(
  repos: Repositories,
  team: TeamView,
  members: readonly MemberView[],
  month: string,
): Promise<Array<{ member: MemberView; statement: Statement }>> {
  const { first, last } = monthBounds(month);
  const [totals, versions, adjustments, histories] = await Promise.all([
    repos.activity.teamMemberTotals(team.id, first, last),
    repos.pay.ruleVersions(team.id),
    repos.pay.teamAdjustments(team.id, month),
    repos.careers.teamLevelHistories(team.id),
  ]);
  return members.flatMap((member) => {
    const statement = statementOf(team, member, month, {
      amountYuan: totals.get(member.id)?.amount ?? 0,
      versions,
      adjustments: adjustments.get(member.id) ?? [],
      history: histories.get(member.id) ?? [],
    });
    return statement === undefined ? [] : [{ member, statement }];
  });
}

export type MemberPay = {
  member: MemberView;
  month: string;
  current: Statement | undefined;
  lastClosed: { month: string; statement: FrozenStatement } | undefined;
};

/** `/pay`: the running statement of this month and the last closed one; managers may ask for anyone. */
export async function getMemberPay(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef?: string },
): Promise<MemberPay> {
  const repos = deps.store;
  const acting = await identifyActor(repos, deps, options.actorId);
  const member = await requireMember(repos, acting.team.id, options.memberRef ?? options.actorId);
  const own = member.messengerUserId === options.actorId;
  // Pay is seen by the member and by management (managers, the director, admins).
  const decides = canAdministerRoster(acting.actor);
  if (!own && !decides) throw new DomainError('pay-not-permitted');
  if (!own && !canActFor(acting.actor, { memberId: member.id, groupId: member.groupId ?? undefined }))
    throw new DomainError('pay-not-permitted');
  const month = monthOfDay(todayFor(deps, acting.team));
  const closedMonth = await repos.pay.lastClosedMonth(member.id);
  const frozen = closedMonth === undefined ? undefined : await repos.pay.frozen(member.id, closedMonth);
  return {
    member,
    month,
    current: await statementFor(repos, acting.team, member, month),
    lastClosed:
      closedMonth === undefined || frozen === undefined
        ? undefined
        : { month: closedMonth, statement: frozen },
  };
}

export type TeamPayRow = { member: MemberView; statement: Statement | FrozenStatement };
export type TeamPay = { month: string; closed: boolean; rows: TeamPayRow[]; totalFen: number };

/**
 * A month's statements for the whole team: the frozen ones when the month is closed, else the
 * running ones. For managers and the director (and HR exports).
 */
export async function teamPay(repos: Repositories, team: TeamView, month: string): Promise<TeamPay> {
  const members = (await repos.roster.members(team.id)).filter(isPaidByRule);
  const frozen = await repos.pay.frozenMonth(team.id, month);
  if (frozen.length > 0) {
    const byId = new Map(members.map((m) => [m.id, m]));
    const rows = frozen.flatMap((f) => {
      const member = byId.get(f.memberId);
      return member === undefined ? [] : [{ member, statement: f.statement }];
    });
    return { month, closed: true, rows, totalFen: rows.reduce((sum, r) => sum + r.statement.totalFen, 0) };
  }
  const rows: TeamPayRow[] = await statementsFor(repos, team, members, month);
  return { month, closed: false, rows, totalFen: rows.reduce((sum, r) => sum + r.statement.totalFen, 0) };
}

export async function getTeamPay(
  deps: UseCaseDeps,
  options: { actorId: string; month: string },
): Promise<TeamPay> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  // Pay is seen by the member and by management (managers, the director, admins).
  const decides = canAdministerRoster(acting.actor);
  if (!decides) throw new DomainError('pay-not-permitted');
  monthBounds(options.month);
  return teamPay(deps.store, acting.team, options.month);
}

/**
 * The month close: every statement of the month computed and frozen in one transaction, so that
 * later rule changes do not alter it. A month already closed is not closed again.
 */
export async function closeMonth(repos: Repositories, team: TeamView, month: string): Promise<TeamPay> {
  if (await repos.pay.isClosed(team.id, month)) return teamPay(repos, team, month);
  const { first, last } = monthBounds(month);
  const members = (await repos.roster.members(team.id)).filter(
    (m) => isPaidByRule(m) && m.hiredOn <= last && (m.leftOn === null || m.leftOn >= first),
  );
  const statements = await statementsFor(repos, team, members, month);
  await repos.pay.freeze(
    team.id,
    statements.map(({ member, statement }) => ({ memberId: member.id, statement })),
  );
  return teamPay(repos, team, month);
}

/**
 * A correction to the 业绩 of a closed month (a manager's late log): the difference it makes to
 * that month's pay, priced with the same rules, becomes an adjustment line on the running month's
 * statement. The frozen statement itself never changes.
 */
export async function adjustClosedMonth(
  repos: Repositories,
  options: {
    team: TeamView;
    member: MemberView;
    day: Day;
    amountBefore: number;
    amountAfter: number;
    today: Day;
    actor: string;
  },
): Promise<number> {
  const month = monthOfDay(options.day);
  const { first, last } = monthBounds(month);
  const monthTotals = await repos.activity.memberTotals(options.member.id, first, last);
  // memberTotals already includes the new entry; the month's sum before it is that minus the change.
  const delta = options.amountAfter - options.amountBefore;
  const before = await statementFor(repos, options.team, options.member, month, monthTotals.amount - delta);
  const after = await statementFor(repos, options.team, options.member, month, monthTotals.amount);
  const amountFen = (after?.totalFen ?? 0) - (before?.totalFen ?? 0);
  if (amountFen === 0) return 0;
  await repos.pay.addAdjustment({
    teamId: options.team.id,
    memberId: options.member.id,
    correctsMonth: month,
    appliesTo: monthOfDay(options.today),
    amountFen,
    reason: `${month} ${options.day} ${delta >= 0 ? '+' : ''}${delta}`,
    createdBy: options.actor,
  });
  return amountFen;
}
