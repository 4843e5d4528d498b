import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { TeamEvents } from '../team-events.ts';
import type { LogOutcome } from './log-activity.ts';
import type { Messenger } from './messenger.ts';
import { memberMilestoneNews } from './milestones.ts';
import { reviseDailyPk } from './revise-daily-pk.ts';

/**
 * What follows a recorded log, outside its transaction: milestones announced once in the team
 * channel, and the day's posted PK board corrected when the log changes it. A failure here is
 * logged and never undoes or hides the log itself. Live surfaces (the wallboard) hear of the log
 * last, whatever happened before, so that they show the milestones just claimed.
 */
export async function afterActivityLogged(
  deps: { store: Store; messenger: Messenger; logger: Logger; events?: TeamEvents },
  outcome: LogOutcome,
): Promise<void> {
  if (outcome.kind !== 'recorded') return;
  try {
    const team = await deps.store.roster.team(outcome.subject.teamId);
    if (team.pkChannelId !== null) {
      for (const milestone of await memberMilestoneNews(deps.store, outcome.subject, outcome.day)) {
        await deps.messenger.post({ channel: team.pkChannelId }, { kind: 'milestone', milestone });
      }
    }
    await reviseDailyPk(deps, { teamId: team.id, day: outcome.day, cause: outcome.subject });
  } catch (error) {
    deps.logger.event('warn', 'after-log.failed', {
      member: outcome.subject.id,
      day: outcome.day,
      ...serializeError(error),
    });
  } finally {
    deps.events?.publish({ kind: 'activity', teamId: outcome.subject.teamId });
  }
}
