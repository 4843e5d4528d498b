import type { Messages } from '../i18n/index.ts';
import { afterActivityLogged } from '../usecases/after-log.ts';
import type { LogOutcome } from '../usecases/log-activity.ts';
import { exactDay } from '../usecases/resolve-day.ts';
import { encodeConfirmation } from '../views/log-confirmation.ts';
import { buildLogConfirmReply, buildLogReply } from '../views/log-view.ts';
import type { Message } from '../views/message.ts';
import type { ChatDeps } from './chat-deps.ts';

/**
 * The reply to a log, whichever way it came in (command, form, button, messenger): the
 * confirmation with totals, or the question with Confirm / Cancel. A recorded log also, in the
 * background, announces milestones, corrects an already posted PK board and lets the adapter
 * refresh the member's own surface (Slack's Home tab).
 */
export function replyToLog(deps: ChatDeps, m: Messages, outcome: LogOutcome, typed?: string): Message {
  if (outcome.kind === 'confirm') {
    const command = { ...outcome.command, day: exactDay(outcome.day) };
    return buildLogConfirmReply(m, outcome.warnings, encodeConfirmation(command), typed);
  }
  if (outcome.kind === 'recorded') {
    // After the reply: a burst of logs waits for none of it, and a member's own surface is
    // refreshed once for the logs that came in while it waited.
    const userId = outcome.subject.messengerUserId;
    const refresh = deps.onActivityRecorded;
    if (refresh !== undefined)
      deps.lane.run(() => refresh(userId), { background: true, key: `home:${userId}` });
    deps.lane.run(() => afterActivityLogged(deps, outcome), { background: true });
  }
  return buildLogReply(m, outcome);
}
