import { createHash, randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../store/unique.ts';
import type { WallLinkView } from '../store/wall-repository.ts';
import { identifyActor, requireRosterAdmin, type UseCaseDeps } from './context.ts';

/**
 * The office wallboard's link (`/team wall`): managers, the director and (org) admins get the
 * team's live link, made on first asking; `reset` revokes it and makes another, for when the old
 * one went where it should not. The page shows no pay and nothing private, so a link is a
 * bearer token: 192 random bits, URL-safe, and found by its hash (wallTokenHash).
 */
export const WALL_PATH = '/wall';

/** 24 random bytes are 32 base64url characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newWallToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token's SHA-256 in hex: what the store looks links up by. */
export function wallTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isWallToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

export type WallLinkOutcome = {
  /** The page's path, `/wall/<token>`. */
  path: string;
  /** The full address when ZHANBAO_PUBLIC_URL is set, else undefined (the path is relative). */
  url: string | undefined;
  /** A new link was made by this request (first asking, or reset). */
  created: boolean;
  /** An old link was revoked by this request. */
  revoked: boolean;
};

export async function getWallLink(
  deps: UseCaseDeps,
  options: { actorId: string; reset: boolean },
): Promise<WallLinkOutcome> {
  const attempt = () =>
    deps.store.transaction(async (repos) => {
      const acting = await identifyActor(repos, deps, options.actorId);
      requireRosterAdmin(acting);
      const teamId = acting.team.id;
      const now = deps.clock.now();
      const revoked = options.reset ? await repos.wall.revokeLive(teamId, now) : false;
      const live = revoked ? undefined : await repos.wall.liveOfTeam(teamId);
      if (live !== undefined) return { link: live, created: false, revoked };
      const token = newWallToken();
      const link = await repos.wall.create({
        teamId,
        token,
        tokenHash: wallTokenHash(token),
        createdBy: options.actorId,
        at: now,
      });
      await repos.audit.append({
        teamId,
        actor: options.actorId,
        action: revoked ? 'wall.reset' : 'wall.created',
      });
      return { link, created: true, revoked };
    });
  let result: { link: WallLinkView; created: boolean; revoked: boolean };
  try {
    result = await attempt();
  } catch (error) {
    // Two managers asked at once and the other one made the team's link: show that one.
    if (!isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  if (result.revoked) deps.events?.publish({ kind: 'wall-revoked', teamId: result.link.teamId });
  const path = `${WALL_PATH}/${result.link.token}`;
  return {
    path,
    url: deps.publicUrl === undefined ? undefined : `${deps.publicUrl.replace(/\/+$/, '')}${path}`,
    created: result.created,
    revoked: result.revoked,
  };
}

/** The team a wallboard token opens, or undefined for a token unknown or revoked. */
export async function teamOfWallToken(deps: UseCaseDeps, token: string): Promise<number | undefined> {
  if (!isWallToken(token)) return undefined;
  return (await deps.store.wall.liveByHash(wallTokenHash(token)))?.teamId;
}
