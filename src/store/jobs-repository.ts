import { z } from 'zod';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';
import { isUniqueViolation } from './unique.ts';

/**
 * Job runs: the row for (team, job, period) is the claim that makes a run happen once across
 * replicas and restarts; it also keeps what was posted (for corrections) and what failed.
 */
export type PostRecord = { kind: string; channel: string; ts: string; groupId?: number };
export type PostFailure = { kind: string; target: string; reason: string };

const postsSchema = z.array(
  z.object({ kind: z.string(), channel: z.string(), ts: z.string(), groupId: z.number().optional() }),
);
const failuresSchema = z.array(z.object({ kind: z.string(), target: z.string(), reason: z.string() }));

export type JobRunView = {
  id: number;
  job: string;
  periodKey: string;
  status: string;
  late: boolean;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  posts: PostRecord[];
  failures: PostFailure[];
  snapshot: string;
};

const SELECT = {
  id: true,
  job: true,
  periodKey: true,
  status: true,
  late: true,
  attempt: true,
  startedAt: true,
  finishedAt: true,
  posts: true,
  failures: true,
  snapshot: true,
} as const;

function toView(row: {
  id: number;
  job: string;
  periodKey: string;
  status: string;
  late: boolean;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  posts: string;
  failures: string;
  snapshot: string;
}): JobRunView {
  return {
    ...row,
    posts: parseJsonColumn(postsSchema, row.posts, 'JobRun.posts'),
    failures: parseJsonColumn(failuresSchema, row.failures, 'JobRun.failures'),
  };
}

export function jobsRepository(db: Tx) {
  return {
    /**
     * Claims the run; undefined when another replica (or an earlier start) already has it.
     * `force` takes over an existing row as a new attempt (an operator re-posting).
     */
    async claim(
      key: { teamId: number; job: string; periodKey: string },
      options: { late: boolean; force: boolean },
    ) {
      if (options.force) {
        const existing = await db.jobRun.findUnique({
          where: { teamId_job_periodKey: key },
          select: { attempt: true },
        });
        if (existing !== null) {
          const row = await db.jobRun.update({
            where: { teamId_job_periodKey: key },
            data: {
              status: 'running',
              late: true,
              attempt: existing.attempt + 1,
              startedAt: new Date(),
              finishedAt: null,
              failures: '[]',
            },
            select: SELECT,
          });
          return toView(row);
        }
      }
      try {
        return toView(
          await db.jobRun.create({ data: { ...key, status: 'running', late: options.late }, select: SELECT }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },

    async finish(
      id: number,
      result: { posts: PostRecord[]; failures: PostFailure[]; snapshot?: unknown },
    ): Promise<void> {
      await db.jobRun.update({
        where: { id },
        data: {
          status: result.failures.length > 0 && result.posts.length === 0 ? 'failed' : 'done',
          finishedAt: new Date(),
          posts: JSON.stringify(result.posts),
          failures: JSON.stringify(result.failures),
          ...(result.snapshot === undefined ? {} : { snapshot: JSON.stringify(result.snapshot) }),
        },
      });
    },

    async fail(id: number, reason: string): Promise<void> {
      await db.jobRun.update({
        where: { id },
        data: {
          status: 'failed',
          finishedAt: new Date(),
          failures: JSON.stringify([{ kind: 'run', target: '-', reason }]),
        },
      });
    },

    async run(key: { teamId: number; job: string; periodKey: string }): Promise<JobRunView | undefined> {
      const row = await db.jobRun.findUnique({ where: { teamId_job_periodKey: key }, select: SELECT });
      return row === null ? undefined : toView(row);
    },

    async saveSnapshot(id: number, snapshot: unknown): Promise<void> {
      await db.jobRun.update({ where: { id }, data: { snapshot: JSON.stringify(snapshot) } });
    },

    /** The latest run of each job of a team. */
    async lastRuns(teamId: number): Promise<Map<string, JobRunView>> {
      const rows = await db.jobRun.findMany({
        where: { teamId },
        select: SELECT,
        orderBy: { startedAt: 'desc' },
      });
      const latest = new Map<string, JobRunView>();
      for (const row of rows) if (!latest.has(row.job)) latest.set(row.job, toView(row));
      return latest;
    },
  };
}

export type JobsRepository = ReturnType<typeof jobsRepository>;
