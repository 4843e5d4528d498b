import { z } from 'zod';
import { type MonthKey, parseMonth } from '../domain/goals.ts';
import type { Tx } from './tx.ts';

/** A manager's goal for one month: the team's (groupId undefined) or one group's, in yuan. */
export type GoalOverride = { month: MonthKey; groupId: number | undefined; amount: number };

/** The row's groupId for the team's own goal (see the TeamGoal model). */
const TEAM_SCOPE = 0;

const monthSchema = z.string().transform((text, ctx): MonthKey => {
  const month = parseMonth(text);
  if (month === undefined) ctx.addIssue({ code: 'custom', message: `not a month: ${text}` });
  return month ?? z.NEVER;
});
const rowSchema = z.object({ month: monthSchema, groupId: z.number().int(), amount: z.number().int() });

/** Team goals: the managers' overrides per month (team or group) and when the team was created. */
export function goalsRepository(db: Tx) {
  return {
    /** Every override of the team for months from `from` to `to` (both included), oldest first. */
    async overrides(teamId: number, from: MonthKey, to: MonthKey): Promise<GoalOverride[]> {
      const rows = await db.teamGoal.findMany({
        where: { teamId, month: { gte: from, lte: to } },
        select: { month: true, groupId: true, amount: true },
        orderBy: [{ month: 'asc' }, { groupId: 'asc' }],
      });
      return rows
        .map((row) => rowSchema.parse(row))
        .map((row) => ({
          month: row.month,
          groupId: row.groupId === TEAM_SCOPE ? undefined : row.groupId,
          amount: row.amount,
        }));
    },

    async setOverride(teamId: number, override: GoalOverride, setBy: string): Promise<void> {
      const groupId = override.groupId ?? TEAM_SCOPE;
      await db.teamGoal.upsert({
        where: { teamId_month_groupId: { teamId, month: override.month, groupId } },
        create: { teamId, month: override.month, groupId, amount: override.amount, setBy },
        update: { amount: override.amount, setBy },
      });
    },

    /** Removes one override; false when there was none. */
    async removeOverride(teamId: number, month: MonthKey, groupId: number | undefined): Promise<boolean> {
      const { count } = await db.teamGoal.deleteMany({
        where: { teamId, month, groupId: groupId ?? TEAM_SCOPE },
      });
      return count > 0;
    },

    /** When the team was created: its default start month is that instant's month in its zone. */
    async teamCreatedAt(teamId: number): Promise<Date> {
      const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { createdAt: true } });
      return team.createdAt;
    },
  };
}

export type GoalsRepository = ReturnType<typeof goalsRepository>;
