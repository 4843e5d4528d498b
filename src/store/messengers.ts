import type { Root } from './tx.ts';

/** The messengers a team can work in. A store serves one of them (createStore). */
export const MESSENGER_NAMES = ['slack', 'dingtalk', 'wecom'] as const;
export type MessengerName = (typeof MESSENGER_NAMES)[number];

/**
 * What a deployment does at start with rows from before teams had a messenger: a deployment of
 * one messenger adopts them (adoptUnassigned); one of several cannot know which messenger they
 * came from (WeCom and DingTalk ids look alike), so it is told how to say it, and nothing is
 * guessed. Every later start finds nothing to adopt.
 */
export async function adoptAtStart(
  root: Root,
  messengers: readonly MessengerName[],
): Promise<{ adopted: number; by: MessengerName } | { problem: string }> {
  const [only, ...others] = messengers;
  if (only !== undefined && others.length === 0)
    return { adopted: await adoptUnassigned(root, only), by: only };
  const unassigned = await root.team.count({ where: { messenger: null } });
  const by = only ?? 'slack';
  if (unassigned === 0) return { adopted: 0, by };
  return {
    problem:
      `the database has ${unassigned} team(s) from before teams had a messenger, and ${messengers.join(', ')} are configured: ` +
      'start once with the settings of the messenger they came from alone (it takes them), then with all',
  };
}

/**
 * Hands `messenger` what was written before teams were told apart by messenger (the migration
 * `messengers` left it NULL): teams, their members, org admins and the org's settings. Such a
 * database served one messenger, which adopts all of it, once. Returns how many teams it took.
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
