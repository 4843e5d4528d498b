import { type Clock, localDay } from '../clock.ts';
import type { Day } from '../domain/days.ts';
import { type Actor, canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { MemberView, TeamView } from '../store/roster-repository.ts';
import type { Repositories, Store } from '../store/store.ts';

/** What a messenger adapter can tell about a person it serves (Slack: users.info). */
export type Profile = { displayName: string; locale: string | undefined };
export type Directory = { profile(messengerUserId: string): Promise<Profile> };

/** Everything a use case may touch, passed in by createApp (tests build their own). */
export type UseCaseDeps = {
  store: Store;
  clock: Clock;
  /** Messenger user ids allowed to administer before a roster exists (ZHANBAO_ADMINS). */
  admins: readonly string[];
  /** Defaults for the team created on first start. */
  defaults: { teamName: string; timezone: string; locale: 'zh-CN' | 'en' };
};

export type Acting = {
  team: TeamView;
  actor: Actor;
  member: MemberView | undefined;
  messengerUserId: string;
};

/**
 * Who is acting, and on which team: a roster member acts on their own team; a configured admin
 * who is not on the roster acts on the first team (created on first start).
 */
export async function identifyActor(
  repos: Repositories,
  deps: UseCaseDeps,
  messengerUserId: string,
): Promise<Acting> {
  const member = await repos.roster.memberByMessengerId(messengerUserId);
  const team = member ? await repos.roster.team(member.teamId) : await ensureTeam(repos, deps);
  return {
    team,
    member,
    messengerUserId,
    actor: {
      memberId: member?.id,
      role: member?.role,
      status: member?.status,
      groupId: member?.groupId ?? undefined,
      bootstrapAdmin: deps.admins.includes(messengerUserId),
    },
  };
}

export async function ensureTeam(repos: Repositories, deps: UseCaseDeps): Promise<TeamView> {
  return (
    (await repos.roster.firstTeam()) ??
    (await repos.roster.createTeam({
      name: deps.defaults.teamName,
      timezone: deps.defaults.timezone,
      locale: deps.defaults.locale,
      createdAt: deps.clock.now(),
    }))
  );
}

export function requireRosterAdmin(acting: Acting): void {
  if (!canAdministerRoster(acting.actor)) throw new DomainError('not-permitted');
}

/** Today in the team's own time zone: the only way use cases learn the date. */
export function todayFor(deps: UseCaseDeps, team: TeamView): Day {
  return localDay(deps.clock.now(), team.timezone);
}

export async function requireMember(
  repos: Repositories,
  teamId: number,
  messengerUserId: string,
): Promise<MemberView> {
  const member = await repos.roster.memberByMessengerId(messengerUserId);
  if (member === undefined || member.teamId !== teamId)
    throw new DomainError('member-not-found', { who: messengerUserId });
  return member;
}

export async function requireGroup(repos: Repositories, teamId: number, name: string) {
  const group = await repos.roster.groupByName(teamId, name);
  if (group !== undefined) return group;
  const groups = await repos.roster.groups(teamId);
  throw new DomainError('group-not-found', { group: name, groups: groups.map((g) => g.name).join('、') });
}
