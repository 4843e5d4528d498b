import { z } from 'zod';
import { type Day, parseDay } from '../domain/days.ts';

/**
 * The payload of a morning-question button: the day the visits are for and the count tapped.
 * Parsed with zod when it comes back, like any input from outside.
 */
const payloadSchema = z.object({
  day: z.string().transform((text, ctx): Day => {
    const day = parseDay(text);
    if (day === undefined) ctx.addIssue({ code: 'custom', message: `not a day: ${text}` });
    return day ?? z.NEVER;
  }),
  visits: z.number().int().nonnegative().max(1000),
});

export type VisitsAnswer = { day: Day; visits: number };

export function encodeVisitsAnswer(answer: VisitsAnswer): string {
  return JSON.stringify(answer);
}

export function decodeVisitsAnswer(value: string): VisitsAnswer | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
