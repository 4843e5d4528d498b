/**
 * A fake Slack Web API on node:http, for tests that run the real Bolt App.
 *
 * Point the app at it with `clientOptions: { slackApiUrl: fake.url }`. WebClient appends a '/' when missing
 * and then concatenates the method name, so every call arrives as `POST /api/<method>`.
 *
 * What arrives (checked against @slack/web-api 8 WebClient.serializeBody):
 * - ordinary calls are `application/x-www-form-urlencoded`; every non-scalar argument (blocks, attachments,
 *   view, files, metadata...) is a JSON string inside the form, so we JSON-parse the fields listed in JSON_FIELDS;
 *   numbers and booleans arrive as strings ('true', '42');
 * - the token is not in the body but in `Authorization: Bearer ...` (recorded as `call.token`);
 * - files.uploadV2 = files.getUploadURLExternal, then a multipart/form-data POST of the bytes (field `body`)
 *   to the returned upload_url, then files.completeUploadExternal (with `files` as a JSON string); an upload
 *   without filename or length, or completed before its bytes arrived, is refused (see `fileRefusal`);
 * - Bolt's `respond()` POSTs JSON (`Content-Type: application/json`) to the response_url with plain fetch.
 *
 * A call is recorded (and waiters are woken) when the request arrives, before the answer goes back, so after
 * `waitFor` the app has not necessarily processed the answer yet: wait for the *next* observable effect instead.
 *
 * Block Kit is checked as Slack checks it (rules and sources in block-kit-rules.ts), and refused the way Slack
 * refuses it, so a test fails when the bot sends something Slack would not show:
 * - chat.postMessage / postEphemeral / update / scheduleMessage: HTTP 200
 *   `{ ok: false, error: 'invalid_blocks', errors, response_metadata: { messages } }`;
 * - views.open / update / push / publish: HTTP 200 `{ ok: false, error: 'invalid_arguments', response_metadata }`;
 * - a response_url: HTTP 400 with the bare text `invalid_blocks`, as Slack's webhooks answer
 *   (slackapi/java-slack-sdk#1017, sourcegraph/sourcegraph#49979), which makes Bolt's respond() throw.
 * A refused call is recorded like any other, with its status, response and `blockErrors`; `waitFor` rejects when
 * the call it matches was refused, so a test that waits for a reply fails with Slack's reasons.
 * A message `text` over 40,000 characters is not refused but truncated with Slack's `message_truncated` warning.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkBlocks,
  checkView,
  MESSAGE_TEXT_LIMIT,
  messageTextWarning,
  withoutSeverity,
} from './block-kit-rules.ts';

export interface SlackApiCall {
  /** Web API method ('chat.postMessage'), or 'response_url' / 'file_upload' for the non-API endpoints. */
  method: string;
  body: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /** Bearer token from the Authorization header, if any. */
  token?: string;
  /** For 'response_url' calls: the id given to `fake.responseUrl(id)`. */
  responseUrlId?: string;
  /** For 'file_upload' calls: the uploaded bytes. */
  bytes?: Buffer;
  /** What the fake answered, to make failures easy to debug. */
  status: number;
  response: unknown;
  /** Why the fake refused the call's Block Kit (`[ERROR] ... [json-pointer:...]`), when it did. */
  blockErrors?: string[];
}

export interface FakeUpload {
  fileId: string;
  filename: string;
  /** `length` as declared in files.getUploadURLExternal. */
  declaredLength: number;
  bytes?: Buffer;
  completed: boolean;
}

export interface FakeSlackApiOptions {
  /** Pre-queued failures, same as calling `failNext(method, error)` for each entry, in order. */
  failures?: Record<string, string | string[]>;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** Locale of users without `setUserLocale`. */
  defaultLocale?: string;
}

export type CallMatcher = string | ((call: SlackApiCall) => boolean);

export interface WaitForOptions {
  timeoutMs?: number;
  /** Ignore calls before this index (take `fake.calls.length` as a mark before acting). */
  fromIndex?: number;
}

export interface FakeSlackApi {
  /** Base URL ending with '/api/', for `slackApiUrl`. */
  url: string;
  /** Base for response URLs: `responseUrlBase + id === responseUrl(id)`. */
  responseUrlBase: string;
  calls: SlackApiCall[];
  uploads: Map<string, FakeUpload>;
  callsTo(method: string): SlackApiCall[];
  /** Resolves with the first matching call; rejects if that call was refused for its Block Kit (`blockErrors`). */
  waitFor(matcher: CallMatcher, options?: WaitForOptions): Promise<SlackApiCall>;
  responseUrl(id: string): string;
  /** The user's Slack locale; users.list lists every user given a locale or fields. */
  setUserLocale(userId: string, locale: string): void;
  /** Merge fields into the user object users.info returns (tz, real_name, is_admin...). */
  setUser(userId: string, fields: Record<string, unknown>): void;
  /** Next `times` calls of `method` answer `{ ok: false, error }` (HTTP 404 for 'response_url'). */
  failNext(method: string, error: string, times?: number): void;
  /** Next call of `method` answers HTTP 429 with Retry-After (WebClient then sleeps and retries). */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  reset(): void;
  close(): Promise<void>;
}

/** Form fields that WebClient JSON-encodes because their values are objects or arrays. */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'files',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'chunks',
]);

/** Methods that post a message, whose `blocks` are checked as a message's. */
const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
]);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

/** What Slack says of a body's Block Kit: errors (the call is refused) or a warning (it goes through). */
function blockKitVerdict(
  method: string,
  body: Record<string, unknown>,
): { errors: string[]; refusal?: Record<string, unknown>; warning?: string } {
  if (VIEW_METHODS.has(method)) {
    const errors = checkView(body.view);
    return errors.length === 0
      ? { errors }
      : { errors, refusal: { error: 'invalid_arguments', response_metadata: { messages: errors } } };
  }
  if (!MESSAGE_METHODS.has(method) && method !== 'response_url') return { errors: [] };
  // A `blocks` field that is not JSON at all arrives here as the raw string.
  if (typeof body.blocks === 'string') {
    return { errors: ['[ERROR] blocks must be a JSON array'], refusal: { error: 'invalid_blocks_format' } };
  }
  const errors = body.blocks === undefined ? [] : checkBlocks(body.blocks, 'message');
  if (errors.length > 0) {
    return {
      errors,
      refusal: {
        error: 'invalid_blocks',
        errors: errors.map(withoutSeverity),
        response_metadata: { messages: errors },
      },
    };
  }
  const warning = messageTextWarning(body.text);
  return warning === undefined ? { errors } : { errors, warning };
}

interface Waiter {
  match: (call: SlackApiCall) => boolean;
  resolve: (call: SlackApiCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const teamId = options.teamId ?? 'T1';
  const botUserId = options.botUserId ?? 'UBOT';
  const botId = options.botId ?? 'BBOT';
  const defaultLocale = options.defaultLocale ?? 'en-US';

  const calls: SlackApiCall[] = [];
  const uploads = new Map<string, FakeUpload>();
  const users = new Map<string, Record<string, unknown>>();
  const failures = new Map<string, string[]>();
  const rateLimits = new Map<string, number[]>();
  const waiters = new Set<Waiter>();
  let seq = 0;
  let tsSeq = 0;

  // Deterministic, strictly increasing message timestamps: 1700000000.000100, 1700000000.000200, ...
  const nextTs = () => {
    tsSeq += 1;
    const micros = tsSeq * 100;
    return `${1_700_000_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  const nextId = (prefix: string) => {
    seq += 1;
    return `${prefix}${String(seq).padStart(8, '0')}`;
  };

  const failNext = (method: string, error: string, times = 1) => {
    const queue = failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(error);
    failures.set(method, queue);
  };
  for (const [method, errors] of Object.entries(options.failures ?? {})) {
    for (const error of Array.isArray(errors) ? errors : [errors]) failNext(method, error);
  }

  const record = (call: SlackApiCall) => {
    calls.push(call);
    for (const waiter of waiters) {
      let matched = false;
      try {
        matched = waiter.match(call);
      } catch {
        // A predicate that trips over an unexpected body shape simply does not match.
      }
      if (matched) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        if (call.blockErrors) waiter.reject(refusedError(call));
        else waiter.resolve(call);
      }
    }
  };

  const userInfo = (userId: string, includeLocale: boolean) => {
    const extra = users.get(userId) ?? {};
    const { locale = defaultLocale, ...fields } = extra;
    // Like Slack: `locale` is only present when the caller asks with include_locale=true.
    return {
      id: userId,
      team_id: teamId,
      name: userId.toLowerCase(),
      real_name: `User ${userId}`,
      tz: 'Asia/Shanghai',
      tz_offset: 28_800,
      is_bot: false,
      deleted: false,
      profile: { display_name: userId.toLowerCase(), real_name: `User ${userId}` },
      ...fields,
      ...(includeLocale ? { locale } : {}),
    };
  };

  const message = (body: Record<string, unknown>, ts: string) => ({
    type: 'message',
    user: botUserId,
    bot_id: botId,
    // Slack posts the first 40,000 characters of a longer text (see messageTextWarning).
    text: typeof body.text === 'string' ? body.text.slice(0, MESSAGE_TEXT_LIMIT) : (body.text ?? ''),
    ...(body.blocks !== undefined ? { blocks: body.blocks } : {}),
    ...(body.thread_ts !== undefined ? { thread_ts: body.thread_ts } : {}),
    ts,
  });

  const view = (body: Record<string, unknown>, id: string) => ({
    ...(typeof body.view === 'object' && body.view !== null ? body.view : {}),
    id,
    team_id: teamId,
    app_id: 'A1',
    bot_id: botId,
    hash: nextId('hash.'),
  });

  /**
   * The upload flow refused as Slack refuses it: getUploadURLExternal needs a filename and the
   * byte `length` (docs.slack.dev/reference/methods/files.getUploadURLExternal: both required;
   * `alt_txt` up to 1000 characters) -> `invalid_arguments`; completeUploadExternal naming a file
   * this fake never issued, or whose bytes never arrived or differ from the declared length ->
   * `file_not_found` [L: the name of Slack's error for the latter was not found].
   */
  const fileRefusal = (method: string, body: Record<string, unknown>): string | undefined => {
    if (method === 'files.getUploadURLExternal') {
      const length = Number(body.length);
      if (typeof body.filename !== 'string' || body.filename === '') return 'invalid_arguments';
      if (!Number.isInteger(length) || length <= 0) return 'invalid_arguments';
      // @slack/web-api 7 sends the alt text as `alt_text`; Slack documents `alt_txt`.
      const alt = body.alt_txt ?? body.alt_text;
      if (typeof alt === 'string' && alt.length > 1000) return 'invalid_arguments';
    }
    if (method === 'files.completeUploadExternal') {
      const files = Array.isArray(body.files) ? (body.files as Array<{ id?: string }>) : [];
      if (files.length === 0) return 'invalid_arguments';
      for (const file of files) {
        const upload = file.id === undefined ? undefined : uploads.get(file.id);
        if (upload?.bytes === undefined || upload.bytes.length !== upload.declaredLength)
          return 'file_not_found';
      }
    }
    return undefined;
  };

  /** Plausible successful answers; anything unknown gets a bare `{ ok: true }`. */
  const answer = (method: string, body: Record<string, unknown>, origin: string): Record<string, unknown> => {
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    switch (method) {
      case 'auth.test':
        return {
          url: 'https://fake.slack.com/',
          team: 'Fake Team',
          user: 'zhanbao',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return { channel, ts, message: message(body, ts) };
      }
      case 'chat.postEphemeral':
        return { message_ts: nextTs() };
      case 'chat.update': {
        // Slack keeps the ts of the updated message.
        const ts = typeof body.ts === 'string' ? body.ts : nextTs();
        return { channel, ts, text: message(body, ts).text, message: message(body, ts) };
      }
      case 'chat.delete':
        return { channel, ts: body.ts };
      case 'views.open':
      case 'views.push':
        return { view: view(body, nextId('V')) };
      case 'views.update':
        return { view: view(body, typeof body.view_id === 'string' ? body.view_id : nextId('V')) };
      case 'views.publish':
        return { view: view(body, `VH${String(body.user_id ?? '')}`) };
      case 'conversations.open': {
        const first = String(body.users ?? '').split(',')[0] ?? '';
        return { channel: { id: typeof body.channel === 'string' ? body.channel : `D${first}` } };
      }
      case 'users.info':
        return { user: userInfo(String(body.user ?? ''), body.include_locale === 'true') };
      case 'users.list': {
        // Pages of `limit` users (Slack's default 100), the cursor being the next user's index.
        const ids = [...users.keys()].sort();
        const start = Number(body.cursor || 0);
        const limit = Number(body.limit || 100);
        const next = start + limit < ids.length ? String(start + limit) : '';
        return {
          members: ids.slice(start, start + limit).map((id) => userInfo(id, body.include_locale === 'true')),
          response_metadata: { next_cursor: next },
        };
      }
      case 'files.getUploadURLExternal': {
        const fileId = nextId('F');
        const filename = String(body.filename ?? 'Untitled');
        uploads.set(fileId, { fileId, filename, declaredLength: Number(body.length ?? 0), completed: false });
        return { upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(body.files) ? (body.files as Array<{ id?: string; title?: string }>) : [];
        return {
          files: files.map((file) => {
            const upload = file.id ? uploads.get(file.id) : undefined;
            if (upload) upload.completed = true;
            return { id: file.id, name: upload?.filename, title: file.title ?? upload?.filename };
          }),
        };
      }
      default:
        return {};
    }
  };

  const send = (
    res: ServerResponse,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(payload));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, origin: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = req.headers['content-type'] ?? '';
    const auth = req.headers.authorization;
    const base = {
      at: Date.now(),
      ...(auth?.startsWith('Bearer ') ? { token: auth.slice('Bearer '.length) } : {}),
    };
    const path = new URL(req.url ?? '/', origin).pathname;

    if (req.method !== 'POST') {
      send(res, 405, { ok: false, error: 'method_not_allowed' });
      return;
    }

    if (path.startsWith('/upload/')) {
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType },
      }).formData();
      const part = form.get('body');
      const bytes =
        part instanceof Blob ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(part ?? ''));
      const upload = uploads.get(fileId);
      if (upload) upload.bytes = bytes;
      const text = `OK - ${bytes.length}`;
      record({
        ...base,
        method: 'file_upload',
        body: { file_id: fileId },
        bytes,
        status: 200,
        response: text,
      });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(text);
      return;
    }

    const body = parseBody(raw.toString('utf8'), contentType);

    if (path.startsWith('/response_url/')) {
      const responseUrlId = decodeURIComponent(path.slice('/response_url/'.length));
      const error = failures.get('response_url')?.shift();
      // An expired or used-up response_url is a non-2xx, which makes Bolt's respond() throw.
      if (error) {
        const response = { ok: false, error };
        record({ ...base, method: 'response_url', body, responseUrlId, status: 404, response });
        send(res, 404, response);
        return;
      }
      const verdict = blockKitVerdict('response_url', body);
      if (verdict.refusal) {
        // Webhook-style URLs answer a bare text, without the details chat.postMessage gives.
        const response = String(verdict.refusal.error);
        record({
          ...base,
          method: 'response_url',
          body,
          responseUrlId,
          status: 400,
          response,
          blockErrors: verdict.errors,
        });
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(response);
        return;
      }
      const response = { ok: true };
      record({ ...base, method: 'response_url', body, responseUrlId, status: 200, response });
      send(res, 200, response);
      return;
    }

    if (!path.startsWith('/api/')) {
      send(res, 404, { ok: false, error: 'unknown_path' });
      return;
    }
    const method = path.slice('/api/'.length);

    const retryAfter = rateLimits.get(method)?.shift();
    if (retryAfter !== undefined) {
      const response = { ok: false, error: 'ratelimited' };
      record({ ...base, method, body, status: 429, response });
      send(res, 429, response, { 'retry-after': String(retryAfter) });
      return;
    }
    const error = failures.get(method)?.shift();
    if (error) {
      const response = { ok: false, error };
      record({ ...base, method, body, status: 200, response });
      send(res, 200, response);
      return;
    }
    const fileError = fileRefusal(method, body);
    if (fileError) {
      const response = { ok: false, error: fileError };
      record({ ...base, method, body, status: 200, response });
      send(res, 200, response);
      return;
    }
    const verdict = blockKitVerdict(method, body);
    if (verdict.refusal) {
      const response = { ok: false, ...verdict.refusal };
      record({ ...base, method, body, status: 200, response, blockErrors: verdict.errors });
      send(res, 200, response);
      return;
    }
    const response = {
      ok: true,
      ...answer(method, body, origin),
      ...(verdict.warning
        ? { response_metadata: { messages: [verdict.warning], warnings: ['message_truncated'] } }
        : {}),
    };
    record({ ...base, method, body, status: 200, response });
    send(res, 200, response);
  };

  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    handle(req, res, origin).catch((error: unknown) => {
      send(res, 500, { ok: false, error: `fake_slack_api_crashed: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/api/`,
    responseUrlBase: `${origin}/response_url/`,
    calls,
    uploads,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitFor(matcher, { timeoutMs = 5000, fromIndex = 0 } = {}) {
      const match = typeof matcher === 'string' ? (call: SlackApiCall) => call.method === matcher : matcher;
      const existing = calls.slice(fromIndex).find((call) => {
        try {
          return match(call);
        } catch {
          return false;
        }
      });
      if (existing)
        return existing.blockErrors ? Promise.reject(refusedError(existing)) : Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          match,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const what = typeof matcher === 'string' ? `'${matcher}'` : 'predicate';
            const seen = calls.map((call) => call.method).join(', ') || '(none)';
            reject(
              new Error(`fake Slack API: no call matching ${what} within ${timeoutMs}ms; recorded: ${seen}`),
            );
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    responseUrl: (id) => `${origin}/response_url/${encodeURIComponent(id)}`,
    setUserLocale(userId, locale) {
      users.set(userId, { ...users.get(userId), locale });
    },
    setUser(userId, fields) {
      users.set(userId, { ...users.get(userId), ...fields });
    },
    failNext,
    rateLimitNext(method, retryAfterSeconds) {
      rateLimits.set(method, [...(rateLimits.get(method) ?? []), retryAfterSeconds]);
    },
    reset() {
      // Counters are kept on purpose: a ts or view id never repeats within one fake, even across tests.
      calls.length = 0;
      uploads.clear();
      users.clear();
      failures.clear();
      rateLimits.clear();
    },
    async close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake Slack API closed'));
      }
      waiters.clear();
      // Keep-alive sockets from fetch would otherwise hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What `waitFor` rejects with when the call it waited for was one Slack would refuse for its Block Kit. */
function refusedError(call: SlackApiCall): Error {
  return new Error(
    `fake Slack API: ${call.method} was refused as Slack would refuse it:\n${(call.blockErrors ?? []).join('\n')}`,
  );
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (text === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : { value: parsed };
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    body[key] = JSON_FIELDS.has(key) ? tryJson(value) : value;
  }
  return body;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
