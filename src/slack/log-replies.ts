import type { WebClient } from '@slack/web-api';
import type { Messages } from '../i18n/index.ts';
import { afterActivityLogged } from '../usecases/after-log.ts';
import type { LogOutcome } from '../usecases/log-activity.ts';
import { exactDay } from '../usecases/resolve-day.ts';
import { publishHome } from './home.ts';
import { encodeConfirmation } from './log-confirmation.ts';
import type { SlackDeps } from './slack-deps.ts';
import type { Reply } from './views/blocks.ts';
import { buildLogConfirmReply, buildLogReply } from './views/log-view.ts';

/**
 * The reply to a log, whichever way it came in (command, form, button): the confirmation with
 * totals, or the question with Confirm / Cancel. A recorded log also refreshes the Home tab of
 * the member it was for, announces milestones and corrects an already posted PK board.
 */
export async function replyToLog(
  deps: SlackDeps,
  client: WebClient,
  m: Messages,
  outcome: LogOutcome,
): Promise<Reply> {
  if (outcome.kind === 'confirm') {
    const command = { ...outcome.command, day: exactDay(outcome.day) };
    return buildLogConfirmReply(m, outcome.warnings, encodeConfirmation(command));
  }
  if (outcome.kind === 'recorded') {
    // After the reply, in the background: a burst of logs waits for none of it, and a member's
    // Home tab is refreshed once for the logs that came in while it waited.
    const userId = outcome.subject.messengerUserId;
    deps.lane.run(() => publishHome(deps, client, userId), { background: true, key: `home:${userId}` });
    deps.lane.run(() => afterActivityLogged(deps, outcome), { background: true });
  }
  return buildLogReply(m, outcome);
}
