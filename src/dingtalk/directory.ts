import type { Store } from '../store/store.ts';
import type { Directory, Profile } from '../usecases/context.ts';
import type { DingTalkApi } from './api.ts';

/**
 * Names for DingTalk people, spending as few metered API calls as possible: the name a callback
 * brought (`senderNick`, free), else the roster's name, else one contact API call
 * (topapi/v2/user/get, cached by the API client). DingTalk tells no language: a person reads the
 * team's default until they choose one with `/lang`.
 */
export type DingTalkDirectory = Directory & {
  remember(userId: string, nick: string | undefined): void;
  names(ids: readonly string[]): Promise<Map<string, string>>;
};

/** Far above any organisation's robot users; only a bound on memory. */
const MAX_NICKS = 10_000;

export function createDingTalkDirectory(api: DingTalkApi, store: Store): DingTalkDirectory {
  const nicks = new Map<string, string>();
  async function nameOf(userId: string): Promise<string> {
    const nick = nicks.get(userId);
    if (nick !== undefined) return nick;
    const member = await store.roster.memberByMessengerId(userId);
    if (member !== undefined) return member.displayName;
    return (await api.getUserName(userId).catch(() => undefined)) ?? userId;
  }
  return {
    remember(userId, nick) {
      if (nick === undefined || nick.trim() === '') return;
      if (nicks.size >= MAX_NICKS) nicks.clear();
      nicks.set(userId, nick.trim());
    },
    async profile(userId): Promise<Profile> {
      return { displayName: await nameOf(userId), locale: undefined };
    },
    async names(ids) {
      const entries = await Promise.all(ids.map(async (id) => [id, await nameOf(id)] as const));
      return new Map(entries);
    },
  };
}
