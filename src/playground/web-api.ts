import { z } from 'zod';
import type { Conversations, SharedFile } from './conversations.ts';
import { dmOf, PLAYGROUND, type Workspace } from './workspace.ts';

/**
 * The stand-in for Slack's Web API: only the methods the bot calls (auth.test, chat.postMessage,
 * chat.postEphemeral, chat.update, views.open, views.update, views.publish, users.info,
 * conversations.open, and files.uploadV2's getUploadURLExternal, upload, completeUploadExternal), answered
 * the way Slack answers them, so the bot's own WebClient talks to it unchanged (`slack.apiUrl`).
 * What the bot sends lands in the conversations; anything else gets Slack's `unknown_method`, so a
 * new call the bot starts making shows up at once instead of silently succeeding.
 */
export type WebApiAnswer = { ok: boolean } & Record<string, unknown>;

/** Where files.uploadV2 posts a file's bytes, and where the page downloads a shared file. */
export const UPLOAD_PATH = '/playground/upload/';
export const FILES_PATH = '/playground/files/';

/** Fields the WebClient JSON-encodes inside its form body because they are objects or arrays. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'files']);

/** The arguments of a Web API call: a form (the WebClient's way) or a JSON body. */
export function readWebApiArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    const parsed = z.record(z.string(), z.unknown()).safeParse(safeJson(raw));
    return parsed.success ? parsed.data : {};
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw))
    args[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  return args;
}

/** The playground's server takes request bodies up to 1 MB, uploads included. */
const MAX_UPLOAD_BYTES = 1_000_000;
/** Uploads asked for and never completed are forgotten beyond this count. */
const KEEP_PENDING_UPLOADS = 50;

const id = z.string().regex(/^[CDGUW][A-Z0-9]+$/, 'not a Slack id');
const ts = z.string().regex(/^\d+\.\d+$/, 'not a message ts');
const block = z.record(z.string(), z.unknown());
const content = { text: z.string().optional(), blocks: z.array(block).max(50).optional() };
const view = z.looseObject({ type: z.enum(['modal', 'home']), blocks: z.array(block).max(100) });

const schemas = {
  'chat.postMessage': z.looseObject({ channel: id, thread_ts: ts.optional(), ...content }),
  'chat.postEphemeral': z.looseObject({ channel: id, user: id, thread_ts: ts.optional(), ...content }),
  'chat.update': z.looseObject({ channel: id, ts, ...content }),
  'views.open': z.looseObject({ trigger_id: z.string().min(1), view }),
  'views.update': z.looseObject({ view_id: z.string().optional(), external_id: z.string().optional(), view }),
  'views.publish': z.looseObject({ user_id: id, view }),
  'users.info': z.looseObject({ user: id, include_locale: z.enum(['true', 'false']).optional() }),
  // One person: the bot only opens its DM with someone (group DMs are not used).
  'conversations.open': z.looseObject({ users: z.string().regex(/^[UW][A-Z0-9]+$/) }),
  'files.getUploadURLExternal': z.looseObject({
    filename: z.string().min(1).max(255),
    length: z.coerce.number().int().min(0).max(MAX_UPLOAD_BYTES),
  }),
  'files.completeUploadExternal': z.looseObject({
    files: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1),
    channel_id: id.optional(),
    initial_comment: z.string().optional(),
    thread_ts: ts.optional(),
  }),
};

/** A message to a user id goes to their DM with the bot, as on Slack. */
const conversationOf = (channel: string) => (/^[UW]/.test(channel) ? dmOf(channel) : channel);

export function createWebApi(deps: { conversations: Conversations; workspace: Workspace }) {
  const { conversations, workspace } = deps;
  /** files.getUploadURLExternal, then the bytes posted to the upload URL, then completeUploadExternal. */
  const uploads = new Map<string, { filename: string; bytes: Buffer | undefined }>();
  let uploadSeq = 0;

  const hasContent = (a: { text?: string | undefined; blocks?: unknown[] | undefined }) =>
    (a.text ?? '') !== '' || (a.blocks?.length ?? 0) > 0;

  /** Slack's answer to arguments it cannot take. */
  const invalid = (error: z.ZodError): WebApiAnswer => ({
    ok: false,
    error: 'invalid_arguments',
    response_metadata: {
      messages: error.issues.map((issue) => `[ERROR] ${issue.path.join('.')}: ${issue.message}`),
    },
  });

  const handlers: Record<string, (args: Record<string, unknown>, origin: string) => Promise<WebApiAnswer>> = {
    'auth.test': async () => ({
      ok: true,
      url: `https://${PLAYGROUND.teamDomain}.slack.com/`,
      team: PLAYGROUND.teamDomain,
      user: PLAYGROUND.bot.name,
      team_id: PLAYGROUND.teamId,
      user_id: PLAYGROUND.bot.userId,
      bot_id: PLAYGROUND.bot.botId,
      is_enterprise_install: false,
    }),

    'chat.postMessage': async (raw) => {
      const parsed = schemas['chat.postMessage'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      if (!hasContent(args)) return { ok: false, error: 'no_text' };
      const message = conversations.post({
        conversation: conversationOf(args.channel),
        user: PLAYGROUND.bot.userId,
        text: args.text ?? '',
        blocks: args.blocks,
        threadTs: args.thread_ts,
        ephemeralTo: undefined,
      });
      return { ok: true, channel: message.conversation, ts: message.ts, message: asSlackMessage(message) };
    },

    'chat.postEphemeral': async (raw) => {
      const parsed = schemas['chat.postEphemeral'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      if (!hasContent(args)) return { ok: false, error: 'no_text' };
      if ((await workspace.nameOf(args.user)) === undefined) return { ok: false, error: 'user_not_found' };
      const message = conversations.post({
        conversation: conversationOf(args.channel),
        user: PLAYGROUND.bot.userId,
        text: args.text ?? '',
        blocks: args.blocks,
        threadTs: args.thread_ts,
        ephemeralTo: args.user,
      });
      return { ok: true, message_ts: message.ts };
    },

    'chat.update': async (raw) => {
      const parsed = schemas['chat.update'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      const channel = conversationOf(args.channel);
      const existing = conversations.message(channel, args.ts);
      if (existing === undefined) return { ok: false, error: 'message_not_found' };
      // Slack keeps what the update leaves out: blocks stay when only text is sent, and the other way round.
      const updated = conversations.update(channel, args.ts, {
        text: args.text ?? existing.text,
        blocks: args.blocks ?? (args.text === undefined ? existing.blocks : undefined),
      });
      if (updated === undefined) return { ok: false, error: 'message_not_found' };
      return { ok: true, channel, ts: updated.ts, text: updated.text, message: asSlackMessage(updated) };
    },

    'views.open': async (raw) => {
      const parsed = schemas['views.open'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      if (parsed.data.view.type !== 'modal') return { ok: false, error: 'invalid_arguments' };
      const stored = conversations.openView(parsed.data.trigger_id, parsed.data.view);
      return { ok: true, view: asSlackView(stored.id, stored.hash, stored.view) };
    },

    'views.update': async (raw) => {
      const parsed = schemas['views.update'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      const target =
        args.view_id === undefined
          ? args.external_id === undefined
            ? undefined
            : conversations.viewByExternalId(args.external_id)?.id
          : args.view_id;
      const stored = target === undefined ? undefined : conversations.updateView(target, args.view);
      if (stored === undefined) return { ok: false, error: 'not_found' };
      return { ok: true, view: asSlackView(stored.id, stored.hash, stored.view) };
    },

    'views.publish': async (raw) => {
      const parsed = schemas['views.publish'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      if ((await workspace.nameOf(args.user_id)) === undefined) return { ok: false, error: 'user_not_found' };
      conversations.publishHome(args.user_id, args.view);
      return { ok: true, view: asSlackView(`VHOME${args.user_id}`, 'home', args.view) };
    },

    'users.info': async (raw) => {
      const parsed = schemas['users.info'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      const name = await workspace.nameOf(args.user);
      if (name === undefined) return { ok: false, error: 'user_not_found' };
      const locale = workspace.localeOf(args.user) === 'en' ? 'en-US' : 'zh-CN';
      return {
        ok: true,
        user: {
          id: args.user,
          team_id: PLAYGROUND.teamId,
          name: args.user.toLowerCase(),
          real_name: name,
          is_bot: args.user === PLAYGROUND.bot.userId,
          deleted: false,
          profile: { display_name: name, real_name: name },
          // Like Slack: the locale only when asked for with include_locale.
          ...(args.include_locale === 'true' ? { locale } : {}),
        },
      };
    },

    'conversations.open': async (raw) => {
      const parsed = schemas['conversations.open'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      if ((await workspace.nameOf(parsed.data.users)) === undefined)
        return { ok: false, error: 'user_not_found' };
      return { ok: true, channel: { id: dmOf(parsed.data.users) } };
    },

    'files.getUploadURLExternal': async (raw, origin) => {
      const parsed = schemas['files.getUploadURLExternal'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      uploadSeq += 1;
      const fileId = `FPLAY${String(uploadSeq).padStart(6, '0')}`;
      uploads.set(fileId, { filename: parsed.data.filename, bytes: undefined });
      for (const key of uploads.keys()) if (uploads.size > KEEP_PENDING_UPLOADS) uploads.delete(key);
      return { ok: true, upload_url: `${origin}${UPLOAD_PATH}${fileId}`, file_id: fileId };
    },

    'files.completeUploadExternal': async (raw) => {
      const parsed = schemas['files.completeUploadExternal'].safeParse(raw);
      if (!parsed.success) return invalid(parsed.error);
      const args = parsed.data;
      const shared: SharedFile[] = [];
      for (const file of args.files) {
        const upload = uploads.get(file.id);
        if (upload?.bytes === undefined) return { ok: false, error: 'file_not_found' };
        uploads.delete(file.id);
        const entry = {
          id: file.id,
          name: upload.filename,
          title: file.title ?? upload.filename,
          size: upload.bytes.length,
        };
        conversations.keepFile({ ...entry, bytes: upload.bytes });
        shared.push(entry);
      }
      if (args.channel_id !== undefined) {
        conversations.post({
          conversation: conversationOf(args.channel_id),
          user: PLAYGROUND.bot.userId,
          text: args.initial_comment ?? '',
          blocks: undefined,
          threadTs: args.thread_ts,
          ephemeralTo: undefined,
          files: shared,
        });
      }
      return { ok: true, files: shared.map((f) => ({ id: f.id, name: f.name, title: f.title })) };
    },
  };

  return {
    /** Answers one call; `token` is the bearer token, `origin` where the caller reached us. */
    async call(
      method: string,
      args: Record<string, unknown>,
      token: string | undefined,
      origin: string,
    ): Promise<WebApiAnswer> {
      if (token === undefined) return { ok: false, error: 'not_authed' };
      if (token !== PLAYGROUND.token) return { ok: false, error: 'invalid_auth' };
      const handler = handlers[method];
      return handler === undefined ? { ok: false, error: 'unknown_method' } : handler(args, origin);
    },

    /** The bytes of an upload, posted to the URL files.getUploadURLExternal gave; false if unknown. */
    receiveUpload(fileId: string, bytes: Buffer): boolean {
      const upload = uploads.get(fileId);
      if (upload === undefined) return false;
      upload.bytes = bytes;
      return true;
    },
  };
}

export type WebApi = ReturnType<typeof createWebApi>;

function asSlackMessage(message: { user: string; text: string; blocks: unknown[] | undefined; ts: string }) {
  return {
    type: 'message',
    user: message.user,
    bot_id: PLAYGROUND.bot.botId,
    text: message.text,
    ts: message.ts,
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
  };
}

function asSlackView(viewId: string, hash: string, view: Record<string, unknown>) {
  return {
    ...view,
    id: viewId,
    hash,
    team_id: PLAYGROUND.teamId,
    app_id: PLAYGROUND.appId,
    bot_id: PLAYGROUND.bot.botId,
    state: { values: {} },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
