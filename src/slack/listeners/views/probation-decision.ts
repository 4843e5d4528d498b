import type { App } from '@slack/bolt';
import { z } from 'zod';
import { messagesForPerson } from '../../../chat/language.ts';
import { replyToProbation } from '../../../chat/probation-replies.ts';
import { isDomainError } from '../../../errors.ts';
import { decideProbation } from '../../../usecases/manage-probation.ts';
import { renderDomainError } from '../../../views/errors-view.ts';
import { VIEWS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';

const metadataSchema = z.object({ probationId: z.number().int() });
const stateSchema = z.object({
  reason: z.object({ value: z.object({ value: z.string().nullish() }) }),
  days: z.object({ value: z.object({ value: z.string().nullish() }) }).optional(),
});

/** The Extend and Reject forms: a reason (and days); errors show beside the field. */
export function registerProbationDecisionForms(app: App, deps: SlackDeps): void {
  for (const kind of ['extend', 'reject'] as const) {
    app.view(
      kind === 'extend' ? VIEWS.probationExtend : VIEWS.probationReject,
      async ({ ack, body, view, client }) => {
        const m = await messagesForPerson(deps, body.user.id);
        const metadata = metadataSchema.safeParse(safeJson(view.private_metadata));
        const state = stateSchema.safeParse(view.state.values);
        if (!metadata.success || !state.success)
          return ack({ response_action: 'errors', errors: { reason: m.common.somethingWrong } });
        const reason = state.data.reason.value.value?.trim() ?? '';
        const daysText = state.data.days?.value.value?.trim() ?? '';
        if (reason === '')
          return ack({ response_action: 'errors', errors: { reason: m.probation.reasonLabel } });
        if (kind === 'extend' && !/^\d{1,2}$/.test(daysText))
          return ack({ response_action: 'errors', errors: { days: m.errors['probation-extend-days']() } });
        try {
          const decision = kind === 'extend' ? { kind, days: Number(daysText), reason } : { kind, reason };
          const outcome = await decideProbation(deps, {
            actorId: body.user.id,
            probationId: metadata.data.probationId,
            decision,
          });
          await ack();
          const reply = await replyToProbation(deps, m, { kind: 'decided', outcome });
          await client.chat.postMessage({ channel: body.user.id, ...toSlack(reply) });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          await ack({
            response_action: 'errors',
            errors: { [kind === 'extend' ? 'days' : 'reason']: renderDomainError(m, error) },
          });
        }
      },
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
