import { parseDay } from '../domain/days.ts';
import { ENTRY_LEVEL, type LevelCode } from '../domain/levels.ts';
import type { Role, Status } from '../domain/roles.ts';
import { DomainError } from '../errors.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Repositories } from '../store/store.ts';
import {
  type Directory,
  findGroup,
  identifyActor,
  requireGroup,
  requireRosterAdmin,
  todayFor,
  type UseCaseDeps,
} from './context.ts';
import { startProbation } from './manage-probation.ts';

export type AddMemberOptions = {
  actorId: string;
  memberRef: string;
  groupName?: string;
  level?: LevelCode;
  role?: Role;
  hiredOn?: string;
  /** Create the group when it does not exist yet (the `新组` word); without it a new name is refused. */
  newGroup?: true;
};

/** Managers, the director and admins are appointed, not hired on probation. */
const APPOINTED: readonly Role[] = ['manager', 'director', 'admin'];

/**
 * Adds a person to the roster. Agents and leaders start on probation (the 7-day drill of the
 * plan, with its probation record) at the given level, 见习MO1 by default; managers, the director and admins start active.
 * The first level is written to the level history with reason "hired".
 */
/** The named group, created (and audited) when it is new: `/team add … 新组`. */
async function groupOrNew(repos: Repositories, teamId: number, name: string, actor: string) {
  const existing = await findGroup(repos, teamId, name);
  if (existing !== undefined) return existing;
  const group = await repos.roster.createGroup(teamId, name);
  await repos.audit.append({ teamId, actor, action: 'group.added', detail: { group: group.name } });
  return group;
}

export async function addMember(
  deps: UseCaseDeps & { directory: Directory },
  options: AddMemberOptions,
): Promise<MemberView> {
  const profile = await deps.directory.profile(options.memberRef);
  return deps.store.transaction(async (repos) => {
    const acting = await identifyActor(repos, deps, options.actorId);
    requireRosterAdmin(acting);
    const existing = await repos.roster.memberByMessengerId(options.memberRef);
    if (existing !== undefined) {
      throw new DomainError('member-exists', { who: options.memberRef, group: existing.groupName ?? '-' });
    }
    const hiredOn = options.hiredOn === undefined ? todayFor(deps, acting.team) : parseDay(options.hiredOn);
    if (hiredOn === undefined) throw new DomainError('bad-day', { day: options.hiredOn ?? '' });
    const group =
      options.groupName === undefined
        ? undefined
        : options.newGroup === true
          ? await groupOrNew(repos, acting.team.id, options.groupName, options.actorId)
          : await requireGroup(repos, acting.team.id, options.groupName);
    const role = options.role ?? 'agent';
    const status: Status = APPOINTED.includes(role) ? 'active' : 'probation';
    const level = options.level ?? ENTRY_LEVEL;
    const member = await repos.roster.createMember({
      teamId: acting.team.id,
      messengerUserId: options.memberRef,
      displayName: profile.displayName,
      role,
      status,
      groupId: group?.id ?? null,
      level,
      hiredOn,
      joinedOn: status === 'active' ? hiredOn : null,
      protectionEndsOn: null,
      locale: profile.locale ?? null,
    });
    await repos.roster.addLevelChange({
      memberId: member.id,
      fromLevel: null,
      toLevel: level,
      reason: 'hired',
      decidedById: acting.member?.id ?? null,
    });
    if (status === 'probation') await startProbation(repos, member);
    await repos.audit.append({
      teamId: acting.team.id,
      actor: options.actorId,
      action: 'member.added',
      subjectMemberId: member.id,
      detail: { group: group?.name ?? null, level, role, status, hiredOn },
    });
    return member;
  });
}
