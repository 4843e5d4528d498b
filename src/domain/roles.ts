/**
 * Roles and statuses of members, and who may do what. Pure: the caller passes the actor as it
 * is in the roster (or as a bootstrap admin from the configuration).
 */
export const ROLES = ['agent', 'leader', 'manager', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['probation', 'active', 'left'] as const;
export type Status = (typeof STATUSES)[number];

export function isRole(text: string): text is Role {
  return ROLES.some((role) => role === text);
}

export function isStatus(text: string): text is Status {
  return STATUSES.some((status) => status === text);
}

/** The person acting. `bootstrapAdmin` is a configured admin who need not be on the roster. */
export type Actor = {
  memberId: number | undefined;
  role: Role | undefined;
  status: Status | undefined;
  groupId: number | undefined;
  bootstrapAdmin: boolean;
};

/**
 * Management who decide and are told: managers and the director still on the team. They sign off
 * probations, receive the quarter's and the month's results and the calendar warnings.
 */
export function isDecider(member: { role: Role; status: Status }): boolean {
  return (member.role === 'manager' || member.role === 'director') && member.status !== 'left';
}

const ROSTER_ADMIN_ROLES: readonly Role[] = ['manager', 'director', 'admin'];

/** Roster changes: managers, the director and admins (and configured admins before a roster exists). */
export function canAdministerRoster(actor: Actor): boolean {
  if (actor.bootstrapAdmin) return true;
  return actor.status !== 'left' && actor.role !== undefined && ROSTER_ADMIN_ROLES.includes(actor.role);
}

/**
 * Acting for another member (logging, viewing stats): a leader for the members of their own group,
 * managers, the director and admins for the whole team. Everyone acts for themselves.
 */
export function canActFor(actor: Actor, subject: { memberId: number; groupId: number | undefined }): boolean {
  if (actor.memberId === subject.memberId) return true;
  if (canAdministerRoster(actor)) return true;
  return (
    actor.role === 'leader' &&
    actor.status !== 'left' &&
    actor.groupId !== undefined &&
    actor.groupId === subject.groupId
  );
}

const ROLE_WORDS: Record<string, Role> = {
  agent: 'agent',
  电销专员: 'agent',
  专员: 'agent',
  销售: 'agent',
  leader: 'leader',
  组长: 'leader',
  manager: 'manager',
  经理: 'manager',
  团队经理: 'manager',
  director: 'director',
  总监: 'director',
  admin: 'admin',
  管理员: 'admin',
};

/** Reads a role in English or Chinese (`组长`, `manager`). */
export function parseRole(text: string): Role | undefined {
  return ROLE_WORDS[text.normalize('NFKC').trim().toLowerCase()];
}
