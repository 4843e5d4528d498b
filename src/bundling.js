// How the bot's own code is bundled with esbuild, and how a bundle is written: src/start.js for
// `npm start`, the poster renderer's process (src/images/poster-image.ts), and the test that checks
// what the bundle loads.
import { rename, writeFile } from 'node:fs/promises';

// Packages stay in node_modules, untouched; Node 20.10+ reads import attributes (the calendar's
// JSON is imported with { type: 'json' }).
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  supported: { 'import-attributes': true },
  packages: 'external',
};

// Written under a temporary name and renamed, so that two processes starting at once (replicas on
// one machine) never read a half-written file.
export async function writeBundleFile(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}
