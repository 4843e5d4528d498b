import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS } from '../../src/bundling.js';

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

describe('the bundled bot at rest', () => {
  it('loads another messenger’s packages only when that messenger runs (code splitting, as npm start)', async () => {
    const built = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('../../src/main.ts', import.meta.url))],
      ...BUNDLE_OPTIONS,
      outdir: fileURLToPath(new URL('../../node_modules/.cache/zhanbao-test-split/', import.meta.url)),
      entryNames: 'main',
      splitting: true,
      outExtension: { '.js': '.mjs' },
      write: false,
      logLevel: 'silent',
    });
    // What `node main.mjs` loads at start: main and the chunks it imports statically, transitively
    // (a dynamic import("./chunk-….mjs") is loaded when called).
    const byName = new Map(built.outputFiles.map((f) => [f.path.split('/').at(-1) ?? '', f.text]));
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      const text = byName.get(name) ?? '';
      for (const match of text.matchAll(/^import\s[^;]*?["']\.\/(chunk-[A-Z0-9]+\.mjs)["']/gms))
        visit(match[1] ?? '');
    };
    visit('main.mjs');
    const packages = [...loaded].flatMap((name) =>
      [...(byName.get(name) ?? '').matchAll(/^import\s[^;]*?["']([^."'][^"']*)["']/gms)].map(
        (m) => m[1] ?? '',
      ),
    );
    expect(packages).toContain('@slack/bolt');
    // The same reading of the other chunks does find them: they are there, only not loaded at start.
    const everywhere = built.outputFiles.flatMap((f) =>
      [...f.text.matchAll(/^import\s[^;]*?["']([^."'][^"']*)["']/gms)].map((m) => m[1] ?? ''),
    );
    expect(everywhere).toEqual(
      expect.arrayContaining(['dingtalk-stream', '@wecom/crypto', 'fast-xml-parser']),
    );
    expect(
      packages.filter((p) => /dingtalk-stream|@wecom\/crypto|fast-xml-parser|exceljs|satori/.test(p)),
    ).toEqual([]);
  });
});
