import type { Tx } from './tx.ts';

/** A team's wallboard link as the use cases see it (the token only for showing it to a manager). */
export type WallLinkView = { id: number; teamId: number; token: string; createdAt: Date };

const SELECT = { id: true, teamId: true, token: true, createdAt: true } as const;

/** Wallboard links (大屏): at most one live per team, found by the token's hash. */
export function wallRepository(db: Tx) {
  return {
    async liveOfTeam(teamId: number): Promise<WallLinkView | undefined> {
      return (await db.wallLink.findUnique({ where: { liveTeamId: teamId }, select: SELECT })) ?? undefined;
    },

    /** The live link with this token hash; a revoked or unknown one is undefined. */
    async liveByHash(tokenHash: string): Promise<WallLinkView | undefined> {
      const row = await db.wallLink.findUnique({
        where: { tokenHash },
        select: { ...SELECT, liveTeamId: true },
      });
      if (row === null || row.liveTeamId === null) return undefined;
      return { id: row.id, teamId: row.teamId, token: row.token, createdAt: row.createdAt };
    },

    /** Creates the team's live link; throws a unique violation when the team already has one. */
    async create(link: { teamId: number; token: string; tokenHash: string; createdBy: string; at: Date }) {
      return db.wallLink.create({
        data: {
          teamId: link.teamId,
          token: link.token,
          tokenHash: link.tokenHash,
          liveTeamId: link.teamId,
          createdBy: link.createdBy,
          createdAt: link.at,
        },
        select: SELECT,
      });
    },

    /** Revokes the team's live link, if any; true when one was revoked. */
    async revokeLive(teamId: number, at: Date): Promise<boolean> {
      const { count } = await db.wallLink.updateMany({
        where: { liveTeamId: teamId },
        data: { liveTeamId: null, revokedAt: at },
      });
      return count > 0;
    },
  };
}

export type WallRepository = ReturnType<typeof wallRepository>;
