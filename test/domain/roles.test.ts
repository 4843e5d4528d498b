import { describe, expect, it } from 'vitest';
import { type Actor, canActFor, canAdministerRoster, isDecider, parseRole } from '../../src/domain/roles.ts';

const actor = (over: Partial<Actor>): Actor => ({
  memberId: 1,
  role: 'agent',
  status: 'active',
  groupId: 10,
  bootstrapAdmin: false,
  ...over,
});

describe('permissions', () => {
  it.each([
    [{ role: 'agent' }, false],
    [{ role: 'leader' }, false],
    [{ role: 'manager' }, true],
    [{ role: 'director' }, true],
    [{ role: 'admin' }, true],
    [{ role: 'manager', status: 'left' }, false],
    [{ memberId: undefined, role: undefined, status: undefined, bootstrapAdmin: true }, true],
    [{ memberId: undefined, role: undefined, status: undefined }, false],
  ] as const)('roster administration by %o: %s', (over, allowed) => {
    expect(canAdministerRoster(actor(over))).toBe(allowed);
  });

  it.each([
    ['themselves', actor({}), { memberId: 1, groupId: 10 }, true],
    ['an agent for another agent', actor({}), { memberId: 2, groupId: 10 }, false],
    ['a leader for their group', actor({ role: 'leader' }), { memberId: 2, groupId: 10 }, true],
    ['a leader for another group', actor({ role: 'leader' }), { memberId: 2, groupId: 11 }, false],
    [
      'a leader without a group',
      actor({ role: 'leader', groupId: undefined }),
      { memberId: 2, groupId: undefined },
      false,
    ],
    ['a manager for anyone', actor({ role: 'manager' }), { memberId: 2, groupId: 11 }, true],
  ] as const)('acting for others: %s', (_name, who, subject, allowed) => {
    expect(canActFor(who, subject)).toBe(allowed);
  });

  it.each([
    ['组长', 'leader'],
    ['Manager', 'manager'],
    ['总监', 'director'],
    ['专员', 'agent'],
    ['boss', undefined],
  ])('reads the role %s', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });
});

describe('isDecider', () => {
  it.each([
    ['manager', 'active', true],
    ['director', 'active', true],
    ['manager', 'probation', true],
    ['manager', 'left', false],
    ['director', 'left', false],
    ['leader', 'active', false],
    ['agent', 'active', false],
    ['admin', 'active', false],
  ] as const)('%s (%s): %s', (role, status, expected) => {
    expect(isDecider({ role, status })).toBe(expected);
  });
});
