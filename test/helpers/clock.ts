import type { Clock } from '../../src/clock.ts';

/** A clock a test moves by hand (`set`), for stories that span days. */
export function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at);
    },
  };
}
