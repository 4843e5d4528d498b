/**
 * The WeCom (企业微信) client of a self-built app (自建应用) and of group robots (群机器人, now
 * "消息推送"): the wire format only (what to send where, how answers and errors look), no
 * messenger-neutral logic.
 *
 * Every WeCom answer is HTTP 200 with `{errcode, errmsg, ...}`; errcode 0 is success. App calls
 * take `?access_token=`; robot calls take the robot's `?key=`, which is itself the credential.
 * Sources are cited at each function; the shared notes are /work/shared/messenger-contracts.md §7, §9.
 *
 * Two limits WeCom enforces without telling us are kept here, because breaking them loses messages:
 * - a member receives at most 30 app messages a minute and 1000 an hour from one app; the excess is
 *   **dropped silently**, with errcode 0 (§9 [H]; zyh94946/wx-msg-push README "每应用对同一个成员不可
 *   超过30条/分，超过部分会被丢弃不下发"). The client keeps a sliding count per member and, rather than
 *   go over, waits (injected `sleep`) before the send that would. A send waits for its slowest
 *   member, so a burst to one person delays a batch that includes them.
 * - a group robot sends at most 20 messages a minute (developer.work.weixin.qq.com/document/path/91770
 *   "每个机器人发送的消息不能超过20条/分钟", quoted in weworkbot 1.4.1 dist/index.d.ts); over that
 *   WeCom answers 45009. Sends are paced per key the same way.
 * Both windows are a second longer than WeCom's, for clock skew and network delay between us and it.
 *
 * `calls()` counts every HTTP request to WeCom: token fetches, retries and robot webhooks included.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../logger.ts';

export type WeComOut =
  | { type: 'text'; content: string }
  | { type: 'markdown'; content: string }
  | { type: 'template_card'; card: Record<string, unknown> }
  | { type: 'file'; mediaId: string }
  | { type: 'image'; mediaId: string };

export type WeComRobotOut = { type: 'text' | 'markdown'; content: string };

/**
 * A failed WeCom call. `code` is WeCom's errcode (60020, 81013, ...), or -1 for a failure of ours:
 * then `reason` says which (`too_long`, `too_many_recipients`, `bad_file`, `bad_key`, `bad_response`, `network`,
 * `http`). The message names the call and WeCom's errmsg (which holds a hint and the calling IP),
 * never a URL, so never the secret, the access token or a robot key.
 */
export class WeComApiError extends Error {
  readonly code: number;
  readonly reason: string | undefined;

  constructor(call: string, code: number, detail?: string, options?: { reason?: string; cause?: unknown }) {
    const what = code === -1 ? (options?.reason ?? 'failed') : `errcode ${code}`;
    super(`WeCom ${call}: ${what}${detail ? `: ${detail}` : ''}`, { cause: options?.cause });
    this.name = 'WeComApiError';
    this.code = code;
    this.reason = options?.reason;
  }
}

export interface WeComApiOptions {
  corpId: string;
  agentId: number;
  secret: string;
  /** Replaces https://qyapi.weixin.qq.com, for app calls and robot webhooks alike (tests, proxies). */
  apiUrl: string;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How long a looked-up member name is kept; default one day. */
  userNameTtlMs?: number;
}

export interface WeComApi {
  sendToUsers(userIds: string[], out: WeComOut): Promise<{ invalid: string[]; responseCode?: string }>;
  updateTemplateCard(responseCode: string, userIds: string[], replaceName: string): Promise<void>;
  sendToGroupRobot(keyOrUrl: string, out: WeComRobotOut): Promise<void>;
  getUserName(userId: string): Promise<string | undefined>;
  /** `contentType` is the part's media type (application/octet-stream when not given). */
  uploadFile(fileName: string, bytes: Uint8Array, contentType?: string): Promise<string>;
  uploadImage(fileName: string, bytes: Uint8Array): Promise<string>;
  /** A picture to a group robot, inline: JPG or PNG of at most 2 MB. */
  sendImageToGroupRobot(keyOrUrl: string, png: Uint8Array): Promise<void>;
  createMenu(buttons: unknown): Promise<void>;
  calls(): number;
}

/** message/send takes at most 1000 userids in `touser` (§9 [H]). */
export const SEND_MAX_USERS = 1000;
/** App text and markdown: at most 2048 bytes (§9 [H]; zyh94946/wx-msg-push README). */
export const APP_CONTENT_MAX_BYTES = 2048;
/** Robot markdown: at most 4096 bytes; robot text 2048 (ymlluo/group-robot README, §7c). */
export const ROBOT_MARKDOWN_MAX_BYTES = 4096;
export const ROBOT_TEXT_MAX_BYTES = 2048;
/** What WeCom lets through before it drops (members) or refuses (robots) (see the file comment). */
export const MEMBER_PER_MINUTE = 30;
export const MEMBER_PER_HOUR = 1000;
export const ROBOT_PER_MINUTE = 20;
/** media/upload: every file more than 5 bytes, a file at most 20 MB (metacpan QQ::weixin::work::media). */
const FILE_MIN_BYTES = 6;
const FILE_MAX_BYTES = 20 * 1024 * 1024;
/** media/upload type=image: at most 10 MB (document/path/90253 "图片（image）：10MB，支持JPG,PNG格式"). */
const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/**
 * A robot's inline image: at most 2 MB before base64 (document/path/91770 "图片（base64编码前）最大
 * 不能超过2M，支持JPG,PNG格式"; §9 [H]).
 */
export const ROBOT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Our windows are this much longer than WeCom's. */
const PACE_MARGIN_MS = 1000;
/** A token is used until this long before it expires, so that none expires in flight. */
const TOKEN_MARGIN_MS = 5 * MINUTE_MS;
/** Attempts for a call WeCom throttles (45009 frequency, 45033 concurrency). */
const THROTTLE_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 1000;
const REQUEST_TIMEOUT_MS = 15_000;

/** errcodes that mean "this access token is no good": invalid, expired, missing (§7b, §9). */
const TOKEN_REJECTED = new Set([40014, 42001, 41001]);
const THROTTLED = new Set([45009, 45033]);
const UNTRUSTED_IP = 60020;
const NO_VALID_RECIPIENT = 81013;
const NO_SUCH_USER = 60111;

// Answers, parsed at the edge. Unknown fields are dropped.
const status = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() });
const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const sendAnswer = z.object({
  invaliduser: z.string().optional(),
  msgid: z.string().optional(),
  response_code: z.string().optional(),
});
const userAnswer = z.object({ name: z.string() });
const uploadAnswer = z.object({ media_id: z.string().min(1) });
const okAnswer = z.object({});

interface CallSpec<T> {
  /** Short name for logs and errors ('messageSend'); never the URL, which holds a credential. */
  name: string;
  method: 'GET' | 'POST';
  /** Path and query without the token, e.g. '/cgi-bin/user/get?userid=u1'. */
  path: string;
  /** Built per attempt, so that a retry sends a fresh body (a FormData can be read once). */
  body?: () => string | FormData;
  schema: z.ZodType<T>;
  /** Whether the call takes the app's access token. */
  auth: boolean;
  /** errcodes the caller handles: thrown without an error log. */
  expected?: number[];
}

/** The body of an app message (§7b; message/send docs as copied in blog.csdn.net/zhaofuqiangmycomm/121523453). */
export function toAppMessage(out: WeComOut): Record<string, unknown> {
  switch (out.type) {
    case 'text':
      return { msgtype: 'text', text: { content: out.content } };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { content: out.content } };
    case 'template_card':
      return { msgtype: 'template_card', template_card: out.card };
    case 'file':
      return { msgtype: 'file', file: { media_id: out.mediaId } };
    case 'image':
      return { msgtype: 'image', image: { media_id: out.mediaId } };
  }
}

/** The robot key from a bare key or a whole webhook URL (`...webhook/send?key=KEY`). */
export function robotKeyOf(keyOrUrl: string): string {
  const trimmed = keyOrUrl.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  const key = new URL(trimmed).searchParams.get('key');
  if (!key) throw new WeComApiError('robotSend', -1, 'the webhook URL has no key', { reason: 'bad_key' });
  return key;
}

/**
 * How long to wait before one more event fits in a sliding window: `stamps` ascending, at most
 * `limit` of them younger than `windowMs` at `at`. 0 when it fits now.
 */
export function windowWait(stamps: readonly number[], at: number, limit: number, windowMs: number): number {
  const inWindow = stamps.filter((t) => at - t < windowMs);
  if (inWindow.length < limit) return 0;
  // The oldest ones must leave the window until only limit - 1 remain.
  const leaving = inWindow[inWindow.length - limit];
  return leaving === undefined ? 0 : leaving + windowMs - at;
}

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

export function createWeComApi(options: WeComApiOptions): WeComApi {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const userNameTtlMs = options.userNameTtlMs ?? DAY_MS;
  const { logger, agentId } = options;
  const apiUrl = options.apiUrl.replace(/\/+$/, '');

  let requests = 0;
  let token: { value: string; usableUntil: number } | undefined;
  let tokenInFlight: Promise<string> | undefined;
  const names = new Map<string, { usableUntil: number; name: Promise<string | undefined> }>();
  const memberSends = new Map<string, number[]>();
  const robotSends = new Map<string, number[]>();

  /** One HTTP exchange: the parsed answer, or a WeComApiError in WeCom's own terms. */
  const exchange = async (spec: CallSpec<unknown>, url: string): Promise<unknown> => {
    requests += 1;
    const body = spec.body?.();
    let response: Response;
    try {
      response = await doFetch(url, {
        method: spec.method,
        ...(typeof body === 'string'
          ? { headers: { 'content-type': 'application/json; charset=utf-8' } }
          : {}),
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // Not retried: a send may have reached WeCom before the connection broke.
      throw new WeComApiError(spec.name, -1, undefined, { reason: 'network', cause: error });
    }
    if (!response.ok) {
      return new WeComApiError(spec.name, -1, `HTTP ${response.status}`, { reason: 'http' });
    }
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return new WeComApiError(spec.name, -1, 'not JSON', { reason: 'bad_response' });
    }
  };

  /**
   * A call with WeCom's recoverable failures handled: a rejected token (40014, 42001, 41001: drop
   * it, fetch one, retry once) and throttling (45009, 45033: back off and retry a few times).
   * 60020 (calling IP not in 企业可信IP) is logged for the operator and thrown.
   */
  const call = async <T>(spec: CallSpec<T>): Promise<T> => {
    let tokenRetried = false;
    for (let attempt = 1; ; attempt += 1) {
      const accessToken = spec.auth ? await getToken() : undefined;
      const url =
        accessToken === undefined
          ? `${apiUrl}${spec.path}`
          : `${apiUrl}${spec.path}${spec.path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(accessToken)}`;
      const parsed = await exchange(spec, url);
      if (parsed instanceof WeComApiError) {
        logger.event('error', 'wecom.call_failed', {
          call: spec.name,
          reason: parsed.reason,
          detail: parsed.message,
        });
        throw parsed;
      }
      const head = status.safeParse(parsed);
      const errcode = head.success ? (head.data.errcode ?? 0) : 0;
      const errmsg = head.success ? head.data.errmsg : undefined;
      if (errcode === 0) {
        const answer = spec.schema.safeParse(parsed);
        if (answer.success) return answer.data;
        throw new WeComApiError(spec.name, -1, answer.error.issues[0]?.message, { reason: 'bad_response' });
      }
      const error = new WeComApiError(spec.name, errcode, errmsg);
      if (accessToken !== undefined && !tokenRetried && TOKEN_REJECTED.has(errcode)) {
        tokenRetried = true;
        // Only drop the token this call used: a concurrent caller may already have fetched a new one.
        if (token?.value === accessToken) token = undefined;
        logger.event('warn', 'wecom.token_rejected', { call: spec.name, errcode });
        attempt -= 1;
        continue;
      }
      if (THROTTLED.has(errcode) && attempt < THROTTLE_ATTEMPTS) {
        const waitMs = BACKOFF_BASE_MS * 2 ** (attempt - 1);
        logger.event('warn', 'wecom.throttled', { call: spec.name, errcode, attempt, waitMs });
        await sleep(waitMs);
        continue;
      }
      if (errcode === UNTRUSTED_IP) {
        // Apps created after 2022-06-20 may only be called from IPs listed in 企业可信IP (§9;
        // WecomTeam/CodeSameples#9; twikoojs/twikoo#1154 quoting document/path/90475#60020).
        logger.event('error', 'wecom.untrusted_ip', {
          call: spec.name,
          errcode,
          ip: /from ip: ([0-9a-fA-F.:]+)/.exec(errmsg ?? '')?.[1],
          message:
            "WeCom refused this server's IP (errcode 60020). In the WeCom admin console open 应用管理 → " +
            'this app → 企业可信IP (trusted IPs) and add the public IP this server calls out from ' +
            '(the "from ip" above); until then no app message can be sent.',
        });
        throw error;
      }
      if (!spec.expected?.includes(errcode)) {
        logger.event('error', 'wecom.call_failed', { call: spec.name, errcode, errmsg });
      }
      throw error;
    }
  };

  /**
   * The app's access token: `GET /cgi-bin/gettoken?corpid=ID&corpsecret=SECRET` ->
   * `{access_token, expires_in}` in seconds (developer.work.weixin.qq.com/document/path/91039).
   * The docs ask that it be cached ("不能频繁调用gettoken接口，否则会受到频率拦截") and say WeCom may
   * invalidate it early, hence the drop-and-retry in `call`. 40001 (bad secret) is not retried:
   * repeated failures get the IP banned for an hour (§9).
   */
  const getToken = (): Promise<string> => {
    if (token && now() < token.usableUntil) return Promise.resolve(token.value);
    if (!tokenInFlight) {
      const fetchedAt = now();
      const query = new URLSearchParams({ corpid: options.corpId, corpsecret: options.secret });
      tokenInFlight = call({
        name: 'gettoken',
        method: 'GET',
        path: `/cgi-bin/gettoken?${query}`,
        schema: tokenAnswer,
        auth: false,
      })
        .then((answer) => {
          token = {
            value: answer.access_token,
            usableUntil: fetchedAt + answer.expires_in * 1000 - TOKEN_MARGIN_MS,
          };
          logger.event('info', 'wecom.token_fetched', { expiresIn: answer.expires_in });
          return answer.access_token;
        })
        .finally(() => {
          tokenInFlight = undefined;
        });
    }
    return tokenInFlight;
  };

  /** Keeps stamps younger than `keepMs` and returns them. */
  const recent = (all: Map<string, number[]>, id: string, at: number, keepMs: number): number[] => {
    const kept = (all.get(id) ?? []).filter((t) => at - t < keepMs);
    all.set(id, kept);
    return kept;
  };

  /**
   * Waits until every member can take one more message without WeCom dropping it, then counts it
   * for them. Check and count happen with no await in between, so concurrent sends cannot both
   * take the last place.
   */
  const paceMembers = async (userIds: string[]) => {
    for (;;) {
      const at = now();
      let waitMs = 0;
      for (const id of userIds) {
        const stamps = recent(memberSends, id, at, HOUR_MS + PACE_MARGIN_MS);
        waitMs = Math.max(
          waitMs,
          windowWait(stamps, at, MEMBER_PER_MINUTE, MINUTE_MS + PACE_MARGIN_MS),
          windowWait(stamps, at, MEMBER_PER_HOUR, HOUR_MS + PACE_MARGIN_MS),
        );
      }
      if (waitMs <= 0) {
        for (const id of userIds) memberSends.get(id)?.push(at);
        return;
      }
      logger.event('info', 'wecom.member_paced', { users: userIds.length, waitMs });
      await sleep(waitMs);
    }
  };

  const paceRobot = async (key: string) => {
    for (;;) {
      const at = now();
      const stamps = recent(robotSends, key, at, MINUTE_MS + PACE_MARGIN_MS);
      const waitMs = windowWait(stamps, at, ROBOT_PER_MINUTE, MINUTE_MS + PACE_MARGIN_MS);
      if (waitMs <= 0) {
        stamps.push(at);
        return;
      }
      logger.event('info', 'wecom.robot_paced', { waitMs });
      await sleep(waitMs);
    }
  };

  const checkLength = (callName: string, content: string, limit: number) => {
    const bytes = bytesOf(content);
    if (bytes > limit) {
      throw new WeComApiError(callName, -1, `content is ${bytes} bytes, the limit is ${limit}`, {
        reason: 'too_long',
      });
    }
  };

  const json = (value: unknown) => () => JSON.stringify(value);

  /**
   * A temporary file for a `file` or `image` message: `POST /cgi-bin/media/upload?access_token=&
   * type=file|image`, multipart field `media` with a filename -> `media_id`, valid 3 days
   * (cnblogs.com/zhaoguanglu/p/15652948, metacpan QQ::weixin::work::media quoting document/path/
   * 90253: "所有文件size必须大于5个字节", file at most 20 MB, image 10 MB). Sizes are checked here so
   * that a bad file costs no call.
   */
  const uploadMedia = async (
    type: 'file' | 'image',
    fileName: string,
    bytes: Uint8Array,
    max: number,
    contentType = 'application/octet-stream',
  ) => {
    if (bytes.length < FILE_MIN_BYTES || bytes.length > max) {
      throw new WeComApiError(
        'mediaUpload',
        -1,
        `a ${type} must be ${FILE_MIN_BYTES} bytes to ${max / 1024 / 1024} MB, not ${bytes.length}`,
        { reason: 'bad_file' },
      );
    }
    const answer = await call({
      name: 'mediaUpload',
      method: 'POST',
      path: `/cgi-bin/media/upload?type=${type}`,
      body: () => {
        const form = new FormData();
        form.append('media', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
        return form;
      },
      schema: uploadAnswer,
      auth: true,
    });
    logger.event('info', 'wecom.file_uploaded', { type, bytes: bytes.length });
    return answer.media_id;
  };

  return {
    /**
     * App messages to members: `POST /cgi-bin/message/send?access_token= {touser:'a|b', msgtype,
     * agentid, <msgtype>:{...}}` -> `{invaliduser:'a|b', msgid, response_code}` (§7b; the docs'
     * copy in blog.csdn.net/zhaofuqiangmycomm/121523453: "如果部分接收人无权限或不存在，发送仍然执行，
     * 但会返回无效的部分 ... 如果全部接收人无权限或不存在，则本次调用返回失败，errcode为81013";
     * response_code only for interactive template cards). At most 1000 userids a call, so larger
     * lists are split. 81013 is not an error here: everyone in that call is reported invalid.
     * invaliduser comes back lower-cased ("统一转为小写"). A template card goes in one call, since
     * each call has its own response_code.
     */
    async sendToUsers(userIds, out) {
      if (out.type === 'text' || out.type === 'markdown') {
        checkLength('messageSend', out.content, APP_CONTENT_MAX_BYTES);
      }
      const unique = [...new Set(userIds)];
      if (out.type === 'template_card' && unique.length > SEND_MAX_USERS) {
        throw new WeComApiError('messageSend', -1, `a card goes to at most ${SEND_MAX_USERS} members`, {
          reason: 'too_many_recipients',
        });
      }
      const message = toAppMessage(out);
      const invalid: string[] = [];
      let responseCode: string | undefined;
      for (let start = 0; start < unique.length; start += SEND_MAX_USERS) {
        const batch = unique.slice(start, start + SEND_MAX_USERS);
        await paceMembers(batch);
        try {
          const answer = await call({
            name: 'messageSend',
            method: 'POST',
            path: '/cgi-bin/message/send',
            body: json({ touser: batch.join('|'), agentid: agentId, ...message }),
            schema: sendAnswer,
            auth: true,
            expected: [NO_VALID_RECIPIENT],
          });
          invalid.push(...(answer.invaliduser ?? '').split('|').filter((id) => id !== ''));
          responseCode ??= answer.response_code;
        } catch (error) {
          if (!(error instanceof WeComApiError) || error.code !== NO_VALID_RECIPIENT) throw error;
          invalid.push(...batch);
        }
      }
      logger.event('info', 'wecom.sent_to_users', {
        msgtype: message.msgtype,
        users: unique.length,
        invalid: invalid.length,
      });
      return responseCode === undefined ? { invalid } : { invalid, responseCode };
    },

    /**
     * Greys out a card's buttons: `POST /cgi-bin/message/update_template_card?access_token=
     * {userids?, agentid, response_code, button:{replace_name}}` (developer.work.weixin.qq.com/
     * document/path/94888 and its third-party twin 94945: "一个code只能调用一次该接口，且只能在72小时内
     * 调用"; userids at most 1000). Without userids every recipient's card changes. Sources disagree
     * on 24 h or 72 h (§9): callers should use a code within 24 h.
     */
    async updateTemplateCard(responseCode, userIds, replaceName) {
      const body: Record<string, unknown> = {
        agentid: agentId,
        response_code: responseCode,
        button: { replace_name: replaceName },
      };
      if (userIds.length > SEND_MAX_USERS) {
        throw new WeComApiError('updateTemplateCard', -1, `at most ${SEND_MAX_USERS} userids`, {
          reason: 'too_many_recipients',
        });
      }
      if (userIds.length > 0) body.userids = userIds;
      await call({
        name: 'updateTemplateCard',
        method: 'POST',
        path: '/cgi-bin/message/update_template_card',
        body: json(body),
        schema: okAnswer,
        auth: true,
      });
      logger.event('info', 'wecom.card_updated', { users: userIds.length });
    },

    /**
     * A group robot message: `POST /cgi-bin/webhook/send?key=KEY {msgtype, text|markdown:{content}}`
     * (document/path/91770 and 99398, as quoted in skills.sh ajaxhe/wecom-bot and ymlluo/group-robot:
     * text at most 2048 bytes, markdown at most 4096, 20 messages a minute per robot). The key of a
     * full URL is used against `apiUrl`, so a test or a proxy sees the robot's traffic too. The key
     * is the robot's only credential and never reaches a log or an error (an unknown one gives 93000
     * "invalid webhook url", zema1/watchvuln#146).
     */
    async sendToGroupRobot(keyOrUrl, out) {
      const key = robotKeyOf(keyOrUrl);
      checkLength(
        'robotSend',
        out.content,
        out.type === 'markdown' ? ROBOT_MARKDOWN_MAX_BYTES : ROBOT_TEXT_MAX_BYTES,
      );
      await paceRobot(key);
      await call({
        name: 'robotSend',
        method: 'POST',
        path: `/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
        body: json(
          out.type === 'markdown'
            ? { msgtype: 'markdown', markdown: { content: out.content } }
            : { msgtype: 'text', text: { content: out.content } },
        ),
        schema: okAnswer,
        auth: false,
      });
      logger.event('info', 'wecom.sent_to_robot', { msgtype: out.type, bytes: bytesOf(out.content) });
    },

    /**
     * A member's name: `GET /cgi-bin/user/get?access_token=&userid=` -> `name` (metacpan
     * QQ::weixin::work::user, document/path/90196). Self-built apps still get the name of members in
     * their visible range (§9). errcode 60111 is "no such userid" (per our brief and common WeCom
     * error tables; not in the pages searched) and gives undefined. Names are cached, absent ones too.
     */
    getUserName(userId) {
      const cached = names.get(userId);
      if (cached && now() < cached.usableUntil) return cached.name;
      const name = call({
        name: 'userGet',
        method: 'GET',
        path: `/cgi-bin/user/get?${new URLSearchParams({ userid: userId })}`,
        schema: userAnswer,
        auth: true,
        expected: [NO_SUCH_USER],
      }).then(
        (answer) => answer.name,
        (error: unknown) => {
          if (error instanceof WeComApiError && error.code === NO_SUCH_USER) return undefined;
          names.delete(userId);
          throw error;
        },
      );
      names.set(userId, { usableUntil: now() + userNameTtlMs, name });
      return name;
    },

    /**
     * A temporary file for a `file` message: `POST /cgi-bin/media/upload?access_token=&type=file`,
     * multipart field `media` with a filename -> `media_id`, valid 3 days (cnblogs.com/zhaoguanglu/
     * p/15652948, metacpan QQ::weixin::work::media quoting document/path/90253: "所有文件size必须大于
     * 5个字节", file at most 20 MB). Sizes are checked here so that a bad file costs no call.
     */
    uploadFile: (fileName, bytes, contentType) =>
      uploadMedia('file', fileName, bytes, FILE_MAX_BYTES, contentType),
    uploadImage: (fileName, bytes) => uploadMedia('image', fileName, bytes, IMAGE_MAX_BYTES, 'image/png'),

    /**
     * A group robot picture: `POST /cgi-bin/webhook/send?key=KEY {msgtype:'image', image:{base64,
     * md5}}`, the md5 (hex) of the bytes before base64 (document/path/91770, §9). Checked here so
     * that a picture WeCom would refuse costs none of the robot's 20 messages a minute.
     */
    async sendImageToGroupRobot(keyOrUrl, png) {
      const key = robotKeyOf(keyOrUrl);
      if (png.length > ROBOT_IMAGE_MAX_BYTES || !isJpegOrPng(png)) {
        throw new WeComApiError('robotSend', -1, `a robot image is a JPG or PNG of at most 2 MB`, {
          reason: 'bad_file',
        });
      }
      await paceRobot(key);
      const bytes = Buffer.from(png);
      await call({
        name: 'robotSend',
        method: 'POST',
        path: `/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
        body: json({
          msgtype: 'image',
          image: { base64: bytes.toString('base64'), md5: createHash('md5').update(bytes).digest('hex') },
        }),
        schema: okAnswer,
        auth: false,
      });
      logger.event('info', 'wecom.sent_to_robot', { msgtype: 'image', bytes: png.length });
    },

    /**
     * The app's menu: `POST /cgi-bin/menu/create?access_token=&agentid= {button:[...]}` (metacpan
     * QQ::weixin::work::menu quoting document/path/90231; at most 3 buttons with 5 sub_button each,
     * heroicyang/wechat-qy api/menu.go). `buttons` is the `button` array; a `click` button sends
     * `Event=click` with its key to the callback.
     */
    async createMenu(buttons) {
      await call({
        name: 'menuCreate',
        method: 'POST',
        path: `/cgi-bin/menu/create?agentid=${agentId}`,
        body: json({ button: buttons }),
        schema: okAnswer,
        auth: true,
      });
      logger.event('info', 'wecom.menu_created', {});
    },

    calls: () => requests,
  };
}

/** A JPG (FF D8 FF) or a PNG (89 50 4E 47 0D 0A 1A 0A), by its first bytes. */
export function isJpegOrPng(bytes: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return true;
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}
