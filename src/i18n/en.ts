import type { ErrorParams } from '../errors.ts';
import type { Messages } from './zh-CN.ts';

const p = (params: ErrorParams, key: string): string => String(params[key] ?? '');

export const en = {
  locale: 'en',
  errors: {
    'not-permitted': () => 'Sorry, only a manager, the director or an admin can do that.',
    'not-on-roster': () =>
      'You are not on the team roster yet. Ask your manager to add you with `/team add`.',
    'member-not-found': (x: ErrorParams) =>
      `${p(x, 'who')} is not on the roster. Add them first with \`/team add ${p(x, 'who')} GROUP\`.`,
    'member-exists': (x: ErrorParams) =>
      `${p(x, 'who')} is already on the roster (${p(x, 'group')}). Use \`/team move\` to change their group.`,
    'member-left': (x: ErrorParams) => `${p(x, 'who')} has left the team, so this cannot be done for them.`,
    'group-not-found': (x: ErrorParams) =>
      `There is no group called "${p(x, 'group')}". Groups: ${p(x, 'groups') || '(none yet)'}. Create it with \`/team group add ${p(x, 'group')}\`.`,
    'group-exists': (x: ErrorParams) => `The group "${p(x, 'group')}" already exists.`,
    'unknown-level': (x: ErrorParams) =>
      `I do not know the level "${p(x, 'level')}". Write it like 见习MO1, 客户经理MO2, senior MO3 or S2.`,
    'unknown-role': (x: ErrorParams) =>
      `I do not know the role "${p(x, 'role')}". Roles: agent, leader, manager, director, admin.`,
    'bad-day': (x: ErrorParams) => `"${p(x, 'day')}" is not a date I can use; write it like 2026-11-27.`,
    'bad-command': (x: ErrorParams) => `I did not understand "${p(x, 'text')}".`,
    'leader-of-other-group': (x: ErrorParams) =>
      `${p(x, 'who')} already leads "${p(x, 'group')}"; give that group another leader first.`,
  },
  common: {
    somethingWrong:
      'Sorry, something went wrong and nothing was changed. Please try again; if it keeps happening, tell your admin.',
    noGroup: 'No group',
    none: 'none',
  },
  roles: { agent: 'agent', leader: 'leader', manager: 'manager', director: 'director', admin: 'admin' },
  statuses: { probation: 'on probation', active: 'active', left: 'left' },
  team: {
    unknownSubcommand: (word: string) => `\`/team\` has no subcommand "${word}".`,
    usage: {
      add: 'Usage: `/team add @member GROUP [LEVEL] [ROLE] [HIRED-ON]`, e.g. `/team add @wang GroupA 见习MO1`',
      move: 'Usage: `/team move @member GROUP`, e.g. `/team move @wang GroupB`',
      role: 'Usage: `/team role @member ROLE`; roles: agent, leader, manager, director, admin',
      leader: 'Usage: `/team leader GROUP @member`, e.g. `/team leader GroupA @li`',
      channel: 'Usage: `/team channel team #channel` (the PK board) or `/team channel GROUP #channel`',
      left: 'Usage: `/team left @member [reason]`',
      'group-add': 'Usage: `/team group add GROUP`',
    },
    help: [
      '*Team administration `/team`*',
      '`/team list` shows the roster',
      '`/team group add GroupA` creates a group',
      '`/team add @member GroupA 见习MO1 [leader] [2026-11-20]` adds a member (new hires start on probation)',
      '`/team move @member GroupB` moves a member',
      '`/team role @member leader` sets a role',
      '`/team leader GroupA @member` makes someone a group leader',
      '`/team channel team #pk-board` sets the PK channel; `/team channel GroupA #group-a` a group channel',
      '`/team left @member reason` marks someone as left (history is kept)',
    ].join('\n'),
    added: (who: string, group: string, level: string, status: string) =>
      `Added ${who}: ${group}, ${level}, ${status}.`,
    moved: (who: string, group: string) => `Moved ${who} to "${group}".`,
    roleSet: (who: string, role: string) => `${who} is now a ${role}.`,
    leaderSet: (who: string, group: string) => `${who} now leads "${group}".`,
    teamChannelSet: (channel: string) => `The PK board will be posted to ${channel}.`,
    groupChannelSet: (group: string, channel: string) => `The channel of "${group}" is now ${channel}.`,
    markedLeft: (who: string) => `Marked ${who} as left; their history is kept.`,
    groupAdded: (group: string) => `Created the group "${group}".`,
    listTitle: (team: string, count: number) => `${team} roster (${count} active)`,
    listEmpty:
      'The roster is empty. Create a group with `/team group add GroupA`, then add members with `/team add @member GroupA`.',
    listGroupHeader: (group: string, leader: string, count: number) =>
      `*${group}*  leader: ${leader}  ${count} people`,
    listMember: (who: string, level: string, role: string, status: string) =>
      `${who}  ${level}  ${role}  ${status}`,
    listLeftCount: (count: number) => `${count} more have left (history kept).`,
  },
} satisfies Messages;
