import type { MessengerName } from './messengers.ts';
import type { Tx } from './tx.ts';

/** The organisation's settings on one messenger and its org admins there (beyond ZHANBAO_ADMINS). */
export function orgRepository(db: Tx, messenger: MessengerName) {
  return {
    async isAdmin(messengerUserId: string): Promise<boolean> {
      return (
        (await db.orgAdmin.findFirst({ where: { messenger, messengerUserId }, select: { id: true } })) !==
        null
      );
    },

    async admins(): Promise<string[]> {
      const rows = await db.orgAdmin.findMany({
        where: { messenger },
        select: { messengerUserId: true },
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => row.messengerUserId);
    },

    /** False when they already were one. */
    async addAdmin(messengerUserId: string, grantedBy: string): Promise<boolean> {
      const { count } = await db.orgAdmin.deleteMany({ where: { messenger, messengerUserId } });
      await db.orgAdmin.create({ data: { messenger, messengerUserId, grantedBy } });
      return count === 0;
    },

    /** False when they were not one. */
    async removeAdmin(messengerUserId: string): Promise<boolean> {
      const { count } = await db.orgAdmin.deleteMany({ where: { messenger, messengerUserId } });
      return count > 0;
    },

    async channel(): Promise<string | undefined> {
      return (
        (await db.org.findUnique({ where: { messenger }, select: { pkChannelId: true } }))?.pkChannelId ??
        undefined
      );
    },

    async setChannel(channelId: string): Promise<void> {
      await db.org.upsert({
        where: { messenger },
        create: { messenger, pkChannelId: channelId },
        update: { pkChannelId: channelId },
      });
    },
  };
}

export type OrgRepository = ReturnType<typeof orgRepository>;
