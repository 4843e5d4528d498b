// How the bot's own code is bundled with esbuild: src/start.js for `npm start`, the poster
// renderer's process (src/images/poster-image.ts), and the test that checks what the bundle loads.
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
