import { z } from 'zod';
import { groupBy } from '../collections.ts';
import type { Day } from '../domain/days.ts';
import { parseDay } from '../domain/days.ts';
import { isLevelCode, type LevelCode } from '../domain/levels.ts';
import { ROLES, type Role, STATUSES, type Status } from '../domain/roles.ts';
import type { MessengerName } from './messengers.ts';
import type { Tx } from './tx.ts';

/** The roster as the use cases see it: teams, groups and members, as narrow projections. */
export type TeamView = {
  id: number;
  name: string;
  timezone: string;
  locale: string;
  pkChannelId: string | null;
};

export type GroupView = {
  readonly id: number;
  readonly teamId: number;
  readonly name: string;
  readonly leaderId: number | null;
  readonly channelId: string | null;
};

export type MemberView = {
  readonly id: number;
  readonly teamId: number;
  readonly messengerUserId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: Status;
  readonly groupId: number | null;
  readonly groupName: string | null;
  readonly level: LevelCode;
  readonly hiredOn: Day;
  readonly joinedOn: Day | null;
  readonly protectionEndsOn: Day | null;
  readonly leftOn: Day | null;
  readonly locale: string | null;
};

export type NewMember = {
  teamId: number;
  messengerUserId: string;
  displayName: string;
  role: Role;
  status: Status;
  groupId: number | null;
  level: LevelCode;
  hiredOn: Day;
  joinedOn: Day | null;
  protectionEndsOn: Day | null;
  locale: string | null;
};

/** A row of the level history, as written. */
export type NewLevelChange = {
  memberId: number;
  fromLevel: LevelCode | null;
  toLevel: LevelCode;
  reason: string;
  note?: string;
  quarter?: string;
  decidedById: number | null;
};

export type MemberPatch = Partial<
  Pick<NewMember, 'role' | 'status' | 'groupId' | 'level' | 'displayName' | 'locale'>
> & {
  leftOn?: Day | null;
  joinedOn?: Day | null;
  protectionEndsOn?: Day | null;
};

const day = z.string().transform((text, ctx) => {
  const parsed = parseDay(text);
  if (parsed === undefined) ctx.addIssue({ code: 'custom', message: `not a day: ${text}` });
  return parsed ?? z.NEVER;
});

// Stored enumerations are strings (see the schema); they are checked as they leave the store.
const memberRow = z.object({
  id: z.number(),
  teamId: z.number(),
  messengerUserId: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  status: z.enum(STATUSES),
  groupId: z.number().nullable(),
  group: z.object({ name: z.string() }).nullable(),
  level: z.custom<LevelCode>((value) => typeof value === 'string' && isLevelCode(value), 'not a level code'),
  hiredOn: day,
  joinedOn: day.nullable(),
  protectionEndsOn: day.nullable(),
  leftOn: day.nullable(),
  locale: z.string().nullable(),
});

const MEMBER_SELECT = {
  id: true,
  teamId: true,
  messengerUserId: true,
  displayName: true,
  role: true,
  status: true,
  groupId: true,
  group: { select: { name: true } },
  level: true,
  hiredOn: true,
  joinedOn: true,
  protectionEndsOn: true,
  leftOn: true,
  locale: true,
} as const;

// One object literal, so that every view has the same shape: jobs read fields of 10,000 of them,
// and views built by spreading zod's output came in several shapes, which V8 reads far slower.
function toMember(row: unknown): MemberView {
  const m = memberRow.parse(row);
  return {
    id: m.id,
    teamId: m.teamId,
    messengerUserId: m.messengerUserId,
    displayName: m.displayName,
    role: m.role,
    status: m.status,
    groupId: m.groupId,
    groupName: m.group?.name ?? null,
    level: m.level,
    hiredOn: m.hiredOn,
    joinedOn: m.joinedOn,
    protectionEndsOn: m.protectionEndsOn,
    leftOn: m.leftOn,
    locale: m.locale,
  };
}

const TEAM_SELECT = { id: true, name: true, timezone: true, locale: true, pkChannelId: true } as const;
const GROUP_SELECT = { id: true, teamId: true, name: true, leaderId: true, channelId: true } as const;

/**
 * The members and the groups of each team as last read, with the team's roster version at that
 * moment. Triggers raise `Team.rosterVersion` in the same transaction as any change to its members
 * or groups (by whichever process or tool makes it), so one small read tells whether the copy is
 * still the roster: the PK of 10,000 agents then reads their sums, not 10,000 member rows and
 * 1,000 groups, every time.
 * Shared by a store's repositories outside transactions only: inside one, a copy could hold
 * changes that are later rolled back.
 */
export type RosterCache = {
  members: Map<number, Cached<readonly MemberView[]>>;
  groups: Map<number, Cached<readonly GroupView[]>>;
};

type Cached<T> = { version: number; value: T };

export function createRosterCache(): RosterCache {
  return { members: new Map(), groups: new Map() };
}

/**
 * The roster of one messenger's teams: team lists, lookups by messenger id and by channel see
 * only teams of `messenger`, and what is created belongs to it. A team or member fetched by its
 * database id is not checked again: those ids come from the scoped lookups.
 */
export function rosterRepository(db: Tx, messenger: MessengerName, cache?: RosterCache) {
  const readMembers = async (teamId: number): Promise<MemberView[]> => {
    const rows = await db.member.findMany({
      where: { teamId },
      select: MEMBER_SELECT,
      orderBy: [{ groupId: 'asc' }, { displayName: 'asc' }],
    });
    return rows.map(toMember);
  };
  /** `read` of a team's roster, or the copy last read while the team's roster version holds. */
  const cachedRead = async <T>(
    byTeam: Map<number, Cached<readonly T[]>> | undefined,
    teamId: number,
    read: () => Promise<readonly T[]>,
  ): Promise<readonly T[]> => {
    if (byTeam === undefined) return read();
    // The version is read before the roster: a change committed in between leaves a copy newer
    // than its version, which the next call reads again, never an older one.
    const team = await db.team.findUnique({ where: { id: teamId }, select: { rosterVersion: true } });
    if (team === null) return [];
    const cached = byTeam.get(teamId);
    if (cached !== undefined && cached.version === team.rosterVersion) return cached.value;
    const value = await read();
    byTeam.set(teamId, { version: team.rosterVersion, value });
    return value;
  };
  return {
    async firstTeam(): Promise<TeamView | undefined> {
      return (
        (await db.team.findFirst({ where: { messenger }, select: TEAM_SELECT, orderBy: { id: 'asc' } })) ??
        undefined
      );
    },

    async teams(): Promise<TeamView[]> {
      return db.team.findMany({ where: { messenger }, select: TEAM_SELECT, orderBy: { id: 'asc' } });
    },

    /** `createdAt` is the use case's clock (the team's default goal start month is read from it). */
    async createTeam(team: {
      name: string;
      timezone: string;
      locale: string;
      createdAt: Date;
    }): Promise<TeamView> {
      return db.team.create({ data: { ...team, messenger }, select: TEAM_SELECT });
    },

    async team(teamId: number): Promise<TeamView> {
      return db.team.findUniqueOrThrow({ where: { id: teamId }, select: TEAM_SELECT });
    },

    async renameTeam(teamId: number, name: string): Promise<TeamView> {
      return db.team.update({ where: { id: teamId }, data: { name }, select: TEAM_SELECT });
    },

    /** The team a chat belongs to: its PK channel, or one of its groups' channels. */
    async teamOfChannel(channelId: string): Promise<number | undefined> {
      const team = await db.team.findFirst({
        where: { messenger, pkChannelId: channelId },
        select: { id: true },
      });
      if (team !== null) return team.id;
      const group = await db.group.findFirst({
        where: { channelId, team: { messenger } },
        select: { teamId: true },
      });
      return group?.teamId;
    },

    /** Moves a member to another team (and group there, or none); their entries stay where they were made. */
    async moveToTeam(memberId: number, teamId: number, groupId: number | null): Promise<MemberView> {
      return toMember(
        await db.member.update({ where: { id: memberId }, data: { teamId, groupId }, select: MEMBER_SELECT }),
      );
    },

    async setTeamChannel(teamId: number, channelId: string): Promise<void> {
      await db.team.update({ where: { id: teamId }, data: { pkChannelId: channelId } });
    },

    async memberByMessengerId(messengerUserId: string): Promise<MemberView | undefined> {
      const row = await db.member.findFirst({ where: { messenger, messengerUserId }, select: MEMBER_SELECT });
      return row === null ? undefined : toMember(row);
    },

    async member(memberId: number): Promise<MemberView> {
      return toMember(await db.member.findUniqueOrThrow({ where: { id: memberId }, select: MEMBER_SELECT }));
    },

    /**
     * Everyone on the team, those who left included, ordered by group then name. Outside a
     * transaction the list and its views are shared with every caller until the roster changes
     * (so a caller can keep what it works out from one roster beside it): both are readonly, not
     * frozen, since V8 reads frozen objects' fields ten times slower.
     */
    async members(teamId: number): Promise<readonly MemberView[]> {
      return cachedRead(cache?.members, teamId, () => readMembers(teamId));
    },

    async createMember(member: NewMember): Promise<MemberView> {
      return toMember(await db.member.create({ data: { ...member, messenger }, select: MEMBER_SELECT }));
    },

    async updateMember(memberId: number, patch: MemberPatch): Promise<MemberView> {
      return toMember(
        await db.member.update({ where: { id: memberId }, data: patch, select: MEMBER_SELECT }),
      );
    },

    /** The team's groups by name; shared outside a transaction as members() is. */
    async groups(teamId: number): Promise<readonly GroupView[]> {
      return cachedRead(cache?.groups, teamId, () =>
        db.group.findMany({ where: { teamId }, select: GROUP_SELECT, orderBy: { name: 'asc' } }),
      );
    },

    async groupByName(teamId: number, name: string): Promise<GroupView | undefined> {
      return (
        (await db.group.findUnique({ where: { teamId_name: { teamId, name } }, select: GROUP_SELECT })) ??
        undefined
      );
    },

    async groupLedBy(memberId: number): Promise<GroupView | undefined> {
      return (
        (await db.group.findUnique({ where: { leaderId: memberId }, select: GROUP_SELECT })) ?? undefined
      );
    },

    async createGroup(teamId: number, name: string): Promise<GroupView> {
      return db.group.create({ data: { teamId, name }, select: GROUP_SELECT });
    },

    async setGroupLeader(groupId: number, memberId: number | null): Promise<void> {
      await db.group.update({ where: { id: groupId }, data: { leaderId: memberId } });
    },

    async setGroupChannel(groupId: number, channelId: string): Promise<void> {
      await db.group.update({ where: { id: groupId }, data: { channelId } });
    },

    /**
     * Sets many members' levels with one UPDATE per level (a quarter review of 10,000 members is
     * at most twelve statements, not 10,000).
     */
    async setLevels(changes: ReadonlyArray<{ memberId: number; level: LevelCode }>): Promise<void> {
      const byLevel = groupBy(
        changes,
        (c) => c.level,
        (c) => c.memberId,
      );
      for (const [level, ids] of byLevel) {
        await db.member.updateMany({ where: { id: { in: ids } }, data: { level } });
      }
    },

    /** Many history rows in one statement (a quarter review's changes). */
    async addLevelChanges(changes: readonly NewLevelChange[]): Promise<void> {
      if (changes.length > 0) await db.levelChange.createMany({ data: [...changes] });
    },

    async addLevelChange(change: NewLevelChange): Promise<void> {
      await db.levelChange.create({ data: change });
    },
  };
}

export type RosterRepository = ReturnType<typeof rosterRepository>;
