import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDingTalkApi,
  DingTalkApiError,
  type DingTalkApiOptions,
  type DingTalkOut,
  toRobotMessage,
  toWebhookBody,
} from '../../src/dingtalk/api.ts';
import { createLogger } from '../../src/logger.ts';
import { createFakeDingTalk, type FakeDingTalk } from '../helpers/fake-dingtalk.ts';

const APP = { clientId: 'dingappkey1', clientSecret: 'app-secret-xyz', robotCode: 'dingrobot1' };
const GROUP = 'cidGroup1==';
const T0 = Date.UTC(2026, 10, 27, 3, 0, 0);

describe('toWebhookBody / toRobotMessage', () => {
  it.each<[DingTalkOut, Record<string, unknown>, { msgKey: string; msgParam: unknown }]>([
    [
      { type: 'text', content: '@u1 hi', atUserIds: ['u1'] },
      { msgtype: 'text', text: { content: '@u1 hi' }, at: { atUserIds: ['u1'], isAtAll: false } },
      { msgKey: 'sampleText', msgParam: { content: '@u1 hi' } },
    ],
    [
      { type: 'markdown', title: 'Board', text: '### 1. Alice' },
      {
        msgtype: 'markdown',
        markdown: { title: 'Board', text: '### 1. Alice' },
        at: { atUserIds: [], isAtAll: false },
      },
      { msgKey: 'sampleMarkdown', msgParam: { title: 'Board', text: '### 1. Alice' } },
    ],
  ])('%j', (out, webhook, robot) => {
    expect(toWebhookBody(out)).toEqual(webhook);
    const message = toRobotMessage(out);
    expect({ msgKey: message.msgKey, msgParam: JSON.parse(message.msgParam) }).toEqual(robot);
  });

  it('sends files only through the OpenAPI', () => {
    const file: DingTalkOut = { type: 'file', mediaId: '@m1', fileName: 'pk.csv', fileType: 'csv' };
    expect(JSON.parse(toRobotMessage(file).msgParam)).toEqual({
      mediaId: '@m1',
      fileName: 'pk.csv',
      fileType: 'csv',
    });
    expect(() => toWebhookBody(file)).toThrow(expect.objectContaining({ code: 'unsupported_message' }));
  });
});

describe('DingTalk OpenAPI client against the fake', () => {
  let fake: FakeDingTalk;
  let clock: number;
  let sleeps: number[];
  let logLines: string[];

  const makeApi = (overrides: Partial<DingTalkApiOptions> = {}) =>
    createDingTalkApi({
      ...APP,
      apiUrl: fake.url,
      oapiUrl: fake.url,
      logger: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
      now: () => clock,
      // Backoff is recorded, not waited for.
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...overrides,
    });
  const text: DingTalkOut = { type: 'text', content: '今日战报' };
  const names = (name: string) => fake.calls.filter((call) => call.name === name);

  beforeEach(async () => {
    clock = T0;
    sleeps = [];
    logLines = [];
    fake = await createFakeDingTalk({ ...APP, now: () => clock });
    fake.addGroup(GROUP);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('fetches one token for concurrent callers and reuses it', async () => {
    const api = makeApi();
    await Promise.all([api.sendToGroup(GROUP, text), api.sendToGroup(GROUP, text)]);
    await api.sendToGroup(GROUP, text);
    expect(names('accessToken')).toHaveLength(1);
    expect(names('accessToken')[0]?.response).toMatchObject({
      accessToken: expect.any(String),
      expireIn: 7200,
    });
    const tokens = new Set(names('groupSend').map((call) => call.token));
    expect([...tokens]).toEqual([expect.stringMatching(/^fake-dt-token-/)]);
    expect(names('groupSend')).toHaveLength(3);
    expect(api.calls()).toBe(4);
  });

  it('fetches a new token 5 minutes before the old one expires', async () => {
    const api = makeApi();
    await api.sendToGroup(GROUP, text);
    clock += (7200 - 5 * 60) * 1000 - 1;
    await api.sendToGroup(GROUP, text);
    expect(names('accessToken')).toHaveLength(1);
    clock += 1;
    await api.sendToGroup(GROUP, text);
    expect(names('accessToken')).toHaveLength(2);
  });

  it('drops a token DingTalk rejects and retries once with a new one (new API and oapi)', async () => {
    const api = makeApi();
    fake.addUser('u1', '张三');
    await api.sendToGroup(GROUP, text);
    fake.expireTokens();
    await api.sendToGroup(GROUP, text);
    expect(names('groupSend').map((call) => call.status)).toEqual([200, 401, 200]);
    fake.expireTokens();
    expect(await api.getUserName('u1')).toBe('张三');
    expect(names('userGet').map((call) => (call.response as { errcode: number }).errcode)).toEqual([
      42001, 0,
    ]);
    expect(names('accessToken')).toHaveLength(3);
    expect(api.calls()).toBe(8);
  });

  it('does not retry a second rejection of a fresh token', async () => {
    const api = makeApi();
    fake.failNext('/v1.0/robot/groupMessages/send', { status: 401, body: { code: 'InvalidAuthentication' } });
    fake.failNext('/v1.0/robot/groupMessages/send', { status: 401, body: { code: 'InvalidAuthentication' } });
    await expect(api.sendToGroup(GROUP, text)).rejects.toMatchObject({
      code: 'InvalidAuthentication',
      status: 401,
    });
    expect(names('groupSend')).toHaveLength(2);
  });

  it('refuses a bad secret without leaking it', async () => {
    const api = makeApi({ clientSecret: 'wrong-secret-123' });
    const error = await api.sendToGroup(GROUP, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DingTalkApiError);
    expect(error).toMatchObject({ code: 'invalidClientIdOrSecret', status: 400 });
    expect(String(error)).not.toContain('wrong-secret-123');
    expect(logLines.join('\n')).not.toContain('wrong-secret-123');
  });

  it('sends to 45 people in 3 calls of at most 20', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => `u${i + 1}`);
    for (const id of ids) fake.addUser(id, id);
    const api = makeApi();
    const result = await api.sendToUsers(ids, text);
    expect(result).toEqual({ invalid: [], throttled: [] });
    const batches = await fake.waitFor('batchSend', 3);
    expect(batches.map((call) => (call.body.userIds as string[]).length)).toEqual([20, 20, 5]);
    expect(fake.sent().flatMap((m) => ('userIds' in m.to ? m.to.userIds : []))).toEqual(ids);
    expect(fake.sent()[0]).toMatchObject({ msgKey: 'sampleText', msgParam: { content: '今日战报' } });
    expect(logLines.join('\n')).not.toContain('u45');
  });

  it('sends flow-controlled people again, then reports those still held back; reports invalid ones', async () => {
    for (const id of ['a', 'b', 'c']) fake.addUser(id, id);
    fake.throttle(['a'], 1);
    fake.throttle(['b'], 10);
    const api = makeApi();
    const result = await api.sendToUsers(['a', 'b', 'c', 'ghost'], text);
    expect(result).toEqual({ invalid: ['ghost'], throttled: ['b'] });
    expect(names('batchSend').map((call) => call.body.userIds)).toEqual([
      ['a', 'b', 'c', 'ghost'],
      ['a', 'b'],
      ['b'],
    ]);
    expect(sleeps).toEqual([1000, 2000]);
    expect(fake.sent().map((m) => m.to)).toEqual([{ userIds: ['c'] }, { userIds: ['a'] }]);
  });

  it('backs off on throttling and gives up after a few attempts', async () => {
    const api = makeApi();
    await api.sendToGroup(GROUP, text); // token fetched
    fake.failNext('/v1.0/robot/groupMessages/send', {
      status: 429,
      body: { code: 'Throttling.Api', message: '' },
    });
    fake.failNext('/v1.0/robot/groupMessages/send', {
      status: 403,
      body: { code: 'Forbidden.AccessDenied.Throttling' },
    });
    await api.sendToGroup(GROUP, text);
    expect(sleeps).toEqual([1000, 2000]);
    for (let i = 0; i < 4; i += 1) {
      fake.failNext('/topapi/v2/user/get', {
        status: 200,
        body: { errcode: 90002, errmsg: '接口调用超过限制' },
      });
    }
    await expect(api.getUserName('u1')).rejects.toMatchObject({ code: '90002' });
    expect(names('userGet')).toHaveLength(4);
    expect(sleeps).toEqual([1000, 2000, 1000, 2000, 4000]);
  });

  it('refuses a group message over 15,000 bytes before any call', async () => {
    const api = makeApi();
    const long: DingTalkOut = { type: 'markdown', title: '榜', text: '战'.repeat(5000) };
    await expect(api.sendToGroup(GROUP, long)).rejects.toMatchObject({ code: 'message_too_long', status: 0 });
    expect(fake.calls).toHaveLength(0);
    expect(api.calls()).toBe(0);
  });

  it('sends markdown to a group and surfaces an unknown group as an error', async () => {
    const api = makeApi();
    await api.sendToGroup(GROUP, { type: 'markdown', title: '日榜', text: '#### 今日排行' });
    expect(fake.sent()).toEqual([
      expect.objectContaining({
        to: { openConversationId: GROUP },
        msgKey: 'sampleMarkdown',
        msgParam: { title: '日榜', text: '#### 今日排行' },
      }),
    ]);
    await expect(api.sendToGroup('cidOther==', text)).rejects.toMatchObject({
      code: 'InvalidParameter.OpenConversationId',
      status: 400,
    });
  });

  it('replies through a session webhook without a token or a metered call', async () => {
    const api = makeApi();
    const webhook = fake.session('s1', { expiresAt: T0 + 90 * 60_000 });
    await api.replyBySession(webhook, { type: 'text', content: '@u1 收到', atUserIds: ['u1'] });
    expect(fake.sent()).toEqual([
      {
        to: { session: 's1' },
        msgKey: 'text',
        msgParam: { content: '@u1 收到' },
        body: { msgtype: 'text', text: { content: '@u1 收到' }, at: { atUserIds: ['u1'], isAtAll: false } },
      },
    ]);
    expect(fake.calls[0]?.token).toBeUndefined();
    expect(api.sessionReplies()).toBe(1);
    expect(api.calls()).toBe(0);
  });

  it('turns an expired session into a DingTalkApiError that does not show the URL', async () => {
    const api = makeApi();
    const webhook = fake.session('secret-session-id', { expiresAt: T0 + 60_000 });
    clock += 60_000;
    const error = await api.replyBySession(webhook, text).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '300001', status: 200 });
    expect(String(error)).not.toContain('secret-session-id');
    await expect(
      api.replyBySession(`${fake.url}/robot/sendBySession?session=nope`, text),
    ).rejects.toMatchObject({
      code: '300001',
    });
    await expect(
      api.replyBySession(webhook, { type: 'file', mediaId: 'm', fileName: 'f', fileType: 'csv' }),
    ).rejects.toMatchObject({ code: 'unsupported_message' });
    expect(api.sessionReplies()).toBe(2);
  });

  it('caches user names for a day, unknown users included', async () => {
    fake.addUser('u1', '张三');
    const api = makeApi();
    const [first, second] = await Promise.all([api.getUserName('u1'), api.getUserName('u1')]);
    expect([first, second]).toEqual(['张三', '张三']);
    expect(await api.getUserName('ghost')).toBeUndefined();
    expect(await api.getUserName('ghost')).toBeUndefined();
    expect(names('userGet').map((call) => call.body.userid)).toEqual(['u1', 'ghost']);
    clock += 24 * 60 * 60 * 1000;
    fake.addUser('u1', '张三丰');
    expect(await api.getUserName('u1')).toBe('张三丰');
    expect(names('userGet')).toHaveLength(3);
  });

  it('uploads a file as multipart `media` and returns its media_id', async () => {
    const api = makeApi();
    const bytes = new TextEncoder().encode('name,calls\nAlice,120\n');
    const mediaId = await api.uploadFile('pk.csv', bytes);
    const [upload] = await fake.waitFor('mediaUpload');
    expect(upload?.response).toMatchObject({ errcode: 0, media_id: mediaId });
    expect(upload?.fileName).toBe('pk.csv');
    expect(upload?.bytes?.toString('utf8')).toBe('name,calls\nAlice,120\n');
    expect(api.calls()).toBe(2);
  });

  it('never writes the token or the secret to the log', async () => {
    fake.addUser('u1', 'x');
    const api = makeApi();
    await api.sendToUsers(['u1'], text);
    const token = names('batchSend')[0]?.token ?? 'no token sent';
    expect(token).toMatch(/^fake-dt-token-/);
    const log = logLines.join('\n');
    expect(log).toContain('dingtalk.sent_to_users');
    expect(log).not.toContain(token);
    expect(log).not.toContain(APP.clientSecret);
  });
});

describe('fake DingTalk refuses what DingTalk refuses', () => {
  let fake: FakeDingTalk;
  let token: string;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const auth = () => ({ 'x-acs-dingtalk-access-token': token });
  const batch = (extra: Record<string, unknown>) => ({
    robotCode: APP.robotCode,
    userIds: ['u1'],
    msgKey: 'sampleText',
    msgParam: '{"content":"x"}',
    ...extra,
  });

  beforeEach(async () => {
    fake = await createFakeDingTalk(APP);
    fake.addUser('u1', '张三');
    fake.addGroup(GROUP);
    const answer = await post('/v1.0/oauth2/accessToken', {
      appKey: APP.clientId,
      appSecret: APP.clientSecret,
    });
    token = String(answer.body.accessToken);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('issues tokens only for the right appKey and appSecret', async () => {
    expect(token).toMatch(/^fake-dt-token-/);
    const bad = await post('/v1.0/oauth2/accessToken', { appKey: APP.clientId, appSecret: 'nope' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalidClientIdOrSecret' } });
  });

  it.each([
    ['missing', {}],
    ['unknown', { 'x-acs-dingtalk-access-token': 'forged' }],
  ])('answers 401 InvalidAuthentication to a %s token', async (_what, headers) => {
    const answer = await post('/v1.0/robot/oToMessages/batchSend', batch({}), headers);
    expect(answer).toMatchObject({ status: 401, body: { code: 'InvalidAuthentication' } });
  });

  it('answers 401 to an expired token, and 42001 / 40014 on oapi', async () => {
    expect((await post('/topapi/v2/user/get?access_token=forged', { userid: 'u1' })).body).toMatchObject({
      errcode: 40014,
    });
    fake.expireTokens();
    expect(await post('/v1.0/robot/oToMessages/batchSend', batch({}), auth())).toMatchObject({ status: 401 });
    expect((await post(`/topapi/v2/user/get?access_token=${token}`, { userid: 'u1' })).body).toMatchObject({
      errcode: 42001,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['21 userIds', { userIds: Array.from({ length: 21 }, (_, i) => `u${i}`) }, 'InvalidParameter.UserIds'],
    ['no userIds', { userIds: [] }, 'InvalidParameter.UserIds'],
    ['another robotCode', { robotCode: 'dingother' }, 'InvalidParameter.RobotCode'],
    ['an unknown msgKey', { msgKey: 'sampleHologram' }, 'InvalidParameter.MsgKey'],
    ['msgParam as an object', { msgParam: { content: 'x' } }, 'InvalidParameter.MsgParam'],
    ['msgParam that is not JSON', { msgParam: '{content:x' }, 'InvalidParameter.MsgParam'],
    ['msgParam without content', { msgParam: '{"text":"x"}' }, 'InvalidParameter.MsgParam'],
    [
      'markdown without title',
      { msgKey: 'sampleMarkdown', msgParam: '{"text":"x"}' },
      'InvalidParameter.MsgParam',
    ],
  ])('refuses a batchSend with %s', async (_what, extra, code) => {
    const answer = await post('/v1.0/robot/oToMessages/batchSend', batch(extra), auth());
    expect(answer).toMatchObject({ status: 400, body: { code } });
    expect(fake.sent()).toEqual([]);
  });

  it('lists unknown and throttled people instead of refusing them', async () => {
    fake.addUser('u2', '李四');
    fake.throttle(['u2'], 1);
    const answer = await post(
      '/v1.0/robot/oToMessages/batchSend',
      batch({ userIds: ['u1', 'u2', 'x'] }),
      auth(),
    );
    expect(answer.body).toMatchObject({ invalidStaffIdList: ['x'], flowControlledStaffIdList: ['u2'] });
    expect(fake.sent().map((m) => m.to)).toEqual([{ userIds: ['u1'] }]);
  });

  it('refuses a group message that is too long or goes to an unknown group', async () => {
    const group = (extra: Record<string, unknown>) => ({
      ...batch({}),
      userIds: undefined,
      openConversationId: GROUP,
      ...extra,
    });
    const long = JSON.stringify({ content: 'x'.repeat(15_000) });
    expect(await post('/v1.0/robot/groupMessages/send', group({ msgParam: long }), auth())).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter.MsgParam' },
    });
    expect(
      await post('/v1.0/robot/groupMessages/send', group({ openConversationId: 'cidX' }), auth()),
    ).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter.OpenConversationId' },
    });
    expect(await post('/v1.0/robot/groupMessages/send', group({}), auth())).toMatchObject({ status: 200 });
  });

  it('refuses dead sessions and bodies that are not messages', async () => {
    const live = fake.session('live', { expiresAt: Date.now() + 60_000 });
    const dead = fake.session('dead', { expiresAt: Date.now() - 1 });
    const path = (url: string) => url.slice(fake.url.length);
    const message = { msgtype: 'text', text: { content: 'hi' } };
    expect((await post(path(dead), message)).body).toMatchObject({ errcode: 300001 });
    expect((await post('/robot/sendBySession?session=unknown', message)).body).toMatchObject({
      errcode: 300001,
    });
    expect((await post(path(live), { msgtype: 'markdown', markdown: { text: 'x' } })).body).toMatchObject({
      errcode: 40035,
    });
    expect((await post(path(live), message)).body).toEqual({ errcode: 0, errmsg: 'ok' });
  });

  it('answers 60121 for an unknown userid and 43008 for an upload that is not multipart', async () => {
    expect((await post(`/topapi/v2/user/get?access_token=${token}`, { userid: 'ghost' })).body).toMatchObject(
      {
        errcode: 60121,
      },
    );
    expect((await post(`/media/upload?access_token=${token}&type=file`, { media: 'x' })).body).toMatchObject({
      errcode: 43008,
    });
  });

  it('takes a file up to 20 MB, and a sampleFile only with a media_id it issued', async () => {
    const upload = async (bytes: number) => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(bytes)]), 'export.csv');
      const response = await fetch(`${fake.url}/media/upload?access_token=${token}&type=file`, {
        method: 'POST',
        body: form,
      });
      return (await response.json()) as Record<string, unknown>;
    };
    expect(await upload(0)).toMatchObject({ errcode: 40004 });
    expect(await upload(20 * 1024 * 1024 + 1)).toMatchObject({ errcode: 40004 });
    const file = await upload(1024);
    expect(file).toMatchObject({ errcode: 0, type: 'file' });
    const sampleFile = (mediaId: string) =>
      post(
        '/v1.0/robot/oToMessages/batchSend',
        batch({
          msgKey: 'sampleFile',
          msgParam: JSON.stringify({ mediaId, fileName: 'a.csv', fileType: 'csv' }),
        }),
        auth(),
      );
    expect(await sampleFile('@never-issued')).toMatchObject({
      status: 400,
      body: { code: 'InvalidParameter.MediaId' },
    });
    expect(await sampleFile(String(file.media_id))).toMatchObject({ status: 200 });
  });

  it('wakes waitFor when the awaited call arrives', async () => {
    const waiting = fake.waitFor('userGet', 2);
    await post(`/topapi/v2/user/get?access_token=${token}`, { userid: 'u1' });
    await post(`/topapi/v2/user/get?access_token=${token}`, { userid: 'ghost' });
    const calls = await waiting;
    expect(calls.map((call) => call.body.userid)).toEqual(['u1', 'ghost']);
  });
});
