import { type Clock, localDay } from '../clock.ts';
import type { Day } from '../domain/days.ts';
import { likelyMeant, sameName } from '../domain/names.ts';
import { type Actor, canAdministerRoster } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { MemberView, TeamView } from '../store/roster-repository.ts';
import type { Repositories, Store } from '../store/store.ts';
import type { TeamEvents } from '../team-events.ts';

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
  /**
   * Which team this request is about when the person may choose (org admins): the team named by
   * an `@二部` word, or the one the conversation belongs to. Read only for org admins, so a member's
   * request costs nothing more. See identifyActor.
   */
  teamScope?: () => Promise<TeamScope | undefined>;
  /** Where live surfaces (the wallboard) hear of a team's changes; absent in tests that need none. */
  events?: TeamEvents;
  /** ZHANBAO_PUBLIC_URL: the bot's public address, for links to pages it serves (the wallboard). */
  publicUrl?: string;
};

/** A team chosen by the request: `named` when the person wrote it (`@二部`), else from the chat. */
export type TeamScope = { teamId: number; named: boolean };

export type Acting = {
  team: TeamView;
  actor: Actor;
  member: MemberView | undefined;
  messengerUserId: string;
};

/**
 * Who is acting, and on which team. The rule (README "Several teams"):
 * 1. an org admin (ZHANBAO_ADMINS, or made one with `/org admin add`) acts on the team the request
 *    names (`@二部`), else the team of the chat it was sent in, else their own team, else the first;
 * 2. anyone else acts on their own team; naming another team is refused;
 * 3. someone on no roster (and no admin) is on the first team, where every use case refuses them.
 * An org admin acting on another team than their own is not a member there (no role, no self).
 */
export async function identifyActor(
  repos: Repositories,
  deps: UseCaseDeps,
  messengerUserId: string,
): Promise<Acting> {
  const own = await repos.roster.memberByMessengerId(messengerUserId);
  const scope = deps.teamScope === undefined ? undefined : await deps.teamScope();
  // The org admin table is read only when it can matter: no roster place, or a team to choose.
  const orgAdmin =
    own === undefined || scope !== undefined
      ? await isOrgAdmin(repos, deps, messengerUserId)
      : deps.admins.includes(messengerUserId);
  let team: TeamView;
  if (scope !== undefined && orgAdmin && (scope.named || own === undefined))
    team = await repos.roster.team(scope.teamId);
  else if (scope?.named === true && scope.teamId !== own?.teamId) throw new DomainError('team-not-yours');
  else team = own ? await repos.roster.team(own.teamId) : await ensureTeam(repos, deps);
  const member = own?.teamId === team.id ? own : undefined;
  return {
    team,
    member,
    messengerUserId,
    actor: {
      memberId: member?.id,
      role: member?.role,
      status: member?.status,
      groupId: member?.groupId ?? undefined,
      bootstrapAdmin: orgAdmin,
    },
  };
}

/** Org admins: the configured ones and those made with `/org admin add`. */
export async function isOrgAdmin(
  repos: Repositories,
  deps: UseCaseDeps,
  messengerUserId: string,
): Promise<boolean> {
  return deps.admins.includes(messengerUserId) || (await repos.org.isAdmin(messengerUserId));
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

/**
 * The team's group of that name, as people type it (domain/names.ts: `team a` is "Team A"): the
 * exact name first, else the one group that folds to it.
 */
export async function findGroup(repos: Repositories, teamId: number, name: string) {
  return (await repos.roster.groupByName(teamId, name)) ?? sameName(name, await repos.roster.groups(teamId));
}

/**
 * findGroup, or a refusal: an unknown name is refused, never created; the refusal names the
 * groups there are and, when the name is one letter off one of them, the group probably meant.
 */
export async function requireGroup(repos: Repositories, teamId: number, name: string) {
  const group = await findGroup(repos, teamId, name);
  if (group !== undefined) return group;
  const groups = await repos.roster.groups(teamId);
  const names = groups.map((g) => g.name);
  throw new DomainError('group-not-found', {
    group: name,
    groups: names.join('、'),
    meant: likelyMeant(name, names) ?? '',
  });
}
