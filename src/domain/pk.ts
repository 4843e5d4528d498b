/**
 * PK (小组PK): scoring members and groups on a period's figures and ranking them. Pure: the figures,
 * the roster's on-duty flags and the weights come in; standings come out.
 *
 * Exactness: counts and yuan are integers, weights are whole points, and `amount` earns its weight
 * per 10,000 CNY pro rata (5,000 CNY at 20 points per 10,000 = 10 points; 1 CNY = 0.002 points). So
 * every score is a whole number of 1/10,000 points, which we hold as a bigint ("scaled points") for
 * all sums and comparisons: nothing is floored, a group's points are exactly the sum of its members'
 * points, and amounts beyond 2^53 / 20 CNY rank correctly. Numbers handed out are for display.
 */
import { addTotalsInto, type MetricTotals, ZERO_TOTALS } from './metrics.ts';

/**
 * Points per unit of each metric, except `amount`: points per 10,000 CNY of 业绩. Whole numbers
 * (negative allowed, e.g. a penalty); a fractional weight is a programming error (RangeError).
 */
export type PkWeights = MetricTotals;

/**
 * The plan's default PK weights: each 10,000 CNY of 业绩 is worth 20 points, an appointment 10. A
 * visit (到访, an appointment that showed) is worth 15: more than the booking, since a customer in
 * the office is most of the way to a loan, and less than the 20 of ¥10,000 it may become. Teams
 * whose settings predate the metric read this default (settings merge over the defaults).
 */
export const DEFAULT_PK_WEIGHTS: PkWeights = {
  calls: 0,
  effective: 1,
  intents: 5,
  followUps: 2,
  appointments: 10,
  visits: 15,
  amount: 20,
};

/** The amount weight is per this many CNY. */
export const PK_AMOUNT_UNIT_CNY = 10_000;

const SCALE = BigInt(PK_AMOUNT_UNIT_CNY);

/**
 * A member's points: Σ count × weight over the six counts, plus amount × weight / 10,000. Exact as
 * a rational; returned as the nearest number (at most four decimals, e.g. 12.002). Display with
 * one decimal; rank with rankMembers, which compares exactly.
 */
export function memberPoints(totals: MetricTotals, weights: PkWeights): number {
  return toDisplayPoints(scaledPoints(totals, weights));
}

export type MemberStanding = {
  memberId: number;
  name: string;
  /** 1-based competition rank (1, 1, 3): members with equal points, amount and intents share it. */
  rank: number;
  totals: MetricTotals;
  /** As memberPoints. */
  points: number;
};

/**
 * Each name's place in zh-CN collation order; names the collator finds equal share a place. It is
 * rankMembers' last tie-break worked out ahead: the collator is a thousand times slower than a
 * comparison of numbers, and on a daily board most members share their score with someone (10,000
 * names sort in ~12 ms). A caller that ranks the same roster again and again works it out once.
 */
export type NameOrder = ReadonlyMap<string, number>;

export function nameOrderOf(names: Iterable<string>): NameOrder {
  const sorted = [...new Set(names)].sort(NAME_ORDER.compare);
  const order = new Map<string, number>();
  let place = 0;
  sorted.forEach((name, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && NAME_ORDER.compare(previous, name) !== 0) place = index;
    order.set(name, place);
  });
  return order;
}

/**
 * Ranks members by points desc; ties by total 业绩 (amount) desc, then intents desc. Members equal
 * on all three share a rank and are listed by name (zh-CN collation), then memberId. `names` is
 * that collation worked out ahead (nameOrderOf); without it, or when it lacks a name, it is worked
 * out here from the members' names.
 */
export function rankMembers(
  members: ReadonlyArray<{ memberId: number; name: string; totals: MetricTotals }>,
  weights: PkWeights,
  names?: NameOrder,
): MemberStanding[] {
  // The usual case, ranked with plain numbers: every score is an exact integer in a double (below
  // 2^53), so the ranking is the one the bigints give, without 10,000 members' worth of bigints.
  const fast: ExactEntry[] = [];
  for (const member of members) {
    const points = scaledPointsIfSafe(member.totals, weights);
    if (points === undefined) return rankMembersBig(members, weights);
    // Within scaledPointsIfSafe's bounds, amount and intents are whole numbers too.
    fast.push({
      member,
      points,
      amount: member.totals.amount,
      intents: member.totals.intents,
      place: names?.get(member.name) ?? -1,
    });
  }
  if (names === undefined || fast.some((entry) => entry.place < 0)) {
    const order = nameOrderOf(members.map((member) => member.name));
    for (const entry of fast) entry.place = order.get(entry.member.name) ?? 0;
  }
  return rankMembersExactly(fast);
}

type ExactEntry = {
  member: { memberId: number; name: string; totals: MetricTotals };
  /** scaledPoints as a safe integer. */
  points: number;
  amount: number;
  intents: number;
  /** The name's place in collation order (nameOrderOf); -1 until known. */
  place: number;
};

/** rankMembers on scores known to be exact, as plain numbers. */
function rankMembersExactly(scored: ExactEntry[]): MemberStanding[] {
  // Flat entries and a comparator on plain numbers: 10,000 members are sorted on every board.
  const compare = (a: ExactEntry, b: ExactEntry) =>
    b.points - a.points || b.amount - a.amount || b.intents - a.intents;
  scored.sort((a, b) => compare(a, b) || a.place - b.place || a.member.memberId - b.member.memberId);
  const ranks = competitionRanks(scored, (a, b) => compare(a, b) === 0);
  return scored.map(({ member, points }, index) => ({
    memberId: member.memberId,
    name: member.name,
    rank: ranks[index] ?? index + 1,
    totals: member.totals,
    points: points / PK_AMOUNT_UNIT_CNY,
  }));
}

/** rankMembers with bigints, for scores beyond what a double holds exactly (or not whole: it throws). */
function rankMembersBig(
  members: ReadonlyArray<{ memberId: number; name: string; totals: MetricTotals }>,
  weights: PkWeights,
): MemberStanding[] {
  const scored = members.map((member) => ({
    member,
    key: {
      points: scaledPoints(member.totals, weights),
      amount: whole(member.totals.amount, 'amount'),
      intents: whole(member.totals.intents, 'intents'),
    },
  }));
  scored.sort(
    (a, b) =>
      compareKeys(a.key, b.key) ||
      NAME_ORDER.compare(a.member.name, b.member.name) ||
      a.member.memberId - b.member.memberId,
  );
  const ranks = competitionRanks(scored, (a, b) => compareKeys(a.key, b.key) === 0);
  return scored.map(({ member, key }, index) => ({
    memberId: member.memberId,
    name: member.name,
    rank: ranks[index] ?? index + 1,
    totals: member.totals,
    points: toDisplayPoints(key.points),
  }));
}

export type PkGroupInput = {
  groupId: number;
  name: string;
  /**
   * Everyone in the group, probation members included; `onDuty: false` (on leave, left) is ignored.
   * `dutyDays` (default 1) is how many of the period's working days the member was on duty: a member
   * who joined on Wednesday counts as 3/5 of a person in the weekly PK, so a group is not punished
   * for hiring mid-week. For a daily PK every member on duty counts 1.
   */
  members: ReadonlyArray<{ memberId: number; onDuty: boolean; dutyDays?: number; totals: MetricTotals }>;
};

export type GroupStanding = {
  groupId: number;
  name: string;
  /** 1-based competition rank (1, 1, 3): shared only when equal after every tie-break. */
  rank: number;
  /** Members on duty for at least one day of the period. */
  headcount: number;
  /** Sum over members on duty. */
  totals: MetricTotals;
  /** Sum of the on-duty members' points (as memberPoints). */
  points: number;
  /**
   * Points per full-time member: points × periodDays / Σ dutyDays (= points / headcount when everyone
   * was on duty all period), rounded half away from zero to 1 decimal, for display; 0 when empty.
   */
  perCapita: number;
  /**
   * The full-time people per-capita divides by: Σ dutyDays / periodDays, rounded half away from
   * zero to 1 decimal (two members who joined on the 3rd working day of a 3-day week: 0.7).
   * Equal to headcount when everyone was on duty all period; shown beside it when not.
   */
  equivalent: number;
  /**
   * Per-capita points this group is behind the nearest group with a better rank, computed exactly
   * and then rounded to 1 decimal (so it can differ by 0.1 from the difference of the rounded
   * perCapita values). 0 when it lost on 业绩 or intents only; undefined for groups ranked 1st.
   */
  gapToAbove: number | undefined;
};

/**
 * Ranks groups by per-capita points (points / members on duty) desc, compared exactly by
 * cross-multiplying; ties by total 业绩 (amount) desc, then total intents desc. Groups equal on all
 * three share a rank and are listed by name (zh-CN collation), then groupId. A group with nobody on
 * duty has perCapita 0 and ranks after every group with someone on duty, whatever their scores
 * (an empty group has not competed); empty groups share the last rank among themselves.
 */
export function rankGroups(input: {
  groups: ReadonlyArray<PkGroupInput>;
  weights: PkWeights;
  /** Working days of the period (1 for a daily PK); the scale of `dutyDays`. */
  periodDays?: number;
}): GroupStanding[] {
  const periodDays = whole(input.periodDays ?? 1, 'periodDays');
  const scored = input.groups.map((group) => {
    const onDuty = group.members.filter((member) => member.onDuty && (member.dutyDays ?? 1) > 0);
    let dutyDays = 0n;
    for (const member of onDuty) dutyDays += whole(member.dutyDays ?? 1, 'dutyDays');
    const { points, amount, intents } =
      groupSumsIfSafe(onDuty, input.weights) ?? groupSumsExactly(onDuty, input.weights);
    const totals = { ...ZERO_TOTALS };
    for (const member of onDuty) addTotalsInto(totals, member.totals);
    // `units` is the divisor of per-capita points, in member-days; every group shares periodDays,
    // so comparing points / units across groups is comparing points per full-time member.
    return { group, members: onDuty.length, units: dutyDays, points, amount, intents, totals };
  });
  type Scored = (typeof scored)[number];

  const compareStanding = (a: Scored, b: Scored): number => {
    if (a.units === 0n || b.units === 0n) {
      if (a.units !== b.units) return a.units === 0n ? 1 : -1;
    } else {
      // a.points / a.units vs b.points / b.units with positive units.
      const perCapita = compareBig(b.points * a.units, a.points * b.units);
      if (perCapita !== 0) return perCapita;
    }
    return compareBig(b.amount, a.amount) || compareBig(b.intents, a.intents);
  };

  scored.sort(
    (a, b) =>
      compareStanding(a, b) ||
      NAME_ORDER.compare(a.group.name, b.group.name) ||
      a.group.groupId - b.group.groupId,
  );
  const ranks = competitionRanks(scored, (a, b) => compareStanding(a, b) === 0);

  return scored.map((entry, index) => {
    const rank = ranks[index] ?? index + 1;
    // With competition ranks the block of rank r starts at index r - 1, so index r - 2 is the
    // nearest group with a better rank.
    const above = rank > 1 ? scored[rank - 2] : undefined;
    return {
      groupId: entry.group.groupId,
      name: entry.group.name,
      rank,
      headcount: entry.members,
      totals: entry.totals,
      points: toDisplayPoints(entry.points),
      perCapita: entry.units === 0n ? 0 : tenths(entry.points * periodDays, entry.units),
      equivalent: Number(roundDiv(entry.units * 10n, periodDays)) / 10,
      gapToAbove: above === undefined ? undefined : gapTenths(above, entry, periodDays),
    };
  });
}

type GroupSums = { points: bigint; amount: bigint; intents: bigint };

function groupSumsExactly(members: ReadonlyArray<{ totals: MetricTotals }>, weights: PkWeights): GroupSums {
  let points = 0n;
  let amount = 0n;
  let intents = 0n;
  for (const member of members) {
    points += scaledPoints(member.totals, weights);
    amount += whole(member.totals.amount, 'amount');
    intents += whole(member.totals.intents, 'intents');
  }
  return { points, amount, intents };
}

/**
 * groupSumsExactly with plain numbers while every score and every running sum is a safe integer
 * (a group of ten has ten scores, not 10,000 bigints); undefined as soon as one is not, and the
 * exact path then decides.
 */
function groupSumsIfSafe(
  members: ReadonlyArray<{ totals: MetricTotals }>,
  weights: PkWeights,
): GroupSums | undefined {
  let points = 0;
  let amount = 0;
  let intents = 0;
  for (const member of members) {
    const scaled = scaledPointsIfSafe(member.totals, weights);
    if (scaled === undefined) return undefined;
    points += scaled;
    amount += member.totals.amount;
    intents += member.totals.intents;
    if (!Number.isSafeInteger(points) || !Number.isSafeInteger(amount) || !Number.isSafeInteger(intents))
      return undefined;
  }
  return { points: BigInt(points), amount: BigInt(amount), intents: BigInt(intents) };
}

export type GroupStreak = {
  groupId: number;
  /** Periods won (a shared first place counts for each co-winner). */
  wins: number;
  /** Consecutive periods won ending with the last period listed; 0 if it did not win that one. */
  currentStreak: number;
  longestStreak: number;
};

/**
 * Win counts and streaks from the PK winners of successive periods, oldest first. Consecutive
 * entries with the same `period` are co-winners of that period. Only periods that had a PK are
 * listed: a period left out (a Spring Festival week) does not break a streak. Sorted by wins desc,
 * then longest streak desc, then groupId.
 */
export function streaks(winners: ReadonlyArray<{ period: string; groupId: number }>): GroupStreak[] {
  const byGroup = new Map<number, { wins: number; run: number; longest: number; lastWon: number }>();
  let periodIndex = -1;
  let previousPeriod: string | undefined;
  for (const { period, groupId } of winners) {
    if (period !== previousPeriod) {
      periodIndex += 1;
      previousPeriod = period;
    }
    const stats = byGroup.get(groupId) ?? { wins: 0, run: 0, longest: 0, lastWon: -2 };
    if (stats.lastWon === periodIndex) continue; // listed twice for one period
    stats.run = stats.lastWon === periodIndex - 1 ? stats.run + 1 : 1;
    stats.wins += 1;
    stats.longest = Math.max(stats.longest, stats.run);
    stats.lastWon = periodIndex;
    byGroup.set(groupId, stats);
  }
  return [...byGroup]
    .map(([groupId, stats]) => ({
      groupId,
      wins: stats.wins,
      currentStreak: stats.lastWon === periodIndex ? stats.run : 0,
      longestStreak: stats.longest,
    }))
    .sort((a, b) => b.wins - a.wins || b.longestStreak - a.longestStreak || a.groupId - b.groupId);
}

const NAME_ORDER = new Intl.Collator('zh-CN');

/** Points × 10,000, exactly. */
function scaledPoints(totals: MetricTotals, weights: PkWeights): bigint {
  const fast = scaledPointsIfSafe(totals, weights);
  return fast === undefined ? scaledPointsBig(totals, weights) : BigInt(fast);
}

/**
 * Points × 10,000 with plain numbers, or undefined outside the bounds below (or for a value that is
 * not whole): the bigint path then decides, and throws what it throws. Within the bounds every
 * product and sum stays below 2^53, where a double holds each integer exactly: six counts of at
 * most 2^24 (16 million) times weights of at most 2^10 sum to under 2^37, times 10,000 under 2^51;
 * 业绩 of at most 2^40 yuan times its weight is under 2^50.
 */
function scaledPointsIfSafe(totals: MetricTotals, weights: PkWeights): number | undefined {
  for (const metric of COUNT_METRICS) {
    if (!withinBound(totals[metric], COUNT_BOUND) || !withinBound(weights[metric], WEIGHT_BOUND))
      return undefined;
  }
  if (!withinBound(totals.amount, AMOUNT_BOUND) || !withinBound(weights.amount, WEIGHT_BOUND))
    return undefined;
  const counts =
    totals.calls * weights.calls +
    totals.effective * weights.effective +
    totals.intents * weights.intents +
    totals.followUps * weights.followUps +
    totals.appointments * weights.appointments +
    totals.visits * weights.visits;
  return counts * PK_AMOUNT_UNIT_CNY + totals.amount * weights.amount;
}

const COUNT_METRICS = ['calls', 'effective', 'intents', 'followUps', 'appointments', 'visits'] as const;
const COUNT_BOUND = 2 ** 24;
const WEIGHT_BOUND = 2 ** 10;
const AMOUNT_BOUND = 2 ** 40;

function withinBound(value: number, bound: number): boolean {
  return Number.isInteger(value) && value <= bound && value >= -bound;
}

function scaledPointsBig(totals: MetricTotals, weights: PkWeights): bigint {
  return (
    (whole(totals.calls, 'calls') * whole(weights.calls, 'calls weight') +
      whole(totals.effective, 'effective') * whole(weights.effective, 'effective weight') +
      whole(totals.intents, 'intents') * whole(weights.intents, 'intents weight') +
      whole(totals.followUps, 'followUps') * whole(weights.followUps, 'followUps weight') +
      whole(totals.appointments, 'appointments') * whole(weights.appointments, 'appointments weight') +
      whole(totals.visits, 'visits') * whole(weights.visits, 'visits weight')) *
      SCALE +
    whole(totals.amount, 'amount') * whole(weights.amount, 'amount weight')
  );
}

function whole(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`PK ${what} must be a whole number, got ${value}`);
  return BigInt(value);
}

function toDisplayPoints(scaled: bigint): number {
  return Number(scaled) / PK_AMOUNT_UNIT_CNY;
}

/** scaled / (divisor × 10,000) points, rounded to tenths; divisor > 0. */
function tenths(scaled: bigint, divisor: bigint): number {
  return Number(roundDiv(scaled * 10n, divisor * SCALE)) / 10;
}

function gapTenths(
  above: { points: bigint; units: bigint },
  below: { points: bigint; units: bigint },
  periodDays: bigint,
): number {
  // (above.points/above.units − below.points/below.units) × periodDays, an empty group counting as 0.
  const aboveUnits = above.units === 0n ? 1n : above.units;
  const belowUnits = below.units === 0n ? 1n : below.units;
  const abovePoints = above.units === 0n ? 0n : above.points;
  const belowPoints = below.units === 0n ? 0n : below.points;
  return tenths((abovePoints * belowUnits - belowPoints * aboveUnits) * periodDays, aboveUnits * belowUnits);
}

/** n / d rounded half away from zero; d > 0. */
function roundDiv(n: bigint, d: bigint): bigint {
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return n < 0n ? -magnitude : magnitude;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(
  a: { points: bigint; amount: bigint; intents: bigint },
  b: { points: bigint; amount: bigint; intents: bigint },
): number {
  return compareBig(b.points, a.points) || compareBig(b.amount, a.amount) || compareBig(b.intents, a.intents);
}

/** Competition ranks (1, 1, 3) of an already sorted list. */
function competitionRanks<T>(sorted: readonly T[], tied: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    const previousRank = ranks[index - 1];
    ranks.push(
      previous !== undefined && previousRank !== undefined && tied(previous, item) ? previousRank : index + 1,
    );
  });
  return ranks;
}
