import { readFile, writeFile } from 'node:fs/promises';
import { systemClock } from './clock.ts';
import { type Config, loadConfig } from './config.ts';
import { openDatabase } from './store/client.ts';
import { migrateDatabase } from './store/migrate.ts';
import { createStore } from './store/store.ts';
import type { UseCaseDeps } from './usecases/context.ts';
import { exportRoster } from './usecases/export-roster.ts';
import { importRoster } from './usecases/import-roster.ts';

/**
 * `zhanbao <command>`: the operator's tools. Each command exits 0 on success and 1 with a
 * message on failure; none needs Slack credentials.
 */
const USAGE = `Usage: zhanbao <command>

  db migrate                    apply pending database migrations (the bot also does this at start)
  roster import FILE.csv        import the roster all-or-nothing; every bad row is reported by line
  roster export [FILE.csv]      write the roster as CSV (to standard output without FILE)

Environment: DATABASE_URL (default file:./data/zhanbao.db), see .env.example.`;

type Io = { out: (text: string) => void; err: (text: string) => void };

export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const [group, action, ...args] = argv;
  const loaded = loadConfig(env, { needSlack: false });
  if (!loaded.ok) {
    io.err(`Configuration problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const config = loaded.config;
  switch (`${group ?? ''} ${action ?? ''}`.trim()) {
    case 'db migrate': {
      const { applied } = await migrateDatabase({ url: config.databaseUrl });
      io.out(
        applied.length === 0
          ? 'Database is up to date.'
          : `Applied ${applied.length} migration(s):\n${applied.join('\n')}`,
      );
      return 0;
    }
    case 'roster import': {
      const file = args[0];
      if (file === undefined) {
        io.err('roster import needs a file: zhanbao roster import roster.csv');
        return 1;
      }
      return withDeps(config, async (deps) => {
        const result = await importRoster(deps, { csv: await readFile(file, 'utf8'), actor: 'cli' });
        if (!result.ok) {
          io.err(`${file}: nothing was imported; fix these rows and run again:`);
          for (const p of result.problems) io.err(`  line ${p.line}, ${p.column}: ${p.message}`);
          return 1;
        }
        const groups =
          result.groupsCreated.length > 0 ? `; new groups: ${result.groupsCreated.join(', ')}` : '';
        io.out(`Imported ${file}: ${result.created} added, ${result.updated} updated${groups}.`);
        return 0;
      });
    }
    case 'roster export':
      return withDeps(config, async (deps) => {
        const csv = await exportRoster(deps);
        if (args[0] === undefined) io.out(csv.trimEnd());
        else await writeFile(args[0], csv, 'utf8');
        return 0;
      });
    default:
      io.err(USAGE);
      return group === undefined || group === 'help' || group === '--help' ? 0 : 1;
  }
}

async function withDeps(config: Config, work: (deps: UseCaseDeps) => Promise<number>): Promise<number> {
  const database = await openDatabase(config.databaseUrl);
  try {
    return await work({
      store: createStore(database.prisma),
      clock: systemClock,
      admins: config.admins,
      defaults: {
        teamName: config.locale === 'en' ? 'Sales team' : '电销团队',
        timezone: config.timezone,
        locale: config.locale,
      },
    });
  } finally {
    await database.close();
  }
}
