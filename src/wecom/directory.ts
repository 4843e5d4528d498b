import type { Store } from '../store/store.ts';
import type { Directory, Profile } from '../usecases/context.ts';
import type { WeComApi } from './api.ts';

/**
 * Names for WeCom people: the roster's, else one contact API call (user/get, cached by the API
 * client; WeCom still returns the name for members in the app's visible range). WeCom tells no
 * language: a person reads the team's default until they choose one with `/lang`.
 */
export type WeComDirectory = Directory & { names(ids: readonly string[]): Promise<Map<string, string>> };

export function createWeComDirectory(api: WeComApi, store: Store): WeComDirectory {
  async function nameOf(userId: string): Promise<string> {
    const member = await store.roster.memberByMessengerId(userId);
    if (member !== undefined) return member.displayName;
    return (await api.getUserName(userId).catch(() => undefined)) ?? userId;
  }
  return {
    async profile(userId): Promise<Profile> {
      return { displayName: await nameOf(userId), locale: undefined };
    },
    async names(ids) {
      return new Map(await Promise.all(ids.map(async (id) => [id, await nameOf(id)] as const)));
    },
  };
}
