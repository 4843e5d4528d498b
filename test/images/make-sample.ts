/**
 * Writes test/images/sample-pk.png, the poster the README shows: `npx tsx test/images/make-sample.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { renderPoster } from '../../src/images/render-poster.ts';
import { samplePkPoster } from './sample-poster.ts';

const { png } = await renderPoster(samplePkPoster(6));
await writeFile(new URL('./sample-pk.png', import.meta.url), png);
