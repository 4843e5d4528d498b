import { foldName } from '../domain/names.ts';
import { conversationLink, mention } from '../views/markup.ts';

/**
 * The text a WeCom member meant, in the router's terms. WeCom's app chat has no mentions and no
 * channel picker, so people and group robots are named in plain text:
 * - a person by their WeCom userid (账号), with or without `@`: `@WangXiaoMing` always; a bare
 *   word when it is someone's userid on the roster, or the person `/team add` is adding;
 * - a person by their roster name with `@` (`@王小明`), when exactly one member has it;
 * - a team (分部) by `@` and its name (`/rank @二部`), when no person has that userid or name: it
 *   stays `@二部` for the router's team word (chat/router.ts withTeamScope);
 * - a group robot (消息推送) by its key or its webhook URL, in `/team channel …`: it becomes the
 *   channel token the team grammar expects (`<#key>`), the key being where boards are sent.
 */
const USERID = /^[A-Za-z0-9_.-][A-Za-z0-9_.@-]{0,63}$/;
const ROBOT_URL = /^https?:\/\/\S+[?&]key=([A-Za-z0-9-]+)/;
const ROBOT_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function weComCommandText(
  text: string,
  roster: ReadonlyArray<{ messengerUserId: string; displayName: string }>,
  teams: readonly string[] = [],
): string {
  const words = text.trim().split(/\s+/);
  const command = (words[0] ?? '').replace(/^\//, '').toLowerCase();
  const verb = (words[1] ?? '').toLowerCase();
  const userIds = new Set(roster.map((m) => m.messengerUserId));
  return words
    .map((word, index) => {
      if (index === 0) return word;
      const robot = robotKey(word);
      if (
        robot !== undefined &&
        (command === 'team' || command === '团队') &&
        ['channel', '频道'].includes(verb)
      )
        return conversationLink(robot);
      if (word.startsWith('@') && word.length > 1) {
        const name = word.slice(1);
        const person = userIds.has(name) ? mention(name) : personByName(name, roster);
        if (person !== undefined) return person;
        return teams.some((team) => foldName(team) === foldName(name)) ? word : mention(name);
      }
      if (userIds.has(word)) return mention(word);
      const adding =
        (command === 'team' || command === '团队') && ['add', '添加', '新增'].includes(verb) && index === 2;
      if (adding && USERID.test(word)) return mention(word);
      return word;
    })
    .join(' ');
}

function robotKey(word: string): string | undefined {
  const url = ROBOT_URL.exec(word);
  if (url !== null) return url[1];
  return ROBOT_KEY.test(word) ? word : undefined;
}

function personByName(
  name: string,
  roster: ReadonlyArray<{ messengerUserId: string; displayName: string }>,
): string | undefined {
  const matches = roster.filter((member) => member.displayName === name);
  const [only] = matches;
  return matches.length === 1 && only !== undefined ? mention(only.messengerUserId) : undefined;
}
