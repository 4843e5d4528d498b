import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { METRICS } from '../domain/metrics.ts';
import type { LogWrite } from '../usecases/log-activity.ts';

/**
 * The payload of the Confirm / Cancel buttons: the command to save, with its day written out
 * exactly (so a confirmation clicked after midnight still logs the day that was meant) and a
 * token that becomes the entry's request key, so a double click saves once. Parsed with zod
 * when it comes back, like any input from outside.
 */
const valuesSchema = z
  .object(Object.fromEntries(METRICS.map((m) => [m, z.number().int().safe().optional()])))
  .strict();
const daySchema = z.object({
  kind: z.literal('date'),
  year: z.number().int(),
  month: z.number().int(),
  day: z.number().int(),
});

const payloadSchema = z.object({
  token: z.string().min(8).max(64),
  command: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('add'),
      day: daySchema,
      memberRef: z.string().optional(),
      values: valuesSchema,
    }),
    z.object({
      kind: z.literal('set'),
      day: daySchema,
      memberRef: z.string().optional(),
      values: valuesSchema,
    }),
    z.object({ kind: z.literal('undo'), day: daySchema, memberRef: z.string().optional() }),
  ]),
});

export type Confirmation = { token: string; command: LogWrite };

export function encodeConfirmation(command: LogWrite): string {
  return JSON.stringify({ token: randomUUID(), command });
}

export function decodeConfirmation(value: string | undefined): Confirmation | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
