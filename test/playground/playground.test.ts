import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENTS_PATH, signFor } from '../../src/dingtalk/http-receiver.ts';
import type { PlaygroundEvent, StoredMessage } from '../../src/playground/conversations.ts';
import { DINGTALK_API_PATH } from '../../src/playground/dingtalk/open-api.ts';
import { chatOf, DINGTALK_PLAYGROUND } from '../../src/playground/dingtalk/org.ts';
import { responseUrlFor } from '../../src/playground/response-urls.ts';
import { appChatOf, WECOM_PLAYGROUND } from '../../src/playground/wecom/corp.ts';
import { WECOM_API_PATH } from '../../src/playground/wecom/wecom-api.ts';
import { dmOf, PLAYGROUND } from '../../src/playground/workspace.ts';
import { XLSX_CONTENT_TYPE } from '../../src/xlsx/write-xlsx.ts';
import { startTestPlayground, type TestPlayground } from '../helpers/playground.ts';
import { createSlackClient } from '../helpers/slack-requests.ts';
import { isZip, readSheets } from '../helpers/workbook.ts';

/**
 * Playground mode end to end, without a browser: requests signed as Slack signs them go in through
 * the playground's /slack/events, the real Bolt app answers through the stand-in Web API and the
 * response URLs, and the replies land in the conversations and on the page's event stream.
 */
let t: TestPlayground;
let agent: string;
let otherAgent: string;
let leader: string;

beforeAll(async () => {
  t = await startTestPlayground();
  const seeded = t.playground.seeded;
  if (seeded === undefined) throw new Error('the playground did not seed the demo team');
  const onProbation = new Set(seeded.people.probation);
  [agent = '', otherAgent = ''] = seeded.people.agents.filter((id) => !onProbation.has(id));
  leader = seeded.groups[0]?.leader ?? '';
});
afterAll(async () => {
  await t?.close();
});

function slackAs() {
  return createSlackClient({
    baseUrl: t.origin,
    signingSecret: t.playground.signingSecret,
    teamId: PLAYGROUND.teamId,
  });
}

const isMessage =
  (check: (message: StoredMessage) => boolean) =>
  (event: PlaygroundEvent): boolean =>
    (event.type === 'message' || event.type === 'message-changed') && check(event.message);

/** What the tests read of a streamed event: its type and, for messages, the message. */
const streamEvent = z.looseObject({
  type: z.string(),
  message: z
    .looseObject({
      conversation: z.string(),
      user: z.string(),
      text: z.string(),
      ephemeralTo: z.string().optional(),
    })
    .optional(),
});
type StreamEvent = z.infer<typeof streamEvent>;

/** The part of /playground/directory the tests read. */
const directorySchema = z.looseObject({
  people: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.string(),
      role: z.string().nullable(),
      roleLabel: z.string().nullable(),
    }),
  ),
  channels: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  jobs: z.array(z.looseObject({ name: z.string(), time: z.string() })),
  today: z.string(),
});
const directoryOf = async (origin: string, locale: string) =>
  directorySchema.parse(await (await fetch(`${origin}/playground/directory?locale=${locale}`)).json());

/** What /playground/dingtalk/messages answers. */
const typedAnswer = z.looseObject({
  forRobot: z.boolean(),
  callback: z.record(z.string(), z.unknown()).optional(),
});

/** The Confirm button of a log that asks for confirmation. */
const confirmBlock = z.looseObject({
  type: z.literal('actions'),
  elements: z.array(z.looseObject({ action_id: z.string(), value: z.string() })),
});

/** Reads the page's event stream; `next` resolves with the first event from now on that matches. */
async function openEventStream(origin: string) {
  const controller = new AbortController();
  const response = await fetch(`${origin}/playground/events`, { signal: controller.signal });
  const body = response.body;
  if (body === null) throw new Error('no event stream');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    contentType: response.headers.get('content-type'),
    async next(match: (event: StreamEvent) => boolean): Promise<StreamEvent> {
      for (;;) {
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length))
            .join('\n');
          if (data === '') continue;
          const event = streamEvent.parse(JSON.parse(data));
          if (match(event)) return event;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('event stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

describe('the page', () => {
  it('is served with its scripts, and the session names the commands and the signing secret', async () => {
    const page = await fetch(`${t.origin}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/page/app.js');
    expect((await fetch(`${t.origin}/page/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${t.origin}/page/../main.ts`)).status).toBe(404);

    const session = await (await fetch(`${t.origin}/playground/session`)).json();
    expect(session).toMatchObject({
      signingSecret: t.playground.signingSecret,
      bot: PLAYGROUND.bot,
      commands: expect.arrayContaining(['/log', '/rank', '/stats', '/team']),
    });
  });

  it('lists the demo team with roles, the channels in group order and every job', async () => {
    const directory = await directoryOf(t.origin, 'zh-CN');
    const people = directory.people;
    // Two branches: 电销团队 (31) and 二部 (17), whose groups carry its name.
    expect(people.filter((p) => p.kind === 'member')).toHaveLength(48);
    expect(people.filter((p) => String(p.group ?? '').startsWith('二部·'))).toHaveLength(14);
    expect(people.find((p) => p.id === leader)).toMatchObject({ role: 'leader', roleLabel: '组长' });
    // The configured admin is offered only while the roster is empty.
    expect(people.some((p) => p.kind === 'admin')).toBe(false);
    expect(directory.channels.map((c) => c.name)).toEqual([
      'general',
      'pk榜',
      '二部 pk榜',
      '一组',
      '二组',
      '三组',
      '二部·一组',
      '二部·二组',
    ]);
    expect(directory.jobs.map((j) => j.name)).toContain('daily-pk');
    expect(directory.today).toBe('2026-11-27');
  });

  it('refuses page requests that are not JSON or not valid', async () => {
    const form = await fetch(`${t.origin}/playground/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'job=daily-pk',
    });
    expect(form.status).toBe(415);
    const bad = await fetch(`${t.origin}/playground/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ job: 'no-such-job' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('a signed /log through the playground', () => {
  it('reaches the bot, whose reply arrives in the agent DM and on the event stream', async () => {
    const stream = await openEventStream(t.origin);
    try {
      expect(stream.contentType).toContain('text/event-stream');
      await stream.next((event) => event.type === 'snapshot');
      const ack = await slackAs().slashCommand({
        command: '/log',
        text: '呼出120 有效80 意向8',
        userId: agent,
        channelId: dmOf(agent),
        responseUrl: responseUrlFor(t.origin, { channel: dmOf(agent), user: agent, messageTs: undefined }),
      });
      expect(ack.status).toBe(200);

      const event = await stream.next(
        (e) =>
          e.type === 'message' && e.message?.ephemeralTo === agent && e.message.text.startsWith('已记录'),
      );
      expect(event).toMatchObject({
        type: 'message',
        message: { conversation: dmOf(agent), user: PLAYGROUND.bot.userId },
      });
      const stored = t.playground.conversations.messages(dmOf(agent));
      expect(stored.at(-1)?.text).toContain('已记录');
      // The log refreshed the agent's Home tab through views.publish.
      await t.playground.conversations.waitFor((e) => e.type === 'home-published' && e.userId === agent);
    } finally {
      stream.close();
    }
  });

  it('is refused by Bolt when the signature is wrong', async () => {
    const ack = await slackAs().slashCommand(
      { command: '/rank', text: '', userId: agent, channelId: dmOf(agent) },
      { signingSecret: 'not-the-secret' },
    );
    expect(ack.status).toBe(401);
  });

  it('asks for confirmation of an odd figure, and Confirm replaces the question', async () => {
    const channel = dmOf(agent);
    await slackAs().slashCommand({
      command: '/log',
      text: '呼出1600',
      userId: agent,
      channelId: channel,
      responseUrl: responseUrlFor(t.origin, { channel, user: agent, messageTs: undefined }),
    });
    const question = await t.playground.conversations.waitFor(
      isMessage(
        (m) => m.conversation === channel && (m.blocks ?? []).some((b) => confirmBlock.safeParse(b).success),
      ),
    );
    if (question.type !== 'message') throw new Error('expected a message');
    const buttons = (question.message.blocks ?? []).flatMap(
      (b) => confirmBlock.safeParse(b).data?.elements ?? [],
    );
    const value = buttons.find((button) => button.action_id === 'log_confirm')?.value;
    if (value === undefined) throw new Error('no Confirm button');
    const ack = await slackAs().blockAction({
      userId: agent,
      actionId: 'log_confirm',
      value,
      channelId: channel,
      responseUrl: responseUrlFor(t.origin, { channel, user: agent, messageTs: question.message.ts }),
    });
    expect(ack.status).toBe(200);
    // The replacement may land before this wait starts: match the stored, edited message too.
    const replaced = await t.playground.conversations.waitFor(
      (e) =>
        (e.type === 'message-changed' || e.type === 'message') &&
        e.message.ts === question.message.ts &&
        e.message.edited === true,
    );
    expect(replaced).toMatchObject({ message: { edited: true, ephemeralTo: agent } });
    if (replaced.type === 'message-changed' || replaced.type === 'message')
      expect(replaced.message.text).toContain('已记录');
  });
});

describe('modals', () => {
  it('opens the /log form for the page that sent the trigger, and shows field errors', async () => {
    const channel = dmOf(otherAgent);
    await slackAs().slashCommand({
      command: '/log',
      text: '',
      userId: otherAgent,
      channelId: channel,
      triggerId: 'trigger-form-1',
    });
    const opened = await t.playground.conversations.waitFor(
      (e) => e.type === 'view-opened' && e.view.triggerId === 'trigger-form-1',
    );
    if (opened.type !== 'view-opened') throw new Error('expected a view');
    expect(opened.view.view).toMatchObject({ type: 'modal', callback_id: 'log_form' });

    const submitted = await slackAs().viewSubmission({
      userId: otherAgent,
      callbackId: 'log_form',
      viewId: opened.view.id,
      privateMetadata: String(opened.view.view.private_metadata ?? ''),
      values: {
        log_day: { value: { type: 'datepicker', selected_date: '2026-11-27' } },
        log_calls: { value: { type: 'number_input', value: '10' } },
        log_effective: { value: { type: 'number_input', value: '50' } },
      },
    });
    expect(submitted.body).toMatchObject({
      response_action: 'errors',
      errors: { log_effective: expect.any(String) },
    });
  });
});

describe('run job now', () => {
  it('posts the daily PK board to the team channel and a short post to each group channel', async () => {
    const run = async () =>
      (
        await fetch(`${t.origin}/playground/jobs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ job: 'daily-pk' }),
        })
      ).json();
    // The board, its 战报 poster and one post to each group.
    expect(await run()).toMatchObject({ status: 'done', job: 'daily-pk', posts: 5, failures: [] });
    const [board, poster] = t.playground.conversations.messages('CDEMOPK').slice(-2);
    expect(board?.text).toBe('小组PK榜 · 11月27日');
    expect(poster?.files?.[0]?.name).toBe('zhanbao-pk-2026-11-27.png');
    for (const group of t.playground.seeded?.groups ?? []) {
      expect(t.playground.conversations.messages(group.channelId)).toHaveLength(1);
    }
    // "Run now" forces: a second press posts again rather than saying it already ran.
    expect(await run()).toMatchObject({ status: 'done', posts: 5 });
  });
});

describe('the stand-in Web API', () => {
  const client = (token: string = PLAYGROUND.token) =>
    new WebClient(token, { slackApiUrl: `${t.origin}/api/`, retryConfig: { retries: 0 } });

  it('answers users.info with the roster name and the language chosen in the page', async () => {
    const before = await client().users.info({ user: leader, include_locale: true });
    expect(before.user).toMatchObject({ id: leader, locale: 'zh-CN' });
    const changed = await fetch(`${t.origin}/playground/locale`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: leader, locale: 'en' }),
    });
    expect(changed.status).toBe(200);
    const after = await client().users.info({ user: leader, include_locale: true });
    expect(after.user?.locale).toBe('en-US');
    expect(after.user?.profile?.display_name).toBe(after.user?.real_name);

    // The bot asks users.info on every request here, so the leader's next /rank is in English.
    await slackAs().slashCommand({
      command: '/rank',
      text: '',
      userId: leader,
      channelId: 'CDEMOPK',
      responseUrl: responseUrlFor(t.origin, { channel: 'CDEMOPK', user: leader, messageTs: undefined }),
    });
    const reply = await t.playground.conversations.waitFor(
      isMessage((m) => m.conversation === 'CDEMOPK' && m.ephemeralTo === leader),
    );
    if (reply.type === 'message') expect(reply.message.text).toBe('Group PK · Nov 27');
  });

  it('keeps the ts of an updated message, and says which calls it does not know', async () => {
    const posted = await client().chat.postMessage({ channel: 'CPLAYGENERAL', text: 'first' });
    const updated = await client().chat.update({
      channel: 'CPLAYGENERAL',
      ts: posted.ts ?? '',
      text: 'second',
    });
    expect(updated.ts).toBe(posted.ts);
    expect(t.playground.conversations.message('CPLAYGENERAL', posted.ts ?? '')).toMatchObject({
      text: 'second',
      edited: true,
    });
    await expect(
      client().chat.update({ channel: 'CPLAYGENERAL', ts: '1.000001', text: 'x' }),
    ).rejects.toThrow('message_not_found');
    await expect(client().apiCall('conversations.history', { channel: 'CPLAYGENERAL' })).rejects.toThrow(
      'unknown_method',
    );
    await expect(client('xoxb-someone-else').auth.test()).rejects.toThrow('invalid_auth');
  });

  it('takes a file the way files.uploadV2 sends it, shares it in the DM and serves it to the page', async () => {
    const opened = await client().conversations.open({ users: agent });
    const channel = opened.channel?.id ?? '';
    expect(channel).toBe(dmOf(agent));
    await client().filesUploadV2({
      channel_id: channel,
      filename: '业绩.csv',
      title: '11月业绩',
      file: Buffer.from('姓名,业绩\n王伟,200000\n', 'utf8'),
    });
    const shared = t.playground.conversations.messages(channel).find((m) => (m.files?.length ?? 0) > 0);
    const file = shared?.files?.[0];
    expect(file).toMatchObject({ name: '业绩.csv', title: '11月业绩' });
    const download = await fetch(`${t.origin}/playground/files/${file?.id}`);
    expect(download.headers.get('content-type')).toContain('text/csv');
    expect(await download.text()).toBe('姓名,业绩\n王伟,200000\n');
  });

  it('offers a manager’s /team export as a workbook the page downloads intact', async () => {
    const manager = t.playground.seeded?.people.managers[0] ?? '';
    const channel = dmOf(manager);
    await slackAs().slashCommand({
      command: '/team',
      text: 'export pay 2026-11',
      userId: manager,
      channelId: channel,
      responseUrl: responseUrlFor(t.origin, { channel, user: manager, messageTs: undefined }),
    });
    const shared = await t.playground.conversations.waitFor(
      isMessage((m) => m.conversation === channel && (m.files ?? []).some((f) => f.name.endsWith('.xlsx'))),
    );
    if (shared.type !== 'message') throw new Error('expected a message');
    const file = shared.message.files?.[0];
    expect(file).toMatchObject({ name: 'zhanbao-pay-2026-11.xlsx' });
    const download = await fetch(`${t.origin}/playground/files/${file?.id}`);
    expect(download.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.length).toBe(file?.size);
    expect(isZip(bytes)).toBe(true);
    const sheets = await readSheets(bytes);
    expect(sheets[0]?.name).toBe('总览');
    expect(sheets.length).toBeGreaterThan(1);
  });

  it('delivers a message to a user id into their DM with the bot', async () => {
    const posted = await client().chat.postMessage({ channel: agent, text: 'hello' });
    expect(posted.channel).toBe(dmOf(agent));
  });
});

describe('an empty roster', () => {
  it('offers the configured admin, who can start the roster with /team', async () => {
    const empty = await startTestPlayground({ seed: 'never' });
    try {
      const directory = await directoryOf(empty.origin, 'en');
      expect(directory.people).toContainEqual(
        expect.objectContaining({ id: PLAYGROUND.admin.userId, kind: 'admin', roleLabel: 'admin' }),
      );
      const client = createSlackClient({
        baseUrl: empty.origin,
        signingSecret: empty.playground.signingSecret,
      });
      await client.slashCommand({
        command: '/team',
        text: 'group add 一组',
        userId: PLAYGROUND.admin.userId,
        channelId: 'CPLAYGENERAL',
        responseUrl: responseUrlFor(empty.origin, {
          channel: 'CPLAYGENERAL',
          user: PLAYGROUND.admin.userId,
          messageTs: undefined,
        }),
      });
      const reply = await empty.playground.conversations.waitFor(
        isMessage((m) => m.ephemeralTo === PLAYGROUND.admin.userId),
      );
      if (reply.type === 'message') expect(reply.message.text).toContain('一组');
    } finally {
      await empty.close();
    }
  });
});

describe('钉钉 mode', () => {
  const side = () => t.playground.dingtalk;
  const demo = () => {
    const seeded = side().seeded;
    if (seeded === undefined) throw new Error('the playground did not seed the DingTalk demo organisation');
    return seeded;
  };
  const onDuty = () => demo().people.agents.filter((id) => !demo().people.probation.includes(id));

  /** What the page posts when a person types: the message is shown, the callback body comes back. */
  async function typeAs(userId: string, conversation: string, text: string) {
    const response = await fetch(`${t.origin}/playground/dingtalk/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, conversation, text }),
    });
    return { status: response.status, body: typedAnswer.parse(await response.json()) };
  }

  /** The callback DingTalk would POST, signed with the app secret as the page signs it. */
  async function deliver(callback: Record<string, unknown>, secret = side().clientSecret) {
    const timestamp = String(Date.now());
    const response = await fetch(`${t.origin}${EVENTS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', timestamp, sign: signFor(secret, timestamp) },
      body: JSON.stringify(callback),
    });
    return { status: response.status, body: await response.json() };
  }

  const fromRobot =
    (conversation: string, check: (message: StoredMessage) => boolean = () => true) =>
    (event: PlaygroundEvent) =>
      event.type === 'message' &&
      event.message.conversation === conversation &&
      event.message.user === DINGTALK_PLAYGROUND.robot.userId &&
      check(event.message);

  it('has its own demo organisation, in DingTalk ids, with the robot and the 全员群', async () => {
    const directory = directorySchema.parse(
      await (await fetch(`${t.origin}/playground/dingtalk/directory?locale=zh-CN`)).json(),
    );
    expect(directory.people.filter((p) => p.kind === 'member')).toHaveLength(48);
    expect(directory.people.every((p) => !/^U/.test(p.id))).toBe(true);
    expect(new Set(directory.people.map((p) => p.id)).size).toBe(directory.people.length);
    expect(directory.channels.map((c) => c.name)).toEqual([
      '全员群',
      'PK榜',
      '二部 PK榜',
      '一组',
      '二组',
      '三组',
      '二部·一组',
      '二部·二组',
    ]);
    expect(directory.channels.every((c) => c.id.startsWith('cid'))).toBe(true);
    const session = await (await fetch(`${t.origin}/playground/dingtalk/session`)).json();
    expect(session).toMatchObject({ messenger: 'dingtalk', clientSecret: side().clientSecret });
  });

  it('a /log in the 1:1 chat reaches the robot through a signed callback; its markdown reply shows there', async () => {
    const [agent = ''] = onDuty();
    const chat = chatOf(agent);
    const typed = await typeAs(agent, chat, '/log 呼出120 有效80 意向8');
    expect(typed).toMatchObject({ status: 200, body: { forRobot: true } });
    const callback = typed.body.callback ?? {};
    expect(callback).toMatchObject({
      conversationType: '1',
      senderStaffId: agent,
      text: { content: '/log 呼出120 有效80 意向8' },
    });
    // What the person typed is in the chat at once, as DingTalk shows it.
    expect(side().conversations.messages(chat).at(-1)).toMatchObject({ user: agent });

    expect(await deliver(callback)).toEqual({ status: 200, body: { msgtype: 'empty' } });
    const reply = await side().conversations.waitFor(fromRobot(chat));
    if (reply.type !== 'message') throw new Error('expected a message');
    expect(reply.message.dingtalk).toMatchObject({
      msgtype: 'markdown',
      title: expect.stringContaining('已记录'),
    });
    expect(reply.message.text).toContain('呼出 120/150');
    expect(await side().store.roster.memberByMessengerId(agent)).toBeDefined();
  });

  it('answers a /stats in a group in the 1:1 chat, with a one-line note in the group', async () => {
    const [, agent = ''] = onDuty();
    const group = demo().groups[0]?.channelId ?? '';
    const typed = await typeAs(agent, group, '@战报 /stats');
    const callback = typed.body.callback ?? {};
    expect(callback).toMatchObject({
      conversationType: '2',
      conversationId: group,
      // DingTalk cuts the mention out of the text and lists the robot in atUsers.
      text: { content: ' /stats' },
      atUsers: [{ dingtalkId: DINGTALK_PLAYGROUND.robot.userId }],
    });
    await deliver(callback);
    const note = await side().conversations.waitFor(fromRobot(group));
    if (note.type !== 'message') throw new Error('expected a message');
    expect(note.message.text.trim()).toBe(`@${agent} 结果已私信发给你。`);
    expect(note.message.dingtalk?.atUserIds).toEqual([agent]);
    const privately = await side().conversations.waitFor(fromRobot(chatOf(agent)));
    if (privately.type !== 'message') throw new Error('expected a message');
    expect(privately.message.dingtalk?.msgtype).toBe('markdown');
    expect(
      side()
        .conversations.messages(group)
        .filter((m) => m.user === DINGTALK_PLAYGROUND.robot.userId),
    ).toHaveLength(1);
  });

  it('puts the people @-ed in a group into atUsers, and does not call the robot when it is not @-ed', async () => {
    const [, , agent = ''] = onDuty();
    const leaderId = demo().groups[0]?.leader ?? '';
    const leader = await side().store.roster.memberByMessengerId(leaderId);
    const group = demo().groups[0]?.channelId ?? '';
    const typed = await typeAs(agent, group, `@战报 /stats @${leader?.displayName}`);
    expect(typed.body.callback).toMatchObject({
      text: { content: ' /stats ' },
      atUsers: [{ dingtalkId: DINGTALK_PLAYGROUND.robot.userId }, { staffId: leaderId }],
    });
    expect(await typeAs(agent, group, '大家好')).toMatchObject({ status: 200, body: { forRobot: false } });
  });

  it('refuses a callback signed with another secret', async () => {
    const [agent = ''] = onDuty();
    const typed = await typeAs(agent, chatOf(agent), '/rank');
    expect((await deliver(typed.body.callback ?? {}, 'not-the-secret')).status).toBe(401);
  });

  it('has a stand-in OpenAPI that refuses what DingTalk refuses', async () => {
    const api = `${t.origin}${DINGTALK_API_PATH}`;
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === undefined ? {} : { 'x-acs-dingtalk-access-token': token }),
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: z.record(z.string(), z.unknown()).parse(await response.json()),
      };
    };
    const refused = await post('/v1.0/oauth2/accessToken', {
      appKey: DINGTALK_PLAYGROUND.clientId,
      appSecret: 'x',
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 'invalidClientIdOrSecret' } });
    const granted = await post('/v1.0/oauth2/accessToken', {
      appKey: DINGTALK_PLAYGROUND.clientId,
      appSecret: side().clientSecret,
    });
    const token = String(granted.body.accessToken);
    const robotCode = DINGTALK_PLAYGROUND.clientId;
    const agents = demo().people.agents;

    expect(
      await post(
        '/v1.0/robot/oToMessages/batchSend',
        { robotCode, userIds: agents, msgKey: 'sampleText', msgParam: '{"content":"x"}' },
        'nope',
      ),
    ).toMatchObject({ status: 401, body: { code: 'InvalidAuthentication' } });
    expect(agents.length).toBeGreaterThan(20);
    expect(
      await post(
        '/v1.0/robot/oToMessages/batchSend',
        { robotCode, userIds: agents, msgKey: 'sampleText', msgParam: '{"content":"x"}' },
        token,
      ),
    ).toMatchObject({ status: 400, body: { code: 'InvalidParameter.UserIds' } });
    expect(
      await post(
        '/v1.0/robot/oToMessages/batchSend',
        { robotCode, userIds: [agents[0]], msgKey: 'sampleText', msgParam: { content: 'x' } },
        token,
      ),
    ).toMatchObject({ status: 400, body: { code: 'InvalidParameter.MsgParam' } });
    expect(
      await post(
        '/v1.0/robot/oToMessages/batchSend',
        { robotCode, userIds: [agents[0], 'nobody'], msgKey: 'sampleText', msgParam: '{"content":"x"}' },
        token,
      ),
    ).toMatchObject({ status: 200, body: { invalidStaffIdList: ['nobody'] } });
    const group = demo().teamChannelId;
    expect(
      await post(
        '/v1.0/robot/groupMessages/send',
        { robotCode, openConversationId: group, msgKey: 'sampleMarkdown', msgParam: '{"text":"#### x"}' },
        token,
      ),
    ).toMatchObject({ status: 400, body: { code: 'InvalidParameter.MsgParam' } });
    expect(
      await post(
        '/v1.0/robot/groupMessages/send',
        { robotCode, openConversationId: 'cidNobody==', msgKey: 'sampleText', msgParam: '{"content":"x"}' },
        token,
      ),
    ).toMatchObject({ status: 400, body: { code: 'InvalidParameter.OpenConversationId' } });
    expect(
      await post('/robot/sendBySession?session=nope', { msgtype: 'text', text: { content: 'x' } }),
    ).toMatchObject({ status: 200, body: { errcode: 300001 } });
    expect(await post(`/topapi/v2/user/get?access_token=${token}`, { userid: 'nobody' })).toMatchObject({
      body: { errcode: 60121 },
    });
  });

  it('runs a job from the page: the daily PK goes to the PK group through groupMessages/send', async () => {
    const answer = await (
      await fetch(`${t.origin}/playground/dingtalk/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ job: 'daily-pk' }),
      })
    ).json();
    expect(answer).toMatchObject({ status: 'done', failures: [] });
    const [board, poster] = side().conversations.messages(demo().teamChannelId).slice(-2);
    expect(board?.dingtalk?.msgtype).toBe('markdown');
    expect(board?.text).toContain('小组PK榜');
    // The 战报 poster follows, as a picture the page shows.
    expect(poster?.dingtalk?.msgtype).toBe('image');
    const file = poster?.files?.[0];
    expect(file?.name).toMatch(/\.png$/);
    const png = await fetch(`${t.origin}/playground/dingtalk/files/${encodeURIComponent(file?.id ?? '')}`);
    expect(png.headers.get('content-type')).toBe('image/png');
  });
});

describe('企业微信 mode', () => {
  const side = () => t.playground.wecom;
  const demo = () => {
    const seeded = side().seeded;
    if (seeded === undefined) throw new Error('the playground did not seed the WeCom demo');
    return seeded;
  };
  const onDuty = () => demo().people.agents.filter((id) => !demo().people.probation.includes(id));
  const callbackSchema = z.object({ callback: z.object({ query: z.string(), body: z.string() }) });

  /** What the page does: the server seals the member's action, the page posts it to /wecom/events. */
  async function act(body: Record<string, unknown>): Promise<number> {
    const sealed = await fetch(`${t.origin}/playground/wecom/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(sealed.status).toBe(200);
    const { callback } = callbackSchema.parse(await sealed.json());
    const answer = await fetch(`${t.origin}/wecom/events?${callback.query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: callback.body,
    });
    await answer.text();
    return answer.status;
  }

  const fromApp =
    (conversation: string, check: (message: StoredMessage) => boolean = () => true) =>
    (event: PlaygroundEvent) =>
      (event.type === 'message' || event.type === 'message-changed') &&
      event.message.conversation === conversation &&
      event.message.user === WECOM_PLAYGROUND.app.userId &&
      check(event.message);

  it('has its own demo corporation, with pinyin userids and a robot key per group chat', async () => {
    const directory = directorySchema.parse(
      await (await fetch(`${t.origin}/playground/wecom/directory?locale=zh-CN`)).json(),
    );
    const members = directory.people.filter((p) => p.kind === 'member');
    expect(members).toHaveLength(48);
    expect(members.every((p) => /^[A-Z][a-z]+[A-Z][A-Za-z]*\d*$/.test(p.id))).toBe(true);
    expect(directory.channels.map((c) => c.name)).toEqual([
      'PK榜',
      '二部 PK榜',
      '一组',
      '二组',
      '三组',
      '二部·一组',
      '二部·二组',
    ]);
    expect(directory.channels.every((c) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(c.id))).toBe(true);
    const session = await (await fetch(`${t.origin}/playground/wecom/session`)).json();
    expect(session).toMatchObject({
      messenger: 'wecom',
      menu: [
        { key: 'log' },
        { key: 'stats' },
        { name: '更多', sub_button: [{ key: 'rank' }, { key: 'help' }] },
      ],
    });
  });

  it('a /log reaches the app through an encrypted callback; its markdown reply shows in the app chat', async () => {
    const [agent = ''] = onDuty();
    const chat = appChatOf(agent);
    expect(await act({ kind: 'text', userId: agent, text: '/log 呼出120 有效80 意向8' })).toBe(200);
    expect(side().conversations.messages(chat)[0]).toMatchObject({ user: agent });
    const reply = await side().conversations.waitFor(fromApp(chat));
    if (reply.type !== 'message') throw new Error('expected a message');
    expect(reply.message.wecom?.msgtype).toBe('markdown');
    expect(reply.message.text).toContain('呼出 120/150');
    expect(reply.message.text).toContain('**');
  });

  it('answers the menu click 我的战报', async () => {
    const [, agent = ''] = onDuty();
    expect(await act({ kind: 'menu', userId: agent, key: 'stats' })).toBe(200);
    const reply = await side().conversations.waitFor(fromApp(appChatOf(agent)));
    if (reply.type !== 'message') throw new Error('expected a message');
    expect(reply.message.wecom?.msgtype).toBe('markdown');
    expect(reply.message.text).not.toBe('');
  });

  it('sends a card for an odd figure; its Confirm click saves and greys the card', async () => {
    const [, , agent = ''] = onDuty();
    const chat = appChatOf(agent);
    await act({ kind: 'text', userId: agent, text: '/log 呼出1600' });
    const card = await side().conversations.waitFor(
      fromApp(chat, (m) => m.wecom?.msgtype === 'template_card'),
    );
    if (card.type !== 'message') throw new Error('expected a message');
    const buttons = z
      .array(z.object({ text: z.string(), key: z.string() }))
      .parse(card.message.wecom?.card?.button_list);
    const confirm = buttons.find((b) => b.text.includes('确认'));
    if (confirm === undefined) throw new Error(`no Confirm among ${buttons.map((b) => b.text).join(', ')}`);
    expect(card.message.wecom?.responseCode).toBeDefined();

    expect(await act({ kind: 'card', userId: agent, ts: card.message.ts, key: confirm.key })).toBe(200);
    const greyed = await side().conversations.waitFor(
      fromApp(chat, (m) => m.ts === card.message.ts && m.wecom?.replaceName !== undefined),
    );
    if (greyed.type !== 'message-changed' && greyed.type !== 'message') throw new Error('expected a change');
    expect(greyed.message.wecom?.replaceName).toBe('已处理');
    await side().conversations.waitFor(
      fromApp(chat, (m) => m.text.includes('已记录') && m.text.includes('1,600')),
    );
    // A decided card takes no second click.
    const again = await fetch(`${t.origin}/playground/wecom/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'card', userId: agent, ts: card.message.ts, key: confirm.key }),
    });
    expect(again.status).toBe(409);
  });

  it('refuses a callback signed with another token', async () => {
    const [agent = ''] = onDuty();
    const sealed = await fetch(`${t.origin}/playground/wecom/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'menu', userId: agent, key: 'help' }),
    });
    const { callback } = callbackSchema.parse(await sealed.json());
    const forged = callback.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`);
    const answer = await fetch(`${t.origin}/wecom/events?${forged}`, { method: 'POST', body: callback.body });
    expect(answer.status).toBe(401);
  });

  it('has a stand-in API that refuses what WeCom refuses', async () => {
    const api = `${t.origin}${WECOM_API_PATH}/cgi-bin`;
    const call = async (path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      return z.record(z.string(), z.unknown()).parse(await response.json());
    };
    const { corpId, agentId } = WECOM_PLAYGROUND;
    expect(await call(`/gettoken?corpid=${corpId}&corpsecret=wrong`)).toMatchObject({ errcode: 40001 });
    const granted = await call(`/gettoken?corpid=${corpId}&corpsecret=${side().secrets.secret}`);
    const token = String(granted.access_token);
    const send = (body: Record<string, unknown>) =>
      call(`/message/send?access_token=${token}`, { agentid: agentId, ...body });
    const [agent = ''] = onDuty();
    expect(await call('/message/send?access_token=nope', {})).toMatchObject({ errcode: 40014 });
    expect(
      await send({ touser: agent, msgtype: 'markdown', markdown: { content: 'x'.repeat(2049) } }),
    ).toMatchObject({ errcode: 45002 });
    expect(
      await send({ touser: Array(1001).fill(agent).join('|'), msgtype: 'text', text: { content: 'x' } }),
    ).toMatchObject({ errcode: 40058 });
    expect(await send({ touser: 'Nobody', msgtype: 'text', text: { content: 'x' } })).toMatchObject({
      errcode: 81013,
    });
    const card = (taskId: string, buttons: number) => ({
      touser: agent,
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        main_title: { title: 't' },
        task_id: taskId,
        button_list: Array.from({ length: buttons }, (_, i) => ({ text: `b${i}`, key: `k${i}` })),
      },
    });
    expect(await send(card('t1', 7))).toMatchObject({ errcode: 40058 });
    const sent = await send(card('t1', 2));
    expect(sent).toMatchObject({ errcode: 0, response_code: expect.any(String) });
    expect(await send(card('t1', 2))).toMatchObject({ errcode: 42014 });
    const update = (code: unknown) =>
      call(`/message/update_template_card?access_token=${token}`, {
        agentid: agentId,
        response_code: code,
        button: { replace_name: 'done' },
      });
    expect(await update(sent.response_code)).toMatchObject({ errcode: 0 });
    expect(await update(sent.response_code)).toMatchObject({ errcode: 60140 });
    expect(
      await call('/webhook/send?key=00000000-0000-4000-a000-000000000000', {
        msgtype: 'markdown',
        markdown: { content: 'x' },
      }),
    ).toMatchObject({ errcode: 93000 });
    const group = demo().groups[0]?.channelId ?? '';
    expect(
      await call(`/webhook/send?key=${group}`, {
        msgtype: 'markdown',
        markdown: { content: 'x'.repeat(4097) },
      }),
    ).toMatchObject({ errcode: 45002 });
    expect(await call(`/user/get?access_token=${token}&userid=Nobody`)).toMatchObject({ errcode: 60111 });
  });

  it('runs the daily PK from the page: it goes to the team robot group', async () => {
    const answer = await (
      await fetch(`${t.origin}/playground/wecom/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ job: 'daily-pk' }),
      })
    ).json();
    expect(answer).toMatchObject({ status: 'done', failures: [] });
    const [board, poster] = side().conversations.messages(demo().teamChannelId).slice(-2);
    expect(poster?.wecom?.msgtype).toBe('image');
    expect(poster?.files?.[0]?.name).toMatch(/\.png$/);
    expect(board?.wecom?.msgtype).toBe('markdown');
    expect(board?.user).toBe(WECOM_PLAYGROUND.app.userId);
    expect(board?.text).toContain('小组PK榜');
  });
});
