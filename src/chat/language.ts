import { localeFromTag, type Messages, messagesFor } from '../i18n/index.ts';
import type { ChatDeps } from './chat-deps.ts';

/**
 * A person's language, one rule for replies, direct messages and updated posts: a roster
 * member's own choice (`/lang`, first taken from their messenger profile when they were added),
 * else what their messenger profile says, else the team's default.
 */
export async function messagesForPerson(
  deps: Pick<ChatDeps, 'store' | 'directory' | 'defaultLocale'>,
  messengerUserId: string,
): Promise<Messages> {
  const member = await deps.store.roster.memberByMessengerId(messengerUserId);
  if (member !== undefined) return messagesFor(localeFromTag(member.locale, deps.defaultLocale));
  const profile = await deps.directory.profile(messengerUserId);
  return messagesFor(localeFromTag(profile.locale, deps.defaultLocale));
}
