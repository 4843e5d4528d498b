/**
 * The DingTalk OpenAPI client of an enterprise internal app robot: the wire format only (what to
 * POST where, how answers and errors look), no messenger-neutral logic.
 *
 * Two generations of API live side by side, and they fail differently:
 * - the new API (`https://api.dingtalk.com/v1.0/...`) takes the token in the header
 *   `x-acs-dingtalk-access-token` and fails with HTTP 4xx/5xx and `{ code, message, requestid }`;
 * - the old API (`https://oapi.dingtalk.com/...`) takes `?access_token=` and fails with HTTP 200 and
 *   `{ errcode, errmsg }` (errcode 0 is success). Session webhooks answer in the old style too.
 * Sources are cited at each function; the shared notes are /work/shared/messenger-contracts.md §6, §9.
 *
 * Calls are metered (free organisations get a few thousand a month, §9), so `calls()` counts every
 * request to api/oapi, token fetches and retries included; session webhook replies cost nothing and
 * are counted apart in `sessionReplies()`.
 */
import { z } from 'zod';
import type { Logger } from '../logger.ts';

export type DingTalkOut =
  | { type: 'text'; content: string; atUserIds?: string[] }
  | { type: 'markdown'; title: string; text: string; atUserIds?: string[] }
  | { type: 'file'; mediaId: string; fileName: string; fileType: string }
  /** A picture: `photoURL` is a public URL or the media_id of an uploaded image. */
  | { type: 'image'; photoURL: string };

/**
 * A failed DingTalk call. `code` is DingTalk's own (`InvalidAuthentication`, `'60121'` for an oapi
 * errcode, `'300001'` for a dead session) or one of ours: `message_too_long`, `unsupported_message`,
 * `bad_response` (an answer we could not parse), `network`. `status` is the HTTP status, 0 when no
 * request was made. The message names the call, never a token, secret or session URL.
 */
export class DingTalkApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(
    call: string,
    code: string,
    status: number,
    detail?: string,
    options?: { requestId?: string; cause?: unknown },
  ) {
    super(`DingTalk ${call}: ${code}${status ? ` (HTTP ${status})` : ''}${detail ? `: ${detail}` : ''}`, {
      cause: options?.cause,
    });
    this.name = 'DingTalkApiError';
    this.code = code;
    this.status = status;
    this.requestId = options?.requestId;
  }
}

/** Where an interactive card goes: a person's 1:1 chat with the robot, or a group. */
export type CardSpace = { userId: string } | { openConversationId: string };

export interface DingTalkApiOptions {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  /** Replaces https://api.dingtalk.com (tests point it at the fake). */
  apiUrl: string;
  /** Replaces https://oapi.dingtalk.com. */
  oapiUrl: string;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How long a looked-up user name is kept; default one day. */
  userNameTtlMs?: number;
}

export interface DingTalkApi {
  sendToUsers(userIds: string[], out: DingTalkOut): Promise<{ invalid: string[]; throttled: string[] }>;
  sendToGroup(openConversationId: string, out: DingTalkOut): Promise<void>;
  replyBySession(sessionWebhook: string, out: DingTalkOut): Promise<void>;
  getUserName(userId: string): Promise<string | undefined>;
  /** `contentType` is the part's media type (application/octet-stream when not given). */
  uploadFile(fileName: string, bytes: Uint8Array, contentType?: string): Promise<string>;
  uploadImage(fileName: string, bytes: Uint8Array): Promise<string>;
  /** Creates an interactive card and delivers it; clicks come back over Stream, keyed by `outTrackId`. */
  deliverCard(card: {
    cardTemplateId: string;
    outTrackId: string;
    cardParamMap: Record<string, string>;
    space: CardSpace;
  }): Promise<void>;
  /** Replaces the given variables of a delivered card (the others keep their values). */
  updateCard(outTrackId: string, cardParamMap: Record<string, string>): Promise<void>;
  calls(): number;
  sessionReplies(): number;
}

/** batchSend takes at most 20 userIds (§9, several SDKs agree). */
export const BATCH_SEND_MAX_USERS = 20;
/** groupMessages/send refuses a msgParam above 15,000 bytes (§9 [M]). */
export const GROUP_MSG_PARAM_MAX_BYTES = 15_000;
/** A token is used until this long before it expires, so that none expires in flight. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Attempts for a throttled call (HTTP 429, `Throttling*`, errcode 90002), and for flow-controlled people. */
const THROTTLE_ATTEMPTS = 4;
const FLOW_CONTROL_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 1000;
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The session webhook body of a message. Session webhooks take the custom robot's message JSON
 * (§6c; difyz9/dingtalk-sdk docs/MESSAGE_GUIDE.md); a mention needs the id in `at.atUserIds` and
 * `@id` in the text (§9). Files cannot go through a webhook: upload and send them with the OpenAPI.
 */
export function toWebhookBody(out: DingTalkOut): Record<string, unknown> {
  const at = {
    atUserIds: out.type === 'file' || out.type === 'image' ? [] : (out.atUserIds ?? []),
    isAtAll: false,
  };
  switch (out.type) {
    case 'text':
      return { msgtype: 'text', text: { content: out.content }, at };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { title: out.title, text: out.text }, at };
    case 'file':
    case 'image':
      throw new DingTalkApiError('session reply', 'unsupported_message', 0, 'session webhooks take no files');
  }
}

/**
 * The robot OpenAPI form of a message: a msgKey and its parameters as a JSON *string*
 * (aliyun/dingtalk-sdk robot_1_0 OrgGroupSendRequest/BatchSendOTORequest `msgParam: string`; msgKeys
 * and fields per §9, sampleFile as in kfx2007's dingtalk RobotFile.to_json). The app robot's msgKeys
 * carry no `at`: mentions are lost here, which is why replies prefer the session webhook.
 */
export function toRobotMessage(out: DingTalkOut): { msgKey: string; msgParam: string } {
  switch (out.type) {
    case 'text':
      return { msgKey: 'sampleText', msgParam: JSON.stringify({ content: out.content }) };
    case 'markdown':
      return { msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: out.title, text: out.text }) };
    case 'file':
      return {
        msgKey: 'sampleFile',
        msgParam: JSON.stringify({ mediaId: out.mediaId, fileName: out.fileName, fileType: out.fileType }),
      };
    case 'image':
      // sampleImageMsg's photoURL takes a media_id from media/upload as well as a URL (§9).
      return { msgKey: 'sampleImageMsg', msgParam: JSON.stringify({ photoURL: out.photoURL }) };
  }
}

// Answers, parsed at the edge. Unknown fields are dropped; missing optional lists mean "none".
const accessTokenAnswer = z.object({ accessToken: z.string().min(1), expireIn: z.number().positive() });
const batchSendAnswer = z.object({
  processQueryKey: z.string().optional(),
  invalidStaffIdList: z.array(z.string()).optional(),
  flowControlledStaffIdList: z.array(z.string()).optional(),
});
const groupSendAnswer = z.object({ processQueryKey: z.string().optional() });
const userGetAnswer = z.object({ result: z.object({ name: z.string() }) });
const mediaUploadAnswer = z.object({ media_id: z.string().min(1) });
const cardDeliverAnswer = z.object({
  result: z
    .object({
      deliverResults: z
        .array(
          z.object({
            success: z.boolean(),
            spaceId: z.string().optional(),
            errorMsg: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});
const cardUpdateAnswer = z.object({});
const oapiOk = z.object({});
const newApiError = z.object({
  code: z.string(),
  message: z.string().optional(),
  requestid: z.string().optional(),
});
const oapiStatus = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  request_id: z.string().optional(),
});

type Wire = 'api' | 'oapi' | 'session';

interface CallSpec<T> {
  /** Short name for logs and errors ('batchSend'); never the URL, which may hold a token. */
  name: string;
  wire: Wire;
  /** POST unless said otherwise (the card update is a PUT). */
  method?: 'POST' | 'PUT';
  /** Full URL without the token. */
  url: string;
  /** Built per attempt, so that a retry sends a fresh body. */
  body: () => { body: string | FormData; json: boolean };
  schema: z.ZodType<T>;
  /** Whether the call needs the access token. */
  auth: boolean;
}

interface CachedToken {
  value: string;
  usableUntil: number;
}

export function createDingTalkApi(options: DingTalkApiOptions): DingTalkApi {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const userNameTtlMs = options.userNameTtlMs ?? DAY_MS;
  const { logger, robotCode } = options;
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const oapiUrl = options.oapiUrl.replace(/\/+$/, '');

  let metered = 0;
  let sessions = 0;
  let token: CachedToken | undefined;
  let tokenInFlight: Promise<string> | undefined;
  const names = new Map<string, { usableUntil: number; name: Promise<string | undefined> }>();

  const backoff = (attempt: number) => BACKOFF_BASE_MS * 2 ** (attempt - 1);

  /** One HTTP exchange: the answer parsed as JSON, or a DingTalkApiError in DingTalk's own terms. */
  const exchange = async (spec: CallSpec<unknown>, accessToken: string | undefined) => {
    const { body, json } = spec.body();
    const headers: Record<string, string> = json ? { 'content-type': 'application/json; charset=utf-8' } : {};
    let url = spec.url;
    if (accessToken !== undefined && spec.wire === 'api')
      headers['x-acs-dingtalk-access-token'] = accessToken;
    if (accessToken !== undefined && spec.wire === 'oapi') {
      url += `${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(accessToken)}`;
    }
    if (spec.wire === 'session') sessions += 1;
    else metered += 1;

    let response: Response;
    try {
      response = await doFetch(url, {
        method: spec.method ?? 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // Not retried: a send may have reached DingTalk before the connection broke.
      throw new DingTalkApiError(spec.name, 'network', 0, undefined, { cause: error });
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      parsed = undefined;
    }

    if (spec.wire === 'api' && !response.ok) {
      const error = newApiError.safeParse(parsed);
      return error.success
        ? new DingTalkApiError(spec.name, error.data.code, response.status, error.data.message, {
            requestId: error.data.requestid,
          })
        : new DingTalkApiError(spec.name, `http_${response.status}`, response.status);
    }
    if (spec.wire !== 'api') {
      if (!response.ok) return new DingTalkApiError(spec.name, `http_${response.status}`, response.status);
      const status = oapiStatus.safeParse(parsed);
      if (status.success && status.data.errcode !== undefined && status.data.errcode !== 0) {
        return new DingTalkApiError(
          spec.name,
          String(status.data.errcode),
          response.status,
          status.data.errmsg,
          {
            requestId: status.data.request_id,
          },
        );
      }
    }
    if (parsed === undefined)
      return new DingTalkApiError(spec.name, 'bad_response', response.status, 'not JSON');
    return { status: response.status, parsed };
  };

  /**
   * A call with DingTalk's two recoverable failures handled: a token DingTalk no longer takes
   * (401 / InvalidAuthentication, oapi 40014 invalid, 42001 expired: drop it, fetch one, retry once)
   * and throttling (429, a code containing `Throttling`, errcode 90002: back off and retry a few times).
   */
  const call = async <T>(spec: CallSpec<T>): Promise<T> => {
    let authRetried = false;
    for (let attempt = 1; ; attempt += 1) {
      const accessToken = spec.auth ? await getToken() : undefined;
      const outcome = await exchange(spec, accessToken);
      if (!(outcome instanceof DingTalkApiError)) {
        const answer = spec.schema.safeParse(outcome.parsed);
        if (answer.success) return answer.data;
        throw new DingTalkApiError(
          spec.name,
          'bad_response',
          outcome.status,
          answer.error.issues[0]?.message,
        );
      }
      if (accessToken !== undefined && !authRetried && isAuthFailure(outcome)) {
        authRetried = true;
        // Only drop the token this call used: a concurrent caller may already have fetched a new one.
        if (token?.value === accessToken) token = undefined;
        logger.event('warn', 'dingtalk.token_rejected', { call: spec.name, code: outcome.code });
        attempt -= 1;
        continue;
      }
      if (isThrottled(outcome) && attempt < THROTTLE_ATTEMPTS) {
        const waitMs = backoff(attempt);
        logger.event('warn', 'dingtalk.throttled', { call: spec.name, code: outcome.code, attempt, waitMs });
        await sleep(waitMs);
        continue;
      }
      logger.event('error', 'dingtalk.call_failed', {
        call: spec.name,
        code: outcome.code,
        status: outcome.status,
        requestId: outcome.requestId,
      });
      throw outcome;
    }
  };

  /**
   * The app's access token: `POST /v1.0/oauth2/accessToken {appKey, appSecret}` ->
   * `{accessToken, expireIn}` in seconds (docs.rs dingtalk-stream-sdk GET_TOKEN_URL; the
   * @alicloud/dingtalk oauth2_1_0 GetAccessTokenRequest/Response used in darrenyao/dingtalk-mcp-server
   * src/dingtalk/auth.ts; §6c). DingTalk asks that it be cached, not fetched per call
   * (developer.aliyun.com/ask/318039), and the Stream SDK does not cache it (§9), so we do.
   */
  const getToken = (): Promise<string> => {
    if (token && now() < token.usableUntil) return Promise.resolve(token.value);
    if (!tokenInFlight) {
      const fetchedAt = now();
      tokenInFlight = call({
        name: 'accessToken',
        wire: 'api',
        url: `${apiUrl}/v1.0/oauth2/accessToken`,
        body: () => ({
          body: JSON.stringify({ appKey: options.clientId, appSecret: options.clientSecret }),
          json: true,
        }),
        schema: accessTokenAnswer,
        auth: false,
      })
        .then((answer) => {
          token = {
            value: answer.accessToken,
            usableUntil: fetchedAt + answer.expireIn * 1000 - TOKEN_MARGIN_MS,
          };
          logger.event('info', 'dingtalk.token_fetched', { expireIn: answer.expireIn });
          return answer.accessToken;
        })
        .finally(() => {
          tokenInFlight = undefined;
        });
    }
    return tokenInFlight;
  };

  const jsonBody = (value: unknown) => () => ({ body: JSON.stringify(value), json: true });

  /**
   * `POST oapi /media/upload?access_token=&type=file|image`, multipart field `media` -> `media_id`
   * (developer.aliyun.com/ask/680737; errcode 43008 "参数需要multipart类型" when the body is not
   * multipart, developer.aliyun.com/ask/199763, blog.csdn.net/qubes/137156316).
   */
  const uploadMedia = async (
    type: 'file' | 'image',
    fileName: string,
    bytes: Uint8Array,
    contentType = 'application/octet-stream',
  ) => {
    const answer = await call({
      name: 'mediaUpload',
      wire: 'oapi',
      url: `${oapiUrl}/media/upload?type=${type}`,
      body: () => {
        const form = new FormData();
        form.append('media', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
        return { body: form, json: false };
      },
      schema: mediaUploadAnswer,
      auth: true,
    });
    logger.event('info', 'dingtalk.file_uploaded', { type, bytes: bytes.length });
    return answer.media_id;
  };

  return {
    /**
     * 1:1 robot messages: `POST /v1.0/robot/oToMessages/batchSend {robotCode, userIds, msgKey, msgParam}`
     * -> `{processQueryKey, invalidStaffIdList, flowControlledStaffIdList}` (aliyun/dingtalk-sdk
     * robot_1_0 BatchSendOTOResponseBody: "推送频繁，被限流的用户userId列表" / "无效的用户userId列表").
     * At most 20 userIds a call (§9). A 200 answer can still leave people out: the flow-controlled
     * ones are sent again after a pause, the invalid ones are only reported.
     */
    async sendToUsers(userIds, out) {
      const message = toRobotMessage(out);
      // The same person twice in one send would get the message twice (and count twice against the limit).
      const unique = [...new Set(userIds)];
      const invalid: string[] = [];
      const throttled: string[] = [];
      for (let start = 0; start < unique.length; start += BATCH_SEND_MAX_USERS) {
        let pending = unique.slice(start, start + BATCH_SEND_MAX_USERS);
        for (let attempt = 1; pending.length > 0; attempt += 1) {
          const answer = await call({
            name: 'batchSend',
            wire: 'api',
            url: `${apiUrl}/v1.0/robot/oToMessages/batchSend`,
            body: jsonBody({ robotCode, userIds: pending, ...message }),
            schema: batchSendAnswer,
            auth: true,
          });
          invalid.push(...(answer.invalidStaffIdList ?? []));
          const flowControlled = answer.flowControlledStaffIdList ?? [];
          if (flowControlled.length > 0 && attempt >= FLOW_CONTROL_ATTEMPTS) {
            throttled.push(...flowControlled);
            break;
          }
          if (flowControlled.length > 0) {
            const waitMs = backoff(attempt);
            logger.event('warn', 'dingtalk.flow_controlled', {
              users: flowControlled.length,
              attempt,
              waitMs,
            });
            await sleep(waitMs);
          }
          pending = flowControlled;
        }
      }
      logger.event('info', 'dingtalk.sent_to_users', {
        msgKey: message.msgKey,
        users: unique.length,
        invalid: invalid.length,
        throttled: throttled.length,
      });
      return { invalid, throttled };
    },

    /**
     * A group robot message: `POST /v1.0/robot/groupMessages/send {robotCode, openConversationId,
     * msgKey, msgParam}` -> `{processQueryKey}` (alibabacloud-go/dingtalk robot_1_0 OrgGroupSendRequest
     * / OrgGroupSendResponseBody). `openConversationId` is the callback's `conversationId`; msgParam
     * is limited to 15,000 bytes (§9), checked here so that an oversized board costs no call.
     */
    async sendToGroup(openConversationId, out) {
      const message = toRobotMessage(out);
      const bytes = Buffer.byteLength(message.msgParam, 'utf8');
      if (bytes > GROUP_MSG_PARAM_MAX_BYTES) {
        throw new DingTalkApiError(
          'groupSend',
          'message_too_long',
          0,
          `msgParam is ${bytes} bytes, the limit is ${GROUP_MSG_PARAM_MAX_BYTES}`,
        );
      }
      await call({
        name: 'groupSend',
        wire: 'api',
        url: `${apiUrl}/v1.0/robot/groupMessages/send`,
        body: jsonBody({ robotCode, openConversationId, ...message }),
        schema: groupSendAnswer,
        auth: true,
      });
      logger.event('info', 'dingtalk.sent_to_group', { msgKey: message.msgKey, bytes });
    },

    /**
     * A reply through the callback's `sessionWebhook` (about 90 minutes valid, no token needed, §6a,
     * §9). Errors are oapi-style; a dead session answers `{"errcode":300001,"errmsg":"session 不存在"}`
     * (agentscope-ai/QwenPaw#2221, agentscope-ai/agentscope#1317). The URL is a credential: never logged.
     */
    async replyBySession(sessionWebhook, out) {
      const body = toWebhookBody(out);
      await call({
        name: 'sessionReply',
        wire: 'session',
        url: sessionWebhook,
        body: jsonBody(body),
        schema: oapiOk,
        auth: false,
      });
      logger.event('info', 'dingtalk.session_replied', { msgtype: body.msgtype });
    },

    /**
     * A member's name: `POST oapi /topapi/v2/user/get?access_token= {userid}` -> `result.name`
     * (apifox mirror of the org docs "根据userid获取用户详情", service https://oapi.dingtalk.com;
     * dingtalk-mcp getUserDetailByUserId; §9). Needs the contact read permission. errcode 60121 is
     * "no such user" (per our brief; not found in the docs searched) and gives undefined. Names are
     * cached, absent ones too, because every lookup is a metered call.
     */
    getUserName(userId) {
      const cached = names.get(userId);
      if (cached && now() < cached.usableUntil) return cached.name;
      const name = call({
        name: 'userGet',
        wire: 'oapi',
        url: `${oapiUrl}/topapi/v2/user/get`,
        body: jsonBody({ userid: userId }),
        schema: userGetAnswer,
        auth: true,
      }).then(
        (answer) => answer.result.name,
        (error: unknown) => {
          if (error instanceof DingTalkApiError && error.code === '60121') return undefined;
          names.delete(userId);
          throw error;
        },
      );
      names.set(userId, { usableUntil: now() + userNameTtlMs, name });
      return name;
    },

    /**
     * A file for a sampleFile message: `POST oapi /media/upload?access_token=&type=file`, multipart
     * field `media` -> `media_id` (developer.aliyun.com/ask/680737; errcode 43008 "参数需要multipart类型"
     * when the body is not multipart, developer.aliyun.com/ask/199763, blog.csdn.net/qubes/137156316).
     */
    uploadFile: (fileName, bytes, contentType) => uploadMedia('file', fileName, bytes, contentType),

    /**
     * A picture for a sampleImageMsg: the same media/upload with `type=image` (JPG, PNG, GIF or
     * BMP; open.dingtalk.com/document/orgapp/upload-media-files as quoted in the fake).
     */
    uploadImage: (fileName, bytes) => uploadMedia('image', fileName, bytes, 'image/png'),

    /**
     * `POST /v1.0/card/instances/createAndDeliver` (aliyun/dingtalk-sdk card_1_0 CreateAndDeliverRequest;
     * messenger-contracts §6d): `cardTemplateId`, a unique `outTrackId`, `callbackType: "STREAM"` so
     * that clicks come on the Stream topic, `cardData.cardParamMap` of strings, and the space:
     * `dtv1.card//IM_ROBOT.<userId>` with `imRobotOpenSpaceModel` + `imRobotOpenDeliverModel
     * {spaceType: "IM_ROBOT", robotCode}`, or `dtv1.card//IM_GROUP.<openConversationId>` with
     * `imGroupOpenSpaceModel` + `imGroupOpenDeliverModel {robotCode}` (the open-source DingTalk
     * connectors searched send both models; without the space model DingTalk answers "spaces of
     * card is empty"). A 200 answer can still report `result.deliverResults[].success: false`.
     */
    async deliverCard(card) {
      const space =
        'userId' in card.space
          ? {
              openSpaceId: `dtv1.card//IM_ROBOT.${card.space.userId}`,
              imRobotOpenSpaceModel: { supportForward: false },
              imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode },
            }
          : {
              openSpaceId: `dtv1.card//IM_GROUP.${card.space.openConversationId}`,
              imGroupOpenSpaceModel: { supportForward: false },
              imGroupOpenDeliverModel: { robotCode },
            };
      const answer = await call({
        name: 'cardDeliver',
        wire: 'api',
        url: `${apiUrl}/v1.0/card/instances/createAndDeliver`,
        body: jsonBody({
          cardTemplateId: card.cardTemplateId,
          outTrackId: card.outTrackId,
          callbackType: 'STREAM',
          userIdType: 1,
          cardData: { cardParamMap: card.cardParamMap },
          ...space,
        }),
        schema: cardDeliverAnswer,
        auth: true,
      });
      const failed = (answer.result?.deliverResults ?? []).find((result) => !result.success);
      if (failed !== undefined)
        throw new DingTalkApiError('cardDeliver', 'not_delivered', 200, failed.errorMsg);
      logger.event('info', 'dingtalk.card_delivered', { space: 'userId' in card.space ? 'user' : 'group' });
    },

    /**
     * `PUT /v1.0/card/instances {outTrackId, cardData: {cardParamMap}, cardUpdateOptions:
     * {updateCardDataByKey: true}}` (aliyun/dingtalk-sdk card_1_0 UpdateCardRequest; "按key更新
     * cardData数据，不填默认覆盖更新" in its im_1.0 UpdateInteractiveCard docs): only the keys given
     * change, so greying the buttons keeps the card's text.
     */
    async updateCard(outTrackId, cardParamMap) {
      await call({
        name: 'cardUpdate',
        wire: 'api',
        method: 'PUT',
        url: `${apiUrl}/v1.0/card/instances`,
        body: jsonBody({
          outTrackId,
          cardData: { cardParamMap },
          cardUpdateOptions: { updateCardDataByKey: true },
        }),
        schema: cardUpdateAnswer,
        auth: true,
      });
      logger.event('info', 'dingtalk.card_updated', { keys: Object.keys(cardParamMap).length });
    },

    calls: () => metered,
    sessionReplies: () => sessions,
  };
}

function isAuthFailure(error: DingTalkApiError): boolean {
  return error.status === 401 || ['InvalidAuthentication', '40014', '42001'].includes(error.code);
}

function isThrottled(error: DingTalkApiError): boolean {
  return error.status === 429 || error.code.includes('Throttling') || error.code === '90002';
}
