import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { handleClick } from '../../../chat/clicks.ts';
import { messagesForPerson } from '../../../chat/language.ts';
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
  const click = async (body: BlockButtonAction, respond: RespondFn, ephemeral: boolean) => {
    const reply = await handleClick(deps, {
      actorId: body.user.id,
      action: body.actions[0]?.action_id ?? '',
      value: body.actions[0]?.value ?? '',
      source: 'slack-button',
    });
    await respond({
      replace_original: true,
      ...(ephemeral ? { response_type: 'ephemeral' as const } : {}),
      ...toSlack(reply.message),
    });
  };
  app.action<BlockButtonAction>(new RegExp(`^${ACTIONS.probationTick}`), async ({ ack, body, respond }) => {
    await ack();
    await click(body, respond, true);
  });
  app.action<BlockButtonAction>(ACTIONS.probationApprove, async ({ ack, body, respond }) => {
    await ack();
    await click(body, respond, false);
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
