import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.ts';
import { seedEntries, seedTeam } from './helpers/seed.ts';
import { createSlackClient } from './helpers/slack-requests.ts';

/**
 * Two bot processes on one PostgreSQL database, both with the scheduler on, both starting at
 * 18:40 in Shanghai on Friday 2026-11-27: every due job (the 18:00 board among them) must post
 * once, and a /log delivered to either counts once. SQLite is one process's file; the test needs
 * TEST_DATABASE_URL (CI sets it).
 */
const REPLICA = fileURLToPath(new URL('./helpers/replica-main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const SECRET = 'replica-secret';

function startReplica(
  name: string,
  env: Record<string, string>,
): { child: ChildProcess; ready: Promise<number> } {
  const child = spawn(process.execPath, ['--import', TSX, REPLICA], {
    env: { PATH: process.env.PATH ?? '', REPLICA_NAME: name, SLACK_SIGNING_SECRET: SECRET, ...env },
  });
  let buffer = '';
  const ready = new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      buffer += String(chunk);
      const line = buffer.split('\n').find((l) => l.includes('"event":"ready"'));
      if (line !== undefined) resolve(Number(JSON.parse(line).port));
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}: ${buffer}`)));
  });
  return { child, ready };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('two replicas on one PostgreSQL', () => {
  let database: TestDatabase;
  let fake: FakeSlackApi;
  const replicas: ChildProcess[] = [];
  let ports: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeSlackApi();
    const seeded = await seedTeam(database.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组', channel: 'CG1' }],
      members: [
        { id: 'UR1', name: '甲', group: '一组' },
        { id: 'UR2', name: '乙', group: '一组' },
      ],
    });
    await seedEntries(database.prisma, seeded.teamId, seeded.memberIds, [
      { who: 'UR1', day: '2026-11-27', effective: 30 },
    ]);
    const env = { DATABASE_URL: database.url, SLACK_API_URL: fake.url, TEST_NOW: '2026-11-27T10:40:00Z' };
    const started = [startReplica('replica-a', env), startReplica('replica-b', env)];
    replicas.push(...started.map((s) => s.child));
    ports = await Promise.all(started.map((s) => s.ready));
  });
  afterAll(async () => {
    await Promise.all(replicas.map(stop));
    await fake.close();
    await database.close();
  });

  it('posts every due job once', async () => {
    const boards = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CPK');
    const titles = boards.map((c) => String(c.body.text));
    expect(titles.filter((t) => t === '小组PK榜 · 11月27日')).toHaveLength(1);
    expect(
      fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CG1'),
    ).toHaveLength(1);
    const runs = await database.prisma.jobRun.findMany({ select: { job: true, periodKey: true } });
    expect(new Set(runs.map((r) => `${r.job}:${r.periodKey}`)).size).toBe(runs.length);
    expect(runs.map((r) => r.job).sort()).toEqual([
      'careers-daily',
      'daily-pk',
      'daily-warnings',
      'morning-digest',
      'weekly-pk',
    ]);
  });

  it('counts a /log delivered to either replica once, and two different logs both', async () => {
    const [a, b] = ports.map((port) =>
      createSlackClient({
        baseUrl: `http://127.0.0.1:${port}`,
        signingSecret: SECRET,
        responseUrlBase: fake.responseUrlBase,
      }),
    );
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    fake.setUserLocale('UR2', 'zh-CN');
    const from = fake.calls.length;
    await Promise.all([
      a.slashCommand({ command: '/log', text: '呼出10', userId: 'UR2', triggerId: 'T-same' }),
      b.slashCommand({ command: '/log', text: '呼出10', userId: 'UR2', triggerId: 'T-same' }),
    ]);
    await fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).startsWith('已记录'), {
      fromIndex: from,
    });
    await fake.waitFor(
      (c) => c.method === 'response_url' && String(c.body.text).startsWith('这条已经记录过了'),
      { fromIndex: from },
    );
    await Promise.all([
      a.slashCommand({ command: '/log', text: '呼出5', userId: 'UR2', triggerId: 'T-five' }),
      b.slashCommand({ command: '/log', text: '呼出7', userId: 'UR2', triggerId: 'T-seven' }),
    ]);
    await fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).includes('呼出 +5'), {
      fromIndex: from,
    });
    await fake.waitFor((c) => c.method === 'response_url' && String(c.body.text).includes('呼出 +7'), {
      fromIndex: from,
    });
    const member = await database.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UR2' } });
    const entries = await database.prisma.activityEntry.findMany({ where: { memberId: member.id } });
    expect(entries.map((e) => e.calls).sort((x, y) => x - y)).toEqual([5, 7, 10]);
  });
});
