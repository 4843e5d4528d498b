import { type Logger, serializeError } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { LeaveDecision, LeaveOutcome } from './manage-leave.ts';
import type { Messenger } from './messenger.ts';

type NoticeDeps = { store: Store; messenger: Messenger; logger: Logger };

/**
 * The messages of a leave request, outside the transactions that change it: the request with its
 * buttons to each approver; once one decides, the outcome in place of every request's buttons
 * and a note to the member. A leave approved when asked (by a leader or manager for a member)
 * tells the member. A failed post is logged; the leave itself is already saved.
 */
export async function sendLeaveRequests(
  deps: NoticeDeps,
  outcome: LeaveOutcome,
  askedBy: string,
): Promise<void> {
  const { leave, member } = outcome;
  if (leave.status === 'approved') {
    if (member.messengerUserId !== askedBy)
      await safely(deps, 'leave.approved', () =>
        deps.messenger.post(
          { member },
          { kind: 'leave-decided', leave, member, approve: true, decidedBy: askedBy },
        ),
      );
    return;
  }
  const refs: Array<{ channel: string; ts: string }> = [];
  for (const approver of outcome.approvers) {
    await safely(deps, 'leave.request', async () => {
      refs.push(await deps.messenger.post({ member: approver }, { kind: 'leave-request', leave, member }));
    });
  }
  await deps.store.leave.setRequests(leave.id, refs);
}

export async function announceLeaveDecision(deps: NoticeDeps, decision: LeaveDecision): Promise<void> {
  const { leave, member, approve, decidedBy } = decision;
  const message = { kind: 'leave-decided', leave, member, approve, decidedBy } as const;
  for (const ref of leave.requests)
    await safely(deps, 'leave.decided', () => deps.messenger.update(ref, message));
  if (member.messengerUserId !== decidedBy)
    await safely(deps, 'leave.decided', () => deps.messenger.post({ member }, message));
}

async function safely(deps: NoticeDeps, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    deps.logger.event('warn', `${what}.failed`, serializeError(error));
  }
}
