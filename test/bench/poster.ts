/**
 * The 18:00 战报 image of ten groups, made as the job makes it (src/images/poster-image.ts: the
 * renderer imported on first use, the fonts read on first use): the first image of the process
 * (cold: import of satori and resvg, WebAssembly, font files) and the next ones (warm: what each
 * later day costs a running bot), with different figures each time as each day has.
 */
import { makePosterImage } from '../../src/images/poster-image.ts';
import { day } from '../helpers/day.ts';
import { samplePkPoster } from '../images/sample-poster.ts';
import { median } from './measure.ts';

export type PosterFigure = {
  groups: number;
  coldMs: number;
  warmP50Ms: number;
  warmMaxMs: number;
  pngBytes: number;
  /** RSS the bot's process gained from the first image, in MB (the renderer runs in its own). */
  rssGrowthMb: number;
};

export async function benchPoster(runs = 10, groups = 10): Promise<PosterFigure> {
  const rssBefore = process.memoryUsage().rss;
  const poster = (run: number) => {
    const base = samplePkPoster(groups);
    return {
      ...base,
      groups: base.groups.map((g, i) => ({ ...g, perCapita: String(90 - i * 6 + run / 10) })),
    };
  };
  let started = performance.now();
  const first = await makePosterImage(poster(0), day('2026-11-27'));
  const coldMs = performance.now() - started;
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  const warm: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    started = performance.now();
    await makePosterImage(poster(run), day('2026-11-27'));
    warm.push(performance.now() - started);
  }
  return {
    groups,
    coldMs,
    warmP50Ms: median(warm),
    warmMaxMs: Math.max(...warm),
    pngBytes: first.png.length,
    rssGrowthMb,
  };
}
