import type { Day } from '../domain/days.ts';
import { indexLeave, isOnLeave } from '../domain/leave.ts';
import { type MetricTotals, ZERO_TOTALS } from '../domain/metrics.ts';
import { isTargetMet, targetFor, targetsOn } from '../domain/targets.ts';
import { type CalendarSettings, previousWorkingDay } from '../domain/working-days.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Store } from '../store/store.ts';
import { isCompetitor } from './compute-pk.ts';

/**
 * Competitors who missed their daily target on each of the last `days` working days up to
 * `lastDay` (all of which they were on duty for), with one SUM query for the whole span.
 */
export async function missedStreaks(
  store: Store,
  options: { teamId: number; lastDay: Day; days: number; calendar: CalendarSettings },
): Promise<Array<{ member: MemberView; days: Day[] }>> {
  const span: Day[] = [options.lastDay];
  while (span.length < options.days) {
    const earliest = span[0];
    if (earliest === undefined) break;
    span.unshift(previousWorkingDay(earliest, options.calendar));
  }
  const first = span[0] ?? options.lastDay;
  const [members, daily, overrides, leave] = await Promise.all([
    store.roster.members(options.teamId),
    store.activity.teamDailyTotals(options.teamId, first, options.lastDay),
    store.settings.targetOverrides(options.teamId),
    store.leave.approvedIn(options.teamId, first, options.lastDay),
  ]);
  // A streak needs every day on duty: a day of approved leave breaks it.
  const leaveIndex = indexLeave(leave);
  const away = new Set(
    leave.map((l) => l.memberId).filter((id) => span.some((day) => isOnLeave(leaveIndex, id, day))),
  );
  const totals = new Map<string, MetricTotals>(daily.map((d) => [`${d.memberId}:${d.day}`, d.totals]));
  return members
    .filter((m) => isCompetitor(m, options.lastDay) && m.hiredOn <= first && !away.has(m.id))
    .filter((m) =>
      span.every(
        (day) =>
          !isTargetMet(
            totals.get(`${m.id}:${day}`) ?? ZERO_TOTALS,
            targetFor(targetsOn(day, overrides), m.level, 'day'),
          ),
      ),
    )
    .map((member) => ({ member, days: span }));
}
