import { z } from 'zod';
import type { Tx } from './tx.ts';
import { isUniqueViolation } from './unique.ts';

/** A milestone as announced: what, about whom (`member:12`, `group:3`), its key and its figures. */
export type MilestoneRecord = {
  kind: string;
  subjectKey: string;
  key: string;
  detail: { day?: string; amount?: number; points?: number; previous?: number; streak?: number };
};

// The detail column is JSON written by claimMilestone; what is not a figure we know is dropped.
const detailSchema = z
  .object({
    day: z.string().optional(),
    amount: z.number().optional(),
    points: z.number().optional(),
    previous: z.number().optional(),
    streak: z.number().optional(),
  })
  .catch({});

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

    /** The team's latest milestones, newest first. */
    async recentMilestones(teamId: number, limit: number): Promise<MilestoneRecord[]> {
      const rows = await db.milestone.findMany({
        where: { teamId },
        select: { kind: true, subjectKey: true, key: true, detail: true },
        orderBy: { id: 'desc' },
        take: limit,
      });
      return rows.map((row) => ({ ...row, detail: parseDetail(row.detail) }));
    },
  };
}

function parseDetail(text: string): MilestoneRecord['detail'] {
  try {
    const parsed = detailSchema.parse(JSON.parse(text));
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined));
  } catch {
    return {};
  }
}

export type PkRepository = ReturnType<typeof pkRepository>;
