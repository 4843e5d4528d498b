import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { messagesForPerson } from '../../../chat/language.ts';
import { replyToProbation } from '../../../chat/probation-replies.ts';
import { replyOrError } from '../../../chat/reply-or-error.ts';
import { parseTrainingItem } from '../../../commands/probation-command.ts';
import { decideProbation, tickTrainingItem } from '../../../usecases/manage-probation.ts';
import { textMessage } from '../../../views/message.ts';
import { ACTIONS } from '../../ids.ts';
import { toSlack } from '../../render.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { buildDecisionForm } from '../../views/decision-form-view.ts';

const valueSchema = z.object({ probationId: z.number().int(), item: z.string().optional() });

function readValue(value: string | undefined) {
  try {
    const parsed = valueSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The probation buttons: tick an item on the leader's checklist; Approve on a sign-off request
 * (Extend and Reject open a form for the days and the reason). The answer replaces the message,
 * so its buttons cannot be pressed again; a manager who clicks after another decided is told who.
 */
export function registerProbationActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ACTIONS.probationTick}`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const m = await messagesForPerson(deps, body.user.id);
      const reply = await replyOrError(deps, m, { user: body.user.id, what: 'probation_tick' }, async () => {
        const value = readValue(action.value);
        const item = value?.item === undefined ? undefined : parseTrainingItem(value.item);
        if (value === undefined || item === undefined) return textMessage(m.common.somethingWrong);
        const tick = await tickTrainingItem(deps, {
          actorId: body.user.id,
          probationId: value.probationId,
          item,
        });
        return replyToProbation(deps, m, { kind: 'ticked', tick });
      });
      await respond({ replace_original: true, response_type: 'ephemeral', ...toSlack(reply) });
    },
  );

  app.action<BlockButtonAction>(ACTIONS.probationApprove, async ({ ack, body, action, respond }) => {
    await ack();
    const m = await messagesForPerson(deps, body.user.id);
    const reply = await replyOrError(deps, m, { user: body.user.id, what: 'probation_approve' }, async () => {
      const value = readValue(action.value);
      if (value === undefined) return textMessage(m.common.somethingWrong);
      const outcome = await decideProbation(deps, {
        actorId: body.user.id,
        probationId: value.probationId,
        decision: { kind: 'approve' },
      });
      return replyToProbation(deps, m, { kind: 'decided', outcome });
    });
    await respond({ replace_original: true, ...toSlack(reply) });
  });

  for (const kind of ['extend', 'reject'] as const) {
    const actionId = kind === 'extend' ? ACTIONS.probationExtend : ACTIONS.probationReject;
    app.action<BlockButtonAction>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const value = readValue(action.value);
      if (value === undefined) return;
      const m = await messagesForPerson(deps, body.user.id);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildDecisionForm(m, kind, value.probationId),
      });
    });
  }
}
