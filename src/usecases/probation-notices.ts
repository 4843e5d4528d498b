import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Store } from '../store/store.ts';
import { type DecisionOutcome, deciders, type ProbationState } from './manage-probation.ts';
import type { Messenger } from './messenger.ts';

type NoticeDeps = { store: Store; messenger: Messenger; logger: Logger };

/**
 * The messages of a probation, outside the transactions that change it: the checklist to the
 * hire's leader (or whoever added them), the sign-off request to every manager and the director
 * when the five items are done, and the outcome in place of the buttons once one of them decides.
 * A failed post is logged; the probation itself is already saved.
 */
export async function sendProbationChecklist(
  deps: NoticeDeps,
  state: ProbationState,
  addedBy: MemberView | undefined,
): Promise<void> {
  const groups = await deps.store.roster.groups(state.member.teamId);
  const leaderId = groups.find((g) => g.id === state.member.groupId)?.leaderId ?? null;
  const leader = leaderId === null ? undefined : await deps.store.roster.member(leaderId);
  const to = leader !== undefined && leader.status !== 'left' ? leader : addedBy;
  if (to === undefined) return;
  await safely(deps, 'probation.checklist', () =>
    deps.messenger.post({ member: to }, { kind: 'probation-checklist', ...state }),
  );
}

export async function requestSignOff(deps: NoticeDeps, state: ProbationState): Promise<void> {
  const refs: Array<{ channel: string; ts: string }> = [];
  for (const manager of await deciders(deps.store, state.member.teamId)) {
    if (manager.id === state.member.id) continue;
    await safely(deps, 'probation.signoff', async () => {
      refs.push(await deps.messenger.post({ member: manager }, { kind: 'probation-signoff', ...state }));
    });
  }
  await deps.store.careers.updateProbation(state.probation.id, { requests: refs });
}

/** Replaces the buttons of every sign-off request with the outcome (an extension keeps them). */
export async function announceDecision(deps: NoticeDeps, outcome: DecisionOutcome): Promise<void> {
  if (outcome.decision.kind === 'extend') return;
  for (const ref of outcome.probation.requests) {
    await safely(deps, 'probation.decided', () =>
      deps.messenger.update(ref, {
        kind: 'probation-decided',
        member: outcome.member,
        probation: outcome.probation,
        decision: outcome.decision,
        decidedBy: outcome.decidedBy,
      }),
    );
  }
}

async function safely(deps: NoticeDeps, what: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    deps.logger.event('warn', `${what}.failed`, serializeError(error));
  }
}
