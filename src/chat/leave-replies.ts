import type { LeaveCommand } from '../commands/leave-command.ts';
import type { Messages } from '../i18n/index.ts';
import { announceLeaveDecision, sendLeaveRequests } from '../usecases/leave-notices.ts';
import {
  cancelLeave,
  decideLeave,
  listLeave,
  type ProbationMove,
  requestLeave,
} from '../usecases/manage-leave.ts';
import { buildLeaveList, leaveDecidedText, leaveSpan } from '../views/leave-view.ts';
import { mention } from '../views/markup.ts';
import { type Message, textMessage } from '../views/message.ts';
import { formatDay } from '../views/progress.ts';
import type { ChatDeps } from './chat-deps.ts';

/**
 * `/leave` and its buttons, whichever way they came: run the use case, send what follows it (the
 * request to the approvers, the outcome to the member), and answer the asker.
 */
export async function replyToLeave(
  deps: ChatDeps,
  m: Messages,
  actorId: string,
  command: LeaveCommand,
): Promise<Message> {
  switch (command.kind) {
    case 'help':
      return textMessage(m.leave.usage);
    case 'list': {
      const { items, decidable } = await listLeave(deps, { actorId });
      return buildLeaveList(m, items, decidable);
    }
    case 'request': {
      const { kind: _, ...request } = command;
      const outcome = await requestLeave(deps, { actorId, ...request });
      await sendLeaveRequests(deps, outcome, actorId);
      const who = mention(outcome.member.messengerUserId);
      const span = leaveSpan(m, outcome.leave);
      const type = m.leave.types[outcome.leave.type];
      const lines =
        outcome.leave.status === 'approved'
          ? [m.leave.approvedNow(who, span, type)]
          : [
              m.leave.requested(
                who,
                span,
                type,
                outcome.approvers.map((a) => mention(a.messengerUserId)).join('、'),
              ),
            ];
      return textMessage([...lines, ...probationLines(m, outcome.probationMoved)].join('\n'));
    }
    case 'cancel': {
      const { kind: _, ...cancel } = command;
      const { leave, member } = await cancelLeave(deps, { actorId, ...cancel });
      return textMessage(m.leave.cancelled(mention(member.messengerUserId), leaveSpan(m, leave)));
    }
    case 'decide':
      return decide(deps, m, actorId, command.leaveId, command.approve, command.reason);
  }
}

/** Approve or turn down (a command or a button): the outcome, and the probation it moved. */
export async function decide(
  deps: ChatDeps,
  m: Messages,
  actorId: string,
  leaveId: number,
  approve: boolean,
  note?: string,
): Promise<Message> {
  const decision = await decideLeave(deps, {
    actorId,
    leaveId,
    approve,
    ...(note === undefined ? {} : { note }),
  });
  await announceLeaveDecision(deps, decision);
  const lines = [leaveDecidedText(m, decision.leave, decision.member, approve, actorId)];
  return textMessage([...lines, ...probationLines(m, decision.probationMoved)].join('\n'));
}

/** The line saying how far an approved leave moved the member's probation deadline. */
function probationLines(m: Messages, moved: ProbationMove | undefined): string[] {
  return moved === undefined ? [] : [m.leave.probationMoved(moved.days, formatDay(m, moved.deadline))];
}
