import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS } from '../../src/bundle-options.js';

/**
 * Memory: `npm start` bundles src/main.ts with esbuild (src/start.js), and whatever the bundle
 * imports is loaded into the bot. satori (~50 MB with its WebAssembly once imported), resvg and
 * the fonts are loaded only by the renderer's own process, which ends when idle.
 */
describe('the image renderer at rest', () => {
  it('is never imported by the bundled bot', async () => {
    const built = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('../../src/main.ts', import.meta.url))],
      ...BUNDLE_OPTIONS,
      write: false,
      logLevel: 'silent',
    });
    const text = built.outputFiles[0]?.text ?? '';
    const topImports = text.split('\n').filter((line) => /^import\b/.test(line));
    expect(topImports.length).toBeGreaterThan(5);
    expect(topImports.filter((line) => /satori|resvg|fontsource/.test(line))).toEqual([]);
    // The renderer is drawn in a process of its own (src/images/poster-image.ts): the bot's bundle
    // never loads it at all, so its memory is the same after an image as before.
    expect(text).not.toMatch(/satori|@resvg|fontsource/);
    expect(text).toContain('render-worker.ts');
  });
});
