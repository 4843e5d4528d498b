import type { Messages } from '../i18n/index.ts';
import { announceDecision, requestSignOff } from '../usecases/probation-notices.ts';
import type { ProbationOutcome } from '../usecases/run-probation-command.ts';
import { mention } from './format.ts';
import type { SlackDeps } from './slack-deps.ts';
import { type Reply, textReply } from './views/blocks.ts';
import { buildChecklist, buildProbationList, decisionText } from './views/careers-view.ts';

/**
 * The reply to a probation action, whichever way it came (command, button, form), and what
 * follows it: the sign-off request once all five items are done, the outcome in place of the
 * buttons once someone decides.
 */
export async function replyToProbation(
  deps: SlackDeps,
  m: Messages,
  outcome: ProbationOutcome,
): Promise<Reply> {
  switch (outcome.kind) {
    case 'list':
      return buildProbationList(m, outcome.states, outcome.today);
    case 'ticked': {
      const { tick } = outcome;
      if (tick.readyForSignOff) await requestSignOff(deps, tick);
      const checklist = buildChecklist(m, tick.member, tick.probation);
      const note = m.probation.ticked(mention(tick.member.messengerUserId), m.probation.items[tick.item]);
      return { text: note, blocks: checklist.blocks ?? [] };
    }
    case 'decided':
      await announceDecision(deps, outcome.outcome);
      return textReply(
        decisionText(
          m,
          outcome.outcome.member,
          outcome.outcome.decision,
          outcome.outcome.decidedBy,
          outcome.outcome.probation,
        ),
      );
  }
}
