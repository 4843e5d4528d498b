import { addDays, type Day, daysInRange, isoWeekday, parseDay } from '../domain/days.ts';
import type { Metric } from '../domain/metrics.ts';
import type { PkWeights } from '../domain/pk.ts';
import {
  type CalendarOverride,
  calendarKnownThrough,
  daysBeyondKnownCalendar,
  isWorkingDay,
  officialDay,
} from '../domain/working-days.ts';
import { DomainError } from '../errors.ts';
import type { JobName } from '../jobs/job.ts';
import { jobTimes } from '../jobs/runner.ts';
import { JOBS } from '../jobs/schedule.ts';
import { type ImageSettings, imageSettingsFrom, pkWeightsFrom } from '../store/settings-repository.ts';
import { identifyActor, requireRosterAdmin, todayFor, type UseCaseDeps } from './context.ts';

export const CALENDAR_WINDOW_DAYS = 30;

export type CalendarDayNote = {
  day: Day;
  working: boolean;
  reason: 'override' | 'official' | 'weekend' | 'make-up';
  festival?: { zh: string; en: string };
};

export type CalendarPicture = {
  from: Day;
  to: Day;
  workSaturdays: boolean;
  /** The days of the window that differ from a plain Monday-to-Friday week, and why. */
  notable: CalendarDayNote[];
  knownThrough: Day;
  unknownFrom: Day | undefined;
};

/** The next 30 days of the team's working-day calendar, with what makes each unusual day so. */
export async function showCalendar(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<CalendarPicture> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const from = todayFor(deps, acting.team);
  const to = addDays(from, CALENDAR_WINDOW_DAYS);
  const calendar = await deps.store.calendar.settings(acting.team.id);
  const notable = daysInRange(from, to).flatMap((day): CalendarDayNote[] => {
    const working = isWorkingDay(day, calendar);
    const weekend = isoWeekday(day) >= 6;
    if (calendar.overrides.has(day)) return [{ day, working, reason: 'override' }];
    const official = officialDay(day);
    if (official !== undefined) {
      return [
        {
          day,
          working,
          reason: official.kind === 'holiday' ? 'official' : 'make-up',
          festival: official.festival,
        },
      ];
    }
    if (weekend && !working) return [];
    if (weekend && working) return [{ day, working, reason: 'weekend' }];
    return [];
  });
  const [unknownFrom] = daysBeyondKnownCalendar(from, to);
  return {
    from,
    to,
    workSaturdays: calendar.workSaturdays,
    notable,
    knownThrough: calendarKnownThrough(),
    unknownFrom,
  };
}

/** A manager's decision for one day; it wins over the official calendar. `clear` removes it. */
export async function setCalendarDay(
  deps: UseCaseDeps,
  options: { actorId: string; day: string; override: CalendarOverride | 'clear' },
): Promise<{ day: Day; override: CalendarOverride | 'clear' }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const day = parseDay(options.day);
    if (day === undefined) throw new DomainError('bad-day', { day: options.day });
    if (options.override === 'clear') await repos.calendar.removeOverride(acting.team.id, day);
    else await repos.calendar.setOverride(acting.team.id, day, options.override, options.actorId);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'calendar.set',
      detail: { day, override: options.override },
    });
    return { day, override: options.override };
  });
}

/** Changes one team setting (Saturdays, a PK weight, a job's time) with its audit event. */
async function changeSettings(
  deps: UseCaseDeps,
  actorId: string,
  action: string,
  detail: Record<string, unknown>,
  change: (settings: Awaited<ReturnType<UseCaseDeps['store']['settings']['teamSettings']>>) => void,
) {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, actorId);
    requireRosterAdmin(acting);
    const settings = await repos.settings.teamSettings(acting.team.id);
    change(settings);
    await repos.settings.saveTeamSettings(acting.team.id, settings);
    await repos.audit.append({ teamId: acting.team.id, actor: actorId, action, detail });
    return settings;
  });
}

export async function setWorkSaturdays(
  deps: UseCaseDeps,
  options: { actorId: string; work: boolean },
): Promise<boolean> {
  const settings = await changeSettings(
    deps,
    options.actorId,
    'calendar.saturdays',
    { work: options.work },
    (s) => {
      s.workSaturdays = options.work;
    },
  );
  return settings.workSaturdays ?? false;
}

export async function showPkWeights(deps: UseCaseDeps, options: { actorId: string }): Promise<PkWeights> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  return pkWeightsFrom(await deps.store.settings.teamSettings(acting.team.id));
}

export async function setPkWeight(
  deps: UseCaseDeps,
  options: { actorId: string; metric: Metric; points: number },
): Promise<PkWeights> {
  const settings = await changeSettings(deps, options.actorId, 'pk.weight', { ...options }, (s) => {
    s.pkWeights = { ...s.pkWeights, [options.metric]: options.points };
  });
  return pkWeightsFrom(settings);
}

export async function showSchedule(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<Record<JobName, string>> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  return jobTimes(await deps.store.settings.teamSettings(acting.team.id));
}

export async function setJobTime(
  deps: UseCaseDeps,
  options: { actorId: string; job: JobName; time: string },
): Promise<Record<JobName, string>> {
  if (JOBS[options.job] === undefined) throw new DomainError('bad-command', { text: options.job });
  const settings = await changeSettings(deps, options.actorId, 'schedule.set', { ...options }, (s) => {
    s.jobTimes = { ...s.jobTimes, [options.job]: options.time };
  });
  return jobTimes(settings);
}

export async function showImageSettings(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<ImageSettings> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  return imageSettingsFrom(await deps.store.settings.teamSettings(acting.team.id));
}

/** `/team image on|off`: whether the 战报 and 喜报 go out as images beside their text. */
export async function setImagesEnabled(
  deps: UseCaseDeps,
  options: { actorId: string; enabled: boolean },
): Promise<ImageSettings> {
  const settings = await changeSettings(deps, options.actorId, 'images.enabled', { ...options }, (s) => {
    s.images = { ...s.images, enabled: options.enabled };
  });
  return imageSettingsFrom(settings);
}

/**
 * `/team image 喜报 10万`: a day's 业绩 from this many yuan gets a 喜报 of its own; `undefined`
 * (`/team image 喜报 off`) leaves first deals only.
 */
export async function setDealThreshold(
  deps: UseCaseDeps,
  options: { actorId: string; amount: number | undefined },
): Promise<ImageSettings> {
  if (options.amount !== undefined && (!Number.isSafeInteger(options.amount) || options.amount <= 0))
    throw new DomainError('bad-command', { text: String(options.amount) });
  const settings = await changeSettings(
    deps,
    options.actorId,
    'images.threshold',
    { amount: options.amount ?? null },
    (s) => {
      const { dealThreshold: _, ...rest } = s.images ?? {};
      s.images = options.amount === undefined ? rest : { ...rest, dealThreshold: options.amount };
    },
  );
  return imageSettingsFrom(settings);
}
