import type { z } from 'zod';

/** JSON text columns are a boundary: parsed with zod once, here, and never trusted raw. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${column} holds text that is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${column} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
