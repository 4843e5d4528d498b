/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo data needs. Seeded so
 * that the same seed gives the same team, figures and screenshots on every machine.
 */
export type Random = () => number;

/** mulberry32: 32-bit state, uniform in [0, 1); plenty for demo data, not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number from `min` to `max`, both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A real number from `min` (included) to `max` (excluded). */
export function uniform(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight: `[['A1', 3], ['S1', 1]]` gives A1 three times out of four. */
export function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [item, weight] of choices) {
    draw -= weight;
    if (draw < 0) return item;
  }
  const last = choices.at(-1);
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}
