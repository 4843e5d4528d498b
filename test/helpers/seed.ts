import type { Db } from '../../src/store/client.ts';
import type { MessengerName } from '../../src/store/messengers.ts';

/**
 * Writes a roster and activity straight into the store, for job tests that need a prepared
 * month of data rather than the way it was typed in (the /log tests cover that).
 */
export type SeedMember = {
  id: string;
  name: string;
  group?: string;
  role?: 'agent' | 'leader' | 'manager' | 'director';
  level?: string;
  hiredOn?: string;
  status?: 'active' | 'probation' | 'left';
  /** Their chosen language (default zh-CN); null: none chosen, their Slack locale decides. */
  locale?: string | null;
};

export async function seedTeam(
  prisma: Db,
  spec: {
    pkChannel?: string;
    groups: Array<{ name: string; channel?: string }>;
    members: SeedMember[];
    /** A team of this name (created beside the others when new); default: the first team. */
    team?: string;
    /**
     * The messenger of a team it creates: default that of the first team (the one the bot under
     * test made at start), else Slack. Members get their team's.
     */
    messenger?: MessengerName;
  },
): Promise<{ teamId: number; memberIds: Map<string, number>; groupIds: Map<string, number> }> {
  const first = await prisma.team.findFirst({ orderBy: { id: 'asc' } });
  const messenger = spec.messenger ?? first?.messenger ?? 'slack';
  const named =
    spec.team === undefined
      ? undefined
      : ((await prisma.team.findFirst({ where: { name: spec.team } })) ??
        (await prisma.team.create({
          data: {
            messenger,
            name: spec.team,
            timezone: 'Asia/Shanghai',
            locale: 'zh-CN',
            createdAt: new Date('2026-01-01T00:00:00+08:00'),
          },
        })));
  const team =
    named ??
    first ??
    (await prisma.team.create({
      // A fixed creation day (the default start of the team goals' ramp), not the machine's clock:
      // by November 2026 the team is mature (¥30,000,000 a month) whenever the tests run.
      data: {
        messenger,
        name: '电销团队',
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
        createdAt: new Date('2026-01-01T00:00:00+08:00'),
      },
    }));
  await prisma.team.update({ where: { id: team.id }, data: { pkChannelId: spec.pkChannel ?? null } });
  const groupIds = new Map<string, number>();
  for (const g of spec.groups) {
    const group = await prisma.group.create({
      data: { teamId: team.id, name: g.name, channelId: g.channel ?? null },
    });
    groupIds.set(g.name, group.id);
  }
  const memberIds = new Map<string, number>();
  for (const m of spec.members) {
    const member = await prisma.member.create({
      data: {
        teamId: team.id,
        messenger: team.messenger,
        messengerUserId: m.id,
        displayName: m.name,
        role: m.role ?? 'agent',
        status: m.status ?? 'active',
        groupId: m.group === undefined ? null : (groupIds.get(m.group) ?? null),
        level: m.level ?? 'A1',
        hiredOn: m.hiredOn ?? '2026-01-05',
        joinedOn: m.hiredOn ?? '2026-01-05',
        locale: m.locale === undefined ? 'zh-CN' : m.locale,
      },
    });
    memberIds.set(m.id, member.id);
    if (m.role === 'leader' && m.group !== undefined) {
      await prisma.group.update({
        where: { id: groupIds.get(m.group) ?? -1 },
        data: { leaderId: member.id },
      });
    }
  }
  return { teamId: team.id, memberIds, groupIds };
}

export async function seedEntries(
  prisma: Db,
  teamId: number,
  memberIds: Map<string, number>,
  entries: Array<{
    who: string;
    day: string;
    calls?: number;
    effective?: number;
    intents?: number;
    followUps?: number;
    appointments?: number;
    visits?: number;
    amount?: number;
  }>,
): Promise<void> {
  for (const { who, ...entry } of entries) {
    const memberId = memberIds.get(who);
    if (memberId === undefined) throw new Error(`seed: unknown member ${who}`);
    await prisma.activityEntry.create({
      data: { teamId, memberId, createdById: memberId, kind: 'add', source: 'import', ...entry },
    });
  }
}
