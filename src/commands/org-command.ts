/**
 * The grammar of the org commands (several teams, 分部); this comment is its definition.
 *
 *   /org | /org list                 the teams: headcount, groups, director, channel
 *   /org help
 *   /org admin                       the org admins
 *   /org admin add @person | remove @person
 *   /org channel <#channel>          where the branch PK is posted; typed inside a group chat with
 *                                    no channel named, that chat (as `/team channel team`)
 *   /org move @person 二部 [一组]      a member to another team (and group), history kept
 *   /team create 二部                 a new team (org admins)
 *   /team rename 新名称               the team you act on gets a new name
 *
 * A team or group name may be quoted ("Team B", “Team B”, 「二部」: tokens.ts); a team name that
 * is the rest of the line (`/team create Team B`) needs no quotes.
 */
import { nameOf, tokenize } from './tokens.ts';

export type OrgCommand =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'admins' }
  | { kind: 'admin'; add: boolean; memberRef: string }
  | { kind: 'channel'; channelId: string }
  | { kind: 'move'; memberRef: string; teamName: string; groupName?: string }
  | { kind: 'create'; name: string }
  | { kind: 'rename'; name: string };

export function parseOrgCommand(text: string): OrgCommand | undefined {
  const trimmed = text.trim();
  const [verb = '', ...words] = trimmed.split(/\s+/);
  const rest = trimmed.slice(verb.length).trim();
  switch (verb.toLowerCase()) {
    case '':
    case 'list':
    case '列表':
      return { kind: 'list' };
    case 'help':
    case '帮助':
      return { kind: 'help' };
    case 'admin':
    case 'admins':
    case '管理员': {
      if (words.length === 0) return { kind: 'admins' };
      const [action, who] = tokenize(rest);
      if (who?.kind !== 'member' || action?.kind !== 'word' || words.length !== 2) return undefined;
      if (['add', '添加'].includes(action.text)) return { kind: 'admin', add: true, memberRef: who.id };
      if (['remove', '删除', '移除'].includes(action.text))
        return { kind: 'admin', add: false, memberRef: who.id };
      return undefined;
    }
    case 'channel':
    case '频道': {
      const [channel, ...more] = tokenize(rest);
      return channel?.kind === 'channel' && more.length === 0
        ? { kind: 'channel', channelId: channel.id }
        : undefined;
    }
    case 'move':
    case '调动': {
      const [who, team, group, ...extra] = tokenize(rest);
      if (who?.kind !== 'member' || team?.kind !== 'word' || extra.length > 0) return undefined;
      if (group !== undefined && group.kind !== 'word') return undefined;
      return {
        kind: 'move',
        memberRef: who.id,
        teamName: team.raw,
        ...(group === undefined ? {} : { groupName: group.raw }),
      };
    }
    default:
      return undefined;
  }
}

const TEAM_VERBS: Readonly<Record<string, 'create' | 'rename'>> = {
  create: 'create',
  新建: 'create',
  创建: 'create',
  rename: 'rename',
  改名: 'rename',
  重命名: 'rename',
};

/** `/team create …` and `/team rename …`, read before the rest of the /team grammar. */
export function parseTeamAdminCommand(text: string): OrgCommand | undefined | 'usage' {
  const trimmed = text.trim();
  const [verb = ''] = trimmed.split(/\s+/);
  const kind = TEAM_VERBS[verb.toLowerCase()];
  if (kind === undefined) return undefined;
  const name = nameOf(tokenize(trimmed.slice(verb.length)));
  return name === undefined ? 'usage' : { kind, name };
}
