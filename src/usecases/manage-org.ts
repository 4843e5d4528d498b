import { foldName } from '../domain/names.ts';
import { DomainError } from '../errors.ts';
import type { GroupView, MemberView, TeamView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import { identifyActor, isOrgAdmin, requireGroup, requireRosterAdmin, type UseCaseDeps } from './context.ts';

/**
 * Several teams (分部) in one deployment: org admins (ZHANBAO_ADMINS and those they make) create
 * teams, move members between them, name the org channel; a team's managers rename their own.
 * Each change is one transaction with its audit event.
 */
async function requireOrgAdmin(repos: Repositories, deps: UseCaseDeps, actorId: string): Promise<void> {
  if (!(await isOrgAdmin(repos, deps, actorId))) throw new DomainError('org-admins-only');
}

/** Names compare as people read them (domain/names.ts): 二部 = 二部, Team B = team  b. */
function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}

async function requireNewName(repos: Repositories, name: string, except?: number): Promise<void> {
  const clash = (await repos.roster.teams()).find((team) => team.id !== except && sameName(team.name, name));
  if (clash !== undefined) throw new DomainError('team-exists', { team: clash.name });
}

export async function findTeam(repos: Repositories, name: string): Promise<TeamView> {
  const teams = await repos.roster.teams();
  const team = teams.find((t) => sameName(t.name, name));
  if (team === undefined)
    throw new DomainError('team-not-found', { team: name, teams: teams.map((t) => t.name).join('、') });
  return team;
}

export async function createTeam(
  deps: UseCaseDeps,
  options: { actorId: string; name: string },
): Promise<TeamView> {
  return deps.store.transaction(async (repos) => {
    await requireOrgAdmin(repos, deps, options.actorId);
    await requireNewName(repos, options.name);
    const team = await repos.roster.createTeam({
      name: options.name,
      timezone: deps.defaults.timezone,
      locale: deps.defaults.locale,
      createdAt: deps.clock.now(),
    });
    await repos.audit.append({
      teamId: team.id,
      actor: options.actorId,
      action: 'team.create',
      detail: { name: team.name },
    });
    return team;
  });
}

export async function renameTeam(
  deps: UseCaseDeps,
  options: { actorId: string; name: string },
): Promise<{ before: string; team: TeamView }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    await requireNewName(repos, options.name, acting.team.id);
    const team = await repos.roster.renameTeam(acting.team.id, options.name);
    await repos.audit.append({
      teamId: team.id,
      actor: options.actorId,
      action: 'team.rename',
      detail: { from: acting.team.name, to: team.name },
    });
    return { before: acting.team.name, team };
  });
}

export type TeamSummary = {
  team: TeamView;
  headcount: number;
  groups: number;
  directors: MemberView[];
};

/** Every team with its headcount (agents and leaders not left), groups and director(s). */
export async function listTeams(
  deps: UseCaseDeps,
  options: { actorId: string },
): Promise<{ teams: TeamSummary[]; channel: string | undefined; admins: string[] }> {
  const repos = deps.store;
  await requireOrgAdmin(repos, deps, options.actorId);
  const teams = await repos.roster.teams();
  const summaries = await Promise.all(
    teams.map(async (team) => {
      const [members, groups] = await Promise.all([
        repos.roster.members(team.id),
        repos.roster.groups(team.id),
      ]);
      const present = members.filter((m) => m.status !== 'left');
      return {
        team,
        headcount: present.filter((m) => m.role === 'agent' || m.role === 'leader').length,
        groups: groups.length,
        directors: present.filter((m) => m.role === 'director'),
      };
    }),
  );
  return {
    teams: summaries,
    channel: await repos.org.channel(),
    admins: [...deps.admins, ...(await repos.org.admins())],
  };
}

export async function setOrgAdmin(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef: string; add: boolean },
): Promise<{ changed: boolean; configured: boolean }> {
  return deps.store.transaction(async (repos) => {
    await requireOrgAdmin(repos, deps, options.actorId);
    // Those from ZHANBAO_ADMINS stay admins whatever the table says.
    const configured = deps.admins.includes(options.memberRef);
    const changed = options.add
      ? await repos.org.addAdmin(options.memberRef, options.actorId)
      : await repos.org.removeAdmin(options.memberRef);
    await repos.audit.append({
      teamId: null,
      actor: options.actorId,
      action: options.add ? 'org.admin.add' : 'org.admin.remove',
      detail: { who: options.memberRef },
    });
    return { changed, configured };
  });
}

export async function setOrgChannel(
  deps: UseCaseDeps,
  options: { actorId: string; channelId: string },
): Promise<void> {
  await deps.store.transaction(async (repos) => {
    await requireOrgAdmin(repos, deps, options.actorId);
    await repos.org.setChannel(options.channelId);
    await repos.audit.append({
      teamId: null,
      actor: options.actorId,
      action: 'org.channel',
      detail: { channel: options.channelId },
    });
  });
}

/**
 * Moves a member to another team, and to a group there (or none). Their levels, entries, pay and
 * audit history stay with them; each entry keeps the team it was logged in, so the old team's
 * totals for those days are unchanged and the new team's start from the move. A leader stops
 * leading their old group. Audited in both teams.
 */
export async function moveMemberToTeam(
  deps: UseCaseDeps,
  options: { actorId: string; memberRef: string; teamName: string; groupName?: string },
): Promise<{ member: MemberView; from: TeamView; to: TeamView; group: GroupView | undefined }> {
  return deps.store.transaction(async (repos) => {
    await requireOrgAdmin(repos, deps, options.actorId);
    const member = await repos.roster.memberByMessengerId(options.memberRef);
    if (member === undefined) throw new DomainError('member-not-found', { who: options.memberRef });
    if (member.status === 'left') throw new DomainError('member-left', { who: options.memberRef });
    const to = await findTeam(repos, options.teamName);
    const from = await repos.roster.team(member.teamId);
    let group: GroupView | undefined;
    if (options.groupName !== undefined) {
      group = await requireGroup(repos, to.id, options.groupName);
    }
    const led = await repos.roster.groupLedBy(member.id);
    if (led !== undefined) await repos.roster.setGroupLeader(led.id, null);
    const moved = await repos.roster.moveToTeam(member.id, to.id, group?.id ?? null);
    for (const teamId of new Set([from.id, to.id]))
      await repos.audit.append({
        teamId,
        actor: options.actorId,
        action: 'member.team',
        subjectMemberId: member.id,
        detail: { from: from.name, to: to.name, group: group?.name ?? null },
      });
    return { member: moved, from, to, group };
  });
}
