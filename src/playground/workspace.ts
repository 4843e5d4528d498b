import { levelInfo } from '../domain/levels.ts';
import { type Locale, messagesFor } from '../i18n/index.ts';
import type { Store } from '../store/store.ts';

/**
 * The playground's stand-in Slack workspace: its fixed ids, the people in it (the roster, the
 * configured admins, and anyone the page @-mentions who is not on the roster yet), its channels,
 * and each person's language as chosen in the page. Names come from the roster, as users.info
 * would give them from Slack profiles.
 */
export const PLAYGROUND = {
  token: 'xoxb-playground',
  teamId: 'TPLAYGROUND',
  teamDomain: 'zhanbao-playground',
  appId: 'APLAYGROUND',
  bot: { userId: 'UZHANBAO', botId: 'BZHANBAO', name: '战报' },
  /** The admin the page offers while the roster is empty (ZHANBAO_ADMINS works as well). */
  admin: { userId: 'UPLAYADMIN', name: '管理员 Admin' },
  /** Name of the team's PK channel when the page did not create it under another name. */
  teamChannelName: 'pk榜',
  /** Every workspace has one channel everybody is in; commands can be typed there before any setup. */
  general: { id: 'CPLAYGENERAL', name: 'general' },
} as const;

/** The DM between a person and the bot: Slack gives each its own D… id; here it is derived. */
export const dmOf = (userId: string): string => `D${userId}`;

export type DirectoryPerson = {
  id: string;
  name: string;
  kind: 'member' | 'admin' | 'guest' | 'bot';
  role: string | null;
  roleLabel: string | null;
  status: string | null;
  statusLabel: string | null;
  levelLabel: string | null;
  group: string | null;
  locale: Locale;
};

export type DirectoryChannel = { id: string; name: string; kind: 'team' | 'group' | 'other' };

export type Workspace = ReturnType<typeof createWorkspace>;

/**
 * Who the fixed parties of a workspace are and how its new ids look: Slack's by default, the
 * DingTalk organisation's in the 钉钉 playground (src/playground/dingtalk/org.ts).
 */
export type WorkspaceIdentity = {
  bot: { userId: string; name: string };
  admin: { userId: string; name: string };
  /** The chat everybody is in, where commands work before any setup; WeCom's robots cannot read one. */
  general: { id: string; name: string } | undefined;
  teamChannelName: string;
  newPersonId(seq: number): string;
  newChannelId(seq: number): string;
};

export const SLACK_IDENTITY: WorkspaceIdentity = {
  bot: PLAYGROUND.bot,
  admin: PLAYGROUND.admin,
  general: PLAYGROUND.general,
  teamChannelName: PLAYGROUND.teamChannelName,
  newPersonId: (seq) => `UPLAY${String(seq).padStart(4, '0')}`,
  newChannelId: (seq) => `CPLAY${String(seq).padStart(4, '0')}`,
};

export function createWorkspace(options: {
  store: Store;
  defaultLocale: Locale;
  admins: readonly string[];
  identity?: WorkspaceIdentity;
}) {
  const identity = options.identity ?? SLACK_IDENTITY;
  const guests = new Map<string, string>();
  const extraChannels = new Map<string, string>();
  const locales = new Map<string, Locale>();
  let seq = 0;
  const nextId = (make: (seq: number) => string) => {
    seq += 1;
    return make(seq);
  };
  const adminIds = [...new Set([...options.admins, identity.admin.userId])];

  /**
   * Every team's roster (the demo has two branches, 分部): the first team's channels and groups
   * under their own names, a further team's with its name in front (二部 pk榜, 二部·甲组).
   */
  async function rosterOf() {
    const teams = await options.store.roster.teams();
    const rosters = await Promise.all(
      teams.map(async (team, index) => {
        const [members, groups] = await Promise.all([
          options.store.roster.members(team.id),
          options.store.roster.groups(team.id),
        ]);
        const prefix = index === 0 ? '' : `${team.name}·`;
        return { team, members, groups, prefix };
      }),
    );
    return {
      rosters,
      members: rosters.flatMap((r) => r.members),
      groups: rosters.flatMap((r) => r.groups.map((g) => ({ ...g, name: `${r.prefix}${g.name}` }))),
    };
  }

  const localeOf = (userId: string): Locale => locales.get(userId) ?? options.defaultLocale;

  return {
    localeOf,

    setLocale(userId: string, locale: Locale): void {
      locales.set(userId, locale);
    },

    /** A person's name as their Slack profile would show it, or undefined when nobody has that id. */
    async nameOf(userId: string): Promise<string | undefined> {
      if (userId === identity.bot.userId) return identity.bot.name;
      const member = await options.store.roster.memberByMessengerId(userId);
      if (member !== undefined) return member.displayName;
      if (userId === identity.admin.userId) return identity.admin.name;
      if (adminIds.includes(userId)) return userId;
      return guests.get(userId);
    },

    /** Someone new joins the workspace (the page @-mentioned a name nobody has). */
    addPerson(name: string): string {
      const id = nextId(identity.newPersonId);
      guests.set(id, name);
      return id;
    },

    addChannel(name: string): string {
      const id = nextId(identity.newChannelId);
      extraChannels.set(id, name);
      return id;
    },

    /** Everyone and every channel the page lists, labelled in `locale`. */
    async directory(
      locale: Locale,
    ): Promise<{ people: DirectoryPerson[]; channels: DirectoryChannel[]; groups: string[] }> {
      const m = messagesFor(locale);
      const { rosters, members, groups } = await rosterOf();
      const groupName = new Map(groups.map((g) => [g.id, g.name]));
      const people: DirectoryPerson[] = members.map((member) => ({
        id: member.messengerUserId,
        name: member.displayName,
        kind: 'member',
        role: member.role,
        roleLabel: m.roles[member.role],
        status: member.status,
        statusLabel: m.statuses[member.status],
        levelLabel: locale === 'en' ? levelInfo(member.level).en : levelInfo(member.level).zh,
        group: member.groupId === null ? null : (groupName.get(member.groupId) ?? null),
        locale: localeOf(member.messengerUserId),
      }));
      const onRoster = new Set(people.map((p) => p.id));
      const extra = (id: string, name: string, kind: DirectoryPerson['kind']): DirectoryPerson => ({
        id,
        name,
        kind,
        role: kind === 'admin' ? 'admin' : null,
        roleLabel: kind === 'admin' ? m.roles.admin : null,
        status: null,
        statusLabel: null,
        levelLabel: null,
        group: null,
        locale: localeOf(id),
      });
      // The configured admins are who can start a roster; once there is one, people act as themselves.
      if (members.length === 0) {
        for (const id of adminIds) {
          people.push(extra(id, id === identity.admin.userId ? identity.admin.name : id, 'admin'));
        }
      }
      for (const [id, name] of guests) if (!onRoster.has(id)) people.push(extra(id, name, 'guest'));
      people.push(extra(identity.bot.userId, identity.bot.name, 'bot'));

      const channels: DirectoryChannel[] =
        identity.general === undefined ? [] : [{ ...identity.general, kind: 'other' }];
      for (const { team, prefix } of rosters) {
        if (!team.pkChannelId) continue;
        channels.push({
          id: team.pkChannelId,
          name:
            extraChannels.get(team.pkChannelId) ??
            (prefix === '' ? identity.teamChannelName : `${team.name} ${identity.teamChannelName}`),
          kind: 'team',
        });
      }
      // Team by team, in the order the groups were made (一组, 二组, 三组), not by their names' code points.
      const inOrder = [...groups].sort((a, b) => a.teamId - b.teamId || a.id - b.id);
      for (const group of inOrder) {
        if (group.channelId === null) continue;
        channels.push({
          id: group.channelId,
          name: extraChannels.get(group.channelId) ?? group.name,
          kind: 'group',
        });
      }
      const listed = new Set(channels.map((c) => c.id));
      for (const [id, name] of extraChannels) if (!listed.has(id)) channels.push({ id, name, kind: 'other' });
      return { people, channels, groups: inOrder.map((g) => g.name) };
    },
  };
}
