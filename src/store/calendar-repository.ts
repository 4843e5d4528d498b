import { z } from 'zod';
import { type Day, parseDay } from '../domain/days.ts';
import type { CalendarOverride, CalendarSettings } from '../domain/working-days.ts';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';

const daySchema = z.string().transform((text, ctx): Day => {
  const day = parseDay(text);
  if (day === undefined) ctx.addIssue({ code: 'custom', message: `not a day: ${text}` });
  return day ?? z.NEVER;
});
const rowSchema = z.object({ day: daySchema, kind: z.enum(['workday', 'holiday']) });
const workSaturdaysSchema = z.object({ workSaturdays: z.boolean().optional() }).loose();

/** The team's working-day calendar: its Saturday setting and its per-day overrides. */
export function calendarRepository(db: Tx) {
  return {
    async settings(teamId: number): Promise<CalendarSettings> {
      const [team, rows] = await Promise.all([
        db.team.findUniqueOrThrow({ where: { id: teamId }, select: { settings: true } }),
        db.calendarOverride.findMany({ where: { teamId }, select: { day: true, kind: true } }),
      ]);
      const settings = parseJsonColumn(workSaturdaysSchema, team.settings, 'Team.settings');
      const overrides = new Map<Day, CalendarOverride>(
        rows.map((row) => rowSchema.parse(row)).map((r) => [r.day, r.kind]),
      );
      return { workSaturdays: settings.workSaturdays ?? false, overrides };
    },

    async setOverride(teamId: number, day: Day, kind: CalendarOverride, setBy: string): Promise<void> {
      await db.calendarOverride.upsert({
        where: { teamId_day: { teamId, day } },
        create: { teamId, day, kind, setBy },
        update: { kind, setBy },
      });
    },

    async removeOverride(teamId: number, day: Day): Promise<boolean> {
      const { count } = await db.calendarOverride.deleteMany({ where: { teamId, day } });
      return count > 0;
    },

    async overridesFrom(teamId: number, from: Day): Promise<Array<{ day: Day; kind: CalendarOverride }>> {
      const rows = await db.calendarOverride.findMany({
        where: { teamId, day: { gte: from } },
        select: { day: true, kind: true },
        orderBy: { day: 'asc' },
      });
      return rows.map((row) => rowSchema.parse(row));
    },
  };
}

export type CalendarRepository = ReturnType<typeof calendarRepository>;
