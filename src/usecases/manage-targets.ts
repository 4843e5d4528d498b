import { type Day, parseDay } from '../domain/days.ts';
import { LEVEL_CODES, type LevelCode } from '../domain/levels.ts';
import type { LogLimits } from '../domain/log-checks.ts';
import type { Metric, MetricTotals } from '../domain/metrics.ts';
import { type Period, type TargetOverride, targetsOn } from '../domain/targets.ts';
import { DomainError } from '../errors.ts';
import { logLimitsFrom } from '../store/settings-repository.ts';
import { identifyActor, requireRosterAdmin, todayFor, type UseCaseDeps } from './context.ts';

/**
 * Changes one target (a level, or every level, × a period × a metric) from a day on, today by
 * default. Earlier days keep the targets they had, so history is judged by the rules of its time.
 * A change dated in the past is allowed (a manager correcting a plan) and audited like any other.
 */
export async function setTarget(
  deps: UseCaseDeps,
  options: {
    actorId: string;
    level: LevelCode | 'all';
    period: Period;
    metric: Metric;
    value: number;
    from?: string;
  },
): Promise<{ levels: readonly LevelCode[]; effectiveFrom: Day }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const effectiveFrom = options.from === undefined ? todayFor(deps, acting.team) : parseDay(options.from);
    if (effectiveFrom === undefined) throw new DomainError('bad-day', { day: options.from ?? '' });
    const levels = options.level === 'all' ? LEVEL_CODES : [options.level];
    const overrides: TargetOverride[] = levels.map((level) => ({
      level,
      period: options.period,
      metric: options.metric,
      value: options.value,
      effectiveFrom,
    }));
    await repos.settings.addTargetOverrides(acting.team.id, options.actorId, overrides);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'target.set',
      detail: { levels, period: options.period, metric: options.metric, value: options.value, effectiveFrom },
    });
    return { levels, effectiveFrom };
  });
}

/** The targets of one level in force today, for every period. Anyone on the team may look. */
export async function showTargets(
  deps: UseCaseDeps,
  options: { actorId: string; level: LevelCode | undefined },
): Promise<{ level: LevelCode; targets: Record<Period, MetricTotals>; today: Day }> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  const today = todayFor(deps, acting.team);
  const level = options.level ?? acting.member?.level ?? 'A1';
  const table = targetsOn(today, await deps.store.settings.targetOverrides(acting.team.id));
  return { level, targets: table[level], today };
}

/** Changes one sanity limit of `/log`; the others keep their values. */
export async function setLogLimit(
  deps: UseCaseDeps,
  options: { actorId: string; setting: Metric | 'median' | 'unit'; value: number },
): Promise<LogLimits> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const settings = await repos.settings.teamSettings(acting.team.id);
    const limits = { ...settings.logLimits };
    if (options.setting === 'median') limits.medianFactor = options.value;
    else if (options.setting === 'unit') limits.amountUnitSuspectBelow = options.value;
    else limits.dailyCeiling = { ...limits.dailyCeiling, [options.setting]: options.value };
    await repos.settings.saveTeamSettings(acting.team.id, { ...settings, logLimits: limits });
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'log-limit.set',
      detail: { ...options },
    });
    return logLimitsFrom({ logLimits: limits });
  });
}

/** The sanity limits of `/log` in force for the actor's team. */
export async function showLogLimits(deps: UseCaseDeps, options: { actorId: string }): Promise<LogLimits> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  return logLimitsFrom(await deps.store.settings.teamSettings(acting.team.id));
}
