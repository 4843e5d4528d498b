import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { messagesForPerson } from '../../../chat/language.ts';
import { ACTIONS } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { buildDecisionForm } from '../../views/decision-form-view.ts';
import { registerReplacingClicks } from './replacing-clicks.ts';

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
  // A tick replaces the private checklist; a sign-off replaces the request in the manager's DM.
  registerReplacingClicks(app, deps, [new RegExp(`^${ACTIONS.probationTick}`)], { ephemeral: true });
  registerReplacingClicks(app, deps, [ACTIONS.probationApprove], { ephemeral: false });
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
