import { randomBytes } from 'node:crypto';
import type { Conversations } from '../conversations.ts';
import type { Workspace } from '../workspace.ts';
import { chatOf, DINGTALK_PLAYGROUND } from './org.ts';

/**
 * The stand-in for DingTalk's servers, as the bot's DingTalk client (src/dingtalk/api.ts) calls
 * them: the new OpenAPI (token, robot batchSend and groupMessages/send), the old oapi (user/get,
 * media/upload) and the robot's session webhooks, all under DINGTALK_API_PATH. It answers and
 * refuses as DingTalk does (messenger-contracts.md §6, §9): the new API with HTTP 4xx and
 * `{ code, message, requestid }`, the old one and the webhooks with HTTP 200 and
 * `{ errcode, errmsg }`. What the robot sends lands in the conversations, where the page shows it.
 */
export const DINGTALK_API_PATH = '/dingtalk-api';

export type DingTalkAnswer = { status: number; body: unknown };

/** What one request brought: path below DINGTALK_API_PATH, query, token header, parsed body. */
export type DingTalkRequest = {
  path: string;
  query: URLSearchParams;
  token: string | undefined;
  /** A JSON body, or the string fields of a multipart form. */
  body: Record<string, unknown> | undefined;
  /** The `media` part of a multipart form. */
  file: { name: string; bytes: Buffer } | undefined;
};

/** The msgParam fields each msgKey the bot uses needs; other msgKeys are refused. */
const MSG_PARAM_FIELDS: Record<string, readonly string[]> = {
  sampleText: ['content'],
  sampleMarkdown: ['title', 'text'],
  sampleFile: ['mediaId', 'fileName', 'fileType'],
  sampleImageMsg: ['photoURL'],
};
const WEBHOOK_FIELDS: Record<string, readonly string[]> = { text: ['content'], markdown: ['title', 'text'] };
const BATCH_SEND_MAX_USERS = 20;
const GROUP_MSG_PARAM_MAX_BYTES = 15_000;
const TOKEN_SECONDS = 7200;
/** A session webhook lives about 90 minutes (§9). */
export const SESSION_MS = 90 * 60 * 1000;
const KEEP_SESSIONS = 1000;

type Shown = {
  msgtype: 'text' | 'markdown' | 'file' | 'image';
  title?: string;
  text: string;
  atUserIds?: string[];
};

export function createDingTalkOpenApi(deps: {
  conversations: Conversations;
  workspace: Workspace;
  clientSecret: string;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const tokens = new Map<string, number>();
  const sessions = new Map<string, { conversation: string; expiresAt: number }>();
  const media = new Map<string, { name: string; size: number; type: 'file' | 'image' }>();
  let seq = 0;
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${String(seq).padStart(6, '0')}`;
  };

  const apiError = (status: number, code: string, message: string): DingTalkAnswer => ({
    status,
    body: { code, message, requestid: nextId('PLAYREQ') },
  });
  const oapiError = (errcode: number, errmsg: string): DingTalkAnswer => ({
    status: 200,
    body: { errcode, errmsg, request_id: nextId('playreq') },
  });
  const tokenValid = (token: string | undefined) => token !== undefined && (tokens.get(token) ?? 0) > now();

  async function isGroup(conversationId: string): Promise<boolean> {
    const { channels } = await deps.workspace.directory('zh-CN');
    return channels.some((channel) => channel.id === conversationId);
  }

  function show(conversation: string, shown: Shown): void {
    const { msgtype, title, text, atUserIds } = shown;
    const file = msgtype === 'file' || msgtype === 'image' ? media.get(text) : undefined;
    deps.conversations.post({
      conversation,
      user: DINGTALK_PLAYGROUND.robot.userId,
      text: file === undefined ? text : '',
      blocks: undefined,
      threadTs: undefined,
      ephemeralTo: undefined,
      dingtalk: { msgtype, ...(title === undefined ? {} : { title }), atUserIds: atUserIds ?? [] },
      ...(file === undefined
        ? {}
        : { files: [{ id: text, name: file.name, title: file.name, size: file.size }] }),
    });
  }

  /** msgKey + msgParam of the robot API, checked as DingTalk checks them, or its 400. */
  function robotMessage(body: Record<string, unknown>): Shown | DingTalkAnswer {
    if (body.robotCode !== DINGTALK_PLAYGROUND.clientId)
      return apiError(400, 'InvalidParameter.RobotCode', `robotCode ${String(body.robotCode)} 不存在`);
    const fields = typeof body.msgKey === 'string' ? MSG_PARAM_FIELDS[body.msgKey] : undefined;
    if (fields === undefined)
      return apiError(400, 'InvalidParameter.MsgKey', `msgKey ${String(body.msgKey)} 不支持`);
    if (typeof body.msgParam !== 'string')
      return apiError(400, 'InvalidParameter.MsgParam', 'msgParam 必须是 JSON 字符串');
    const param = objectOf(safeJson(body.msgParam));
    if (param === undefined) return apiError(400, 'InvalidParameter.MsgParam', 'msgParam 不是 JSON 对象');
    const missing = fields.filter((field) => typeof param[field] !== 'string' || param[field] === '');
    if (missing.length > 0)
      return apiError(400, 'InvalidParameter.MsgParam', `${body.msgKey} 缺少 ${missing.join(', ')}`);
    const field = (name: string) => String(param[name]);
    if (body.msgKey === 'sampleText') return { msgtype: 'text', text: field('content') };
    if (body.msgKey === 'sampleMarkdown')
      return { msgtype: 'markdown', title: field('title'), text: field('text') };
    if (body.msgKey === 'sampleImageMsg') {
      // The playground shows uploaded pictures only: photoURL is the media_id of one.
      if (media.get(field('photoURL'))?.type !== 'image')
        return apiError(400, 'InvalidParameter.MediaId', 'photoURL 不是已上传的图片');
      return { msgtype: 'image', text: field('photoURL') };
    }
    if (!media.has(field('mediaId'))) return apiError(400, 'InvalidParameter.MediaId', 'mediaId 不存在');
    return { msgtype: 'file', text: field('mediaId') };
  }

  const routes: Record<string, (request: DingTalkRequest) => Promise<DingTalkAnswer>> = {
    '/v1.0/oauth2/accessToken': async ({ body }) => {
      if (body?.appKey !== DINGTALK_PLAYGROUND.clientId || body.appSecret !== deps.clientSecret)
        return apiError(400, 'invalidClientIdOrSecret', '无效的clientId或者clientSecret');
      const accessToken = `playground-${randomBytes(12).toString('hex')}`;
      tokens.set(accessToken, now() + TOKEN_SECONDS * 1000);
      return { status: 200, body: { accessToken, expireIn: TOKEN_SECONDS } };
    },

    '/v1.0/robot/oToMessages/batchSend': async ({ body, token }) => {
      if (!tokenValid(token)) return apiError(401, 'InvalidAuthentication', '不合法的access_token');
      const userIds = body?.userIds;
      if (!Array.isArray(userIds) || userIds.length === 0 || !userIds.every((id) => typeof id === 'string'))
        return apiError(400, 'InvalidParameter.UserIds', 'userIds 不能为空');
      if (userIds.length > BATCH_SEND_MAX_USERS)
        return apiError(400, 'InvalidParameter.UserIds', `userIds 最多 ${BATCH_SEND_MAX_USERS} 个`);
      const message = robotMessage(body ?? {});
      if ('status' in message) return message;
      const invalid: string[] = [];
      for (const userId of userIds) {
        if ((await deps.workspace.nameOf(userId)) === undefined) invalid.push(userId);
        else show(chatOf(userId), message);
      }
      return {
        status: 200,
        body: { processQueryKey: nextId('pqk'), invalidStaffIdList: invalid, flowControlledStaffIdList: [] },
      };
    },

    '/v1.0/robot/groupMessages/send': async ({ body, token }) => {
      if (!tokenValid(token)) return apiError(401, 'InvalidAuthentication', '不合法的access_token');
      const message = robotMessage(body ?? {});
      if ('status' in message) return message;
      if (Buffer.byteLength(String(body?.msgParam), 'utf8') > GROUP_MSG_PARAM_MAX_BYTES)
        return apiError(400, 'InvalidParameter.MsgParam', `msgParam 超过 ${GROUP_MSG_PARAM_MAX_BYTES} 字节`);
      const cid = body?.openConversationId;
      if (typeof cid !== 'string' || !(await isGroup(cid)))
        return apiError(400, 'InvalidParameter.OpenConversationId', '群不存在或机器人不在群中');
      show(cid, message);
      return { status: 200, body: { processQueryKey: nextId('pqk') } };
    },

    '/robot/sendBySession': async ({ body, query }) => {
      const session = sessions.get(query.get('session') ?? '');
      if (session === undefined || now() >= session.expiresAt) return oapiError(300001, 'session 不存在');
      const msgtype = typeof body?.msgtype === 'string' ? body.msgtype : '';
      const fields = WEBHOOK_FIELDS[msgtype];
      const content = objectOf(body?.[msgtype]);
      if (fields === undefined || content === undefined)
        return oapiError(40035, `不支持的 msgtype ${msgtype}`);
      const missing = fields.filter((field) => typeof content[field] !== 'string' || content[field] === '');
      if (missing.length > 0) return oapiError(40035, `缺少参数 ${missing.join(', ')}`);
      const atUserIds = objectOf(body?.at)?.atUserIds;
      show(session.conversation, {
        msgtype: msgtype === 'markdown' ? 'markdown' : 'text',
        ...(msgtype === 'markdown' ? { title: String(content.title) } : {}),
        text: String(msgtype === 'markdown' ? content.text : content.content),
        atUserIds: Array.isArray(atUserIds) ? atUserIds.filter((id) => typeof id === 'string') : [],
      });
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    },

    '/topapi/v2/user/get': async ({ body, query }) => {
      if (!tokenValid(query.get('access_token') ?? undefined))
        return oapiError(40014, '不合法的access_token');
      const userId = typeof body?.userid === 'string' ? body.userid : '';
      const name = await deps.workspace.nameOf(userId);
      if (name === undefined) return oapiError(60121, '找不到该用户');
      return { status: 200, body: { errcode: 0, errmsg: 'ok', result: { userid: userId, name } } };
    },

    '/media/upload': async ({ file, query }) => {
      if (!tokenValid(query.get('access_token') ?? undefined))
        return oapiError(40014, '不合法的access_token');
      if (file === undefined) return oapiError(43008, '参数需要multipart类型');
      const type = query.get('type');
      if (type !== 'file' && type !== 'image') return oapiError(40005, `不支持的媒体文件类型 ${type}`);
      const mediaId = nextId('@lAzPlay');
      media.set(mediaId, { name: file.name, size: file.bytes.length, type });
      deps.conversations.keepFile({
        id: mediaId,
        name: file.name,
        title: file.name,
        size: file.bytes.length,
        bytes: file.bytes,
      });
      return {
        status: 200,
        body: { errcode: 0, errmsg: 'ok', type, media_id: mediaId, created_at: now() },
      };
    },
  };

  return {
    /** One request to the stand-in; unknown paths get the new API's 404. */
    handle(request: DingTalkRequest): Promise<DingTalkAnswer> {
      const route = routes[request.path];
      return route === undefined
        ? Promise.resolve(apiError(404, 'InvalidAction.NotFound', 'Specified api is not found'))
        : route(request);
    },

    /** A session webhook for one message, valid for SESSION_MS; its replies go to `conversation`. */
    openSession(origin: string, conversation: string): { url: string; expiresAt: number } {
      const id = randomBytes(12).toString('hex');
      const expiresAt = now() + SESSION_MS;
      sessions.set(id, { conversation, expiresAt });
      for (const key of sessions.keys()) if (sessions.size > KEEP_SESSIONS) sessions.delete(key);
      return { url: `${origin}${DINGTALK_API_PATH}/robot/sendBySession?session=${id}`, expiresAt };
    },
  };
}

export type DingTalkOpenApi = ReturnType<typeof createDingTalkOpenApi>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value));
}
