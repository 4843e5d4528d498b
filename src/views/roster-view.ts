import { levelInfo } from '../domain/levels.ts';
import type { Messages } from '../i18n/index.ts';
import type { Roster } from '../usecases/list-roster.ts';
import { mention } from './markup.ts';
import { divider, heading, linesOf, type Message, note } from './message.ts';

/** The roster grouped by group: leader and size per group, then one line per member. */
export function buildRosterReply(m: Messages, roster: Roster): Message {
  const title = m.team.listTitle(roster.team.name, roster.activeCount);
  if (roster.activeCount === 0 && roster.groups.length === 0) {
    return { text: title, blocks: [heading(title), ...linesOf([m.team.listEmpty])] };
  }
  const blocks = [heading(title)];
  for (const entry of roster.groups) {
    const name = entry.group?.name ?? m.common.noGroup;
    const leader = entry.leader === undefined ? m.common.none : mention(entry.leader.messengerUserId);
    const lines = [
      m.team.listGroupHeader(name, leader, entry.members.length),
      ...entry.members.map((member) =>
        m.team.listMember(
          mention(member.messengerUserId),
          m.locale === 'en' ? levelInfo(member.level).en : levelInfo(member.level).zh,
          m.roles[member.role],
          m.statuses[member.status],
        ),
      ),
    ];
    blocks.push(divider, ...linesOf(lines));
  }
  if (roster.leftCount > 0) blocks.push(note(m.team.listLeftCount(roster.leftCount)));
  // Slack allows 50 blocks in a message; a 30-person team needs far fewer.
  return { text: title, blocks: blocks.slice(0, 50) };
}
