/**
 * Which deliveries this process has already taken: a messenger that re-delivers a message (an
 * unacked Stream push, a replayed HTTP callback, a WeCom retry) finds its key here and the
 * message runs once. Kept in memory for `ttlMs` (longer than any platform's retry window), at
 * most `max` keys; a log is also protected across restarts by its request key in the database.
 */
export type Deliveries = { claim(key: string): boolean };

export function createDeliveries(options: { ttlMs: number; max: number; now?: () => number }): Deliveries {
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    claim(key) {
      const at = now();
      for (const [old, when] of seen) {
        if (at - when <= options.ttlMs && seen.size < options.max) break;
        seen.delete(old);
      }
      if (seen.has(key)) return false;
      seen.set(key, at);
      return true;
    },
  };
}
