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
 * A team or group name may be quoted ("Team B", “Team B”, 「二部」); a team name that is the rest
 * of the line (`/team create Team B`) needs no quotes.
 */
import { tokenize } from './tokens.ts';

export type OrgCommand =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'admins' }
  | { kind: 'admin'; add: boolean; memberRef: string }
  | { kind: 'channel'; channelId: string }
  | { kind: 'move'; memberRef: string; teamName: string; groupName?: string }
  | { kind: 'create'; name: string }
  | { kind: 'rename'; name: string };

const QUOTED = /^\s*(?:"([^"]+)"|“([^”]+)”|「([^」]+)」|'([^']+)')\s*/;

/** A name at the start of `text`: quoted, or the next word. */
function takeName(text: string): { name: string; rest: string } | undefined {
  const quoted = QUOTED.exec(text);
  if (quoted !== null) {
    const name = (quoted[1] ?? quoted[2] ?? quoted[3] ?? quoted[4] ?? '').trim();
    return name === '' ? undefined : { name, rest: text.slice(quoted[0].length) };
  }
  const word = /^\s*(\S+)\s*/.exec(text);
  return word === null ? undefined : { name: word[1] ?? '', rest: text.slice(word[0].length) };
}

/** The rest of the line as one name, without its quotes. */
function wholeName(text: string): string | undefined {
  const quoted = QUOTED.exec(text);
  if (quoted !== null && quoted[0].length === text.length) return takeName(text)?.name;
  const name = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return name === '' || name.length > 40 ? undefined : name;
}

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
      const [who] = tokenize(rest);
      if (who?.kind !== 'member') return undefined;
      const team = takeName(rest.slice(rest.indexOf(who.raw) + who.raw.length));
      if (team === undefined) return undefined;
      const group = team.rest.trim() === '' ? undefined : takeName(team.rest);
      if (group !== undefined && group.rest.trim() !== '') return undefined;
      return {
        kind: 'move',
        memberRef: who.id,
        teamName: team.name,
        ...(group === undefined ? {} : { groupName: group.name }),
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
  const name = wholeName(trimmed.slice(verb.length));
  return name === undefined ? 'usage' : { kind, name };
}
