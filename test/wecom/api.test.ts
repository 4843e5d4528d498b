import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import {
  createWeComApi,
  robotKeyOf,
  toAppMessage,
  WeComApiError,
  type WeComApiOptions,
  type WeComOut,
  windowWait,
} from '../../src/wecom/api.ts';
import { createFakeWeCom, type FakeWeCom } from '../helpers/fake-wecom.ts';

const APP = { corpId: 'wwcorp0001', secret: 'app-secret-xyz-123', agentId: 1000002 };
const ROBOT_KEY = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const T0 = Date.UTC(2026, 10, 27, 3, 0, 0);
const MINUTE = 60_000;

const card = (taskId: string, buttons = 2): Record<string, unknown> => ({
  card_type: 'button_interaction',
  main_title: { title: '审批 Alice 的日报', desc: '120 calls / 8 intents' },
  task_id: taskId,
  button_list: Array.from({ length: buttons }, (_, i) => ({
    type: 0,
    text: `b${i}`,
    style: 1,
    key: `k:${i}`,
  })),
});

describe('toAppMessage / robotKeyOf / windowWait', () => {
  it.each<[WeComOut, Record<string, unknown>]>([
    [
      { type: 'text', content: 'hi' },
      { msgtype: 'text', text: { content: 'hi' } },
    ],
    [
      { type: 'markdown', content: '**x**' },
      { msgtype: 'markdown', markdown: { content: '**x**' } },
    ],
    [
      { type: 'file', mediaId: 'm1' },
      { msgtype: 'file', file: { media_id: 'm1' } },
    ],
    [
      { type: 'template_card', card: { card_type: 'text_notice' } },
      { msgtype: 'template_card', template_card: { card_type: 'text_notice' } },
    ],
  ])('%j', (out, body) => {
    expect(toAppMessage(out)).toEqual(body);
  });

  it.each([
    [ROBOT_KEY, ROBOT_KEY],
    [`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}`, ROBOT_KEY],
    [` https://proxy.example/cgi-bin/webhook/send?debug=1&key=${ROBOT_KEY} `, ROBOT_KEY],
  ])('takes the robot key from %s', (input, key) => {
    expect(robotKeyOf(input)).toBe(key);
  });

  it.each<[string, number[], number, number, number, number]>([
    ['empty window', [], 100, 2, 60, 0],
    ['room left', [50], 100, 2, 60, 0],
    ['full: wait for the oldest to leave', [50, 90], 100, 2, 60, 10],
    ['full of old and new: only young ones count', [0, 50, 90], 100, 2, 60, 10],
    ['over full: the (n - limit + 1)th oldest must leave', [45, 50, 90], 100, 2, 60, 10],
    ['the oldest leaves exactly at windowMs', [40, 90], 100, 2, 60, 0],
  ])('windowWait: %s', (_what, stamps, at, limit, windowMs, wait) => {
    expect(windowWait(stamps, at, limit, windowMs)).toBe(wait);
  });
});

describe('WeCom client against the fake', () => {
  let fake: FakeWeCom;
  let clock: number;
  let sleeps: number[];
  let logLines: string[];

  const makeApi = (overrides: Partial<WeComApiOptions> = {}) =>
    createWeComApi({
      ...APP,
      apiUrl: fake.url,
      logger: createLogger({ level: 'debug', sink: (line) => logLines.push(line) }),
      now: () => clock,
      // Waiting moves the shared clock: the fake sees time pass, the test does not wait.
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      ...overrides,
    });
  const text: WeComOut = { type: 'text', content: '今日战报' };
  const named = (name: string) => fake.calls.filter((call) => call.name === name);
  const events = (event: string) =>
    logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === event);

  beforeEach(async () => {
    clock = T0;
    sleeps = [];
    logLines = [];
    fake = await createFakeWeCom({ ...APP, now: () => clock });
    fake.addUser('alice', 'Alice');
    fake.addRobot(ROBOT_KEY);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('fetches one token for concurrent callers, reuses it, and refetches 5 minutes before expiry', async () => {
    const api = makeApi();
    await Promise.all([api.sendToUsers(['alice'], text), api.sendToUsers(['alice'], text)]);
    expect(named('gettoken')).toHaveLength(1);
    expect(new Set(named('messageSend').map((call) => call.token))).toEqual(
      new Set([named('gettoken')[0]?.response.access_token]),
    );
    clock += (7200 - 5 * 60) * 1000 - 1;
    await api.getUserName('alice');
    expect(named('gettoken')).toHaveLength(1);
    clock += 1;
    await api.getUserName('bob');
    expect(named('gettoken')).toHaveLength(2);
    expect(api.calls()).toBe(6);
  });

  it('drops a token WeCom rejects and retries once with a new one', async () => {
    const api = makeApi();
    await api.sendToUsers(['alice'], text);
    fake.expireTokens();
    await api.sendToUsers(['alice'], text);
    expect(named('messageSend').map((call) => call.response.errcode)).toEqual([0, 42001, 0]);
    fake.failNext('/cgi-bin/user/get', { errcode: 40014 });
    fake.failNext('/cgi-bin/user/get', { errcode: 41001 });
    await expect(api.getUserName('alice')).rejects.toMatchObject({ code: 41001 });
    expect(named('userGet')).toHaveLength(2);
    expect(named('gettoken')).toHaveLength(3);
  });

  it('does not retry a bad secret, and never shows it', async () => {
    const api = makeApi({ secret: 'wrong-secret-456' });
    const error = await api.sendToUsers(['alice'], text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComApiError);
    expect(error).toMatchObject({ code: 40001 });
    expect(named('gettoken')).toHaveLength(1);
    expect(String(error)).not.toContain('wrong-secret-456');
    expect(logLines.join('\n')).not.toContain('wrong-secret-456');
  });

  it('sends to 1,500 members in 2 calls and reports the unknown ones', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `u${i + 1}`);
    for (const id of ids.slice(0, 1499)) fake.addUser(id, id);
    const api = makeApi();
    const result = await api.sendToUsers([...ids, 'u1'], text);
    expect(result).toEqual({ invalid: ['u1500'] });
    const sends = await fake.waitFor('messageSend', 2);
    expect(sends.map((call) => String(call.body.touser).split('|').length)).toEqual([1000, 500]);
    expect(sends[0]?.body).toMatchObject({
      agentid: APP.agentId,
      msgtype: 'text',
      text: { content: '今日战报' },
    });
    expect(fake.sent().flatMap((m) => ('userIds' in m.to ? m.to.userIds : []))).toHaveLength(1499);
    expect(logLines.join('\n')).not.toContain('u1500');
  });

  it('reports everyone invalid when WeCom answers 81013', async () => {
    const api = makeApi();
    expect(await api.sendToUsers(['Ghost', 'nobody'], text)).toEqual({ invalid: ['Ghost', 'nobody'] });
    expect(named('messageSend')[0]?.response).toMatchObject({ errcode: 81013, invaliduser: 'ghost|nobody' });
    expect(events('wecom.call_failed')).toEqual([]);
  });

  it.each<[string, () => Promise<unknown>]>([
    [
      'app text of 2049 bytes',
      () => makeApi().sendToUsers(['alice'], { type: 'text', content: 'x'.repeat(2049) }),
    ],
    [
      'app markdown of 683 CJK characters (2049 bytes)',
      () => makeApi().sendToUsers(['alice'], { type: 'markdown', content: '战'.repeat(683) }),
    ],
    [
      'robot text of 2049 bytes',
      () => makeApi().sendToGroupRobot(ROBOT_KEY, { type: 'text', content: 'x'.repeat(2049) }),
    ],
    [
      'robot markdown of 4097 bytes',
      () => makeApi().sendToGroupRobot(ROBOT_KEY, { type: 'markdown', content: 'x'.repeat(4097) }),
    ],
  ])('refuses %s before any call', async (_what, send) => {
    await expect(send()).rejects.toMatchObject({ code: -1, reason: 'too_long' });
    expect(fake.calls).toHaveLength(0);
  });

  it('sends content at the limits', async () => {
    const api = makeApi();
    await api.sendToUsers(['alice'], { type: 'markdown', content: `${'战'.repeat(682)}xx` });
    await api.sendToGroupRobot(ROBOT_KEY, { type: 'markdown', content: 'x'.repeat(4096) });
    await api.sendToGroupRobot(ROBOT_KEY, { type: 'text', content: 'x'.repeat(2048) });
    expect(fake.sent()).toHaveLength(3);
  });

  it('sends to a robot by key or by URL, always through apiUrl', async () => {
    const api = makeApi();
    await api.sendToGroupRobot(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}`, {
      type: 'markdown',
      content: '# 今日排行',
    });
    await api.sendToGroupRobot(ROBOT_KEY, { type: 'text', content: '日报已出' });
    expect(fake.sent()).toEqual([
      {
        to: { robotKey: ROBOT_KEY },
        msgtype: 'markdown',
        body: { msgtype: 'markdown', markdown: { content: '# 今日排行' } },
      },
      {
        to: { robotKey: ROBOT_KEY },
        msgtype: 'text',
        body: { msgtype: 'text', text: { content: '日报已出' } },
      },
    ]);
    expect(named('gettoken')).toHaveLength(0);
    const error = await api.sendToGroupRobot('not-a-robot-key', text).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 93000 });
    expect(String(error)).not.toContain('not-a-robot-key');
    expect(logLines.join('\n')).not.toContain(ROBOT_KEY);
  });

  it('paces a robot to 20 messages a minute, so WeCom never answers 45009', async () => {
    const api = makeApi();
    const other = 'second-robot-key';
    fake.addRobot(other);
    for (let i = 0; i < 45; i += 1) {
      await api.sendToGroupRobot(ROBOT_KEY, { type: 'text', content: `#${i}` });
      if (i < 5) await api.sendToGroupRobot(other, { type: 'text', content: `other #${i}` });
    }
    const robotCalls = named('robotSend');
    expect(robotCalls.map((call) => call.response.errcode).filter((code) => code !== 0)).toEqual([]);
    const mine = robotCalls.filter((call) => call.query.key === ROBOT_KEY);
    expect(mine).toHaveLength(45);
    for (const call of mine) {
      expect(mine.filter((c) => c.at <= call.at && call.at - c.at < MINUTE).length).toBeLessThanOrEqual(20);
    }
    // Two waits of a minute (and a second of margin): messages 21 and 41.
    expect(sleeps).toEqual([MINUTE + 1000, MINUTE + 1000]);
    expect(fake.sent()).toHaveLength(50);
  });

  it('keeps a member under 30 app messages a minute, so WeCom drops none', async () => {
    fake.addUser('bob', 'Bob');
    const api = makeApi();
    for (let i = 0; i < 35; i += 1)
      await api.sendToUsers(['alice', 'bob'], { type: 'text', content: `#${i}` });
    await api.sendToUsers(['bob'], text);
    expect(fake.dropped()).toEqual([]);
    expect(fake.sent()).toHaveLength(36);
    expect(sleeps).toEqual([MINUTE + 1000]);
    expect(events('wecom.member_paced')).toHaveLength(1);
  });

  it('would be dropped without pacing: the fake notices', async () => {
    const api = makeApi();
    for (let i = 0; i < 31; i += 1) {
      const response = await fetch(`${fake.url}/cgi-bin/message/send?access_token=${await tokenOf(api)}`, {
        method: 'POST',
        body: JSON.stringify({
          touser: 'alice',
          agentid: APP.agentId,
          msgtype: 'text',
          text: { content: `${i}` },
        }),
      });
      expect(await response.json()).toMatchObject({ errcode: 0 });
    }
    expect(fake.dropped()).toEqual([{ userId: 'alice', msgtype: 'text', at: T0 }]);
  });

  it('sends a template card, returns its response_code, and greys it out once', async () => {
    fake.addUser('mgr1', '经理');
    const api = makeApi();
    const result = await api.sendToUsers(['mgr1'], {
      type: 'template_card',
      card: card('approve-42-1700000000'),
    });
    expect(result.invalid).toEqual([]);
    expect(result.responseCode).toEqual(expect.any(String));
    expect(fake.cards()).toEqual([
      { responseCode: result.responseCode, taskId: 'approve-42-1700000000', userIds: ['mgr1'] },
    ]);
    await api.updateTemplateCard(result.responseCode ?? '', ['mgr1'], '已批准');
    const [update] = await fake.waitFor('updateTemplateCard');
    expect(update?.body).toEqual({
      agentid: APP.agentId,
      response_code: result.responseCode,
      userids: ['mgr1'],
      button: { replace_name: '已批准' },
    });
    expect(fake.cards()[0]).toMatchObject({ usedAt: T0, replaceName: '已批准' });
    await expect(api.updateTemplateCard(result.responseCode ?? '', [], '已驳回')).rejects.toMatchObject({
      code: 60140,
    });
    await expect(
      api.sendToUsers(['mgr1'], { type: 'template_card', card: card('approve-42-1700000000') }),
    ).rejects.toMatchObject({ code: 42014 });
  });

  it('refuses a card to more than 1000 members (one response_code per call)', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `m${i}`);
    await expect(
      makeApi().sendToUsers(ids, { type: 'template_card', card: card('t1') }),
    ).rejects.toMatchObject({
      code: -1,
      reason: 'too_many_recipients',
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('caches member names for a day; an unknown member is undefined', async () => {
    const api = makeApi();
    const [first, second] = await Promise.all([api.getUserName('alice'), api.getUserName('alice')]);
    expect([first, second]).toEqual(['Alice', 'Alice']);
    expect(await api.getUserName('ghost')).toBeUndefined();
    expect(await api.getUserName('ghost')).toBeUndefined();
    expect(named('userGet').map((call) => call.query.userid)).toEqual(['alice', 'ghost']);
    expect(named('userGet')[1]?.response.errcode).toBe(60111);
    expect(events('wecom.call_failed')).toEqual([]);
    clock += 24 * 60 * MINUTE;
    fake.addUser('alice', 'Alice Wang');
    expect(await api.getUserName('alice')).toBe('Alice Wang');
  });

  it('uploads a file as multipart `media` and sends it', async () => {
    const api = makeApi();
    const mediaId = await api.uploadFile('pk.csv', new TextEncoder().encode('name,calls\nAlice,120\n'));
    const [upload] = await fake.waitFor('mediaUpload');
    expect(upload?.query).toEqual({ type: 'file' });
    expect(upload?.fileName).toBe('pk.csv');
    expect(upload?.bytes?.toString('utf8')).toBe('name,calls\nAlice,120\n');
    expect(upload?.response).toMatchObject({ errcode: 0, media_id: mediaId });
    await api.sendToUsers(['alice'], { type: 'file', mediaId });
    expect(fake.sent()[0]).toMatchObject({ msgtype: 'file', body: { file: { media_id: mediaId } } });
    await expect(api.uploadFile('tiny.txt', new Uint8Array(5))).rejects.toMatchObject({ reason: 'bad_file' });
  });

  it('creates the app menu', async () => {
    const api = makeApi();
    const buttons = [
      { type: 'click', name: '今日战报', key: 'menu:today' },
      { name: '更多', sub_button: [{ type: 'click', name: '排行', key: 'menu:board' }] },
    ];
    await api.createMenu(buttons);
    expect(named('menuCreate')[0]?.query).toEqual({ agentid: String(APP.agentId) });
    expect(fake.menu()).toEqual(buttons);
    await expect(api.createMenu([])).rejects.toMatchObject({ code: 40058 });
  });

  it('logs 60020 (IP not trusted) with what the operator must do, and throws', async () => {
    const api = makeApi();
    fake.failNext('/cgi-bin/gettoken', {
      errcode: 60020,
      errmsg:
        'not allow to access from your ip, hint: [1707074068426830714460135], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
    });
    await expect(api.sendToUsers(['alice'], text)).rejects.toMatchObject({ code: 60020 });
    const [logged] = events('wecom.untrusted_ip');
    expect(logged).toMatchObject({ level: 'error', call: 'gettoken', errcode: 60020, ip: '203.0.113.7' });
    expect(String(logged?.message)).toContain('企业可信IP');
    expect(named('messageSend')).toHaveLength(0);
  });

  it('backs off on 45009 / 45033 and gives up after a few attempts', async () => {
    const api = makeApi();
    fake.failNext('/cgi-bin/message/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    fake.failNext('/cgi-bin/message/send', { errcode: 45033, errmsg: 'api concurrent out of limit' });
    await api.sendToUsers(['alice'], text);
    expect(sleeps).toEqual([1000, 2000]);
    for (let i = 0; i < 4; i += 1) fake.failNext('/cgi-bin/webhook/send', { errcode: 45009 });
    await expect(api.sendToGroupRobot(ROBOT_KEY, { type: 'text', content: 'x' })).rejects.toMatchObject({
      code: 45009,
    });
    expect(named('robotSend')).toHaveLength(4);
    expect(sleeps).toEqual([1000, 2000, 1000, 2000, 4000]);
  });

  it('never writes the token, the secret or a robot key to the log or an error', async () => {
    const api = makeApi();
    await api.sendToUsers(['alice'], text);
    fake.failNext('/cgi-bin/message/send', { errcode: 40058, errmsg: 'invalid parameter' });
    const error = await api.sendToUsers(['alice'], text).catch((e: unknown) => String(e));
    const token = String(named('gettoken')[0]?.response.access_token);
    const log = logLines.join('\n');
    expect(log).toContain('wecom.sent_to_users');
    for (const secret of [token, APP.secret, ROBOT_KEY]) {
      expect(log).not.toContain(secret);
      expect(error).not.toContain(secret);
    }
  });

  /** The token the client uses (fetches one through a real call). */
  async function tokenOf(api: ReturnType<typeof makeApi>): Promise<string> {
    const known = named('gettoken')[0]?.response.access_token;
    if (typeof known === 'string') return known;
    await api.getUserName('alice');
    return String(named('gettoken')[0]?.response.access_token);
  }
});

describe('fake WeCom refuses what WeCom refuses', () => {
  let fake: FakeWeCom;
  let token: string;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const get = async (path: string) =>
    (await (await fetch(`${fake.url}${path}`)).json()) as Record<string, unknown>;
  const send = (extra: Record<string, unknown>) =>
    post(`/cgi-bin/message/send?access_token=${token}`, {
      touser: 'alice',
      agentid: APP.agentId,
      msgtype: 'text',
      text: { content: 'x' },
      ...extra,
    });

  beforeEach(async () => {
    fake = await createFakeWeCom(APP);
    fake.addUser('alice', 'Alice');
    fake.addRobot(ROBOT_KEY);
    const answer = await get(`/cgi-bin/gettoken?corpid=${APP.corpId}&corpsecret=${APP.secret}`);
    token = String(answer.access_token);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('issues tokens only for the right corpid and secret, and refuses bad ones', async () => {
    expect(token).toMatch(/^fake-wc-token-/);
    expect(await get(`/cgi-bin/gettoken?corpid=${APP.corpId}&corpsecret=nope`)).toMatchObject({
      errcode: 40001,
    });
    expect(await get(`/cgi-bin/gettoken?corpid=other&corpsecret=${APP.secret}`)).toMatchObject({
      errcode: 40013,
    });
    expect(await post('/cgi-bin/message/send', {})).toMatchObject({ errcode: 41001 });
    expect(await post('/cgi-bin/message/send?access_token=forged', {})).toMatchObject({ errcode: 40014 });
    fake.expireTokens();
    expect(await send({})).toMatchObject({ errcode: 42001 });
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['another agentid', { agentid: 1 }, 40056],
    ['1001 recipients', { touser: Array.from({ length: 1001 }, (_, i) => `u${i}`).join('|') }, 40058],
    ['text of 2049 bytes', { text: { content: 'x'.repeat(2049) } }, 45002],
    ['markdown of 2049 bytes', { msgtype: 'markdown', markdown: { content: 'x'.repeat(2049) } }, 45002],
    ['no valid recipient', { touser: 'ghost' }, 81013],
    [
      'a card without card_type',
      { msgtype: 'template_card', template_card: { ...card('t1'), card_type: undefined } },
      40058,
    ],
    [
      'a card without task_id',
      { msgtype: 'template_card', template_card: { ...card('t1'), task_id: undefined } },
      40058,
    ],
    ['a card with a bad task_id', { msgtype: 'template_card', template_card: card('has space') }, 40058],
    [
      'a card without main_title',
      { msgtype: 'template_card', template_card: { ...card('t1'), main_title: {} } },
      40058,
    ],
    ['a card with 7 buttons', { msgtype: 'template_card', template_card: card('t1', 7) }, 40058],
  ])('refuses a message/send with %s', async (_what, extra, errcode) => {
    expect(await send(extra)).toMatchObject({ errcode });
    expect(fake.sent()).toEqual([]);
  });

  it('lists unknown members in invaliduser, lower-cased', async () => {
    expect(await send({ touser: 'alice|Ghost' })).toMatchObject({ errcode: 0, invaliduser: 'ghost' });
    expect(fake.sent().map((m) => m.to)).toEqual([{ userIds: ['alice'] }]);
  });

  it('issues a response_code once per interactive card and takes it back once', async () => {
    const answer = await send({ msgtype: 'template_card', template_card: card('t-1') });
    const code = String(answer.response_code);
    const update = (response_code: string) =>
      post(`/cgi-bin/message/update_template_card?access_token=${token}`, {
        agentid: APP.agentId,
        response_code,
        button: { replace_name: '已处理' },
      });
    expect(await update('unknown')).toMatchObject({ errcode: 60140 });
    expect(await update(code)).toMatchObject({ errcode: 0 });
    expect(await update(code)).toMatchObject({ errcode: 60140 });
    expect(await send({ msgtype: 'template_card', template_card: card('t-1') })).toMatchObject({
      errcode: 42014,
    });
  });

  it('refuses unknown robots, long robot messages and the 21st message in a minute', async () => {
    const robot = (key: string, body: unknown) => post(`/cgi-bin/webhook/send?key=${key}`, body);
    const message = { msgtype: 'text', text: { content: 'hi' } };
    expect(await robot('unknown', message)).toMatchObject({ errcode: 93000 });
    expect(
      await robot(ROBOT_KEY, { msgtype: 'markdown', markdown: { content: 'x'.repeat(4097) } }),
    ).toMatchObject({
      errcode: 45002,
    });
    expect(await robot(ROBOT_KEY, { msgtype: 'text', text: { content: 'x'.repeat(2049) } })).toMatchObject({
      errcode: 45002,
    });
    for (let i = 0; i < 20; i += 1) expect(await robot(ROBOT_KEY, message)).toMatchObject({ errcode: 0 });
    expect(await robot(ROBOT_KEY, message)).toMatchObject({ errcode: 45009 });
  });

  it('answers 60111 for an unknown member and refuses uploads that are not files', async () => {
    expect(await get(`/cgi-bin/user/get?access_token=${token}&userid=ghost`)).toMatchObject({
      errcode: 60111,
    });
    expect(await get(`/cgi-bin/user/get?access_token=${token}&userid=alice`)).toMatchObject({
      name: 'Alice',
    });
    expect(await post(`/cgi-bin/media/upload?access_token=${token}&type=file`, { media: 'x' })).toMatchObject(
      {
        errcode: 44001,
      },
    );
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(5)]), 'tiny.txt');
    const tiny = await fetch(`${fake.url}/cgi-bin/media/upload?access_token=${token}&type=file`, {
      method: 'POST',
      body: form,
    });
    expect(await tiny.json()).toMatchObject({ errcode: 40006 });
  });

  it('takes files of 6 bytes to 20 MB, and a file message only with a media_id it issued in the last 3 days', async () => {
    let at = Date.parse('2026-11-27T03:00:00Z');
    const timed = await createFakeWeCom({ ...APP, now: () => at });
    try {
      timed.addUser('alice', 'Alice');
      const tokenOf = (await (
        await fetch(`${timed.url}/cgi-bin/gettoken?corpid=${APP.corpId}&corpsecret=${APP.secret}`)
      ).json()) as Record<string, unknown>;
      const upload = async (bytes: number) => {
        const form = new FormData();
        form.append('media', new Blob([new Uint8Array(bytes)]), 'export.csv');
        const response = await fetch(
          `${timed.url}/cgi-bin/media/upload?access_token=${String(tokenOf.access_token)}&type=file`,
          {
            method: 'POST',
            body: form,
          },
        );
        return (await response.json()) as Record<string, unknown>;
      };
      const sendFile = async (mediaId: string) =>
        (await (
          await fetch(`${timed.url}/cgi-bin/message/send?access_token=${String(tokenOf.access_token)}`, {
            method: 'POST',
            body: JSON.stringify({
              touser: 'alice',
              agentid: APP.agentId,
              msgtype: 'file',
              file: { media_id: mediaId },
            }),
          })
        ).json()) as Record<string, unknown>;
      expect(await upload(20 * 1024 * 1024 + 1)).toMatchObject({ errcode: 40006 });
      const big = await upload(20 * 1024 * 1024);
      expect(big).toMatchObject({ errcode: 0, type: 'file' });
      expect(await sendFile('3a-media-never-issued')).toMatchObject({ errcode: 40007 });
      expect(await sendFile(String(big.media_id))).toMatchObject({ errcode: 0 });
      at += 3 * 24 * 60 * 60 * 1000;
      expect(await sendFile(String(big.media_id))).toMatchObject({ errcode: 40007 });
    } finally {
      await timed.close();
    }
  });

  it('wakes waitFor when the awaited call arrives', async () => {
    const waiting = fake.waitFor('userGet', 2);
    await get(`/cgi-bin/user/get?access_token=${token}&userid=alice`);
    await get(`/cgi-bin/user/get?access_token=${token}&userid=ghost`);
    const calls = await waiting;
    expect(calls.map((call) => call.query.userid)).toEqual(['alice', 'ghost']);
  });
});
