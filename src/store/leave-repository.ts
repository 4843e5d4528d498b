import { z } from 'zod';
import { type Day, parseDay } from '../domain/days.ts';
import {
  isLeaveStatus,
  isLeaveType,
  type LeaveSpan,
  type LeaveStatus,
  type LeaveType,
} from '../domain/leave.ts';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';

/** A leave request as the use cases and views need it. */
export type LeaveView = {
  id: number;
  teamId: number;
  memberId: number;
  fromDay: Day;
  toDay: Day;
  type: LeaveType;
  reason: string | null;
  status: LeaveStatus;
  requestedBy: string;
  decidedBy: string | null;
  note: string | null;
  requests: Array<{ channel: string; ts: string }>;
};

const SELECT = {
  id: true,
  teamId: true,
  memberId: true,
  fromDay: true,
  toDay: true,
  type: true,
  reason: true,
  status: true,
  requestedBy: true,
  decidedBy: true,
  note: true,
  requests: true,
} as const;

const daySchema = z.string().transform((text, ctx): Day => {
  const day = parseDay(text);
  if (day === undefined) ctx.addIssue({ code: 'custom', message: `not a day: ${text}` });
  return day ?? z.NEVER;
});
const rowSchema = z.object({
  id: z.number(),
  teamId: z.number(),
  memberId: z.number(),
  fromDay: daySchema,
  toDay: daySchema,
  type: z
    .string()
    .refine(isLeaveType)
    .transform((t): LeaveType => (isLeaveType(t) ? t : 'personal')),
  reason: z.string().nullable(),
  status: z
    .string()
    .refine(isLeaveStatus)
    .transform((s): LeaveStatus => (isLeaveStatus(s) ? s : 'pending')),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  requests: z.string(),
});
const requestsSchema = z.array(
  z.object({ channel: z.string(), ts: z.string(), locale: z.enum(['zh-CN', 'en']).optional() }),
);

function toView(row: unknown): LeaveView {
  const parsed = rowSchema.parse(row);
  return { ...parsed, requests: parseJsonColumn(requestsSchema, parsed.requests, 'Leave.requests') };
}

/** Leave requests (请假). A request is decided once: decisions are conditional on its status. */
export function leaveRepository(db: Tx) {
  return {
    async create(leave: {
      teamId: number;
      memberId: number;
      fromDay: Day;
      toDay: Day;
      type: LeaveType;
      reason: string | null;
      status: 'pending' | 'approved';
      requestedBy: string;
    }): Promise<LeaveView> {
      const decided =
        leave.status === 'approved' ? { decidedBy: leave.requestedBy, decidedAt: new Date() } : {};
      return toView(await db.leave.create({ data: { ...leave, ...decided }, select: SELECT }));
    },

    async byId(id: number): Promise<LeaveView | undefined> {
      const row = await db.leave.findUnique({ where: { id }, select: SELECT });
      return row === null ? undefined : toView(row);
    },

    /** The member's pending or approved leave that shares a day with `from`..`to`. */
    async overlapping(memberId: number, from: Day, to: Day): Promise<LeaveView[]> {
      const rows = await db.leave.findMany({
        where: {
          memberId,
          status: { in: ['pending', 'approved'] },
          fromDay: { lte: to },
          toDay: { gte: from },
        },
        select: SELECT,
        orderBy: { fromDay: 'asc' },
      });
      return rows.map(toView);
    },

    /** True when the member has approved leave on `day`. */
    async onLeave(memberId: number, day: Day): Promise<boolean> {
      const row = await db.leave.findFirst({
        where: { memberId, status: 'approved', fromDay: { lte: day }, toDay: { gte: day } },
        select: { id: true },
      });
      return row !== null;
    },

    /** Approved leave of the team that shares a day with `from`..`to` (one query for a board). */
    async approvedIn(teamId: number, from: Day, to: Day): Promise<LeaveSpan[]> {
      const rows = await db.leave.findMany({
        where: { teamId, status: 'approved', fromDay: { lte: to }, toDay: { gte: from } },
        select: { memberId: true, fromDay: true, toDay: true },
      });
      return rows.map((row) => ({
        memberId: row.memberId,
        fromDay: daySchema.parse(row.fromDay),
        toDay: daySchema.parse(row.toDay),
      }));
    },

    /** Pending and approved leave of the team that ends on or after `from`, soonest first. */
    async upcoming(teamId: number, from: Day): Promise<LeaveView[]> {
      const rows = await db.leave.findMany({
        where: { teamId, status: { in: ['pending', 'approved'] }, toDay: { gte: from } },
        select: SELECT,
        orderBy: [{ fromDay: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toView);
    },

    /** Decides a pending request; false when it was decided or cancelled already. */
    async decide(
      id: number,
      decision: { status: 'approved' | 'rejected'; decidedBy: string; note: string | null },
    ): Promise<boolean> {
      const { count } = await db.leave.updateMany({
        where: { id, status: 'pending' },
        data: { ...decision, decidedAt: new Date() },
      });
      return count === 1;
    },

    /** Cancels a pending or approved request; false when it was already rejected or cancelled. */
    async cancel(id: number): Promise<boolean> {
      const { count } = await db.leave.updateMany({
        where: { id, status: { in: ['pending', 'approved'] } },
        data: { status: 'cancelled' },
      });
      return count === 1;
    },

    async setRequests(
      id: number,
      requests: ReadonlyArray<{ channel: string; ts: string; locale?: string }>,
    ): Promise<void> {
      await db.leave.update({ where: { id }, data: { requests: JSON.stringify(requests) } });
    },
  };
}

export type LeaveRepository = ReturnType<typeof leaveRepository>;
