import type { Messages } from '../i18n/index.ts';
import { announceDecision, requestSignOff } from '../usecases/probation-notices.ts';
import type { ProbationOutcome } from '../usecases/run-probation-command.ts';
import { buildChecklist, buildProbationList, decisionText } from '../views/careers-view.ts';
import { mention } from '../views/markup.ts';
import { type Message, textMessage } from '../views/message.ts';
import type { ChatDeps } from './chat-deps.ts';

/**
 * The reply to a probation action, whichever way it came (command, button, form), and what
 * follows it: the sign-off request once all five items are done, the outcome in place of the
 * buttons once someone decides.
 */
export async function replyToProbation(
  deps: ChatDeps,
  m: Messages,
  outcome: ProbationOutcome,
): Promise<Message> {
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
      return textMessage(
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
