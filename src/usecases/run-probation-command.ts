import type { ProbationCommand } from '../commands/probation-command.ts';
import type { Day } from '../domain/days.ts';
import type { UseCaseDeps } from './context.ts';
import {
  type DecisionOutcome,
  decideProbation,
  type ProbationState,
  showProbations,
  type TickOutcome,
  tickTrainingItem,
} from './manage-probation.ts';

export type ProbationOutcome =
  | { kind: 'list'; states: ProbationState[]; today: Day }
  | { kind: 'ticked'; tick: TickOutcome }
  | { kind: 'decided'; outcome: DecisionOutcome };

/** Routes a parsed `/probation` command to its use case. */
export async function runProbationCommand(
  deps: UseCaseDeps,
  actorId: string,
  command: ProbationCommand,
): Promise<ProbationOutcome> {
  switch (command.kind) {
    case 'list':
      return { kind: 'list', ...(await showProbations(deps, { actorId })) };
    case 'show':
      return { kind: 'list', ...(await showProbations(deps, { actorId, memberRef: command.memberRef })) };
    case 'tick':
      return {
        kind: 'ticked',
        tick: await tickTrainingItem(deps, { actorId, memberRef: command.memberRef, item: command.item }),
      };
    case 'approve':
      return {
        kind: 'decided',
        outcome: await decideProbation(deps, {
          actorId,
          memberRef: command.memberRef,
          decision: { kind: 'approve' },
        }),
      };
    case 'extend':
      return {
        kind: 'decided',
        outcome: await decideProbation(deps, {
          actorId,
          memberRef: command.memberRef,
          decision: { kind: 'extend', days: command.days, reason: command.reason },
        }),
      };
    case 'reject':
      return {
        kind: 'decided',
        outcome: await decideProbation(deps, {
          actorId,
          memberRef: command.memberRef,
          decision: { kind: 'reject', reason: command.reason },
        }),
      };
  }
}
