/**
 * Monthly pay of the plan (小额信贷业务员工绩效管理方案): a base, a commission on the month's 业绩 and
 * cuts of the base when the 业绩 target is missed. Pure: the month, the 业绩, the level, the rule
 * versions and the employment dates come in as arguments; nothing here reads a clock or a store.
 *
 * Money is integer fen (分) throughout. 业绩 and targets are integer yuan. Every product and
 * quotient runs on BigInt, so no figure ever passes through floating point; each pro-rated or
 * commission figure is rounded once, half up to the fen, where it becomes a statement line, and
 * the totals are exact sums of the lines. A figure that would not fit a safe integer
 * (|x| > 2^53 − 1 fen, about ¥90 trillion) is a RangeError rather than a silently wrong number.
 */
import { type Day, daysBetween, endOfMonth, parseDay, startOfMonth } from './days.ts';
import type { LevelCode } from './levels.ts';

/**
 * One pay rule. Units are in the names: `*Fen` are fen, `*Yuan` are yuan, rates are basis points
 * (1 bp = 0.01%, so 1% = 100 bp), which keeps the commission integer.
 */
export type PayRule = {
  /** The monthly base (底薪) for a full month, in fen. */
  baseFen: number;
  /** The monthly 业绩 target, in yuan. 业绩 equal to the target meets it (含20万). */
  monthlyTargetYuan: number;
  /**
   * Marginal commission tiers, ordered by `fromYuan`, the first starting at 0: each tier's rate
   * applies to the part of the 业绩 from its `fromYuan` up to the next tier's `fromYuan` (the last
   * tier has no ceiling). Tier bounds are absolute yuan and are not pro-rated.
   */
  tiers: Array<{ fromYuan: number; rateBasisPoints: number }>;
  /** Cut of the base when the 业绩 is above zero but below the target, in fen. */
  cutBelowTargetFen: number;
  /** Cut of the base when the month's 业绩 is zero, in fen; replaces `cutBelowTargetFen`. */
  cutAtZeroFen: number;
};

/**
 * The plan's rule for a 客户经理: base 2,000 yuan, target 200,000 yuan, commission 1% of the
 * whole 业绩 (one tier of 100 bp from 0), base cut by 500 yuan below target and by 1,000 yuan at
 * zero 业绩.
 *
 * Our reading of the plan:
 * - 业绩 exactly at the target is met (the plan says 20万以上(含20万)).
 * - The three cases exclude each other: at zero 业绩 the cut is 1,000 yuan, not 500 + 1,000. The
 *   plan lists "未完成" and "没有贷款业绩" as separate cases with their own cut, and zero is the
 *   harsher case, so it replaces the below-target cut instead of adding to it.
 * - Commission is paid whether or not the target is met (the plan gives 1% in both cases).
 */
export const DEFAULT_PAY_RULE: PayRule = {
  baseFen: 200_000,
  monthlyTargetYuan: 200_000,
  tiers: [{ fromYuan: 0, rateBasisPoints: 100 }],
  cutBelowTargetFen: 50_000,
  cutAtZeroFen: 100_000,
};

/** A pay rule for one level from a day on; `id` names it on statements so a figure can be traced. */
export type RuleVersion = { id: number | string; level: LevelCode; effectiveFrom: Day; rule: PayRule };

export type RuleVersionId = number | string | 'default';

/**
 * The rule of `level` in force on `day`: of the versions for that level with `effectiveFrom` ≤
 * `day` (a version effective on `day` itself applies), the one with the latest `effectiveFrom`;
 * of two with the same `effectiveFrom`, the later in the list (callers pass versions in the order
 * they were recorded). Without such a version, `defaults` with versionId 'default'.
 */
export function ruleFor(
  level: LevelCode,
  day: Day,
  versions: readonly RuleVersion[],
  defaults: PayRule = DEFAULT_PAY_RULE,
): { rule: PayRule; versionId: RuleVersionId } {
  let winner: RuleVersion | undefined;
  for (const version of versions) {
    if (version.level !== level || version.effectiveFrom > day) continue;
    if (winner === undefined || version.effectiveFrom >= winner.effectiveFrom) winner = version;
  }
  return winner === undefined
    ? { rule: defaults, versionId: 'default' }
    : { rule: winner.rule, versionId: winner.id };
}

/**
 * Throws a RangeError unless the rule is usable: money and targets are non-negative safe
 * integers, tiers are non-empty, start at 0, strictly increase and have non-negative integer rates.
 */
export function assertValidPayRule(rule: PayRule): void {
  const nonNegative = (value: number, name: string): void => {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`pay rule: ${name} must be a non-negative integer, got ${value}`);
    }
  };
  nonNegative(rule.baseFen, 'baseFen');
  nonNegative(rule.monthlyTargetYuan, 'monthlyTargetYuan');
  nonNegative(rule.cutBelowTargetFen, 'cutBelowTargetFen');
  nonNegative(rule.cutAtZeroFen, 'cutAtZeroFen');
  if (rule.tiers.length === 0) throw new RangeError('pay rule: at least one commission tier is needed');
  rule.tiers.forEach((tier, index) => {
    nonNegative(tier.fromYuan, `tiers[${index}].fromYuan`);
    nonNegative(tier.rateBasisPoints, `tiers[${index}].rateBasisPoints`);
    const previous = rule.tiers[index - 1];
    if (index === 0 && tier.fromYuan !== 0) throw new RangeError('pay rule: the first tier must start at 0');
    if (previous !== undefined && tier.fromYuan <= previous.fromYuan) {
      throw new RangeError('pay rule: tiers must be in strictly increasing fromYuan order');
    }
  });
}

export type CommissionTierDetail = {
  fromYuan: number;
  /** Where the next tier starts; null for the last tier. */
  toYuan: number | null;
  rateBasisPoints: number;
  /** The part of the 业绩 that falls in this tier, in yuan. */
  portionYuan: number;
};

/**
 * One line of a statement. Amounts are signed so that the lines add up to `totalFen`: base and
 * commission are ≥ 0, cuts ≤ 0, adjustments either way.
 */
export type StatementLine =
  | { code: 'base'; amountFen: number; detail: { monthlyFen: number } }
  | {
      code: 'base-pro-rata';
      amountFen: number;
      detail: { monthlyFen: number; from: Day; to: Day; daysEmployed: number; daysInMonth: number };
    }
  | {
      code: 'cut-below-target' | 'cut-at-zero';
      amountFen: number;
      detail: {
        /** The rule's cut for a full month. */
        monthlyFen: number;
        /** The cut after pro rata, before the clamp (equal to monthlyFen for a full month). */
        proRataFen: number;
        /** True when the cut was reduced so that the base does not go below zero. */
        clamped: boolean;
      };
    }
  | { code: 'commission'; amountFen: number; detail: { tiers: CommissionTierDetail[] } }
  | { code: 'adjustment'; amountFen: number; detail: { reason: string } };

export type StatementLineCode = StatementLine['code'];

export type Statement = {
  /** 'YYYY-MM'. */
  month: string;
  /** The level held on the last employed day of the month, whose rule applied. */
  level: LevelCode;
  ruleVersion: RuleVersionId;
  /** The month's 业绩, yuan. */
  amountYuan: number;
  /** The target the 业绩 was judged by, yuan: the rule's target, pro rata for a partial month. */
  targetYuan: number;
  targetMet: boolean;
  lines: StatementLine[];
  /** The base after pro rata, before cuts (≥ 0). */
  baseFen: number;
  commissionFen: number;
  /** The sum of the cuts as a positive number, never more than baseFen. */
  cutsFen: number;
  /** The signed sum of the adjustments. */
  adjustmentsFen: number;
  /** baseFen − cutsFen + commissionFen + adjustmentsFen, which is also the sum of the lines. */
  totalFen: number;
};

export type Employment = {
  /** First day of work; probation (见习) days count as employed from here. */
  hiredOn: Day;
  /** The day probation ended (status became active); informational, it does not change pay. */
  joinedOn: Day | null;
  /** Last day of work (included), or null while employed. */
  leftOn: Day | null;
};

export type ComputeStatementInput = {
  /** 'YYYY-MM', e.g. '2026-11'. */
  month: string;
  /** The 业绩 logged in the month, integer yuan ≥ 0. */
  amountYuan: number;
  /** The level held on the last employed day of the month (the month's last day, or leftOn). */
  levelOnLastDay: LevelCode;
  /** The recorded rule versions (any levels, any order of days; see ruleFor). */
  ruleVersionsFor: readonly RuleVersion[];
  /** The rule where no version applies; DEFAULT_PAY_RULE unless given. */
  defaultRule?: PayRule;
  employment: Employment;
  /** Manual corrections in fen, positive (a bonus) or negative (a deduction). */
  adjustments?: ReadonlyArray<{ reason: string; amountFen: number }>;
};

/**
 * The pay statement of one member for one month, or undefined when the member was employed on
 * no day of the month (hired after it, or left before it): there is nothing to pay, so there is
 * no statement, not a zero one.
 *
 * Rules:
 * - Which rule: the rule in force (ruleFor) on the member's last employed day of the month, for
 *   the level held that day, applies to the whole month. That day is the month's last day, or
 *   `leftOn` for a member who left during the month (a rule that starts after they left never
 *   reaches them). A level or rule change during the month therefore takes effect for the whole
 *   month in which it happens; an earlier level or rule in the same month is not mixed in.
 * - Days employed: calendar days from max(hiredOn, 1st) to min(leftOn, last day), both included.
 *   Probation days count (from hiredOn, not joinedOn): probation is paid work.
 * - Base: the rule's base for a full month ('base' line); for a partial month
 *   base × daysEmployed ÷ daysInMonth, rounded half up to the fen ('base-pro-rata' line).
 * - Target: the rule's target; for a partial month target × daysEmployed ÷ daysInMonth rounded
 *   up to the whole yuan. As 业绩 is whole yuan, comparing with the rounded-up target is exactly
 *   "业绩 ≥ the unrounded pro-rata target", so rounding never decides whether it was met. The
 *   target is met when 业绩 ≥ target (含).
 * - Cuts (mutually exclusive): 业绩 = 0 → cut-at-zero; else 业绩 < target → cut-below-target.
 *   For a partial month the cut is pro rata like the base (rounded half up to the fen), so a
 *   half month pays half of what a full month with the same result would. A cut never takes the
 *   base below zero: it is clamped to the pro-rated base (detail.clamped). A rule cut of 0 adds
 *   no line.
 * - Commission: Σ over tiers of (the part of the 业绩 in the tier, yuan) × rate (bp), which is in
 *   hundredths of a fen (yuan × bp / 10,000 yuan = yuan × bp / 100 fen); summed exactly, then
 *   rounded half up to the fen once, on the one 'commission' line. Commission is on all the 业绩
 *   logged in the month and is never pro-rated; it is paid whether or not the target is met.
 * - Adjustments: one line each, in the given order, signed fen.
 * - Total = base − cuts + commission + adjustments. Base − cuts ≥ 0 and commission ≥ 0, so the
 *   total is negative only when negative adjustments make it so.
 *
 * Throws RangeError for a malformed month, a 业绩 that is not a non-negative safe integer, an
 * invalid rule (assertValidPayRule), an adjustment that is not a safe integer, leftOn before
 * hiredOn, or a figure beyond the safe integer range.
 */
export function computeStatement(input: ComputeStatementInput): Statement | undefined {
  const monthStart = parseMonth(input.month);
  const monthEnd = endOfMonth(monthStart);
  const { hiredOn, leftOn } = input.employment;
  if (leftOn !== null && leftOn < hiredOn) {
    throw new RangeError(`employment: leftOn ${leftOn} is before hiredOn ${hiredOn}`);
  }
  if (!Number.isSafeInteger(input.amountYuan) || input.amountYuan < 0) {
    throw new RangeError(`业绩 must be a non-negative integer of yuan, got ${input.amountYuan}`);
  }

  // Days compare as strings and money as BigInt, so Math.max/min would be wrong here.
  const from = later(hiredOn, monthStart);
  const to = leftOn === null ? monthEnd : earlier(leftOn, monthEnd);
  if (from > to) return undefined;
  const daysEmployed = daysBetween(from, to) + 1;
  const daysInMonth = daysBetween(monthStart, monthEnd) + 1;
  const fullMonth = daysEmployed === daysInMonth;

  const { rule, versionId } = ruleFor(
    input.levelOnLastDay,
    to,
    input.ruleVersionsFor,
    input.defaultRule ?? DEFAULT_PAY_RULE,
  );
  assertValidPayRule(rule);

  const days = BigInt(daysEmployed);
  const inMonth = BigInt(daysInMonth);
  const proRata = (monthly: number): bigint =>
    fullMonth ? BigInt(monthly) : divideHalfUp(BigInt(monthly) * days, inMonth);

  const lines: StatementLine[] = [];

  const base = proRata(rule.baseFen);
  lines.push(
    fullMonth
      ? { code: 'base', amountFen: toSafe(base), detail: { monthlyFen: rule.baseFen } }
      : {
          code: 'base-pro-rata',
          amountFen: toSafe(base),
          detail: { monthlyFen: rule.baseFen, from, to, daysEmployed, daysInMonth },
        },
  );

  const amount = BigInt(input.amountYuan);
  const target = fullMonth
    ? BigInt(rule.monthlyTargetYuan)
    : divideUp(BigInt(rule.monthlyTargetYuan) * days, inMonth);
  const targetMet = amount >= target;

  let cuts = 0n;
  const cut =
    amount === 0n
      ? { code: 'cut-at-zero' as const, monthlyFen: rule.cutAtZeroFen }
      : targetMet
        ? undefined
        : { code: 'cut-below-target' as const, monthlyFen: rule.cutBelowTargetFen };
  if (cut !== undefined && cut.monthlyFen > 0) {
    const wanted = proRata(cut.monthlyFen);
    cuts = smaller(wanted, base);
    lines.push({
      code: cut.code,
      amountFen: toSafe(-cuts),
      detail: { monthlyFen: cut.monthlyFen, proRataFen: toSafe(wanted), clamped: cuts < wanted },
    });
  }

  const { hundredthsOfFen, tiers } = commissionByTier(amount, rule.tiers);
  const commission = divideHalfUp(hundredthsOfFen, 100n);
  lines.push({ code: 'commission', amountFen: toSafe(commission), detail: { tiers } });

  let adjustments = 0n;
  for (const { reason, amountFen } of input.adjustments ?? []) {
    if (!Number.isSafeInteger(amountFen)) {
      throw new RangeError(`adjustment "${reason}" must be an integer of fen, got ${amountFen}`);
    }
    adjustments += BigInt(amountFen);
    lines.push({ code: 'adjustment', amountFen, detail: { reason } });
  }

  return {
    month: input.month,
    level: input.levelOnLastDay,
    ruleVersion: versionId,
    amountYuan: input.amountYuan,
    targetYuan: toSafe(target),
    targetMet,
    lines,
    baseFen: toSafe(base),
    commissionFen: toSafe(commission),
    cutsFen: toSafe(cuts),
    adjustmentsFen: toSafe(adjustments),
    totalFen: toSafe(base - cuts + commission + adjustments),
  };
}

/**
 * Fen as the team reads money: '¥2,000.00', '-¥500.00', '¥0.05'; thousands grouped by commas, two
 * decimals. Built from the digits of the integer, never by dividing by 100. Throws a RangeError
 * for a value that is not a safe integer.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  const digits = String(fen < 0 ? -fen : fen).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${digits.slice(-2)}`;
}

/** The first day of a 'YYYY-MM' month; RangeError for anything else. */
function parseMonth(month: string): Day {
  const first = /^\d{4}-\d{2}$/.test(month) ? parseDay(`${month}-01`) : undefined;
  if (first === undefined) throw new RangeError(`month must be 'YYYY-MM', got ${JSON.stringify(month)}`);
  return startOfMonth(first);
}

/** The exact commission in hundredths of a fen (yuan × bp), with each tier's share for the line. */
function commissionByTier(
  amount: bigint,
  tiers: PayRule['tiers'],
): { hundredthsOfFen: bigint; tiers: CommissionTierDetail[] } {
  let hundredthsOfFen = 0n;
  const details: CommissionTierDetail[] = [];
  tiers.forEach((tier, index) => {
    const next = tiers[index + 1];
    const floor = BigInt(tier.fromYuan);
    if (amount <= floor) return;
    const ceiling = next === undefined ? amount : BigInt(next.fromYuan);
    const portion = smaller(amount, ceiling) - floor;
    hundredthsOfFen += portion * BigInt(tier.rateBasisPoints);
    details.push({
      fromYuan: tier.fromYuan,
      toYuan: next === undefined ? null : next.fromYuan,
      rateBasisPoints: tier.rateBasisPoints,
      portionYuan: toSafe(portion),
    });
  });
  return { hundredthsOfFen, tiers: details };
}

function later(a: Day, b: Day): Day {
  return a > b ? a : b;
}

function earlier(a: Day, b: Day): Day {
  return a < b ? a : b;
}

function smaller(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** numerator ÷ denominator rounded half up, for numerator ≥ 0 and denominator > 0. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** numerator ÷ denominator rounded up, for numerator ≥ 0 and denominator > 0. */
function divideUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`pay figure ${value} is beyond the safe integer range`);
  }
  return Number(value);
}
