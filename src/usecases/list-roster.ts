import type { GroupView, MemberView, TeamView } from '../store/roster-repository.ts';
import { identifyActor, requireRosterAdmin, type UseCaseDeps } from './context.ts';

export type RosterGroup = {
  group: GroupView | undefined;
  leader: MemberView | undefined;
  members: MemberView[];
};
export type Roster = { team: TeamView; groups: RosterGroup[]; activeCount: number; leftCount: number };

/**
 * The roster by group for the people who administer it. Members who left are counted, not
 * listed: their history stays in the store and in exports.
 */
export async function listRoster(deps: UseCaseDeps, options: { actorId: string }): Promise<Roster> {
  const acting = await identifyActor(deps.store, deps, options.actorId);
  requireRosterAdmin(acting);
  const [groups, members] = await Promise.all([
    deps.store.roster.groups(acting.team.id),
    deps.store.roster.members(acting.team.id),
  ]);
  const current = members.filter((m) => m.status !== 'left');
  const byId = new Map(members.map((m) => [m.id, m]));
  const rosterGroups: RosterGroup[] = groups.map((group) => ({
    group,
    leader: group.leaderId === null ? undefined : byId.get(group.leaderId),
    members: current.filter((m) => m.groupId === group.id),
  }));
  const ungrouped = current.filter((m) => m.groupId === null);
  if (ungrouped.length > 0) rosterGroups.push({ group: undefined, leader: undefined, members: ungrouped });
  return {
    team: acting.team,
    groups: rosterGroups,
    activeCount: current.length,
    leftCount: members.length - current.length,
  };
}
