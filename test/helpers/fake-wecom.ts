/**
 * A fake WeCom (企业微信) API on node:http: the self-built app endpoints and group robot webhooks
 * on one origin. Point `apiUrl` at `fake.url`.
 *
 * Every answer is HTTP 200 with `{errcode, errmsg}`, as WeCom's are. It refuses what WeCom refuses,
 * so that a client that passes here has the wire format right (sources: /work/shared/messenger-
 * contracts.md §7, §9 and the citations in src/wecom/api.ts; [L] marks an errcode we did not find
 * in the pages searched and chose ourselves):
 * - tokens: missing 41001, unknown 40014, expired 42001 (`expireTokens()`); gettoken with another
 *   corpid 40013 [L], with a wrong secret 40001;
 * - message/send: agentid not ours 40056 [L]; touser > 1000 ids 40058 [L]; an unknown msgtype or a
 *   body without its content 40058 [L]; text or markdown above 2048 bytes 45002 [L] (WeCom cuts long
 *   text silently, which the fake makes loud); a template_card without card_type, task_id or
 *   main_title.title, with a task_id outside `[0-9A-Za-z_-@]{1,128}`, or with more than 6 buttons
 *   40058 [L]; a task_id already used by this app 42014; unknown members come back in
 *   `invaliduser` (lower-cased, as WeCom does), and 81013 when nobody is valid;
 * - a member over 30 app messages a minute or 1000 an hour: accepted with errcode 0 and **dropped**
 *   (WeCom drops silently), listed in `dropped()` so that tests can assert there were none;
 * - message/update_template_card: an unknown, already used or 24 h old response_code 60140 [L];
 * - webhook/send: an unknown key 93000; above 20 messages a minute per key 45009; text above 2048
 *   or markdown above 4096 bytes 45002 [L]; an image that is not a JPG/PNG of at most 2 MB with its
 *   md5 (checkRobotImage);
 * - user/get: an unknown userid 60111; media/upload (document/path/90253, its copy 96484 "上传临时
 *   素材": multipart field `media`, "所有文件size必须大于5个字节", 普通文件 file ≤ 20MB, image ≤ 10MB,
 *   voice ≤ 2MB, video ≤ 10MB; the media_id "仅三天内有效"): not multipart or no `media` 44001 [L], a
 *   type other than image/voice/video/file 40004 [L], 5 bytes or less or over its type's limit
 *   40006 [L]; a file message whose media_id this fake never issued, or issued more than 3 days
 *   ago, 40007 "invalid media_id" (metacpan QQ::weixin::work::media quoting 90254);
 * - menu/create: agentid not ours 40056 [L]; no buttons, more than 3, or more than 5 sub_button, or
 *   a button without a name 40058 [L];
 * - `failNext(path, body)` answers the next request to `path` with `body` instead.
 *
 * A call is recorded (and waiters woken) when the request arrives, before the answer goes back.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WeComCall {
  method: string;
  /** URL path, e.g. '/cgi-bin/message/send'. */
  path: string;
  /** gettoken, messageSend, updateTemplateCard, robotSend, userGet, mediaUpload, menuCreate, or 'unknown'. */
  name: string;
  /** Query parameters other than access_token. */
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** The fake's clock when the request arrived. */
  at: number;
  token?: string;
  /** For mediaUpload: the file's bytes, name and the media type its part declared. */
  bytes?: Buffer;
  fileName?: string;
  partType?: string;
  response: { errcode: number; errmsg: string } & Record<string, unknown>;
}

export type WeComTarget = { userIds: string[] } | { robotKey: string };

export interface WeComSent {
  /** Who received it: for app messages only members that were valid and not over their limit. */
  to: WeComTarget;
  msgtype: string;
  body: Record<string, unknown>;
}

export interface WeComDropped {
  userId: string;
  msgtype: string;
  at: number;
}

export interface WeComCard {
  responseCode: string;
  taskId: string;
  userIds: string[];
  /** Set when update_template_card consumed the code. */
  usedAt?: number;
  replaceName?: string;
}

export type WeComCallMatcher = string | ((call: WeComCall) => boolean);

export interface FakeWeCom {
  url: string;
  calls: WeComCall[];
  /** Resolves with the first `count` (default 1) matching calls; a string matches `name` or `path`. */
  waitFor(matcher: WeComCallMatcher, count?: number, timeoutMs?: number): Promise<WeComCall[]>;
  sent(): WeComSent[];
  /** App messages WeCom would have dropped silently (a member over 30 a minute or 1000 an hour). */
  dropped(): WeComDropped[];
  addUser(userId: string, name: string): void;
  addRobot(key: string): void;
  /** The next request to `path` gets this answer instead (recorded as usual). */
  failNext(path: string, body: { errcode: number; errmsg?: string } & Record<string, unknown>): void;
  /** Every token issued so far stops working (as after its 7200 s). */
  expireTokens(): void;
  /** The response_codes issued for interactive cards, and their use. */
  cards(): WeComCard[];
  /** The last menu created. */
  menu(): unknown;
  /** A file uploaded with media/upload, by its media_id. */
  media(mediaId: string): { type: string; fileName: string | undefined; bytes: Buffer } | undefined;
  close(): Promise<void>;
}

export interface FakeWeComOptions {
  corpId: string;
  secret: string;
  agentId: number;
  /** The fake's clock for rate limits, card expiry and `at`; Date.now by default. */
  now?: () => number;
}

const NAMES: Record<string, string> = {
  '/cgi-bin/gettoken': 'gettoken',
  '/cgi-bin/message/send': 'messageSend',
  '/cgi-bin/message/update_template_card': 'updateTemplateCard',
  '/cgi-bin/webhook/send': 'robotSend',
  '/cgi-bin/user/get': 'userGet',
  '/cgi-bin/media/upload': 'mediaUpload',
  '/cgi-bin/menu/create': 'menuCreate',
};
const GET_ONLY = new Set(['gettoken', 'userGet']);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SEND_MAX_USERS = 1000;
const APP_CONTENT_MAX = 2048;
const ROBOT_TEXT_MAX = 2048;
const ROBOT_MARKDOWN_MAX = 4096;
const ROBOT_IMAGE_MAX = 2 * 1024 * 1024;
const MEMBER_PER_MINUTE = 30;
const MEMBER_PER_HOUR = 1000;
const ROBOT_PER_MINUTE = 20;
const CARD_MAX_BUTTONS = 6;
const RESPONSE_CODE_TTL_MS = 24 * HOUR_MS;
const TASK_ID = /^[0-9A-Za-z_\-@]{1,128}$/;
const INTERACTIVE_CARDS = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const CARD_TYPES = new Set(['text_notice', 'news_notice', ...INTERACTIVE_CARDS]);
const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file']);
const MB = 1024 * 1024;
const MEDIA_MAX_BYTES: Record<string, number> = {
  image: 10 * MB,
  voice: 2 * MB,
  video: 10 * MB,
  file: 20 * MB,
};
const MEDIA_TTL_MS = 3 * 24 * HOUR_MS;
const CONTENT_TYPES = new Set(['text', 'markdown']);
const APP_MSGTYPES = new Set(['text', 'markdown', 'template_card', 'file', 'image']);

type Answer = { errcode: number; errmsg: string } & Record<string, unknown>;

interface Waiter {
  match: (call: WeComCall) => boolean;
  count: number;
  resolve: (calls: WeComCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

export async function createFakeWeCom(options: FakeWeComOptions): Promise<FakeWeCom> {
  const now = options.now ?? Date.now;
  const calls: WeComCall[] = [];
  const sent: WeComSent[] = [];
  const dropped: WeComDropped[] = [];
  const tokens = new Map<string, { expired: boolean }>();
  const users = new Map<string, string>();
  const robots = new Set<string>();
  const robotStamps = new Map<string, number[]>();
  const memberStamps = new Map<string, number[]>();
  const taskIds = new Set<string>();
  const cards = new Map<string, WeComCard>();
  const issuedAt = new Map<string, number>();
  const media = new Map<string, { at: number; type: string; fileName: string | undefined; bytes: Buffer }>();
  const failures = new Map<string, Answer[]>();
  const waiters = new Set<Waiter>();
  let menu: unknown;
  let seq = 0;
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${String(seq).padStart(6, '0')}`;
  };

  const ok = (extra: Record<string, unknown> = {}): Answer => ({ errcode: 0, errmsg: 'ok', ...extra });
  const fail = (errcode: number, errmsg: string, extra: Record<string, unknown> = {}): Answer => ({
    errcode,
    errmsg: `${errmsg}, hint: [${nextId('')}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
    ...extra,
  });

  const matcherOf = (matcher: WeComCallMatcher) =>
    typeof matcher === 'string'
      ? (call: WeComCall) => call.name === matcher || call.path === matcher
      : matcher;
  const matching = (match: (call: WeComCall) => boolean) =>
    calls.filter((call) => {
      try {
        return match(call);
      } catch {
        return false;
      }
    });
  const record = (call: WeComCall) => {
    calls.push(call);
    for (const waiter of waiters) {
      const found = matching(waiter.match);
      if (found.length >= waiter.count) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(found.slice(0, waiter.count));
      }
    }
  };

  const checkToken = (token: string | undefined): Answer | undefined => {
    if (!token) return fail(41001, 'access_token missing');
    const known = tokens.get(token);
    if (!known) return fail(40014, 'invalid access_token');
    if (known.expired) return fail(42001, 'access_token expired');
    return undefined;
  };

  /** Counts one event at `at` in a sliding window; false when it would be the (limit + 1)th. */
  const admit = (all: Map<string, number[]>, id: string, at: number, limits: [number, number][]) => {
    const longest = Math.max(...limits.map(([, windowMs]) => windowMs));
    const stamps = (all.get(id) ?? []).filter((t) => at - t < longest);
    all.set(id, stamps);
    for (const [limit, windowMs] of limits) {
      if (stamps.filter((t) => at - t < windowMs).length >= limit) return false;
    }
    stamps.push(at);
    return true;
  };

  const checkCard = (card: unknown): Answer | undefined => {
    if (!isRecord(card)) return fail(40058, 'template_card missing');
    const cardType = card.card_type;
    if (typeof cardType !== 'string' || !CARD_TYPES.has(cardType)) {
      return fail(40058, `invalid card_type ${String(cardType)}`);
    }
    if (typeof card.task_id !== 'string' || !TASK_ID.test(card.task_id)) {
      return fail(40058, 'invalid task_id');
    }
    const title = isRecord(card.main_title) ? card.main_title.title : undefined;
    if (typeof title !== 'string' || title === '') return fail(40058, 'main_title.title missing');
    const buttons = card.button_list;
    if (cardType === 'button_interaction') {
      if (!Array.isArray(buttons) || buttons.length === 0) return fail(40058, 'button_list missing');
    }
    if (Array.isArray(buttons) && buttons.length > CARD_MAX_BUTTONS) {
      return fail(40058, `button_list has more than ${CARD_MAX_BUTTONS} buttons`);
    }
    if (taskIds.has(card.task_id)) return fail(42014, 'task_id already exists');
    return undefined;
  };

  const messageSend = (body: Record<string, unknown>): Answer => {
    if (body.agentid !== options.agentId) return fail(40056, 'invalid agentid');
    const msgtype = body.msgtype;
    if (typeof msgtype !== 'string' || !APP_MSGTYPES.has(msgtype)) {
      return fail(40008, `invalid message type ${String(msgtype)}`);
    }
    if (typeof body.touser !== 'string' || body.touser === '') return fail(40058, 'touser missing');
    const touser = body.touser.split('|');
    if (touser.length > SEND_MAX_USERS) return fail(40058, `touser has more than ${SEND_MAX_USERS} ids`);
    const payload = body[msgtype];
    if (!isRecord(payload)) return fail(40058, `${msgtype} missing`);
    if (CONTENT_TYPES.has(msgtype)) {
      if (typeof payload.content !== 'string' || payload.content === '')
        return fail(40058, 'content missing');
      if (bytesOf(payload.content) > APP_CONTENT_MAX) return fail(45002, 'content size out of limit');
    }
    if (msgtype === 'file' || msgtype === 'image') {
      if (typeof payload.media_id !== 'string') return fail(40058, 'media_id missing');
      const file = media.get(payload.media_id);
      if (file === undefined || now() - file.at >= MEDIA_TTL_MS || file.type !== msgtype) {
        return fail(40007, 'invalid media_id');
      }
    }
    if (msgtype === 'template_card') {
      const refused = checkCard(payload);
      if (refused) return refused;
    }
    const valid = touser.filter((id) => users.has(id));
    const invaliduser = touser
      .filter((id) => !users.has(id))
      .map((id) => id.toLowerCase())
      .join('|');
    if (valid.length === 0) return fail(81013, 'user & party & tag all invalid', { invaliduser });
    const at = now();
    const delivered = valid.filter((id) => {
      const admitted = admit(memberStamps, id, at, [
        [MEMBER_PER_MINUTE, MINUTE_MS],
        [MEMBER_PER_HOUR, HOUR_MS],
      ]);
      if (!admitted) dropped.push({ userId: id, msgtype, at });
      return admitted;
    });
    if (delivered.length > 0) sent.push({ to: { userIds: delivered }, msgtype, body });
    const extra: Record<string, unknown> = {
      invaliduser,
      invalidparty: '',
      invalidtag: '',
      msgid: nextId('msg'),
    };
    if (msgtype === 'template_card' && isRecord(payload)) {
      const taskId = String(payload.task_id);
      taskIds.add(taskId);
      if (INTERACTIVE_CARDS.has(String(payload.card_type))) {
        const responseCode = nextId('RC');
        cards.set(responseCode, { responseCode, taskId, userIds: valid });
        issuedAt.set(responseCode, at);
        extra.response_code = responseCode;
      }
    }
    return ok(extra);
  };

  const updateTemplateCard = (body: Record<string, unknown>): Answer => {
    if (body.agentid !== options.agentId) return fail(40056, 'invalid agentid');
    const code = body.response_code;
    const card = typeof code === 'string' ? cards.get(code) : undefined;
    const issued = card ? (issuedAt.get(card.responseCode) ?? 0) : 0;
    if (!card || card.usedAt !== undefined || now() - issued >= RESPONSE_CODE_TTL_MS) {
      return fail(60140, 'invalid response_code');
    }
    const replaceName = isRecord(body.button) ? body.button.replace_name : undefined;
    if (typeof replaceName !== 'string' || replaceName === '')
      return fail(40058, 'button.replace_name missing');
    if (body.userids !== undefined) {
      if (!Array.isArray(body.userids) || body.userids.length > SEND_MAX_USERS) {
        return fail(40058, 'invalid userids');
      }
    }
    card.usedAt = now();
    card.replaceName = replaceName;
    return ok();
  };

  /**
   * A robot image (document/path/91770): `base64` of a JPG or PNG of at most 2 MB before encoding
   * and `md5`, the hex md5 of those bytes. Missing fields 40058 [L], over 2 MB 40009 "invalid image
   * size" [L], not JPG/PNG 40005 [L], an md5 that does not match 40058 [L].
   */
  const checkRobotImage = (payload: Record<string, unknown>): Answer | undefined => {
    if (typeof payload.base64 !== 'string' || typeof payload.md5 !== 'string')
      return fail(40058, 'image.base64 or image.md5 missing');
    const bytes = Buffer.from(payload.base64, 'base64');
    if (bytes.length === 0 || bytes.length > ROBOT_IMAGE_MAX) return fail(40009, 'invalid image size');
    const png = [0x89, 0x50, 0x4e, 0x47].every((b, i) => bytes[i] === b);
    const jpg = bytes[0] === 0xff && bytes[1] === 0xd8;
    if (!png && !jpg) return fail(40005, 'invalid file type');
    if (createHash('md5').update(bytes).digest('hex') !== payload.md5) return fail(40058, 'md5 not match');
    return undefined;
  };

  const robotSend = (body: Record<string, unknown>, key: string | undefined): Answer => {
    if (!key || !robots.has(key)) return fail(93000, 'invalid webhook url');
    const msgtype = body.msgtype;
    const payload = typeof msgtype === 'string' ? body[msgtype] : undefined;
    if (msgtype === 'image' && isRecord(payload)) {
      const refused = checkRobotImage(payload);
      if (refused) return refused;
    } else {
      if (typeof msgtype !== 'string' || !CONTENT_TYPES.has(msgtype) || !isRecord(payload)) {
        return fail(40008, `invalid message type ${String(msgtype)}`);
      }
      if (typeof payload.content !== 'string' || payload.content === '')
        return fail(40058, 'content missing');
      const max = msgtype === 'markdown' ? ROBOT_MARKDOWN_MAX : ROBOT_TEXT_MAX;
      if (bytesOf(payload.content) > max) return fail(45002, 'content size out of limit');
    }
    if (!admit(robotStamps, key, now(), [[ROBOT_PER_MINUTE, MINUTE_MS]])) {
      return fail(45009, 'api freq out of limit');
    }
    sent.push({ to: { robotKey: key }, msgtype, body });
    return ok();
  };

  const menuCreate = (body: Record<string, unknown>, agentid: string | undefined): Answer => {
    if (agentid !== String(options.agentId)) return fail(40056, 'invalid agentid');
    const buttons = body.button;
    if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 3) {
      return fail(40058, 'button must hold 1 to 3 buttons');
    }
    for (const button of buttons) {
      if (!isRecord(button) || typeof button.name !== 'string' || button.name === '') {
        return fail(40058, 'button name missing');
      }
      if (Array.isArray(button.sub_button) && button.sub_button.length > 5) {
        return fail(40058, 'sub_button must hold at most 5 buttons');
      }
    }
    menu = buttons;
    return ok();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const name = NAMES[path] ?? 'unknown';
    const method = req.method ?? 'GET';
    const token = url.searchParams.get('access_token') ?? undefined;
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (key !== 'access_token') query[key] = value;
    const contentType = req.headers['content-type'] ?? '';

    let body: Record<string, unknown> = {};
    let bytes: Buffer | undefined;
    let fileName: string | undefined;
    let partType: string | undefined;
    let malformed = false;
    if (contentType.includes('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType },
      }).formData();
      const part = form.get('media');
      if (part instanceof File) {
        bytes = Buffer.from(await part.arrayBuffer());
        fileName = part.name;
        partType = part.type;
      }
    } else if (raw.length > 0) {
      try {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (isRecord(parsed)) body = parsed;
        else malformed = true;
      } catch {
        malformed = true;
      }
    }

    const answer = ((): Answer => {
      const failure = failures.get(path)?.shift();
      if (failure) return failure;
      if (name === 'unknown') return fail(404, 'no such api');
      if (GET_ONLY.has(name) !== (method === 'GET')) return fail(40058, `wrong method ${method}`);
      if (malformed) return fail(47001, 'data format error');
      switch (name) {
        case 'gettoken': {
          if (query.corpid !== options.corpId) return fail(40013, 'invalid corpid');
          if (query.corpsecret !== options.secret) return fail(40001, 'invalid credential');
          const value = nextId('fake-wc-token-');
          tokens.set(value, { expired: false });
          return ok({ access_token: value, expires_in: 7200 });
        }
        case 'robotSend':
          return robotSend(body, query.key);
        default:
          break;
      }
      const refused = checkToken(token);
      if (refused) return refused;
      switch (name) {
        case 'messageSend':
          return messageSend(body);
        case 'updateTemplateCard':
          return updateTemplateCard(body);
        case 'userGet': {
          const userName = query.userid === undefined ? undefined : users.get(query.userid);
          if (userName === undefined) return fail(60111, 'userid not found');
          return ok({ userid: query.userid, name: userName, department: [1], status: 1 });
        }
        case 'mediaUpload': {
          if (!contentType.includes('multipart/form-data') || !bytes) return fail(44001, 'empty media data');
          const type = query.type ?? '';
          if (!MEDIA_TYPES.has(type)) return fail(40004, `invalid media type ${type}`);
          if (bytes.length <= 5 || bytes.length > (MEDIA_MAX_BYTES[type] ?? 0)) {
            return fail(40006, 'invalid file size');
          }
          const mediaId = nextId('3a-media-');
          media.set(mediaId, { at: now(), type, fileName, bytes });
          return ok({ type, media_id: mediaId, created_at: String(Math.floor(now() / 1000)) });
        }
        case 'menuCreate':
          return menuCreate(body, query.agentid);
        default:
          return fail(404, 'no such api');
      }
    })();

    record({
      method,
      path,
      name,
      query,
      body,
      at: now(),
      ...(token !== undefined ? { token } : {}),
      ...(bytes !== undefined ? { bytes } : {}),
      ...(fileName !== undefined ? { fileName } : {}),
      ...(partType !== undefined ? { partType } : {}),
      response: answer,
    });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errcode: -1, errmsg: `fake crashed: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitFor(matcher, count = 1, timeoutMs = 5000) {
      const match = matcherOf(matcher);
      const found = matching(match);
      if (found.length >= count) return Promise.resolve(found.slice(0, count));
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          match,
          count,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const what = typeof matcher === 'string' ? `'${matcher}'` : 'predicate';
            const seen = calls.map((call) => call.name).join(', ') || '(none)';
            reject(new Error(`fake WeCom: fewer than ${count} calls matching ${what}; recorded: ${seen}`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    sent: () => [...sent],
    dropped: () => [...dropped],
    addUser(userId, userName) {
      users.set(userId, userName);
    },
    addRobot(key) {
      robots.add(key);
    },
    failNext(path, body) {
      failures.set(path, [...(failures.get(path) ?? []), { errmsg: '', ...body }]);
    },
    expireTokens() {
      for (const state of tokens.values()) state.expired = true;
    },
    cards: () => [...cards.values()].map((card) => ({ ...card })),
    menu: () => menu,
    media(mediaId) {
      const file = media.get(mediaId);
      return file === undefined ? undefined : { type: file.type, fileName: file.fileName, bytes: file.bytes };
    },
    async close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake WeCom closed'));
      }
      waiters.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
