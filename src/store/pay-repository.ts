import { z } from 'zod';
import { groupBy } from '../collections.ts';
import { type Day, parseDay } from '../domain/days.ts';
import { isLevelCode, type LevelCode } from '../domain/levels.ts';
import type { PayRule, RuleVersion, Statement } from '../domain/pay.ts';
import { parseJsonColumn } from './json.ts';
import type { Tx } from './tx.ts';

/** Pay rule versions, frozen statements of closed months, and adjustments to closed months. */
const money = z.number().int().nonnegative();
export const payRuleSchema = z.object({
  baseFen: money,
  monthlyTargetYuan: money,
  tiers: z.array(z.object({ fromYuan: money, rateBasisPoints: money })).min(1),
  cutBelowTargetFen: money,
  cutAtZeroFen: money,
});

// A frozen statement is read back for display and export only; its shape is checked loosely
// (the totals are columns of their own) so an old snapshot stays readable when lines gain fields.
const statementSchema = z
  .object({
    month: z.string(),
    level: z.string(),
    ruleVersion: z.union([z.number(), z.string()]),
    amountYuan: z.number(),
    targetYuan: z.number(),
    targetMet: z.boolean(),
    lines: z.array(z.object({ code: z.string(), amountFen: z.number() }).loose()),
    baseFen: z.number(),
    commissionFen: z.number(),
    cutsFen: z.number(),
    adjustmentsFen: z.number(),
    totalFen: z.number(),
  })
  .loose();

export type FrozenStatement = z.infer<typeof statementSchema>;

const levelSchema = z.custom<LevelCode>((v) => typeof v === 'string' && isLevelCode(v));

function toDay(text: string): Day {
  const day = parseDay(text);
  if (day === undefined) throw new Error(`stored day is not a day: ${text}`);
  return day;
}

export function payRepository(db: Tx) {
  return {
    async ruleVersions(teamId: number): Promise<RuleVersion[]> {
      const rows = await db.payRuleVersion.findMany({
        where: { teamId },
        select: { id: true, level: true, effectiveFrom: true, rule: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        id: r.id,
        level: levelSchema.parse(r.level),
        effectiveFrom: toDay(r.effectiveFrom),
        rule: parseJsonColumn(payRuleSchema, r.rule, 'PayRuleVersion.rule'),
      }));
    },

    async addRuleVersions(
      teamId: number,
      createdBy: string,
      versions: Array<{ level: LevelCode; effectiveFrom: Day; rule: PayRule }>,
    ) {
      for (const v of versions) {
        await db.payRuleVersion.create({
          data: {
            teamId,
            createdBy,
            level: v.level,
            effectiveFrom: v.effectiveFrom,
            rule: JSON.stringify(v.rule),
          },
        });
      }
    },

    /**
     * Freezes a month's statements, in the order given, with one createMany rather than one INSERT
     * per member (a month close of 10,000 members has to fit one transaction's time). Prisma splits
     * the rows into INSERTs under the provider's bound-variable limit itself (999 on SQLite, 32,766
     * on PostgreSQL; a row binds six), so no chunking is needed here.
     */
    async freeze(
      teamId: number,
      statements: ReadonlyArray<{ memberId: number; statement: Statement }>,
    ): Promise<void> {
      await db.payStatement.createMany({
        data: statements.map(({ memberId, statement }) => ({
          teamId,
          memberId,
          month: statement.month,
          statement: JSON.stringify(statement),
          totalFen: statement.totalFen,
        })),
      });
    },

    async frozen(memberId: number, month: string): Promise<FrozenStatement | undefined> {
      const row = await db.payStatement.findUnique({
        where: { memberId_month: { memberId, month } },
        select: { statement: true },
      });
      return row === null
        ? undefined
        : parseJsonColumn(statementSchema, row.statement, 'PayStatement.statement');
    },

    async frozenMonth(
      teamId: number,
      month: string,
    ): Promise<Array<{ memberId: number; statement: FrozenStatement }>> {
      const rows = await db.payStatement.findMany({
        where: { teamId, month },
        select: { memberId: true, statement: true },
        orderBy: { memberId: 'asc' },
      });
      return rows.map((r) => ({
        memberId: r.memberId,
        statement: parseJsonColumn(statementSchema, r.statement, 'PayStatement.statement'),
      }));
    },

    async isClosed(teamId: number, month: string): Promise<boolean> {
      return (await db.payStatement.count({ where: { teamId, month } })) > 0;
    },

    async lastClosedMonth(memberId: number): Promise<string | undefined> {
      const row = await db.payStatement.findFirst({
        where: { memberId },
        select: { month: true },
        orderBy: { month: 'desc' },
      });
      return row?.month;
    },

    async adjustments(
      memberId: number,
      appliesTo: string,
    ): Promise<Array<{ reason: string; amountFen: number }>> {
      return db.payAdjustment.findMany({
        where: { memberId, appliesTo },
        select: { reason: true, amountFen: true },
        orderBy: { id: 'asc' },
      });
    },

    /** The adjustments carried by the month `appliesTo` for the whole team, oldest first per member. */
    async teamAdjustments(
      teamId: number,
      appliesTo: string,
    ): Promise<Map<number, Array<{ reason: string; amountFen: number }>>> {
      const rows = await db.payAdjustment.findMany({
        where: { teamId, appliesTo },
        select: { memberId: true, reason: true, amountFen: true },
        orderBy: { id: 'asc' },
      });
      return groupBy(
        rows,
        (r) => r.memberId,
        ({ reason, amountFen }) => ({ reason, amountFen }),
      );
    },

    async addAdjustment(a: {
      teamId: number;
      memberId: number;
      correctsMonth: string;
      appliesTo: string;
      amountFen: number;
      reason: string;
      createdBy: string;
    }) {
      await db.payAdjustment.create({ data: a });
    },

    /** The adjustments already made for a closed month, summed per member. */
    async adjustedFor(memberId: number, correctsMonth: string): Promise<number> {
      const rows = await db.payAdjustment.findMany({
        where: { memberId, correctsMonth },
        select: { amountFen: true },
      });
      return rows.reduce((sum, r) => sum + r.amountFen, 0);
    },
  };
}

export type PayRepository = ReturnType<typeof payRepository>;
