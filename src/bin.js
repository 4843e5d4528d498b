#!/usr/bin/env node
// The `zhanbao` command (`npx zhanbao …`, `npm run zhanbao -- …`): runs the TypeScript CLI through
// tsx, so no build step is needed. This file only reads the environment and the arguments.
import { config } from 'dotenv';
import { register } from 'tsx/esm/api';

register();
config({ quiet: true });
const { runCli } = await import('./cli.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  process.stderr.write(`zhanbao: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
