import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * Memory at rest: `npm start` bundles src/main.ts with esbuild (src/start.js), and whatever the
 * bundle imports at its top is loaded at start. satori (~50 MB with its WebAssembly once imported),
 * resvg and the fonts must only be imported when the first image is drawn.
 */
describe('the image renderer at rest', () => {
  it('is not imported by the bundled bot until an image is made', async () => {
    const built = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('../../src/main.ts', import.meta.url))],
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      supported: { 'import-attributes': true },
      packages: 'external',
      logLevel: 'silent',
    });
    const text = built.outputFiles[0]?.text ?? '';
    const topImports = text.split('\n').filter((line) => /^import\b/.test(line));
    expect(topImports.length).toBeGreaterThan(5);
    expect(topImports.filter((line) => /satori|resvg|fontsource/.test(line))).toEqual([]);
    expect(text).toContain('import("satori")');
    expect(text).toContain('import("@resvg/resvg-js")');
  });
});
