import { localeFromTag, messagesFor } from '../i18n/index.ts';
import { makePosterImage } from '../images/poster-image.ts';
import { imageSettingsFrom } from '../store/settings-repository.ts';
import type { PkBoard } from '../usecases/compute-pk.ts';
import type { PostRef } from '../usecases/messenger.ts';
import type { GoalStatus } from '../usecases/team-goals.ts';
import { buildPkPoster } from '../views/poster-view.ts';
import type { JobContext } from './job.ts';
import type { PostLog } from './posting.ts';

/**
 * The 战报 poster of a board, posted after its text to the channel the text reached, unless the
 * team turned images off (`/team image off`). A text that failed (recorded already) gets no image:
 * a poster alone in a channel that refused the board would only fail the same way, or say less.
 * It is drawn in the team's language, as its channel posts are.
 */
export async function sendBoardImage(
  context: JobContext,
  log: PostLog,
  text: PostRef | undefined,
  input: { board: PkBoard; result: boolean; goal?: GoalStatus },
): Promise<void> {
  if (text === undefined) return;
  const to = { channel: text.channel };
  const images = imageSettingsFrom(await context.store.settings.teamSettings(context.team.id));
  if (!images.enabled) return;
  const m = messagesFor(localeFromTag(context.team.locale, 'zh-CN'));
  await log.sendImage('team-board-image', to, () => makePosterImage(buildPkPoster(m, input), context.day));
}
