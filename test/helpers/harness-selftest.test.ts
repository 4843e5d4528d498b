/**
 * Proves the harness against a tiny real Bolt App, so app tests can trust it.
 *
 * How the app is wired (the same recipe app tests should use):
 * - start the fake first: with a token and default tokenVerificationEnabled, the App constructor calls
 *   auth.test right away (its result gives Bolt the bot ids that the ignoreSelf middleware needs);
 * - pass our own HTTPReceiver (path /slack/events) and `await app.start(0)`: it resolves to the node
 *   http.Server, whose `address().port` is the real bound port.
 */
import type { AddressInfo } from 'node:net';
import { App, type BlockAction, HTTPReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, type SlackApiCall, startFakeSlackApi } from './fake-slack-api.ts';
import { createSlackClient, type SlackClient } from './slack-requests.ts';

const signingSecret = 'test-signing-secret';

describe('test harness against a real Bolt app', () => {
  let fake: FakeSlackApi;
  let app: App;
  let slack: SlackClient;
  let pings = 0;
  let postErrors: unknown[] = [];
  let authTest: SlackApiCall;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = new App({
      token: 'xoxb-test',
      receiver: new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR }),
      logLevel: LogLevel.ERROR,
      // Retry a 429 at once instead of WebClient's default backoff of a second or more.
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } },
    });

    app.command('/ping', async ({ ack, command, client, respond }) => {
      pings += 1;
      await ack('pong');
      try {
        await client.chat.postMessage({
          channel: command.channel_id,
          text: `pong ${command.text}`,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'pong' } }],
        });
      } catch (error) {
        postErrors.push(error);
        return;
      }
      await respond({ response_type: 'ephemeral', text: 'responded' });
    });

    app.action<BlockAction>('approve', async ({ ack, body, client }) => {
      await ack();
      await client.chat.update({
        channel: body.channel?.id ?? '',
        ts: body.message?.ts ?? '',
        text: 'approved',
      });
    });

    app.view('report', async ({ ack, view }) => {
      const amount = view.state.values.amount?.amount_input?.value;
      await ack({ response_action: 'errors', errors: { amount: `bad amount ${amount}` } });
    });

    app.event('app_home_opened', async ({ event, client }) => {
      const info = await client.users.info({ user: event.user, include_locale: true });
      await client.views.publish({
        user_id: event.user,
        view: {
          type: 'home',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: info.user?.locale ?? '' } }],
        },
      });
    });

    const server = await app.start(0);
    const { port } = server.address() as AddressInfo;
    authTest = await fake.waitFor('auth.test');
    slack = createSlackClient({
      baseUrl: `http://127.0.0.1:${port}`,
      signingSecret,
      responseUrlBase: fake.responseUrlBase,
    });
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  beforeEach(() => {
    fake.reset();
    pings = 0;
    postErrors = [];
  });

  it('saw auth.test from the App constructor, with the token in the Authorization header', () => {
    expect(authTest.token).toBe('xoxb-test');
    expect(authTest.response).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' });
  });

  it('runs a slash command: ack body, chat.postMessage with parsed blocks, respond() to response_url', async () => {
    const res = await slack.slashCommand({ command: '/ping', text: 'hi', userId: 'U1', channelId: 'C42' });
    expect(res).toMatchObject({ status: 200, text: 'pong' });

    const reply = await fake.waitFor('response_url');
    expect(reply.body).toEqual({ response_type: 'ephemeral', text: 'responded' });
    expect(reply.responseUrlId).toMatch(/^cmd-/);

    // Recorded before this waitFor started: resolves from history, without waiting.
    const post = await fake.waitFor('chat.postMessage', { timeoutMs: 1 });
    expect(post.body).toMatchObject({ channel: 'C42', text: 'pong hi' });
    expect(post.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'pong' } }]);
    expect(post.token).toBe('xoxb-test');
    expect(post.response).toMatchObject({
      ok: true,
      channel: 'C42',
      ts: expect.stringMatching(/^\d{10}\.\d{6}$/),
    });
  });

  it('runs a block action with the message ts', async () => {
    const res = await slack.blockAction({
      userId: 'U1',
      actionId: 'approve',
      value: 'x',
      messageTs: '1700000000.000100',
    });
    expect(res.status).toBe(200);
    const update = await fake.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: 'C1', ts: '1700000000.000100', text: 'approved' });
  });

  it('returns view_submission ack bodies as parsed JSON', async () => {
    const res = await slack.viewSubmission({
      userId: 'U1',
      callbackId: 'report',
      values: { amount: { amount_input: { type: 'plain_text_input', value: '-1' } } },
    });
    expect(res).toMatchObject({
      status: 200,
      body: { response_action: 'errors', errors: { amount: 'bad amount -1' } },
    });
  });

  it('delivers events; users.info reports the locale set by the test', async () => {
    fake.setUserLocale('U7', 'zh-CN');
    const res = await slack.event({ type: 'app_home_opened', user: 'U7' });
    expect(res.status).toBe(200);
    const publish = await fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe('U7');
    expect(publish.body.view).toMatchObject({ type: 'home', blocks: [{ text: { text: 'zh-CN' } }] });
  });

  it.each([
    ['a wrong secret', { signingSecret: 'wrong' }],
    ['a stale timestamp', { stale: true }],
  ])('rejects %s with 401 without running the handler', async (_label, send) => {
    const res = await slack.slashCommand({ command: '/ping', text: 'x', userId: 'U1' }, send);
    expect(res.status).toBe(401);
    expect(pings).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('rejects an unsigned raw body with 401', async () => {
    const res = await slack.raw({ body: '{}', sign: false, headers: { 'X-Slack-Signature': 'v0=00' } });
    expect(res.status).toBe(401);
  });

  it('failNext makes the app see a Slack platform error', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    await slack.slashCommand({ command: '/ping', text: 'x', userId: 'U1' });
    await fake.waitFor('chat.postMessage');
    await expect.poll(() => postErrors.length).toBe(1);
    expect(postErrors[0]).toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'channel_not_found' },
    });
    expect(fake.callsTo('response_url')).toEqual([]);
  });

  it('rateLimitNext answers 429 once; WebClient retries', async () => {
    fake.rateLimitNext('chat.postMessage', 0);
    const result = await app.client.chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(result.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('records files.uploadV2 bytes', async () => {
    await app.client.filesUploadV2({ channel_id: 'C1', filename: 'r.csv', content: 'a,b\n1,2\n' });
    const done = await fake.waitFor('files.completeUploadExternal');
    const [file] = done.body.files as Array<{ id: string }>;
    const upload = fake.uploads.get(file?.id ?? '');
    expect(upload).toMatchObject({ filename: 'r.csv', completed: true });
    expect(upload?.bytes?.toString()).toBe('a,b\n1,2\n');
  });

  it('keeps binary bytes intact, and refuses an upload without a length or completed before its bytes', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]);
    await app.client.filesUploadV2({ channel_id: 'C1', filename: 'r.xlsx', file: bytes });
    const done = await fake.waitFor('files.completeUploadExternal');
    const [file] = done.body.files as Array<{ id: string }>;
    const upload = fake.uploads.get(file?.id ?? '');
    expect(upload?.bytes).toEqual(bytes);
    expect(upload?.declaredLength).toBe(bytes.length);
    await expect(app.client.apiCall('files.getUploadURLExternal', { filename: 'r.xlsx' })).rejects.toThrow(
      'invalid_arguments',
    );
    const asked = await app.client.files.getUploadURLExternal({ filename: 'r.xlsx', length: 10 });
    await expect(
      app.client.files.completeUploadExternal({ files: [{ id: asked.file_id ?? '' }], channel_id: 'C1' }),
    ).rejects.toThrow('file_not_found');
  });

  it('waitFor rejects on timeout listing what was recorded', async () => {
    await app.client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' });
    await expect(fake.waitFor('views.open', { timeoutMs: 20 })).rejects.toThrow(
      /views\.open.*chat\.postEphemeral/,
    );
  });
});
