import { foldName } from '../domain/names.ts';
import { DomainError } from '../errors.ts';
import type { GroupView } from '../store/roster-repository.ts';
import { identifyActor, requireGroup, requireRosterAdmin, type UseCaseDeps } from './context.ts';

/** Creates a group (小组) in the actor's team. */
export async function addGroup(
  deps: UseCaseDeps,
  options: { actorId: string; name: string },
): Promise<GroupView> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    // Any group of the same name as people type it, even where two already share one.
    const folded = foldName(options.name);
    const clash = (await repos.roster.groups(acting.team.id)).find((g) => foldName(g.name) === folded);
    if (clash !== undefined) throw new DomainError('group-exists', { group: clash.name });
    const group = await repos.roster.createGroup(acting.team.id, options.name);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'group.added',
      detail: { group: group.name },
    });
    return group;
  });
}

/** Sets where the team's PK board (groupName undefined) or a group's posts go. */
export async function setChannel(
  deps: UseCaseDeps,
  options: { actorId: string; groupName: string | undefined; channelId: string },
): Promise<{ groupName: string | undefined }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    if (options.groupName === undefined) {
      await repos.roster.setTeamChannel(acting.team.id, options.channelId);
    } else {
      const group = await requireGroup(repos, acting.team.id, options.groupName);
      await repos.roster.setGroupChannel(group.id, options.channelId);
    }
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'channel.set',
      detail: { group: options.groupName ?? null, channel: options.channelId },
    });
    return { groupName: options.groupName };
  });
}
