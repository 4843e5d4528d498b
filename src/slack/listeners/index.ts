import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';
import { registerLogConfirmationActions } from './actions/log-confirmation.ts';
import { registerProbationActions } from './actions/probation.ts';
import { registerLevelCommand } from './commands/level.ts';
import { registerLogCommand } from './commands/log.ts';
import { registerPayCommand } from './commands/pay.ts';
import { registerProbationCommand } from './commands/probation.ts';
import { registerRankCommand } from './commands/rank.ts';
import { registerStatsCommand } from './commands/stats.ts';
import { registerTeamCommand } from './commands/team.ts';
import { registerAppHome } from './events/app-home.ts';
import { registerLogFormSubmission } from './views/log-form.ts';
import { registerProbationDecisionForms } from './views/probation-decision.ts';

/** Every listener of the Slack adapter, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerTeamCommand(app, deps);
  registerLogCommand(app, deps);
  registerStatsCommand(app, deps);
  registerRankCommand(app, deps);
  registerLogConfirmationActions(app, deps);
  registerLogFormSubmission(app, deps);
  registerAppHome(app, deps);
  registerProbationCommand(app, deps);
  registerLevelCommand(app, deps);
  registerPayCommand(app, deps);
  registerProbationActions(app, deps);
  registerProbationDecisionForms(app, deps);
}
