import type { OrgCommand } from '../commands/org-command.ts';
import { parseRankCommand } from '../commands/rank-command.ts';
import { DomainError } from '../errors.ts';
import type { Messages } from '../i18n/index.ts';
import { computeOrgBoard } from '../usecases/compute-org-pk.ts';
import { identifyActor, todayFor } from '../usecases/context.ts';
import {
  createTeam,
  listTeams,
  moveMemberToTeam,
  renameTeam,
  setOrgAdmin,
  setOrgChannel,
} from '../usecases/manage-org.ts';
import { conversationLink, mention } from '../views/markup.ts';
import { type Message, textMessage } from '../views/message.ts';
import { buildOrgBoard, buildTeamList } from '../views/org-view.ts';
import type { ChatDeps } from './chat-deps.ts';

/** `/org …`, `/team create|rename …`: the org's use cases and their answers. */
export async function replyToOrg(
  deps: ChatDeps,
  m: Messages,
  actorId: string,
  command: OrgCommand,
): Promise<Message> {
  switch (command.kind) {
    case 'help':
      return textMessage(m.org.usage);
    case 'list':
    case 'admins':
      return buildTeamList(m, await listTeams(deps, { actorId }));
    case 'create': {
      const team = await createTeam(deps, { actorId, name: command.name });
      return textMessage(m.org.created(team.name));
    }
    case 'rename': {
      const { before, team } = await renameTeam(deps, { actorId, name: command.name });
      return textMessage(m.org.renamed(before, team.name));
    }
    case 'admin': {
      const who = mention(command.memberRef);
      const { changed, configured } = await setOrgAdmin(deps, {
        actorId,
        memberRef: command.memberRef,
        add: command.add,
      });
      if (command.add) return textMessage(changed ? m.org.adminAdded(who) : m.org.adminAlready(who));
      if (configured) return textMessage(m.org.adminConfigured(who));
      return textMessage(changed ? m.org.adminRemoved(who) : m.org.adminNotOne(who));
    }
    case 'channel':
      await setOrgChannel(deps, { actorId, channelId: command.channelId });
      return textMessage(m.org.channelSet(conversationLink(command.channelId)));
    case 'move': {
      const moved = await moveMemberToTeam(deps, { actorId, ...command });
      return textMessage(
        m.org.moved(
          mention(moved.member.messengerUserId),
          moved.from.name,
          moved.to.name,
          moved.group?.name ?? '',
        ),
      );
    }
  }
}

/**
 * `/rank org [period]`: the branch PK, for management (managers, directors, admins) and org
 * admins; a team's director reads their own team's place under it.
 */
export async function replyToOrgRank(
  deps: ChatDeps,
  m: Messages,
  actorId: string,
  args: string,
): Promise<Message> {
  const parsed = parseRankCommand(args);
  if (!parsed.ok || parsed.command.kind !== 'board')
    return textMessage(m.pk.usage(parsed.ok ? args : parsed.word));
  const acting = await identifyActor(deps.store, deps, actorId);
  const management = ['manager', 'director', 'admin'].includes(acting.actor.role ?? '');
  if (!management && !acting.actor.bootstrapAdmin) throw new DomainError('not-permitted');
  const board = await computeOrgBoard(deps.store, {
    period: parsed.command.period,
    day: todayFor(deps, acting.team),
  });
  return buildOrgBoard(m, board, acting.member === undefined ? undefined : acting.team.id);
}
