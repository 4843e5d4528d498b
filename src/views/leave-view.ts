import { daysBetween } from '../domain/days.ts';
import type { Messages } from '../i18n/index.ts';
import type { LeaveView } from '../store/leave-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { ACTIONS } from './actions.ts';
import { mention } from './markup.ts';
import { actions, type Message, note, textBlock, textMessage } from './message.ts';
import { formatDay } from './progress.ts';

/** Leave (请假) as the bot says it: requests with their buttons, decisions, the list. */
export function leaveSpan(m: Messages, leave: Pick<LeaveView, 'fromDay' | 'toDay'>): string {
  return m.leave.span(
    formatDay(m, leave.fromDay),
    formatDay(m, leave.toDay),
    daysBetween(leave.fromDay, leave.toDay) + 1,
  );
}

/** To the approver: who, which days, why, and Approve / Turn down (the same as the commands). */
export function buildLeaveRequest(m: Messages, leave: LeaveView, member: MemberView): Message {
  const who = mention(member.messengerUserId);
  const title = m.leave.requestTitle(who);
  const value = JSON.stringify({ leaveId: leave.id });
  const by =
    leave.requestedBy === member.messengerUserId ? [] : [note(m.leave.requestBy(mention(leave.requestedBy)))];
  return {
    text: title,
    blocks: [
      textBlock(
        `**${title}** #${leave.id}\n${m.leave.requestLine(leaveSpan(m, leave), m.leave.types[leave.type], leave.reason ?? '')}`,
      ),
      ...by,
      actions(`leave_decision:${leave.id}`, [
        {
          action: ACTIONS.leaveApprove,
          label: m.leave.approve,
          value,
          style: 'primary',
          command: `/leave approve ${leave.id}`,
        },
        {
          action: ACTIONS.leaveReject,
          label: m.leave.reject,
          value,
          style: 'danger',
          command: `/leave reject ${leave.id}`,
        },
      ]),
    ],
  };
}

export function leaveDecidedText(
  m: Messages,
  leave: LeaveView,
  member: MemberView,
  approve: boolean,
  decidedBy: string,
): string {
  const line = m.leave.decided(
    mention(member.messengerUserId),
    leaveSpan(m, leave),
    approve,
    mention(decidedBy),
  );
  return leave.note === null ? line : `${line}\n${m.leave.decidedNote(leave.note)}`;
}

export function buildLeaveList(
  m: Messages,
  items: ReadonlyArray<{ leave: LeaveView; member: MemberView }>,
  decidable: ReadonlySet<number>,
): Message {
  if (items.length === 0) return textMessage(m.leave.none);
  const lines = items.map(({ leave, member }) =>
    m.leave.listLine(
      leave.id,
      mention(member.messengerUserId),
      leaveSpan(m, leave),
      m.leave.types[leave.type],
      m.leave.statuses[leave.status],
    ),
  );
  const waiting = items.filter(({ leave }) => decidable.has(leave.id));
  const buttons = waiting
    .slice(0, 5)
    .flatMap(({ leave, member }) => buildLeaveRequest(m, leave, member).blocks ?? []);
  return {
    text: m.leave.listTitle,
    blocks: [
      textBlock([m.leave.listTitle, ...lines].join('\n')),
      ...(waiting.length > 0 ? [note(m.leave.decideHint)] : []),
      ...buttons,
    ],
  };
}
