// Generates the Prisma clients for both providers (runs as `postinstall`).
//
// Why the environment variable: before doing anything, the Prisma CLI checks for its native schema
// engine and downloads it from Prisma's binary host when missing. Generation never uses that engine
// (the client runs on a WebAssembly query compiler and a driver adapter; migrations run on
// @prisma/schema-engine-wasm, see src/store/migrate.ts), and machines that reach only the npm
// registry cannot download it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the
// download. A value already set by the environment is kept, so a real engine can still be used.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../../node_modules/.bin/prisma', import.meta.url));
const schemas = ['prisma/sqlite/schema.prisma', 'prisma/postgres/schema.prisma'];

function fail(message) {
  console.error(`prisma/tools/generate.js: ${message}`);
  process.exit(1);
}

if (!existsSync(cli)) {
  fail(`${cli} is missing; run \`npm install\` first (the prisma package provides it).`);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  // The update check is a network call too; it only slows down installs that cannot reach it.
  CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE || '1',
};

for (const schema of schemas) {
  if (!existsSync(new URL(`../../${schema}`, import.meta.url))) {
    fail(`${schema} is missing (prisma/postgres/schema.prisma is written by \`npm run db:sync-schema\`).`);
  }
  const result = spawnSync(cli, ['generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
  if (result.error) fail(`could not run prisma generate for ${schema}: ${result.error.message}`);
  if (result.status !== 0) {
    fail(`prisma generate --schema ${schema} failed (exit code ${result.status ?? result.signal}).`);
  }
}
