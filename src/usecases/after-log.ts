import type { Day } from '../domain/days.ts';
import { localeFromTag, messagesFor } from '../i18n/index.ts';
import { makePosterImage } from '../images/poster-image.ts';
import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import type { TeamView } from '../store/roster-repository.ts';
import { imageSettingsFrom } from '../store/settings-repository.ts';
import type { Store } from '../store/store.ts';
import type { TeamEvents } from '../team-events.ts';
import { buildGoodNewsPoster } from '../views/poster-view.ts';
import type { LogOutcome } from './log-activity.ts';
import type { Messenger, MilestoneNews } from './messenger.ts';
import { memberMilestoneNews } from './milestones.ts';
import { reviseDailyPk } from './revise-daily-pk.ts';

/**
 * The 喜报 poster of a first or big deal, after its text, unless the team turned images off. Its
 * failure is logged and costs neither the text nor the board correction that follows.
 */
async function postGoodNews(
  deps: { store: Store; messenger: Messenger; logger: Logger },
  team: TeamView,
  channel: { channel: string },
  news: MilestoneNews,
  day: Day,
): Promise<void> {
  try {
    if (!imageSettingsFrom(await deps.store.settings.teamSettings(team.id)).enabled) return;
    const poster = buildGoodNewsPoster(messagesFor(localeFromTag(team.locale, 'zh-CN')), { news, team, day });
    if (poster === undefined) return;
    await deps.messenger.postImage(channel, await makePosterImage(poster, day));
  } catch (error) {
    deps.logger.event('warn', 'after-log.image_failed', {
      team: team.id,
      kind: news.kind,
      day,
      ...serializeError(error),
    });
  }
}

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
      const channel = { channel: team.pkChannelId };
      for (const milestone of await memberMilestoneNews(deps.store, outcome.subject, outcome.day)) {
        await deps.messenger.post(channel, { kind: 'milestone', milestone });
        await postGoodNews(deps, team, channel, milestone, outcome.day);
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
