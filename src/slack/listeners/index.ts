import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';
import { registerTeamCommand } from './commands/team.ts';

/** Every listener of the Slack adapter, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerTeamCommand(app, deps);
}
