import type { Locale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Directory, UseCaseDeps } from '../usecases/context.ts';
import type { Messenger } from '../usecases/messenger.ts';
import type { WorkLane } from '../work-lane.ts';

/** What the Slack listeners receive: the use cases' deps plus the adapter's own directory. */
export type SlackDeps = UseCaseDeps & {
  directory: Directory;
  logger: Logger;
  defaultLocale: Locale;
  messenger: Messenger;
  /** Where work goes once its request is acknowledged (see work-lane.ts). */
  lane: WorkLane;
};
