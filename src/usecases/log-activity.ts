import type { LogCommand } from '../commands/log-command.ts';
import { addDays, type Day, daysBetween } from '../domain/days.ts';
import { checkDay, type LogWarning, medianTotals } from '../domain/log-checks.ts';
import { addTotals, METRICS, type MetricTotals, ZERO_TOTALS } from '../domain/metrics.ts';
import { canActFor, canAdministerRoster } from '../domain/roles.ts';
import { targetFor, targetsOn } from '../domain/targets.ts';
import { previousWorkingDay } from '../domain/working-days.ts';
import { DomainError } from '../errors.ts';
import type { EntryKind, EntrySource } from '../store/activity-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { logLimitsFrom } from '../store/settings-repository.ts';
import type { Repositories } from '../store/store.ts';
import { isUniqueViolation } from '../store/unique.ts';
import { type Acting, identifyActor, todayFor, type UseCaseDeps } from './context.ts';
import { adjustClosedMonth, monthOfDay } from './pay-statements.ts';
import { resolveDay } from './resolve-day.ts';

/** How far back a member may log for themselves; older days need their leader or manager. */
export const SELF_LOG_WINDOW_DAYS = 7;

export type LogWrite = Extract<LogCommand, { kind: 'add' | 'set' | 'undo' }>;

export type LogRequest = {
  actorId: string;
  command: LogWrite;
  source: EntrySource;
  /** The delivery's own id (trigger id, view id, confirmation token): a retry counts once. */
  requestKey: string | undefined;
  /** The member has seen the warnings and confirmed. */
  confirmed: boolean;
};

/** The day's picture after a log: totals and the daily target of the member's level on that day. */
export type DayPicture = {
  subject: MemberView;
  day: Day;
  totals: MetricTotals;
  target: MetricTotals;
  today: Day;
};

export type LogOutcome =
  | (DayPicture & {
      kind: 'recorded';
      entryKind: EntryKind;
      change: MetricTotals;
      byOther: boolean;
      /** The day is one of the member's approved leave days: counted, and said so. */
      onLeave: boolean;
    })
  | (DayPicture & { kind: 'duplicate' })
  | { kind: 'confirm'; subject: MemberView; day: Day; warnings: LogWarning[]; command: LogWrite };

/**
 * The one way activity is written. Validates the day and the figures, checks who may log for
 * whom, and appends one entry with its audit event in a transaction. `set` and `undo` append
 * compensating entries, so totals are always the sum of the log. Warnings (a ceiling, a funnel
 * that does not fit, a figure far above the member's own median, 业绩 in the wrong unit) stop
 * the write until the member confirms; errors (negative totals, effective above calls) refuse it.
 */
export async function logActivity(deps: UseCaseDeps, request: LogRequest): Promise<LogOutcome> {
  try {
    return await deps.store.transaction((repos) => logInTransaction(repos, deps, request));
  } catch (error) {
    // Two deliveries of the same request raced; the other one wrote it.
    if (request.requestKey !== undefined && isUniqueViolation(error)) {
      return duplicateOutcome(deps.store, deps, request.requestKey, request.actorId);
    }
    throw error;
  }
}

async function logInTransaction(
  repos: Repositories,
  deps: UseCaseDeps,
  request: LogRequest,
): Promise<LogOutcome> {
  if (
    request.requestKey !== undefined &&
    (await repos.activity.entryByRequestKey(request.requestKey)) !== undefined
  ) {
    return duplicateOutcome(repos, deps, request.requestKey, request.actorId);
  }
  const acting = await identifyActor(repos, deps, request.actorId);
  if (acting.member === undefined) throw new DomainError('not-on-roster');
  const subject = await subjectOf(repos, acting, request.command.memberRef);
  const today = todayFor(deps, acting.team);
  const day = checkWindow(acting, subject, resolveDay(request.command.day, today), today);

  const closed = await repos.pay.isClosed(acting.team.id, monthOfDay(day));
  if (closed && !canAdministerRoster(acting.actor))
    throw new DomainError('month-closed', { month: monthOfDay(day) });
  const before = await repos.activity.memberTotals(subject.id, day, day);
  const { change, kind, undoesId } = await changeFor(repos, subject, day, before, request.command);
  const after = addTotals(before, change);
  const history = await repos.activity.memberDailyTotals(subject.id, addDays(day, -30), addDays(day, -1));
  const limits = logLimitsFrom(await repos.settings.teamSettings(acting.team.id));
  const typed = request.command.kind === 'undo' ? change : request.command.values;
  const checks = checkDay({
    before,
    after,
    change: typed,
    median30: medianTotals(history.map((h) => h.totals)),
    historyDays: history.length,
    limits,
    appointmentsDayBefore: await appointmentsBookedFor(repos, subject, day, typed),
  });
  const [error] = checks.errors;
  if (error?.code === 'negative-total')
    throw new DomainError('log-negative-total', { metric: error.metric, value: error.value });
  if (error?.code === 'effective-above-calls') {
    throw new DomainError('log-effective-above-calls', { effective: error.effective, calls: error.calls });
  }
  if (checks.warnings.length > 0 && !request.confirmed) {
    return { kind: 'confirm', subject, day, warnings: checks.warnings, command: request.command };
  }

  await repos.activity.append({
    ...change,
    teamId: acting.team.id,
    memberId: subject.id,
    day,
    kind,
    ...(undoesId === undefined ? {} : { undoesId }),
    source: request.source,
    createdById: acting.member.id,
    ...(request.requestKey === undefined ? {} : { requestKey: request.requestKey }),
  });
  await repos.audit.append({
    teamId: acting.team.id,
    actor: request.actorId,
    action: `activity.${kind}`,
    subjectMemberId: subject.id,
    detail: {
      day,
      change,
      source: request.source,
      confirmedWarnings: request.confirmed ? checks.warnings.map((w) => w.code) : [],
    },
  });
  if (closed && change.amount !== 0) {
    // A late correction to a closed month: never a silent change, an adjustment on a later statement.
    await adjustClosedMonth(repos, {
      team: acting.team,
      member: subject,
      day,
      amountBefore: before.amount,
      amountAfter: after.amount,
      today,
      actor: request.actorId,
    });
  }
  const [target, onLeave] = await Promise.all([
    dailyTarget(repos, subject, day),
    repos.leave.onLeave(subject.id, day),
  ]);
  return {
    kind: 'recorded',
    onLeave,
    subject,
    day,
    today,
    totals: after,
    target,
    entryKind: kind,
    change,
    byOther: subject.id !== acting.member.id,
  };
}

async function subjectOf(
  repos: Repositories,
  acting: Acting,
  memberRef: string | undefined,
): Promise<MemberView> {
  const own = acting.member;
  if (memberRef === undefined || memberRef === own?.messengerUserId) {
    if (own === undefined) throw new DomainError('not-on-roster');
    if (own.status === 'left') throw new DomainError('member-left', { who: own.messengerUserId });
    return own;
  }
  const subject = await repos.roster.memberByMessengerId(memberRef);
  if (subject === undefined || subject.teamId !== acting.team.id)
    throw new DomainError('member-not-found', { who: memberRef });
  if (!canActFor(acting.actor, { memberId: subject.id, groupId: subject.groupId ?? undefined })) {
    throw new DomainError('log-not-your-member', { who: memberRef });
  }
  if (subject.status === 'left') throw new DomainError('member-left', { who: memberRef });
  return subject;
}

/**
 * Members log for today and the 7 days before it. A leader (for their group) or a manager may
 * correct older days of their members; nobody logs for a day that has not come yet.
 */
function checkWindow(acting: Acting, subject: MemberView, day: Day | undefined, today: Day): Day {
  if (day === undefined) throw new DomainError('log-bad-date');
  const daysAgo = daysBetween(day, today);
  if (daysAgo < 0) throw new DomainError('log-future-day', { day });
  const correctsOthers =
    subject.id !== acting.member?.id || acting.actor.role === 'leader' || canAdministerRoster(acting.actor);
  if (daysAgo > SELF_LOG_WINDOW_DAYS && !correctsOthers) {
    throw new DomainError('log-day-too-old', { day, window: SELF_LOG_WINDOW_DAYS });
  }
  return day;
}

async function changeFor(
  repos: Repositories,
  subject: MemberView,
  day: Day,
  before: MetricTotals,
  command: LogWrite,
): Promise<{ change: MetricTotals; kind: EntryKind; undoesId?: number }> {
  switch (command.kind) {
    case 'add':
      return { change: addTotals(ZERO_TOTALS, command.values), kind: 'add' };
    case 'set': {
      const change = { ...ZERO_TOTALS };
      for (const metric of METRICS) {
        const value = command.values[metric];
        if (value !== undefined) change[metric] = value - before[metric];
      }
      return { change, kind: 'set' };
    }
    case 'undo': {
      const last = await repos.activity.lastUndoable(subject.id, day);
      if (last === undefined) throw new DomainError('log-nothing-to-undo', { day });
      const change = { ...ZERO_TOTALS };
      for (const metric of METRICS) change[metric] = -last[metric];
      return { change, kind: 'undo', undoesId: last.id };
    }
  }
}

/**
 * The 次日约见 booked for `day`: the appointments the member logged on the working day before it
 * (Friday's bookings come on Monday; the team's own calendar decides). Read only when the change
 * touches 到访 or 约见, the only figures the 到访 funnel rule looks at, so other logs cost nothing more.
 */
async function appointmentsBookedFor(
  repos: Repositories,
  subject: MemberView,
  day: Day,
  typed: Partial<MetricTotals>,
): Promise<number> {
  if (typed.visits === undefined && typed.appointments === undefined) return 0;
  const dayBefore = previousWorkingDay(day, await repos.calendar.settings(subject.teamId));
  return (await repos.activity.memberTotals(subject.id, dayBefore, dayBefore)).appointments;
}

async function dailyTarget(repos: Repositories, subject: MemberView, day: Day): Promise<MetricTotals> {
  const table = targetsOn(day, await repos.settings.targetOverrides(subject.teamId));
  return targetFor(table, subject.level, 'day');
}

async function duplicateOutcome(
  repos: Repositories,
  deps: UseCaseDeps,
  requestKey: string,
  actorId: string,
): Promise<LogOutcome> {
  const entry = await repos.activity.entryByRequestKey(requestKey);
  if (entry === undefined) throw new Error(`request ${requestKey} reported as duplicate but not found`);
  const subject = await repos.roster.member(entry.memberId);
  const acting = await identifyActor(repos, deps, actorId);
  return {
    kind: 'duplicate',
    subject,
    day: entry.day,
    today: todayFor(deps, acting.team),
    totals: await repos.activity.memberTotals(subject.id, entry.day, entry.day),
    target: await dailyTarget(repos, subject, entry.day),
  };
}
