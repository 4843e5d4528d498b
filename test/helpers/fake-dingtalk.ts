/**
 * A fake DingTalk on node:http: the new OpenAPI (api.dingtalk.com), the old one (oapi.dingtalk.com)
 * and robot session webhooks, all on one origin. Point both `apiUrl` and `oapiUrl` at `fake.url`.
 *
 * It refuses what DingTalk refuses, so that a client that passes here has the wire format right
 * (sources: /work/shared/messenger-contracts.md §6, §9, and the citations in src/dingtalk/api.ts):
 * - new API: missing, unknown or expired `x-acs-dingtalk-access-token` -> 401
 *   `{code:'InvalidAuthentication', message, requestid}`; other bad requests -> 400 `{code, message}`
 *   (the 400 codes below are ours: DingTalk's exact names were not found in the docs searched);
 * - accessToken with the wrong appKey/appSecret -> 400 `invalidClientIdOrSecret` [L];
 * - batchSend: > 20 userIds, wrong robotCode, unknown msgKey, msgParam not a JSON string or lacking
 *   its msgKey's fields; unknown userIds are not refused but come back in `invalidStaffIdList`, and
 *   people given to `throttle()` come back in `flowControlledStaffIdList`;
 * - groupMessages/send: the same checks, msgParam > 15,000 bytes, an unknown openConversationId;
 * - oapi: HTTP 200 `{errcode, errmsg}`: 40014 bad token, 42001 expired token, 60121 unknown userid,
 *   43008 upload that is not multipart (developer.aliyun.com/ask/199763 "参数需要multipart类型");
 * - media/upload (open.dingtalk.com/document/orgapp/upload-media-files): multipart field `media`,
 *   type image|voice|video|file, 40005 otherwise; an empty file or one over its type's limit
 *   (file 20 MB, image 20 MB, voice 2 MB, video 20 MB, as that page gave them when last read; the
 *   pages searched for this fake did not quote them: [L]) errcode 40004 [L]; an image that is not
 *   JPG, PNG, GIF or BMP 40005 [L]. A media_id stays
 *   valid as long as the organisation exists (help.dingtalk.io/open/development/apsara-file-
 *   storage-for-hdfs-overview: "There is no time limit"), so a sampleFile naming a media_id this
 *   fake never issued is refused 400 `InvalidParameter.MediaId` [L], and so is a sampleImageMsg
 *   whose photoURL is neither an http(s) URL nor an image's media_id [L];
 * - interactive cards (messenger-contracts §6d, citations in src/dingtalk/api.ts): createAndDeliver
 *   refuses a missing cardTemplateId, a missing or reused outTrackId, a cardParamMap value that is
 *   not a string, a callbackType other than STREAM/HTTP, an openSpaceId that is not
 *   `dtv1.card//IM_ROBOT.<userId>` / `dtv1.card//IM_GROUP.<openConversationId>` or lacks its
 *   deliver model with our robotCode (400; the codes are ours [L]); an unknown person or group is
 *   reported as `result.deliverResults[].success: false`, as DingTalk answers. `PUT
 *   /v1.0/card/instances` refuses an unknown outTrackId and non-string values, and merges the
 *   params with `cardUpdateOptions.updateCardDataByKey`, else replaces them;
 * - session webhook: unknown or expired session -> `{errcode:300001, errmsg:'session 不存在'}`
 *   (agentscope-ai/QwenPaw#2221); a body that is not a text/markdown message -> errcode 40035 [L].
 *
 * A call is recorded (and waiters are woken) when the request arrives, before the answer goes back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DingTalkCall {
  /** URL path, e.g. '/v1.0/robot/oToMessages/batchSend'. */
  path: string;
  /** Short name: accessToken, batchSend, groupSend, userGet, mediaUpload, sessionReply, or 'unknown'. */
  name: string;
  body: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /** The access token sent (header for the new API, `access_token` query for oapi). */
  token?: string;
  /** For sessionReply: the session id from the URL. */
  session?: string;
  /** For mediaUpload: the file's bytes, name and the media type its part declared. */
  bytes?: Buffer;
  fileName?: string;
  partType?: string;
  status: number;
  response: unknown;
}

export type DingTalkTarget = { userIds: string[] } | { openConversationId: string } | { session: string };

export interface SentMessage {
  /** Who received it: for batchSend only the people actually delivered to. */
  to: DingTalkTarget;
  /** The robot msgKey ('sampleText'), or for session replies the webhook `msgtype` ('text'). */
  msgKey: string;
  /** msgParam parsed, or for session replies the `body[msgtype]` object. */
  msgParam: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** A card as delivered and then updated: `params` is its cardParamMap now. */
export interface FakeCard {
  outTrackId: string;
  cardTemplateId: string;
  to: { userId: string } | { openConversationId: string };
  params: Record<string, string>;
  updates: Array<Record<string, string>>;
}

export type DingTalkCallMatcher = string | ((call: DingTalkCall) => boolean);

export interface FakeDingTalk {
  url: string;
  calls: DingTalkCall[];
  /** Resolves with the first `count` (default 1) matching calls; a string matches `name` or `path`. */
  waitFor(matcher: DingTalkCallMatcher, count?: number, timeoutMs?: number): Promise<DingTalkCall[]>;
  sent(): SentMessage[];
  /** Interactive cards delivered, in order, with their current params. */
  cards(): FakeCard[];
  /** A session webhook URL, valid until `expiresAt` (ms, on the fake's clock). */
  session(id: string, options: { expiresAt: number }): string;
  addUser(userId: string, name: string): void;
  addGroup(openConversationId: string): void;
  /** The next `times` batchSends that include these people leave them out, in flowControlledStaffIdList. */
  throttle(userIds: string[], times: number): void;
  /** The next request to `path` gets this answer instead (recorded as usual). */
  failNext(path: string, answer: { status: number; body: unknown }): void;
  /** Every token issued so far stops working (as after its 7200 s). */
  expireTokens(): void;
  /** A file uploaded with media/upload, by its media_id. */
  media(mediaId: string): { type: string; fileName: string | undefined; bytes: Buffer } | undefined;
  close(): Promise<void>;
}

export interface FakeDingTalkOptions {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  /** The fake's clock, for session expiry; Date.now by default. */
  now?: () => number;
}

/** The msgParam fields each msgKey needs (§9). Keys the client does not use are refused until needed. */
const MSG_PARAM_FIELDS: Record<string, string[]> = {
  sampleText: ['content'],
  sampleMarkdown: ['title', 'text'],
  sampleImageMsg: ['photoURL'],
  sampleLink: ['text', 'title', 'picUrl', 'messageUrl'],
  sampleActionCard: ['title', 'text', 'singleTitle', 'singleURL'],
  sampleFile: ['mediaId', 'fileName', 'fileType'],
};
const WEBHOOK_FIELDS: Record<string, string[]> = { text: ['content'], markdown: ['title', 'text'] };
const BATCH_MAX = 20;
const GROUP_MSG_PARAM_MAX_BYTES = 15_000;
const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file']);
const MB = 1024 * 1024;
const MEDIA_MAX_BYTES: Record<string, number> = {
  image: 20 * MB,
  voice: 2 * MB,
  video: 20 * MB,
  file: 20 * MB,
};

const NAMES: Record<string, string> = {
  '/v1.0/oauth2/accessToken': 'accessToken',
  '/v1.0/robot/oToMessages/batchSend': 'batchSend',
  '/v1.0/robot/groupMessages/send': 'groupSend',
  '/topapi/v2/user/get': 'userGet',
  '/media/upload': 'mediaUpload',
  '/robot/sendBySession': 'sessionReply',
  '/v1.0/card/instances/createAndDeliver': 'cardDeliver',
  '/v1.0/card/instances': 'cardUpdate',
};
const CARD_SPACE = /^dtv1\.card\/\/(IM_ROBOT|IM_GROUP)\.(.+)$/;

interface Waiter {
  match: (call: DingTalkCall) => boolean;
  count: number;
  resolve: (calls: DingTalkCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type Answer = { status: number; body: unknown };

export async function createFakeDingTalk(options: FakeDingTalkOptions): Promise<FakeDingTalk> {
  const now = options.now ?? Date.now;
  const calls: DingTalkCall[] = [];
  const sent: SentMessage[] = [];
  const tokens = new Map<string, { expired: boolean }>();
  const users = new Map<string, string>();
  const groups = new Set<string>();
  const sessions = new Map<string, number>();
  const throttled = new Map<string, number>();
  const media = new Map<string, { type: string; fileName: string | undefined; bytes: Buffer }>();
  const failures = new Map<string, Answer[]>();
  const waiters = new Set<Waiter>();
  const cards = new Map<string, FakeCard>();
  let seq = 0;
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${String(seq).padStart(6, '0')}`;
  };

  const matcherOf = (matcher: DingTalkCallMatcher) =>
    typeof matcher === 'string'
      ? (call: DingTalkCall) => call.name === matcher || call.path === matcher
      : matcher;
  const matching = (match: (call: DingTalkCall) => boolean) =>
    calls.filter((call) => {
      try {
        return match(call);
      } catch {
        return false;
      }
    });

  const record = (call: DingTalkCall) => {
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

  const apiError = (status: number, code: string, message: string): Answer => ({
    status,
    body: { code, message, requestid: nextId('REQ-') },
  });
  const oapiError = (errcode: number, errmsg: string): Answer => ({
    status: 200,
    body: { errcode, errmsg, request_id: nextId('req') },
  });

  /** New-API token check: 401 InvalidAuthentication for a missing, unknown or expired token. */
  const checkApiToken = (token: string | undefined): Answer | undefined => {
    if (!token) return apiError(401, 'InvalidAuthentication', '缺少 x-acs-dingtalk-access-token');
    const known = tokens.get(token);
    if (!known) return apiError(401, 'InvalidAuthentication', '不合法的access_token');
    if (known.expired) return apiError(401, 'InvalidAuthentication', 'access_token已过期');
    return undefined;
  };
  const checkOapiToken = (token: string | undefined): Answer | undefined => {
    const known = token ? tokens.get(token) : undefined;
    if (!known) return oapiError(40014, '不合法的access_token');
    if (known.expired) return oapiError(42001, 'access_token超时');
    return undefined;
  };

  /** msgKey + msgParam as the robot API takes them, or the 400 DingTalk would answer. */
  const robotMessage = (
    body: Record<string, unknown>,
  ): { msgKey: string; msgParam: Record<string, unknown> } | Answer => {
    if (body.robotCode !== options.robotCode) {
      return apiError(400, 'InvalidParameter.RobotCode', `robotCode ${String(body.robotCode)} 不存在`);
    }
    const msgKey = body.msgKey;
    const fields = typeof msgKey === 'string' ? MSG_PARAM_FIELDS[msgKey] : undefined;
    if (typeof msgKey !== 'string' || !fields) {
      return apiError(400, 'InvalidParameter.MsgKey', `msgKey ${String(msgKey)} 不支持`);
    }
    if (typeof body.msgParam !== 'string') {
      return apiError(400, 'InvalidParameter.MsgParam', 'msgParam 必须是 JSON 字符串');
    }
    let msgParam: unknown;
    try {
      msgParam = JSON.parse(body.msgParam);
    } catch {
      return apiError(400, 'InvalidParameter.MsgParam', 'msgParam 不是合法的 JSON');
    }
    if (typeof msgParam !== 'object' || msgParam === null || Array.isArray(msgParam)) {
      return apiError(400, 'InvalidParameter.MsgParam', 'msgParam 必须是 JSON 对象');
    }
    const param = msgParam as Record<string, unknown>;
    const missing = fields.filter((field) => typeof param[field] !== 'string' || param[field] === '');
    if (missing.length > 0) {
      return apiError(400, 'InvalidParameter.MsgParam', `${msgKey} 缺少 ${missing.join(', ')}`);
    }
    if (msgKey === 'sampleFile' && media.get(String(param.mediaId))?.type !== 'file') {
      return apiError(400, 'InvalidParameter.MediaId', `mediaId ${String(param.mediaId)} 不存在`);
    }
    // photoURL is a URL or the media_id of an uploaded image (media ids start with '@').
    const photo = String(param.photoURL ?? '');
    if (msgKey === 'sampleImageMsg' && !/^https?:\/\//.test(photo) && media.get(photo)?.type !== 'image') {
      return apiError(400, 'InvalidParameter.MediaId', `photoURL ${photo} 不是图片`);
    }
    return { msgKey, msgParam: param };
  };

  const batchSend = (body: Record<string, unknown>, token: string | undefined): Answer => {
    const refused = checkApiToken(token);
    if (refused) return refused;
    const userIds = body.userIds;
    if (!Array.isArray(userIds) || userIds.length === 0 || !userIds.every((id) => typeof id === 'string')) {
      return apiError(400, 'InvalidParameter.UserIds', 'userIds 不能为空');
    }
    if (userIds.length > BATCH_MAX) {
      return apiError(400, 'InvalidParameter.UserIds', `userIds 最多 ${BATCH_MAX} 个`);
    }
    const message = robotMessage(body);
    if ('status' in message) return message;
    const invalid: string[] = [];
    const flowControlled: string[] = [];
    const delivered: string[] = [];
    for (const id of userIds as string[]) {
      const left = throttled.get(id) ?? 0;
      if (!users.has(id)) invalid.push(id);
      else if (left > 0) {
        throttled.set(id, left - 1);
        flowControlled.push(id);
      } else delivered.push(id);
    }
    if (delivered.length > 0) sent.push({ to: { userIds: delivered }, ...message, body });
    return {
      status: 200,
      body: {
        processQueryKey: nextId('pqk'),
        invalidStaffIdList: invalid,
        flowControlledStaffIdList: flowControlled,
      },
    };
  };

  const groupSend = (body: Record<string, unknown>, token: string | undefined): Answer => {
    const refused = checkApiToken(token);
    if (refused) return refused;
    const message = robotMessage(body);
    if ('status' in message) return message;
    if (Buffer.byteLength(String(body.msgParam), 'utf8') > GROUP_MSG_PARAM_MAX_BYTES) {
      return apiError(400, 'InvalidParameter.MsgParam', `msgParam 超过 ${GROUP_MSG_PARAM_MAX_BYTES} 字节`);
    }
    const cid = body.openConversationId;
    if (typeof cid !== 'string' || !groups.has(cid)) {
      return apiError(400, 'InvalidParameter.OpenConversationId', '群不存在或机器人不在群中');
    }
    sent.push({ to: { openConversationId: cid }, ...message, body });
    return { status: 200, body: { processQueryKey: nextId('pqk') } };
  };

  const sessionReply = (body: Record<string, unknown>, session: string | undefined): Answer => {
    const expiresAt = session ? sessions.get(session) : undefined;
    if (!session || expiresAt === undefined || now() >= expiresAt) return oapiError(300001, 'session 不存在');
    const msgtype = body.msgtype;
    const fields = typeof msgtype === 'string' ? WEBHOOK_FIELDS[msgtype] : undefined;
    const content = typeof msgtype === 'string' ? body[msgtype] : undefined;
    if (!fields || typeof content !== 'object' || content === null) {
      return oapiError(40035, `不支持的 msgtype ${String(msgtype)}`);
    }
    const param = content as Record<string, unknown>;
    const missing = fields.filter((field) => typeof param[field] !== 'string' || param[field] === '');
    if (missing.length > 0) return oapiError(40035, `缺少参数 ${missing.join(', ')}`);
    sent.push({ to: { session }, msgKey: msgtype as string, msgParam: param, body });
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  };

  /** A cardParamMap of strings, or the 400 DingTalk would answer. */
  const cardParams = (cardData: unknown): { params: Record<string, string> } | { refused: Answer } => {
    const map =
      typeof cardData === 'object' && cardData !== null
        ? (cardData as Record<string, unknown>).cardParamMap
        : undefined;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
      return { refused: apiError(400, 'InvalidParameter.CardData', 'cardData.cardParamMap 不能为空') };
    }
    const entries = Object.entries(map as Record<string, unknown>);
    const bad = entries.filter(([, value]) => typeof value !== 'string').map(([key]) => key);
    if (bad.length > 0) {
      return {
        refused: apiError(
          400,
          'InvalidParameter.CardParamMap',
          `cardParamMap 的值必须是字符串: ${bad.join(', ')}`,
        ),
      };
    }
    return { params: Object.fromEntries(entries) as Record<string, string> };
  };

  const cardDeliver = (body: Record<string, unknown>, token: string | undefined): Answer => {
    const refused = checkApiToken(token);
    if (refused) return refused;
    const { cardTemplateId, outTrackId, callbackType, openSpaceId } = body;
    if (typeof cardTemplateId !== 'string' || cardTemplateId === '') {
      return apiError(400, 'InvalidParameter.CardTemplateId', 'cardTemplateId 不能为空');
    }
    if (typeof outTrackId !== 'string' || outTrackId === '' || cards.has(outTrackId)) {
      return apiError(400, 'InvalidParameter.OutTrackId', 'outTrackId 为空或已存在');
    }
    if (callbackType !== undefined && callbackType !== 'STREAM' && callbackType !== 'HTTP') {
      return apiError(400, 'InvalidParameter.CallbackType', `callbackType ${String(callbackType)} 不支持`);
    }
    const checked = cardParams(body.cardData);
    if ('refused' in checked) return checked.refused;
    const { params } = checked;
    const space = typeof openSpaceId === 'string' ? CARD_SPACE.exec(openSpaceId) : null;
    if (space === null) return apiError(400, 'InvalidParameter.OpenSpaceId', 'openSpaceId 格式不正确');
    const [, kind, id = ''] = space;
    const model = (kind === 'IM_ROBOT' ? body.imRobotOpenDeliverModel : body.imGroupOpenDeliverModel) as
      | Record<string, unknown>
      | undefined;
    if (
      typeof model !== 'object' ||
      model === null ||
      model.robotCode !== options.robotCode ||
      (kind === 'IM_ROBOT' && model.spaceType !== 'IM_ROBOT')
    ) {
      return apiError(400, 'param.spaceDeliverModelEmpty', `${String(kind)} 缺少投放参数或 robotCode 不正确`);
    }
    const known = kind === 'IM_ROBOT' ? users.has(id) : groups.has(id);
    if (!known) {
      return {
        status: 200,
        body: {
          success: true,
          result: { deliverResults: [{ spaceId: id, success: false, errorMsg: '场域不存在' }] },
        },
      };
    }
    cards.set(outTrackId, {
      outTrackId,
      cardTemplateId,
      to: kind === 'IM_ROBOT' ? { userId: id } : { openConversationId: id },
      params,
      updates: [],
    });
    return {
      status: 200,
      body: { success: true, result: { outTrackId, deliverResults: [{ spaceId: id, success: true }] } },
    };
  };

  const cardUpdate = (body: Record<string, unknown>, token: string | undefined): Answer => {
    const refused = checkApiToken(token);
    if (refused) return refused;
    const card = typeof body.outTrackId === 'string' ? cards.get(body.outTrackId) : undefined;
    if (card === undefined) return apiError(400, 'InvalidParameter.OutTrackId', '卡片不存在');
    const checked = cardParams(body.cardData);
    if ('refused' in checked) return checked.refused;
    const { params } = checked;
    const byKey =
      typeof body.cardUpdateOptions === 'object' &&
      body.cardUpdateOptions !== null &&
      (body.cardUpdateOptions as Record<string, unknown>).updateCardDataByKey === true;
    card.params = byKey ? { ...card.params, ...params } : params;
    card.updates.push(params);
    return { status: 200, body: { success: true, result: true } };
  };

  const send = (res: ServerResponse, answer: Answer) => {
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    const name = NAMES[path] ?? 'unknown';
    const contentType = req.headers['content-type'] ?? '';
    const headerToken = req.headers['x-acs-dingtalk-access-token'];
    const token =
      (typeof headerToken === 'string' ? headerToken : undefined) ??
      url.searchParams.get('access_token') ??
      undefined;
    const session = url.searchParams.get('session') ?? undefined;

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
      for (const [key, value] of form) if (typeof value === 'string') body[key] = value;
    } else if (raw.length > 0) {
      try {
        const parsed: unknown = JSON.parse(raw.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
          body = parsed as Record<string, unknown>;
        } else malformed = true;
      } catch {
        malformed = true;
      }
    }

    const answer = ((): Answer => {
      const failure = failures.get(path)?.shift();
      if (failure) return failure;
      const method = name === 'cardUpdate' ? 'PUT' : 'POST';
      if (req.method !== method) return apiError(405, 'MethodNotAllowed', `${method} only`);
      if (malformed) {
        return name === 'userGet' || name === 'sessionReply'
          ? oapiError(40035, '请求体不是合法的 JSON')
          : apiError(400, 'InvalidParameter', '请求体不是合法的 JSON');
      }
      switch (name) {
        case 'accessToken': {
          // [L] The code name is from memory of DingTalk's answer, not from the docs searched.
          if (body.appKey !== options.clientId || body.appSecret !== options.clientSecret) {
            return apiError(400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret');
          }
          const value = nextId('fake-dt-token-');
          tokens.set(value, { expired: false });
          return { status: 200, body: { accessToken: value, expireIn: 7200 } };
        }
        case 'batchSend':
          return batchSend(body, token);
        case 'groupSend':
          return groupSend(body, token);
        case 'userGet': {
          const refused = checkOapiToken(token);
          if (refused) return refused;
          const userName = typeof body.userid === 'string' ? users.get(body.userid) : undefined;
          if (userName === undefined) return oapiError(60121, '找不到该用户');
          return {
            status: 200,
            body: {
              errcode: 0,
              errmsg: 'ok',
              result: { userid: body.userid, name: userName },
              request_id: 'r',
            },
          };
        }
        case 'mediaUpload': {
          const refused = checkOapiToken(token);
          if (refused) return refused;
          if (!contentType.includes('multipart/form-data')) return oapiError(43008, '参数需要multipart类型');
          const type = url.searchParams.get('type') ?? '';
          if (!MEDIA_TYPES.has(type)) return oapiError(40005, `不支持的媒体文件类型 ${type}`);
          if (!bytes) return oapiError(40005, '缺少媒体文件 media');
          if (bytes.length === 0 || bytes.length > (MEDIA_MAX_BYTES[type] ?? 0)) {
            return oapiError(40004, '媒体文件大小不合法');
          }
          if (type === 'image' && !isPicture(bytes)) return oapiError(40005, '不支持的图片格式');
          const mediaId = nextId('@lAz');
          media.set(mediaId, { type, fileName, bytes });
          return {
            status: 200,
            body: { errcode: 0, errmsg: 'ok', type, media_id: mediaId, created_at: now() },
          };
        }
        case 'sessionReply':
          return sessionReply(body, session);
        case 'cardDeliver':
          return cardDeliver(body, token);
        case 'cardUpdate':
          return cardUpdate(body, token);
        default:
          return apiError(404, 'InvalidAction.NotFound', 'Specified api is not found');
      }
    })();

    record({
      path,
      name,
      body,
      at: Date.now(),
      ...(token !== undefined ? { token } : {}),
      ...(session !== undefined ? { session } : {}),
      ...(bytes !== undefined ? { bytes } : {}),
      ...(fileName !== undefined ? { fileName } : {}),
      ...(partType !== undefined ? { partType } : {}),
      status: answer.status,
      response: answer.body,
    });
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: { code: 'FakeCrashed', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
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
            reject(new Error(`fake DingTalk: fewer than ${count} calls matching ${what}; recorded: ${seen}`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    sent: () => [...sent],
    cards: () => [...cards.values()],
    session(id, { expiresAt }) {
      sessions.set(id, expiresAt);
      return `${origin}/robot/sendBySession?session=${encodeURIComponent(id)}`;
    },
    addUser(userId, name) {
      users.set(userId, name);
    },
    addGroup(openConversationId) {
      groups.add(openConversationId);
    },
    throttle(userIds, times) {
      for (const id of userIds) throttled.set(id, times);
    },
    failNext(path, answer) {
      failures.set(path, [...(failures.get(path) ?? []), answer]);
    },
    expireTokens() {
      for (const state of tokens.values()) state.expired = true;
    },
    media: (mediaId) => media.get(mediaId),
    async close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake DingTalk closed'));
      }
      waiters.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An image upload must be JPG, PNG, GIF or BMP (upload-media-files: "支持JPG、PNG、BMP、GIF格式" [M]). */
function isPicture(bytes: Buffer): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return (
    starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ||
    starts(0xff, 0xd8, 0xff) ||
    starts(0x47, 0x49, 0x46, 0x38) ||
    starts(0x42, 0x4d)
  );
}
