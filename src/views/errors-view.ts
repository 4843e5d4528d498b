import type { DomainError } from '../errors.ts';
import type { Messages } from '../i18n/index.ts';
import { mention } from './markup.ts';

/** A DomainError in the user's language; the `who` parameter holds a user id shown as a mention. */
export function renderDomainError(m: Messages, error: DomainError): string {
  const params = { ...error.params };
  if (typeof params.who === 'string') params.who = mention(params.who);
  return m.errors[error.code](params);
}
