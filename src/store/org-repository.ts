import type { Tx } from './tx.ts';

/** The deployment's own settings and its org admins (beyond ZHANBAO_ADMINS). */
export function orgRepository(db: Tx) {
  return {
    async isAdmin(messengerUserId: string): Promise<boolean> {
      return (await db.orgAdmin.findUnique({ where: { messengerUserId }, select: { id: true } })) !== null;
    },

    async admins(): Promise<string[]> {
      const rows = await db.orgAdmin.findMany({ select: { messengerUserId: true }, orderBy: { id: 'asc' } });
      return rows.map((row) => row.messengerUserId);
    },

    /** False when they already were one. */
    async addAdmin(messengerUserId: string, grantedBy: string): Promise<boolean> {
      const { count } = await db.orgAdmin.deleteMany({ where: { messengerUserId } });
      await db.orgAdmin.create({ data: { messengerUserId, grantedBy } });
      return count === 0;
    },

    /** False when they were not one. */
    async removeAdmin(messengerUserId: string): Promise<boolean> {
      const { count } = await db.orgAdmin.deleteMany({ where: { messengerUserId } });
      return count > 0;
    },

    async channel(): Promise<string | undefined> {
      return (
        (await db.org.findUnique({ where: { id: 1 }, select: { pkChannelId: true } }))?.pkChannelId ??
        undefined
      );
    },

    async setChannel(channelId: string): Promise<void> {
      await db.org.upsert({
        where: { id: 1 },
        create: { id: 1, pkChannelId: channelId },
        update: { pkChannelId: channelId },
      });
    },
  };
}

export type OrgRepository = ReturnType<typeof orgRepository>;
