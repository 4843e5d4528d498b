import type { App } from '@slack/bolt';
import { publishHome } from '../../home.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/** Opening the Home tab shows the member's progress. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, event.user);
  });
}
