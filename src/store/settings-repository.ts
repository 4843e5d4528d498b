import { z } from 'zod';
import type { Day } from '../domain/days.ts';
import { parseDay } from '../domain/days.ts';
import { isLevelCode, type LevelCode } from '../domain/levels.ts';
import { DEFAULT_LOG_LIMITS, type LogLimits } from '../domain/log-checks.ts';
import { METRICS, type MetricTotals } from '../domain/metrics.ts';
import { DEFAULT_PK_WEIGHTS, type PkWeights } from '../domain/pk.ts';
import { PERIODS, type TargetOverride } from '../domain/targets.ts';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';

/**
 * Team settings (a JSON column, parsed with zod here) and target overrides. Settings that are
 * absent take the domain's documented defaults, so an old row keeps working when a setting is added.
 */
const ceilingSchema = z
  .object(Object.fromEntries(METRICS.map((m) => [m, z.number().int().nonnegative()])))
  .partial();

const weightsSchema = z.object(Object.fromEntries(METRICS.map((m) => [m, z.number().int()]))).partial();
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const teamSettingsSchema = z
  .object({
    /** The team works on Saturdays (besides official make-up days). */
    workSaturdays: z.boolean(),
    /** PK points per unit (amount: per 10,000 CNY); missing metrics keep the defaults. */
    pkWeights: weightsSchema,
    /** Local "HH:mm" of scheduled jobs, by job name; missing jobs keep their default time. */
    jobTimes: z.record(z.string(), timeSchema),
    /**
     * The team's first month of the goal ramp (YYYY-MM), set with `/team goal start`; absent: the
     * month the team was created (src/usecases/team-goals.ts).
     */
    goalStartMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    /**
     * The 战报/喜报 images (`/team image`): off when `enabled` is false; a 喜报 for a day's 业绩 at
     * or above `dealThreshold` yuan besides the first deal. Absent: images on, first deals only.
     */
    images: z.object({ enabled: z.boolean(), dealThreshold: z.number().int().positive() }).partial(),
    logLimits: z
      .object({
        dailyCeiling: ceilingSchema,
        medianFactor: z.number().int().nonnegative(),
        amountUnitSuspectBelow: z.number().int().nonnegative(),
      })
      .partial(),
  })
  .partial();

export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export function pkWeightsFrom(settings: TeamSettings): PkWeights {
  return { ...DEFAULT_PK_WEIGHTS, ...settings.pkWeights };
}

/** Whether the team's posts carry images, and from what 业绩 a deal gets its own 喜报. */
export type ImageSettings = { enabled: boolean; dealThreshold: number | undefined };

export function imageSettingsFrom(settings: TeamSettings): ImageSettings {
  return {
    enabled: settings.images?.enabled ?? true,
    dealThreshold: settings.images?.dealThreshold,
  };
}

export function logLimitsFrom(settings: TeamSettings): LogLimits {
  const limits = settings.logLimits ?? {};
  const dailyCeiling: MetricTotals = { ...DEFAULT_LOG_LIMITS.dailyCeiling, ...limits.dailyCeiling };
  return {
    dailyCeiling,
    medianFactor: limits.medianFactor ?? DEFAULT_LOG_LIMITS.medianFactor,
    amountUnitSuspectBelow: limits.amountUnitSuspectBelow ?? DEFAULT_LOG_LIMITS.amountUnitSuspectBelow,
  };
}

const overrideRow = z.object({
  level: z.custom<LevelCode>((v) => typeof v === 'string' && isLevelCode(v)),
  period: z.enum(PERIODS),
  metric: z.enum(METRICS),
  value: z.number().int(),
  effectiveFrom: z.string().transform((text, ctx): Day => {
    const day = parseDay(text);
    if (day === undefined) ctx.addIssue({ code: 'custom', message: `not a day: ${text}` });
    return day ?? z.NEVER;
  }),
});

export function settingsRepository(db: Tx) {
  return {
    async teamSettings(teamId: number): Promise<TeamSettings> {
      const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { settings: true } });
      return parseJsonColumn(teamSettingsSchema, team.settings, 'Team.settings');
    },

    async saveTeamSettings(teamId: number, settings: TeamSettings): Promise<void> {
      await db.team.update({
        where: { id: teamId },
        data: { settings: JSON.stringify(teamSettingsSchema.parse(settings)) },
      });
    },

    /** Every override of the team, oldest first; a team has at most a few hundred. */
    async targetOverrides(teamId: number): Promise<TargetOverride[]> {
      const rows = await db.targetSetting.findMany({
        where: { teamId },
        select: { level: true, period: true, metric: true, value: true, effectiveFrom: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => overrideRow.parse(row));
    },

    async addTargetOverrides(
      teamId: number,
      createdBy: string,
      overrides: readonly TargetOverride[],
    ): Promise<void> {
      for (const o of overrides) {
        await db.targetSetting.create({ data: { teamId, createdBy, ...o } });
      }
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
