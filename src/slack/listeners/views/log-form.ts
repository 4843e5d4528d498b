import type { App } from '@slack/bolt';
import { z } from 'zod';
import { messagesForPerson } from '../../../chat/language.ts';
import { replyToLog } from '../../../chat/log-replies.ts';
import { isDomainError } from '../../../errors.ts';
import { logActivity } from '../../../usecases/log-activity.ts';
import { renderDomainError } from '../../../views/errors-view.ts';
import { VIEWS } from '../../ids.ts';
import { fieldOfError, readLogForm } from '../../log-form.ts';
import { sendPrivately } from '../../private-message.ts';
import type { SlackDeps } from '../../slack-deps.ts';

const metadataSchema = z.object({ channel: z.string().optional() });

/**
 * The `/log` form's submission: field errors go back into the modal; a log the rules refuse
 * shows its reason beside the field it concerns; otherwise the modal closes and the member gets
 * the same confirmation as a typed `/log` where they typed it (or by DM).
 */
export function registerLogFormSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEWS.logForm, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const m = await messagesForPerson(deps, userId);
    const reading = readLogForm(m, view.state.values);
    if (!reading.ok) return ack({ response_action: 'errors', errors: reading.errors });
    try {
      const request = { command: reading.command, source: 'slack-modal', confirmed: false } as const;
      const outcome = await logActivity(deps, { ...request, actorId: userId, requestKey: `view:${view.id}` });
      await ack();
      const metadata = metadataSchema.safeParse(safeJson(view.private_metadata));
      const channel = metadata.success ? metadata.data.channel : undefined;
      await sendPrivately(deps, client, { user: userId, channel }, replyToLog(deps, m, outcome));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      await ack({
        response_action: 'errors',
        errors: { [fieldOfError(error.code, error.params)]: renderDomainError(m, error) },
      });
    }
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
