import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';
import { registerLeaveActions } from './actions/leave.ts';
import { registerLogConfirmationActions } from './actions/log-confirmation.ts';
import { registerProbationActions } from './actions/probation.ts';
import { registerTeamAddActions } from './actions/team-add.ts';
import { registerVisitsAnswerActions } from './actions/visits-answer.ts';
import { registerChatCommands } from './commands/chat-commands.ts';
import { registerAppHome } from './events/app-home.ts';
import { registerLogFormSubmission } from './views/log-form.ts';
import { registerProbationDecisionForms } from './views/probation-decision.ts';

/** Every listener of the Slack adapter, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerChatCommands(app, deps);
  registerLogConfirmationActions(app, deps);
  registerLogFormSubmission(app, deps);
  registerAppHome(app, deps);
  registerProbationActions(app, deps);
  registerLeaveActions(app, deps);
  registerTeamAddActions(app, deps);
  registerVisitsAnswerActions(app, deps);
  registerProbationDecisionForms(app, deps);
}
