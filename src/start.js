#!/usr/bin/env node
// `npm start`: bundles src/main.ts into one JavaScript file (esbuild, a fraction of a second) and
// runs it with plain node. Run through tsx instead, the bot rested at ~230 MB: tsx keeps a loader
// thread with its own JavaScript heap for the whole life of the process; the bundle rests near
// 110 MB (see the README's Performance section). Packages stay in node_modules, untouched.
//
// Each source file's import.meta.url is rewritten to that file's own URL in src/, so paths made
// from it (the migrations in prisma/, the playground's page, the calendar data) are the same as
// under tsx.
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import * as esbuild from 'esbuild';
import { BUNDLE_OPTIONS, writeBundleFile } from './bundling.js';

// Full GCs let the old generation grow by 20% of what they left live (issue 18). By default V8
// lets it grow up to 4x the live heap while the program allocates fast, because its heap limit
// comes from the machine's memory (4 GB on the 24 GB bench machine). Measured in the bench's bot
// under a burst of 2,000 `/log`: the live heap stays ~45 MB, but each log allocates ~1 MB (Prisma
// ~45 KB a query) and ~13% of it outlives two scavenges, so the old space held up to ~130 MB of
// garbage before each full GC and the process peaked at 290-340 MB. With 20% (and V8's own
// minimum headroom) it peaked at 184-202 MB, at the price of a full GC every ~0.4 s of the burst
// (pauses: median 7 ms, max 32 ms) and a p99 ack at 33 logs/s ~15-35 ms higher on a busy 2-core
// machine. V8 reads this flag at every full GC, so it applies from here on; the semi-spaces
// (2 x 16 MB) are sized at start-up and only a command-line flag would change them.
setFlagsFromString('--heap-growing-percent=20');

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// Another entry point may be given (the benchmark starts its own the same way).
const entry = resolve(process.argv[2] ?? join(root, 'src', 'main.ts'));
const name = relative(root, entry).replace(/\.ts$/, '').replace(/[\\/]/g, '-');
// Code splitting: what main.ts imports lazily (another messenger's adapter, the playground) goes in
// chunks of its own, loaded when imported, with the packages they import. In one file, esbuild
// hoists a lazily imported module's package imports to the top, so a Slack bot loaded
// dingtalk-stream, @wecom/crypto and fast-xml-parser at start.
const outdir = join(root, 'node_modules', '.cache', 'zhanbao', name);
const outfile = join(outdir, 'main.mjs');

/** Rewrites import.meta.url in the project's own TypeScript to the source file's URL. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const fromBundle = relative(outdir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const built = await esbuild.build({
  ...BUNDLE_OPTIONS,
  entryPoints: [entry],
  outdir,
  entryNames: 'main',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  write: false,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [sourceUrls],
});
// esbuild's service is a child process; the bot does not need it once the bundle is built.
await esbuild.stop();
await mkdir(outdir, { recursive: true });
for (const file of built.outputFiles) await writeBundleFile(file.path, file.contents);
await import(pathToFileURL(outfile).href);
