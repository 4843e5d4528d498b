import type { Tx } from './tx.ts';
import { isUniqueViolation } from './unique.ts';

/** PK winners by period and the milestones already announced. */
export function pkRepository(db: Tx) {
  return {
    async recordWinners(
      teamId: number,
      period: 'day' | 'week' | 'month',
      periodKey: string,
      groupIds: readonly number[],
    ) {
      await db.pkWin.deleteMany({ where: { teamId, period, periodKey } });
      for (const groupId of groupIds) await db.pkWin.create({ data: { teamId, period, periodKey, groupId } });
    },

    /** Winners oldest first, as the `streaks` rule wants them. */
    async winners(
      teamId: number,
      period: 'day' | 'week' | 'month',
    ): Promise<Array<{ period: string; groupId: number }>> {
      const rows = await db.pkWin.findMany({
        where: { teamId, period },
        select: { periodKey: true, groupId: true },
        orderBy: [{ periodKey: 'asc' }, { groupId: 'asc' }],
      });
      return rows.map((row) => ({ period: row.periodKey, groupId: row.groupId }));
    },

    /** Records a milestone; false when it was already announced (so it is announced once). */
    async claimMilestone(m: {
      teamId: number;
      kind: string;
      subjectKey: string;
      key: string;
      detail: unknown;
    }): Promise<boolean> {
      try {
        await db.milestone.create({ data: { ...m, detail: JSON.stringify(m.detail) } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}

export type PkRepository = ReturnType<typeof pkRepository>;
