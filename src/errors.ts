/**
 * Expected failures. A DomainError carries a code and the parameters its message needs; the text
 * the user reads comes from the i18n catalogue (`errors[code]`), so the same failure reads well in
 * Chinese and English, while `message` stays an English line for the logs.
 */
export const ERROR_CODES = [
  'not-permitted',
  'not-on-roster',
  'member-not-found',
  'member-exists',
  'member-left',
  'group-not-found',
  'group-exists',
  'unknown-level',
  'unknown-role',
  'bad-day',
  'bad-command',
  'leader-of-other-group',
  'log-not-your-member',
  'log-bad-date',
  'log-future-day',
  'log-day-too-old',
  'log-nothing-to-undo',
  'log-negative-total',
  'log-effective-above-calls',
  'stats-not-your-member',
  'probation-not-found',
  'probation-not-your-member',
  'probation-decided',
  'probation-item-done',
  'probation-drill-first',
  'probation-managers-only',
  'probation-self',
  'probation-items-open',
  'probation-extend-days',
  'level-not-your-member',
  'pay-not-permitted',
  'month-closed',
  'bad-month',
  'leave-not-your-member',
  'leave-range-order',
  'leave-too-long',
  'leave-too-old',
  'leave-overlap',
  'leave-not-found',
  'leave-self',
  'leave-not-approver',
  'leave-decided',
  'leave-none-on-day',
  'bad-goal-amount',
  'team-not-yours',
  'team-exists',
  'team-not-found',
  'org-admins-only',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
