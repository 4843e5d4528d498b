import type { WebClient } from '@slack/web-api';
import { messagesForPerson } from '../chat/language.ts';
import { isDomainError } from '../errors.ts';
import { serializeError } from '../logger.ts';
import { ALL_PERIODS, getMemberStats } from '../usecases/get-stats.ts';
import type { SlackDeps } from './slack-deps.ts';
import { buildHomeView } from './views/home-view.ts';

/**
 * Publishes a member's Home tab (the `/stats` picture). Called when they open it and after every
 * log that changes their figures; a failure is logged and never fails the log itself.
 */
export async function publishHome(deps: SlackDeps, client: WebClient, userId: string): Promise<void> {
  try {
    const m = await messagesForPerson(deps, userId);
    const stats = await getMemberStats(deps, { actorId: userId, periods: ALL_PERIODS }).catch(
      (error: unknown) => {
        if (isDomainError(error)) return undefined;
        throw error;
      },
    );
    await client.views.publish({ user_id: userId, view: buildHomeView(m, stats) });
  } catch (error) {
    deps.logger.event('warn', 'home.publish_failed', { user: userId, ...serializeError(error) });
  }
}
