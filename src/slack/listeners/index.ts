import type { App } from '@slack/bolt';
import { ACTIONS } from '../ids.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { registerProbationActions } from './actions/probation.ts';
import { registerReplacingClicks } from './actions/replacing-clicks.ts';
import { registerChatCommands } from './commands/chat-commands.ts';
import { registerAppHome } from './events/app-home.ts';
import { registerLogFormSubmission } from './views/log-form.ts';
import { registerProbationDecisionForms } from './views/probation-decision.ts';

/** Every listener of the Slack adapter, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerChatCommands(app, deps);
  // Confirm / Cancel under a log that asked for confirmation: a second click that races in still
  // saves once (the confirmation token is the entry's request key).
  registerReplacingClicks(app, deps, [ACTIONS.logConfirm, ACTIONS.logCancel], { ephemeral: true });
  registerLogFormSubmission(app, deps);
  registerAppHome(app, deps);
  registerProbationActions(app, deps);
  // Approve / Turn down under a leave request in the approver's DM: a second approver who clicks
  // after another decided is told who did (the decision is conditional on the request waiting).
  registerReplacingClicks(app, deps, [ACTIONS.leaveApprove, ACTIONS.leaveReject], { ephemeral: false });
  // "Create the group and add" under a /team add that named a new group: a second press is told
  // the person is on the roster.
  registerReplacingClicks(app, deps, [ACTIONS.teamAddNewGroup], { ephemeral: false });
  // A tap on the morning 到访 question: a second tap is counted once (keyed by member and day).
  registerReplacingClicks(app, deps, [new RegExp(`^${ACTIONS.visitsAnswer}:`)], { ephemeral: true });
  registerProbationDecisionForms(app, deps);
}
