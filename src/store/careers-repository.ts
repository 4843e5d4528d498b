import { z } from 'zod';
import { groupBy } from '../collections.ts';
import { type Day, parseDay } from '../domain/days.ts';
import { isLevelCode, type LevelCode } from '../domain/levels.ts';
import { isTrainingItem, type TrainingItem } from '../domain/probation.ts';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';

/** Probations, quarter-review holds and the level history, as the career use cases need them. */
export type ProbationView = {
  id: number;
  teamId: number;
  memberId: number;
  startedOn: Day;
  deadline: Day;
  extensionDays: number;
  itemsDone: ReadonlySet<TrainingItem>;
  status: 'open' | 'approved' | 'rejected';
  decidedBy: string | null;
  note: string | null;
  requests: Array<{ channel: string; ts: string }>;
};

export type LevelChangeView = {
  fromLevel: LevelCode | null;
  toLevel: LevelCode;
  reason: string;
  note: string | null;
  quarter: string | null;
  decidedBy: string | null;
  at: Date;
};

/** One step of a level history without who decided it and why: enough to tell the level on a day. */
export type LevelStepView = Pick<LevelChangeView, 'fromLevel' | 'toLevel' | 'at'>;

const itemsSchema = z.array(z.string()).transform((items) => new Set(items.filter(isTrainingItem)));
const requestsSchema = z.array(
  z.object({ channel: z.string(), ts: z.string(), locale: z.enum(['zh-CN', 'en']).optional() }),
);
const statusSchema = z.enum(['open', 'approved', 'rejected']);
const level = z.custom<LevelCode>((v) => typeof v === 'string' && isLevelCode(v));

function toDay(text: string): Day {
  const day = parseDay(text);
  if (day === undefined) throw new Error(`stored day is not a day: ${text}`);
  return day;
}

const SELECT = {
  id: true,
  teamId: true,
  memberId: true,
  startedOn: true,
  deadline: true,
  extensionDays: true,
  itemsDone: true,
  status: true,
  decidedBy: true,
  note: true,
  requests: true,
} as const;

type Row = {
  id: number;
  teamId: number;
  memberId: number;
  startedOn: string;
  deadline: string;
  extensionDays: number;
  itemsDone: string;
  status: string;
  decidedBy: string | null;
  note: string | null;
  requests: string;
};

function toView(row: Row): ProbationView {
  return {
    ...row,
    startedOn: toDay(row.startedOn),
    deadline: toDay(row.deadline),
    itemsDone: parseJsonColumn(itemsSchema, row.itemsDone, 'Probation.itemsDone'),
    status: statusSchema.parse(row.status),
    requests: parseJsonColumn(requestsSchema, row.requests, 'Probation.requests'),
  };
}

export function careersRepository(db: Tx) {
  return {
    async createProbation(p: {
      teamId: number;
      memberId: number;
      startedOn: Day;
      deadline: Day;
    }): Promise<ProbationView> {
      return toView(await db.probation.create({ data: p, select: SELECT }));
    },

    async probationOf(memberId: number): Promise<ProbationView | undefined> {
      const row = await db.probation.findUnique({ where: { memberId }, select: SELECT });
      return row === null ? undefined : toView(row);
    },

    async probation(id: number): Promise<ProbationView | undefined> {
      const row = await db.probation.findUnique({ where: { id }, select: SELECT });
      return row === null ? undefined : toView(row);
    },

    async openProbations(teamId: number): Promise<ProbationView[]> {
      const rows = await db.probation.findMany({
        where: { teamId, status: 'open' },
        select: SELECT,
        orderBy: { id: 'asc' },
      });
      return rows.map(toView);
    },

    async updateProbation(
      id: number,
      patch: {
        itemsDone?: ReadonlySet<TrainingItem>;
        deadline?: Day;
        extensionDays?: number;
        status?: 'open' | 'approved' | 'rejected';
        decidedBy?: string;
        note?: string;
        requests?: Array<{ channel: string; ts: string }>;
      },
    ): Promise<ProbationView> {
      const { itemsDone, requests, ...rest } = patch;
      const row = await db.probation.update({
        where: { id },
        data: {
          ...rest,
          ...(itemsDone === undefined ? {} : { itemsDone: JSON.stringify([...itemsDone]) }),
          ...(requests === undefined ? {} : { requests: JSON.stringify(requests) }),
          ...(patch.status === 'approved' || patch.status === 'rejected' ? { decidedAt: new Date() } : {}),
        },
        select: SELECT,
      });
      return toView(row);
    },

    /**
     * Decides an open probation; false when it was already decided (a second click, another
     * manager): the `status: 'open'` condition makes the decision happen once.
     */
    async decideProbation(
      id: number,
      decision: { status: 'approved' | 'rejected'; decidedBy: string; note?: string },
    ): Promise<boolean> {
      const { count } = await db.probation.updateMany({
        where: { id, status: 'open' },
        data: {
          status: decision.status,
          decidedBy: decision.decidedBy,
          note: decision.note ?? null,
          decidedAt: new Date(),
        },
      });
      return count === 1;
    },

    async holds(teamId: number, quarterKey: string): Promise<Map<number, string>> {
      const rows = await db.reviewHold.findMany({
        where: { teamId, quarterKey },
        select: { memberId: true, reason: true },
      });
      return new Map(rows.map((r) => [r.memberId, r.reason]));
    },

    async setHold(h: {
      teamId: number;
      quarterKey: string;
      memberId: number;
      reason: string;
      heldBy: string;
    }): Promise<void> {
      await db.reviewHold.upsert({
        where: {
          teamId_quarterKey_memberId: { teamId: h.teamId, quarterKey: h.quarterKey, memberId: h.memberId },
        },
        create: h,
        update: { reason: h.reason, heldBy: h.heldBy },
      });
    },

    async removeHold(teamId: number, quarterKey: string, memberId: number): Promise<boolean> {
      const { count } = await db.reviewHold.deleteMany({ where: { teamId, quarterKey, memberId } });
      return count > 0;
    },

    /** The member's level history, oldest first, with who decided each change. */
    async levelHistory(memberId: number): Promise<LevelChangeView[]> {
      const rows = await db.levelChange.findMany({
        where: { memberId },
        select: {
          fromLevel: true,
          toLevel: true,
          reason: true,
          note: true,
          quarter: true,
          at: true,
          decidedBy: { select: { messengerUserId: true } },
        },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        fromLevel: r.fromLevel === null ? null : level.parse(r.fromLevel),
        toLevel: level.parse(r.toLevel),
        reason: r.reason,
        note: r.note,
        quarter: r.quarter,
        decidedBy: r.decidedBy?.messengerUserId ?? null,
        at: r.at,
      }));
    },

    /**
     * The level histories of every member of the team in one query, oldest first for each member
     * (the same order as levelHistory), keyed by member id; members with no change are absent.
     * Only the levels and instants: what the month close needs for the level on a day.
     */
    async teamLevelHistories(teamId: number): Promise<Map<number, LevelStepView[]>> {
      const rows = await db.levelChange.findMany({
        where: { member: { teamId } },
        select: { memberId: true, fromLevel: true, toLevel: true, at: true },
        orderBy: { id: 'asc' },
      });
      return groupBy(
        rows,
        (r) => r.memberId,
        (r): LevelStepView => ({
          fromLevel: r.fromLevel === null ? null : level.parse(r.fromLevel),
          toLevel: level.parse(r.toLevel),
          at: r.at,
        }),
      );
    },
  };
}

export type CareersRepository = ReturnType<typeof careersRepository>;
