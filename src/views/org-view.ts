import type { Messages } from '../i18n/index.ts';
import { formatCount } from '../i18n/numbers.ts';
import type { OrgBoard } from '../usecases/compute-org-pk.ts';
import type { TeamSummary } from '../usecases/manage-org.ts';
import { conversationLink, mention } from './markup.ts';
import { type Block, heading, linesOf, type Message, note, textBlock } from './message.ts';
import { MEDALS, points } from './pk-view.ts';
import { formatDay, formatMetric } from './progress.ts';

/** The org's views: the teams, and the branch PK (分部PK). */
export function buildTeamList(
  m: Messages,
  list: { teams: TeamSummary[]; channel: string | undefined; admins: string[] },
): Message {
  const lines = list.teams.map((t) =>
    m.org.listLine(
      t.team.name,
      t.headcount,
      t.groups,
      t.directors.length === 0
        ? m.org.noDirector
        : t.directors.map((d) => mention(d.messengerUserId)).join(' '),
      t.team.pkChannelId === null ? m.org.noChannel : conversationLink(t.team.pkChannelId),
    ),
  );
  const footer = [
    m.org.orgChannel(list.channel === undefined ? m.org.noChannel : conversationLink(list.channel)),
    m.org.admins(list.admins.map(mention).join(' ')),
  ];
  return {
    text: m.org.listTitle,
    blocks: [textBlock([m.org.listTitle, ...lines].join('\n')), note(footer.join('\n'))],
  };
}

export function buildOrgBoard(m: Messages, board: OrgBoard, viewerTeamId?: number): Message {
  const title = m.org.boardTitle(m.periods[board.period], formatDay(m, board.day));
  const lines = board.teams.map((t) =>
    t.headcount === 0
      ? m.org.emptyTeam(t.team.name)
      : m.org.boardLine(
          MEDALS[t.rank - 1] ?? `${t.rank}.`,
          t.team.name,
          points(t.perCapita),
          formatMetric('amount', t.perCapitaAmount),
          m.org.people(t.headcount, t.equivalent === t.headcount ? undefined : formatCount(t.equivalent)),
        ),
  );
  const blocks: Block[] = [heading(title), ...linesOf(lines)];
  const own = board.teams.find((t) => t.team.id === viewerTeamId);
  if (own !== undefined) blocks.push(textBlock(m.org.yourPlace(own.team.name, own.rank, board.teams.length)));
  blocks.push(note(m.org.scoring));
  return { text: title, blocks };
}
