import type { Locale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Directory, UseCaseDeps } from '../usecases/context.ts';
import type { Messenger } from '../usecases/messenger.ts';
import type { WorkLane } from '../work-lane.ts';

/**
 * What the command router and every messenger adapter's listeners receive: the use cases' deps
 * plus the adapter's directory (names, languages) and messenger (posts, direct messages).
 */
export type ChatDeps = UseCaseDeps & {
  directory: Directory;
  logger: Logger;
  defaultLocale: Locale;
  messenger: Messenger;
  /** Where work goes once its request is acknowledged (see work-lane.ts). */
  lane: WorkLane;
  /**
   * Called in the background after a log changed a member's figures; an adapter with a
   * per-person surface refreshes it here (Slack: the Home tab).
   */
  onActivityRecorded?: (messengerUserId: string) => Promise<void>;
};
