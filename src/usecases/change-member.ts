import type { Role } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import {
  type Acting,
  identifyActor,
  requireGroup,
  requireMember,
  requireRosterAdmin,
  todayFor,
  type UseCaseDeps,
} from './context.ts';

/**
 * Roster changes to one existing member: move to a group, set the role, make a group leader,
 * mark as left. Each is one transaction with its audit event; members who left keep their rows
 * and history and cannot be changed further.
 */
export type MemberChange =
  | { kind: 'move'; groupName: string }
  | { kind: 'role'; role: Role }
  | { kind: 'leader'; groupName: string }
  | { kind: 'left'; reason?: string };

export type ChangeMemberOptions = { actorId: string; memberRef: string; change: MemberChange };

export async function changeMember(
  deps: UseCaseDeps,
  options: ChangeMemberOptions,
): Promise<{ member: MemberView; groupName?: string }> {
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const member = await requireMember(repos, acting.team.id, options.memberRef);
    if (member.status === 'left') throw new DomainError('member-left', { who: options.memberRef });
    const result = await apply(repos, deps, acting, member, options.change);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: `member.${options.change.kind}`,
      subjectMemberId: member.id,
      detail: {
        ...options.change,
        before: { role: member.role, group: member.groupName, status: member.status },
      },
    });
    return result;
  });
}

async function apply(
  repos: Repositories,
  deps: UseCaseDeps,
  acting: Acting,
  member: MemberView,
  change: MemberChange,
) {
  switch (change.kind) {
    case 'move': {
      const group = await requireGroup(repos, acting.team.id, change.groupName);
      // A leader who moves away no longer leads the old group.
      const led = await repos.roster.groupLedBy(member.id);
      if (led !== undefined && led.id !== group.id) await repos.roster.setGroupLeader(led.id, null);
      return {
        member: await repos.roster.updateMember(member.id, { groupId: group.id }),
        groupName: group.name,
      };
    }
    case 'role':
      return { member: await repos.roster.updateMember(member.id, { role: change.role }) };
    case 'leader': {
      const group = await requireGroup(repos, acting.team.id, change.groupName);
      const led = await repos.roster.groupLedBy(member.id);
      if (led !== undefined && led.id !== group.id) {
        throw new DomainError('leader-of-other-group', { who: member.messengerUserId, group: led.name });
      }
      if (group.leaderId !== null && group.leaderId !== member.id) {
        const previous = await repos.roster.member(group.leaderId);
        if (previous.role === 'leader') await repos.roster.updateMember(previous.id, { role: 'agent' });
      }
      await repos.roster.setGroupLeader(group.id, member.id);
      const role = member.role === 'agent' ? 'leader' : member.role;
      return {
        member: await repos.roster.updateMember(member.id, { role, groupId: group.id }),
        groupName: group.name,
      };
    }
    case 'left': {
      const led = await repos.roster.groupLedBy(member.id);
      if (led !== undefined) await repos.roster.setGroupLeader(led.id, null);
      return {
        member: await repos.roster.updateMember(member.id, {
          status: 'left',
          leftOn: todayFor(deps, acting.team),
        }),
      };
    }
  }
}
