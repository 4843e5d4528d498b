import { createHash, randomBytes } from 'node:crypto';
import type { Conversations, WeComShown } from '../conversations.ts';
import type { Workspace } from '../workspace.ts';
import { appChatOf, WECOM_PLAYGROUND } from './corp.ts';

/**
 * The stand-in for WeCom's servers (qyapi.weixin.qq.com), as the bot's client (src/wecom/api.ts)
 * calls them under WECOM_API_PATH: gettoken, message/send, message/update_template_card,
 * webhook/send (group robots), user/get, media/upload and menu/create. Every answer is HTTP 200
 * with `{ errcode, errmsg }`, and it refuses what WeCom refuses (messenger-contracts.md §7, §9;
 * the limits as src/wecom/api.ts cites them). What the app sends lands in the member's app chat,
 * what a robot sends in its group, where the page shows it.
 */
export const WECOM_API_PATH = '/wecom-api';

export type WeComRequest = {
  method: string;
  /** Path below WECOM_API_PATH, e.g. /cgi-bin/message/send. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
  /** The `media` part of a multipart form. */
  file: { name: string; bytes: Buffer } | undefined;
};

type Answer = { errcode: number; errmsg: string } & Record<string, unknown>;

const SEND_MAX_USERS = 1000;
const APP_CONTENT_MAX_BYTES = 2048;
const ROBOT_TEXT_MAX_BYTES = 2048;
const ROBOT_MARKDOWN_MAX_BYTES = 4096;
const ROBOT_PER_MINUTE = 20;
const CARD_MAX_BUTTONS = 6;
const TOKEN_SECONDS = 7200;
const MINUTE_MS = 60_000;
const CARD_TYPES = new Set(['text_notice', 'news_notice', 'button_interaction', 'vote_interaction']);
const INTERACTIVE = new Set(['button_interaction', 'vote_interaction']);
const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;
const KEEP_TASK_IDS = 10_000;

export function createWeComStandIn(deps: {
  conversations: Conversations;
  workspace: Workspace;
  secret: string;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const tokens = new Map<string, number>();
  const taskIds = new Set<string>();
  /** response_code → where the card was shown, until update_template_card uses it. */
  const cards = new Map<string, { shown: Array<{ conversation: string; ts: string }>; used: boolean }>();
  const robotSends = new Map<string, number[]>();
  const media = new Map<string, { name: string; size: number }>();
  let menu: unknown;
  let seq = 0;
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${String(seq).padStart(6, '0')}`;
  };

  const ok = (extra: Record<string, unknown> = {}): Answer => ({ errcode: 0, errmsg: 'ok', ...extra });
  // WeCom's errmsg carries a hint and the caller's IP; the bot logs it.
  const fail = (errcode: number, errmsg: string, extra: Record<string, unknown> = {}): Answer => ({
    errcode,
    errmsg: `${errmsg}, hint: [${nextId('play')}], from ip: 127.0.0.1`,
    ...extra,
  });
  const tokenRefusal = (token: string | null): Answer | undefined => {
    if (token === null || token === '') return fail(41001, 'access_token missing');
    const until = tokens.get(token);
    if (until === undefined) return fail(40014, 'invalid access_token');
    return until > now() ? undefined : fail(42001, 'access_token expired');
  };

  async function robotKeys(): Promise<Set<string>> {
    const { channels } = await deps.workspace.directory('zh-CN');
    return new Set(channels.map((channel) => channel.id));
  }

  function show(conversation: string, text: string, wecom: WeComShown, fileId?: string) {
    const file = fileId === undefined ? undefined : media.get(fileId);
    return deps.conversations.post({
      conversation,
      user: WECOM_PLAYGROUND.app.userId,
      text,
      blocks: undefined,
      threadTs: undefined,
      ephemeralTo: undefined,
      wecom,
      ...(file === undefined || fileId === undefined
        ? {}
        : { files: [{ id: fileId, name: file.name, title: file.name, size: file.size }] }),
    });
  }

  function cardRefusal(card: Record<string, unknown> | undefined): Answer | undefined {
    if (card === undefined) return fail(40058, 'template_card missing');
    if (typeof card.card_type !== 'string' || !CARD_TYPES.has(card.card_type))
      return fail(40058, `invalid card_type ${String(card.card_type)}`);
    if (typeof card.task_id !== 'string' || !TASK_ID.test(card.task_id))
      return fail(40058, 'invalid task_id');
    const title = objectOf(card.main_title)?.title;
    if (typeof title !== 'string' || title === '') return fail(40058, 'main_title.title missing');
    const buttons = card.button_list;
    if (card.card_type === 'button_interaction' && (!Array.isArray(buttons) || buttons.length === 0))
      return fail(40058, 'button_list missing');
    if (Array.isArray(buttons) && buttons.length > CARD_MAX_BUTTONS)
      return fail(40058, `button_list has more than ${CARD_MAX_BUTTONS} buttons`);
    if (taskIds.has(card.task_id)) return fail(42014, 'task_id already exists');
    return undefined;
  }

  async function messageSend(body: Record<string, unknown>): Promise<Answer> {
    if (body.agentid !== WECOM_PLAYGROUND.agentId) return fail(40056, 'invalid agentid');
    const msgtype = body.msgtype;
    if (
      msgtype !== 'text' &&
      msgtype !== 'markdown' &&
      msgtype !== 'template_card' &&
      msgtype !== 'file' &&
      msgtype !== 'image'
    )
      return fail(40008, `invalid message type ${String(msgtype)}`);
    if (typeof body.touser !== 'string' || body.touser === '') return fail(40058, 'touser missing');
    const touser = body.touser.split('|');
    if (touser.length > SEND_MAX_USERS) return fail(40058, `touser has more than ${SEND_MAX_USERS} ids`);
    const payload = objectOf(body[msgtype]);
    if (payload === undefined) return fail(40058, `${msgtype} missing`);
    const content = typeof payload.content === 'string' ? payload.content : '';
    if (msgtype === 'text' || msgtype === 'markdown') {
      if (content === '') return fail(40058, 'content missing');
      if (Buffer.byteLength(content, 'utf8') > APP_CONTENT_MAX_BYTES)
        return fail(45002, 'content size out of limit');
    }
    const mediaId = typeof payload.media_id === 'string' ? payload.media_id : '';
    if ((msgtype === 'file' || msgtype === 'image') && !media.has(mediaId))
      return fail(40007, 'invalid media_id');
    if (msgtype === 'template_card') {
      const refused = cardRefusal(payload);
      if (refused !== undefined) return refused;
    }
    const valid: string[] = [];
    const invalid: string[] = [];
    for (const id of touser) ((await deps.workspace.nameOf(id)) === undefined ? invalid : valid).push(id);
    // WeCom answers the unknown ones lower-cased ("统一转为小写").
    const invaliduser = invalid.map((id) => id.toLowerCase()).join('|');
    if (valid.length === 0) return fail(81013, 'user & party & tag all invalid', { invaliduser });

    const extra: Record<string, unknown> = { invaliduser, msgid: nextId('playmsg') };
    const responseCode =
      msgtype === 'template_card' && INTERACTIVE.has(String(payload.card_type))
        ? randomBytes(16).toString('hex')
        : undefined;
    if (msgtype === 'template_card') {
      taskIds.add(String(payload.task_id));
      for (const id of taskIds) if (taskIds.size > KEEP_TASK_IDS) taskIds.delete(id);
    }
    const shown = valid.map((id) => {
      const wecom: WeComShown =
        msgtype === 'template_card'
          ? { msgtype, card: payload, ...(responseCode === undefined ? {} : { responseCode }) }
          : { msgtype };
      const message = show(
        appChatOf(id),
        content,
        wecom,
        msgtype === 'file' || msgtype === 'image' ? mediaId : undefined,
      );
      return { conversation: message.conversation, ts: message.ts };
    });
    if (responseCode !== undefined) {
      cards.set(responseCode, { shown, used: false });
      extra.response_code = responseCode;
    }
    return ok(extra);
  }

  /** Greys the card's buttons for `userids` (everyone it went to without them); a code works once. */
  function updateTemplateCard(body: Record<string, unknown>): Answer {
    if (body.agentid !== WECOM_PLAYGROUND.agentId) return fail(40056, 'invalid agentid');
    const code = typeof body.response_code === 'string' ? body.response_code : '';
    const card = cards.get(code);
    if (card === undefined || card.used) return fail(60140, 'invalid response_code');
    const replaceName = objectOf(body.button)?.replace_name;
    if (typeof replaceName !== 'string' || replaceName === '')
      return fail(40058, 'button.replace_name missing');
    const userids = body.userids;
    if (userids !== undefined && (!Array.isArray(userids) || userids.length > SEND_MAX_USERS))
      return fail(40058, 'invalid userids');
    card.used = true;
    const only = Array.isArray(userids) ? new Set(userids.map((id) => appChatOf(String(id)))) : undefined;
    for (const { conversation, ts } of card.shown) {
      if (only !== undefined && !only.has(conversation)) continue;
      const message = deps.conversations.message(conversation, ts);
      if (message?.wecom === undefined) continue;
      deps.conversations.update(conversation, ts, {
        text: message.text,
        blocks: undefined,
        wecom: { ...message.wecom, replaceName },
      });
    }
    return ok();
  }

  /** A robot's inline picture: base64 of a PNG or JPG of at most 2 MB, with its md5 (§9). */
  function robotImage(key: string, image: Record<string, unknown> | undefined): Answer {
    if (typeof image?.base64 !== 'string' || typeof image.md5 !== 'string')
      return fail(40058, 'image.base64 or image.md5 missing');
    const bytes = Buffer.from(image.base64, 'base64');
    if (bytes.length === 0 || bytes.length > 2 * 1024 * 1024) return fail(40009, 'invalid image size');
    if (createHash('md5').update(bytes).digest('hex') !== image.md5) return fail(40058, 'md5 not match');
    const mediaId = nextId('3playimage');
    const name = `image-${mediaId}.png`;
    media.set(mediaId, { name, size: bytes.length });
    deps.conversations.keepFile({ id: mediaId, name, title: name, size: bytes.length, bytes });
    show(key, '', { msgtype: 'image' }, mediaId);
    return ok();
  }

  async function robotSend(body: Record<string, unknown>, key: string): Promise<Answer> {
    if (!(await robotKeys()).has(key)) return fail(93000, 'invalid webhook url');
    const msgtype = body.msgtype;
    if (msgtype === 'image') return robotImage(key, objectOf(body.image));
    if (msgtype !== 'text' && msgtype !== 'markdown')
      return fail(40008, `invalid message type ${String(msgtype)}`);
    const content = objectOf(body[msgtype])?.content;
    if (typeof content !== 'string' || content === '') return fail(40058, 'content missing');
    const max = msgtype === 'markdown' ? ROBOT_MARKDOWN_MAX_BYTES : ROBOT_TEXT_MAX_BYTES;
    if (Buffer.byteLength(content, 'utf8') > max) return fail(45002, 'content size out of limit');
    const at = now();
    const recent = (robotSends.get(key) ?? []).filter((t) => at - t < MINUTE_MS);
    if (recent.length >= ROBOT_PER_MINUTE) return fail(45009, 'api freq out of limit');
    robotSends.set(key, [...recent, at]);
    show(key, content, { msgtype });
    return ok();
  }

  async function route(request: WeComRequest): Promise<Answer> {
    const { path, query, method } = request;
    const body = request.body ?? {};
    const getOnly = path === '/cgi-bin/gettoken' || path === '/cgi-bin/user/get';
    if (getOnly !== (method === 'GET')) return fail(40058, `wrong method ${method}`);
    if (path === '/cgi-bin/gettoken') {
      if (query.get('corpid') !== WECOM_PLAYGROUND.corpId) return fail(40013, 'invalid corpid');
      if (query.get('corpsecret') !== deps.secret) return fail(40001, 'invalid credential');
      const accessToken = `playground-${randomBytes(12).toString('hex')}`;
      tokens.set(accessToken, now() + TOKEN_SECONDS * 1000);
      return ok({ access_token: accessToken, expires_in: TOKEN_SECONDS });
    }
    // A robot's key is its credential; it takes no access token.
    if (path === '/cgi-bin/webhook/send') return robotSend(body, query.get('key') ?? '');
    const refused = tokenRefusal(query.get('access_token'));
    if (refused !== undefined) return refused;
    switch (path) {
      case '/cgi-bin/message/send':
        return messageSend(body);
      case '/cgi-bin/message/update_template_card':
        return updateTemplateCard(body);
      case '/cgi-bin/user/get': {
        const userid = query.get('userid') ?? '';
        const name = await deps.workspace.nameOf(userid);
        return name === undefined ? fail(60111, 'userid not found') : ok({ userid, name, status: 1 });
      }
      case '/cgi-bin/media/upload': {
        const { file } = request;
        if (file === undefined) return fail(44001, 'empty media data');
        const type = query.get('type');
        if (type !== 'file' && type !== 'image') return fail(40004, `invalid media type ${type}`);
        if (file.bytes.length <= 5) return fail(40006, 'invalid file size');
        const mediaId = nextId('3playmedia');
        media.set(mediaId, { name: file.name, size: file.bytes.length });
        deps.conversations.keepFile({ id: mediaId, ...file, title: file.name, size: file.bytes.length });
        return ok({ type, media_id: mediaId, created_at: String(Math.floor(now() / 1000)) });
      }
      case '/cgi-bin/menu/create': {
        if (query.get('agentid') !== String(WECOM_PLAYGROUND.agentId)) return fail(40056, 'invalid agentid');
        const buttons = body.button;
        if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3)
          return fail(40058, 'button must hold 1 to 3 buttons');
        for (const button of buttons) {
          const entry = objectOf(button);
          if (typeof entry?.name !== 'string' || entry.name === '') return fail(40058, 'button name missing');
          if (Array.isArray(entry.sub_button) && entry.sub_button.length > 5)
            return fail(40058, 'sub_button must hold at most 5 buttons');
        }
        menu = buttons;
        deps.conversations.directoryChanged();
        return ok();
      }
      default:
        return fail(404, 'no such api');
    }
  }

  return {
    handle: route,
    /** The app menu as menu/create last installed it (what the page draws under the chat). */
    menu: (): unknown => menu,
  };
}

export type WeComStandIn = ReturnType<typeof createWeComStandIn>;

function objectOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value));
}
