/** Prisma's code for a unique-constraint violation: the row is already there (a claim was taken). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
