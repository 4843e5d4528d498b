import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/client.ts';
import { type FakeSlackApi, startFakeSlackApi } from './helpers/fake-slack-api.ts';
import { createFakeWeCom } from './helpers/fake-wecom.ts';
import { createSlackClient } from './helpers/slack-requests.ts';
import { wecomRequests } from './helpers/wecom-requests.ts';

/**
 * `npm start` as a newcomer meets it: the real entry point in its own process. It runs in an
 * empty folder so that a developer's own .env cannot change the outcome.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** package.json's `start` script, word by word: node, its flags, src/start.js. */
const START_SCRIPT: string[] = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
).scripts.start.split(' ');

function startMain(
  cwd: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const [node, ...args] = START_SCRIPT;
  expect(node).toBe('node');
  const argv = args.map((arg) => (arg.startsWith('src/') ? join(ROOT, arg) : arg));
  const child = spawn(process.execPath, argv, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves with the first log line of `event`, as soon as the process writes it. */
function waitForEvent(child: ChildProcess, event: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr?.on('data', (chunk) => {
      buffer += String(chunk);
      for (const line of buffer.split('\n')) {
        if (line.includes(`"event":"${event}"`)) resolve(JSON.parse(line));
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ${event}: ${buffer}`)));
  });
}

/** Resolves once the process has written `text` to standard output. */
function waitForStdout(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk) => {
      buffer += String(chunk);
      if (buffer.includes(text)) resolve(buffer);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before writing ${text}: ${buffer}`)));
  });
}

describe('npm start', () => {
  let dir: string;
  let fake: FakeSlackApi;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zb-main-'));
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('without any messenger settings runs the playground: prints its URL and serves the demo team', async () => {
    const run = startMain(dir, { PORT: '0' });
    // Listening from the start: the lines may come before or after the log line.
    const printed = waitForStdout(run.child, 'to use a real workspace, see README.md');
    try {
      const ready = await waitForEvent(run.child, 'ready');
      expect(ready).toMatchObject({ mode: 'playground', provider: 'sqlite' });
      expect(await printed).toContain(`Zhanbao playground: http://localhost:${ready.port}\n`);
      const page = await fetch(`http://127.0.0.1:${ready.port}/`);
      expect(page.status).toBe(200);
      const directory = await (await fetch(`http://127.0.0.1:${ready.port}/playground/directory`)).text();
      expect(directory).toContain('"role":"director"');
      // Its own file, so that the demo never mixes with the database of a real workspace.
      expect(existsSync(join(dir, 'data', 'playground.db'))).toBe(true);
      expect(existsSync(join(dir, 'data', 'playground-dingtalk.db'))).toBe(true);
      expect(existsSync(join(dir, 'data', 'zhanbao.db'))).toBe(false);
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });

  it('with a bot token but no signing secret says what is missing and how to create the app, and exits non-zero', async () => {
    const run = startMain(dir, { SLACK_BOT_TOKEN: 'xoxb-half-set-up' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('SLACK_SIGNING_SECRET is missing');
    expect(run.output()).toContain('manifests/slack.yaml');
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.output()).not.toContain('xoxb-half-set-up');
  });

  it('with Slack settings migrates the SQLite file and answers /team list', async () => {
    const run = startMain(dir, {
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fake.url,
      PORT: '0',
      ZHANBAO_ADMINS: 'UBOSS',
    });
    try {
      const ready = await waitForEvent(run.child, 'ready');
      expect(ready).toMatchObject({ provider: 'sqlite' });
      const slack = createSlackClient({
        baseUrl: `http://127.0.0.1:${ready.port}`,
        signingSecret: 'main-secret',
        responseUrlBase: fake.responseUrlBase,
      });
      fake.setUserLocale('UBOSS', 'zh-CN');
      const ack = await slack.slashCommand({ command: '/team', text: 'list', userId: 'UBOSS' });
      expect(ack.status).toBe(200);
      const reply = await fake.waitFor('response_url');
      expect(reply.body.text).toBe('电销团队 名单（0 人在职）');
      expect(run.output()).not.toContain('xoxb-main-test');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });

  it('with WeCom settings runs the WeCom app: answers the callback URL check, never logs the secret', async () => {
    const run = startMain(dir, {
      WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'wecom-main-secret',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      DATABASE_URL: 'file:./data/wecom.db',
      PORT: '0',
    });
    try {
      const ready = await waitForEvent(run.child, 'ready');
      expect(ready).toMatchObject({ messenger: 'wecom', provider: 'sqlite' });
      // WeCom's published sample: this signature over this echostr decrypts to 1616140317555161061.
      const echostr = encodeURIComponent(
        'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
      );
      const check = await fetch(
        `http://127.0.0.1:${ready.port}/wecom/events?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr=${echostr}`,
      );
      expect(check.status).toBe(200);
      expect(await check.text()).toBe('1616140317555161061');
      expect(run.output()).not.toContain('wecom-main-secret');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    }
  });

  it('with Slack and WeCom settings runs both in one process, on one port and one database, each with its own people', async () => {
    const wecom = await createFakeWeCom({ corpId: 'wwboth', secret: 'both-secret', agentId: 1000002 });
    wecom.addUser('ZhangSan', '张三');
    wecom.addUser('UBOSS', '同名的人');
    const run = startMain(dir, {
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fake.url,
      WECOM_CORP_ID: 'wwboth',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'both-secret',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECOM_API_URL: wecom.url,
      // Whose each id is: UBOSS administers the Slack teams only.
      ZHANBAO_ADMINS: 'slack:UBOSS,wecom:ZhangSan',
      DATABASE_URL: 'file:./data/both.db',
      PORT: '0',
    });
    try {
      const ready = await waitForEvent(run.child, 'ready');
      expect(ready).toMatchObject({ messenger: 'slack,wecom', provider: 'sqlite' });
      const baseUrl = `http://127.0.0.1:${ready.port}`;
      const slack = createSlackClient({
        baseUrl,
        signingSecret: 'main-secret',
        responseUrlBase: fake.responseUrlBase,
      });
      // The other tests' calls are on the shared fake: this one's answer is the next.
      const fromIndex = fake.calls.length;
      fake.setUserLocale('UBOSS', 'zh-CN');
      expect(
        (await slack.slashCommand({ command: '/team', text: 'group add 闪电组', userId: 'UBOSS' })).status,
      ).toBe(200);
      expect((await fake.waitFor('response_url', { fromIndex })).body.text).toContain('闪电组');

      const requests = wecomRequests({
        baseUrl,
        token: 'QDG6eK',
        aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
        corpId: 'wwboth',
      });
      const list = await requests.post(
        requests.textXml({ from: 'ZhangSan', content: '/team list', msgId: '9001' }),
      );
      expect(list.status).toBe(200);
      const [answer] = await wecom.waitFor('messageSend');
      // The WeCom team is a team of its own: the Slack one's new group is not on it.
      expect(JSON.stringify(answer?.body)).toContain('名单（0 人在职）');
      expect(JSON.stringify(answer?.body)).not.toContain('闪电组');
      // The same id on WeCom is someone else, and no admin there.
      await requests.post(
        requests.textXml({ from: 'UBOSS', content: '/team group add 二组', msgId: '9002' }),
      );
      const [, refusal] = await wecom.waitFor('messageSend', 2);
      expect(JSON.stringify(refusal?.body)).not.toContain('二组');
    } finally {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      await wecom.close();
    }
    const database = await openDatabase(`file:${join(dir, 'data', 'both.db')}`);
    try {
      const teams = await database.prisma.team.findMany({
        select: { messenger: true, groups: { select: { name: true } } },
      });
      expect(teams).toEqual([
        { messenger: 'slack', groups: [{ name: '闪电组' }] },
        { messenger: 'wecom', groups: [] },
      ]);
    } finally {
      await database.close();
    }
  });
});
