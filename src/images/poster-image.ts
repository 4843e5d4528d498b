import type { Day } from '../domain/days.ts';
import type { OutboundImage } from '../usecases/messenger.ts';
import { type Poster, posterAlt, posterFilename } from '../views/poster-view.ts';

/**
 * A poster as the PNG a messenger posts. The renderer (satori, resvg, the fonts) is imported here
 * on first use, not at start: a bot that never makes an image never loads it.
 */
export async function makePosterImage(poster: Poster, day: Day): Promise<OutboundImage> {
  const { renderPoster } = await import('./render-poster.ts');
  const { png } = await renderPoster(poster);
  return { filename: posterFilename(poster, day), png, alt: posterAlt(poster) };
}
