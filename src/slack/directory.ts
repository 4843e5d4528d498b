import type { WebClient } from '@slack/web-api';
import type { Profile } from '../usecases/context.ts';

type Entry = { profile: Profile; until: number };

/**
 * Names and languages of Slack users, from users.info (include_locale), cached for an hour so
 * that a busy 18:00 does not call Slack once per command. When Slack cannot answer, the user id
 * stands in for the name and the team's default language is used: a reply is never blocked on it.
 */
export function createSlackDirectory(
  client: WebClient,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttl = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();

  return {
    async profile(userId: string): Promise<Profile> {
      const cached = cache.get(userId);
      if (cached !== undefined && cached.until > now()) return cached.profile;
      try {
        const answer = await client.users.info({ user: userId, include_locale: true });
        const user = answer.user;
        const displayName = user?.profile?.display_name || user?.real_name || user?.name || userId;
        const profile = { displayName, locale: user?.locale };
        cache.set(userId, { profile, until: now() + ttl });
        return profile;
      } catch {
        return { displayName: userId, locale: undefined };
      }
    },
  };
}
