import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Directory, Profile } from '../usecases/context.ts';

type Entry = { profile: Profile; until: number };

/**
 * From how many people not yet known a lookup reads the whole workspace (users.list, up to 999
 * people a call) instead of asking users.info once each. users.info is rate-limited to about 100
 * calls a minute: a job's direct messages to 2,000 agents would wait twenty minutes on it.
 */
export const BULK_LOOKUP_FROM = 50;

const USERS_PAGE = z.looseObject({
  members: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string().optional(),
        real_name: z.string().optional(),
        locale: z.string().optional(),
        profile: z.looseObject({ display_name: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

type SlackUser = {
  name?: string | undefined;
  real_name?: string | undefined;
  locale?: string | undefined;
  profile?: { display_name?: string | undefined } | undefined;
};

function profileOf(userId: string, user: SlackUser | undefined): Profile {
  return {
    displayName: user?.profile?.display_name || user?.real_name || user?.name || userId,
    locale: user?.locale,
  };
}

export type SlackDirectory = Directory & {
  /**
   * Learns in advance about people about to be messaged: when at least BULK_LOOKUP_FROM of them
   * are not known yet, from pages of users.list. Never fails: whoever it could not learn about is
   * looked up one by one by `profile`, as before.
   */
  prefetch(userIds: readonly string[]): Promise<void>;
};

/**
 * Names and languages of Slack users, from users.info (include_locale), cached for an hour so
 * that a busy 18:00 does not call Slack once per command. When Slack cannot answer, the user id
 * stands in for the name and the team's default language is used: a reply is never blocked on it.
 */
export function createSlackDirectory(
  client: WebClient,
  options: { ttlMs?: number; now?: () => number } = {},
): SlackDirectory {
  const ttl = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();
  const known = (userId: string) => (cache.get(userId)?.until ?? 0) > now();

  return {
    async profile(userId: string): Promise<Profile> {
      const cached = cache.get(userId);
      if (cached !== undefined && cached.until > now()) return cached.profile;
      try {
        const answer = await client.users.info({ user: userId, include_locale: true });
        const profile = profileOf(userId, answer.user);
        cache.set(userId, { profile, until: now() + ttl });
        return profile;
      } catch {
        return { displayName: userId, locale: undefined };
      }
    },

    async prefetch(userIds: readonly string[]): Promise<void> {
      if (new Set(userIds.filter((id) => !known(id))).size < BULK_LOOKUP_FROM) return;
      try {
        // The Web API client waits out a 429 (users.list allows about 20 calls a minute).
        for await (const page of client.paginate('users.list', { limit: 999, include_locale: true })) {
          const until = now() + ttl;
          for (const user of USERS_PAGE.parse(page).members ?? [])
            cache.set(user.id, { profile: profileOf(user.id, user), until });
        }
      } catch {
        // Those not learned here are looked up one by one when their message is written.
      }
    },
  };
}
