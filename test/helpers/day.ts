import { type Day, parseDay } from '../../src/domain/days.ts';

/** A Day from a literal in a test; a typo fails loudly instead of yielding undefined. */
export function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new Error(`not a valid test day: ${text}`);
  return parsed;
}
