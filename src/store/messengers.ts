import type { Root } from './tx.ts';

/** The messengers a team can work in. A store serves one of them (createStore). */
export const MESSENGER_NAMES = ['slack', 'dingtalk', 'wecom'] as const;
export type MessengerName = (typeof MESSENGER_NAMES)[number];

/**
 * Hands `messenger` what was written before teams were told apart by messenger (the migration
 * `messengers` left it NULL): teams, their members, org admins and the org's settings. Such a
 * database served one messenger, so the deployment's messenger (main.ts: its only one, or Slack,
 * the first the product ran on) adopts all of it, once; later starts find nothing to adopt.
 * Returns how many teams it took.
 */
export async function adoptUnassigned(root: Root, messenger: MessengerName): Promise<number> {
  return root.$transaction(async (tx) => {
    await tx.member.updateMany({
      where: { messenger: null, team: { OR: [{ messenger: null }, { messenger }] } },
      data: { messenger },
    });
    const { count } = await tx.team.updateMany({ where: { messenger: null }, data: { messenger } });
    await tx.orgAdmin.updateMany({ where: { messenger: null }, data: { messenger } });
    const ownOrg = await tx.org.findUnique({ where: { messenger }, select: { id: true } });
    // Settings made on this messenger since win over the older ones.
    if (ownOrg === null) await tx.org.updateMany({ where: { messenger: null }, data: { messenger } });
    else await tx.org.deleteMany({ where: { messenger: null } });
    return count;
  });
}
