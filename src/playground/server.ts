import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH } from '../dingtalk/http-receiver.ts';
import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import { WALL_PATH } from '../usecases/manage-wall.ts';
import { EVENTS_PATH as WECOM_EVENTS_PATH } from '../wecom/http-receiver.ts';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../xlsx/write-xlsx.ts';
import type { Conversations } from './conversations.ts';
import { DINGTALK_API_PATH, type DingTalkOpenApi, type DingTalkRequest } from './dingtalk/open-api.ts';
import type { TypedMessages } from './dingtalk/typed-messages.ts';
import type { EventStream } from './events.ts';
import type { PageAnswer, PageApi } from './page-api.ts';
import { answerResponse, parseResponsePath } from './response-urls.ts';
import { FILES_PATH, readWebApiArgs, UPLOAD_PATH, type WebApi } from './web-api.ts';
import type { WeComCallbacks } from './wecom/callbacks.ts';
import { WECOM_API_PATH, type WeComRequest, type WeComStandIn } from './wecom/wecom-api.ts';

/**
 * The playground's one HTTP server, on the port the page is opened at. It plays Slack for both
 * sides: the page (static files, its endpoints, the event stream) and the bot (the Web API under
 * /api/ and response URLs). `/slack/events` is passed through byte for byte to the bot's own Bolt
 * receiver, which listens on a port of its own as it would in production: the page signs each
 * request as Slack does, so Bolt checks it as it checks Slack's. The 钉钉 side is served the
 * same way: its page endpoints under /playground/dingtalk/, DingTalk's OpenAPI and session
 * webhooks under /dingtalk-api/, and `/dingtalk/events` passed through to the DingTalk robot's
 * own HTTP receiver, which checks the `timestamp`/`sign` headers the page made. The 企业微信 side
 * likewise: page endpoints under /playground/wecom/, WeCom's API and group robots under
 * /wecom-api/, and `/wecom/events` (query and XML body as sealed) passed through to the WeCom
 * app's own receiver, which checks msg_signature and decrypts.
 */
const PAGE_DIR = new URL('./page/', import.meta.url);
const MAX_BODY_BYTES = 1_000_000;
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};
// The page runs only its own files; nothing inline, nothing from elsewhere.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'";
/** Headers of a Slack request that Bolt reads; everything else stays behind. */
const FORWARDED = ['content-type', 'x-slack-signature', 'x-slack-request-timestamp', 'x-slack-retry-num'];
/** Headers of a DingTalk callback that the robot's HTTP receiver reads. */
const ROBOT_FORWARDED = ['content-type', 'timestamp', 'sign'];
/** A WeCom callback is signed in its query; only the body's type goes with it. */
const WECOM_FORWARDED = ['content-type'];

export type PlaygroundServerDeps = {
  webApi: WebApi;
  pageApi: PageApi;
  events: EventStream;
  conversations: Conversations;
  /** The 钉钉 side: the same page endpoints under /playground/dingtalk/, the OpenAPI stand-in. */
  dingtalk: {
    pageApi: PageApi;
    events: EventStream;
    conversations: Conversations;
    openApi: DingTalkOpenApi;
    typed: TypedMessages;
  };
  /** The 企业微信 side: page endpoints under /playground/wecom/, the stand-in WeCom API. */
  wecom: {
    pageApi: PageApi;
    events: EventStream;
    conversations: Conversations;
    standIn: WeComStandIn;
    callbacks: WeComCallbacks;
  };
  logger: Logger;
};

/** The 钉钉 and 企业微信 sides' page endpoints: the Slack side's paths below these prefixes. */
const DINGTALK_PAGE = '/playground/dingtalk';
const WECOM_PAGE = '/playground/wecom';

class BodyTooLarge extends Error {}

export async function createPlaygroundServer(deps: PlaygroundServerDeps) {
  const pageFiles = new Set(await readdir(PAGE_DIR));
  let boltEventsUrl: string | undefined;
  let robotEventsUrl: string | undefined;
  let wecomEventsUrl: string | undefined;
  let wallOrigins: readonly string[] = [];
  const slackSide = { pageApi: deps.pageApi, events: deps.events, conversations: deps.conversations };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://playground.invalid');
    const method = req.method ?? 'GET';
    const dingtalk = url.pathname.startsWith(`${DINGTALK_PAGE}/`);
    const wecom = url.pathname.startsWith(`${WECOM_PAGE}/`);
    const prefix = dingtalk ? DINGTALK_PAGE : wecom ? WECOM_PAGE : undefined;
    // Below its prefix, another side's page endpoints have the Slack side's paths.
    const path = prefix === undefined ? url.pathname : `/playground${url.pathname.slice(prefix.length)}`;
    const side = dingtalk ? deps.dingtalk : wecom ? deps.wecom : slackSide;

    if (path.startsWith(`${WECOM_API_PATH}/`) && (method === 'GET' || method === 'POST')) {
      const raw = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
      return sendJson(res, 200, await deps.wecom.standIn.handle(await weComRequest(req, url, raw)));
    }
    if (path === WECOM_EVENTS_PATH && (method === 'GET' || method === 'POST')) {
      const raw = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
      return forward(res, wecomEventsUrl, req, raw, WECOM_FORWARDED, url.search);
    }
    if (method === 'GET') {
      if (prefix === undefined && (path === WALL_PATH || path.startsWith(`${WALL_PATH}/`)))
        return forwardWall(req, res, `${path}${url.search}`);
      if (path === '/') return servePage(res, 'index.html');
      if (path.startsWith('/page/')) return servePage(res, path.slice('/page/'.length));
      if (path === '/playground/session') return sendAnswer(res, side.pageApi.session());
      if (path === '/playground/directory')
        return sendAnswer(res, await side.pageApi.directory(url.searchParams.get('locale')));
      if (path === '/playground/events') return side.events.handle(req, res);
      if (path.startsWith(FILES_PATH))
        // The page encodes the id (DingTalk's media ids start with '@').
        return serveFile(res, side.conversations, decodeURIComponent(path.slice(FILES_PATH.length)));
      return sendJson(res, 404, { error: 'not_found' });
    }
    if (method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });

    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    if (path === '/slack/events') return forward(res, boltEventsUrl, req, raw, FORWARDED);
    if (path === EVENTS_PATH) return forward(res, robotEventsUrl, req, raw, ROBOT_FORWARDED);
    if (path.startsWith(`${DINGTALK_API_PATH}/`)) {
      const answer = await deps.dingtalk.openApi.handle(await dingTalkRequest(req, url, raw, contentType));
      return sendJson(res, answer.status, answer.body);
    }
    if (path.startsWith('/api/')) {
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
      const args = readWebApiArgs(raw.toString('utf8'), contentType);
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      return sendJson(res, 200, await deps.webApi.call(path.slice('/api/'.length), args, token, origin));
    }
    if (prefix === undefined && path.startsWith(UPLOAD_PATH)) {
      return receiveUpload(res, path.slice(UPLOAD_PATH.length), raw, contentType);
    }
    const target = prefix === undefined ? parseResponsePath(path) : undefined;
    if (target !== undefined) {
      const answer = answerResponse(deps.conversations, target, parseJson(raw));
      return sendJson(res, answer.status, answer.body);
    }
    // The page's endpoints take JSON only: a form posted by another site cannot reach them.
    if (!contentType.startsWith('application/json')) return sendJson(res, 415, { error: 'json_only' });
    const body = parseJson(raw);
    switch (path) {
      case '/playground/locale':
        return sendAnswer(res, await side.pageApi.setLocale(body));
      case '/playground/people':
        return sendAnswer(res, side.pageApi.addPerson(body));
      case '/playground/channels':
        return sendAnswer(res, side.pageApi.addChannel(body));
      case '/playground/views/closed':
        return sendAnswer(res, side.pageApi.closeView(body));
      case '/playground/jobs':
        return sendAnswer(res, await side.pageApi.runJob(body));
      case '/playground/messages':
        if (wecom) return sendAnswer(res, await deps.wecom.callbacks.send(body));
        if (!dingtalk) return sendJson(res, 404, { error: 'not_found' });
        return sendAnswer(
          res,
          await deps.dingtalk.typed.send(body, `http://${req.headers.host ?? '127.0.0.1'}`),
        );
      default:
        return sendJson(res, 404, { error: 'not_found' });
    }
  }

  async function servePage(res: ServerResponse, file: string): Promise<void> {
    const extension = file.split('.').pop() ?? '';
    const type = CONTENT_TYPES[extension];
    if (!pageFiles.has(file) || type === undefined) return sendJson(res, 404, { error: 'not_found' });
    // Read on each request, so that editing the page needs only a reload.
    const content = await readFile(new URL(file, PAGE_DIR));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': CSP });
    res.end(content);
  }

  /** files.uploadV2 posts the bytes as the `body` part of a multipart form, as to Slack's upload URL. */
  async function receiveUpload(res: ServerResponse, fileId: string, raw: Buffer, contentType: string) {
    let bytes = raw;
    if (contentType.startsWith('multipart/form-data')) {
      const request = new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } });
      const part = (await request.formData()).get('body');
      bytes = part instanceof Blob ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(part ?? ''));
    }
    if (!deps.webApi.receiveUpload(fileId, bytes))
      return sendJson(res, 404, { ok: false, error: 'file_not_found' });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  function serveFile(res: ServerResponse, conversations: Conversations, fileId: string): void {
    const file = conversations.file(fileId);
    if (file === undefined) {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    // A poster is shown in the conversation (an <img>); an export is downloaded.
    const image = file.name.endsWith('.png');
    const type = file.name.endsWith('.csv')
      ? CSV_CONTENT_TYPE
      : file.name.endsWith('.xlsx')
        ? XLSX_CONTENT_TYPE
        : image
          ? 'image/png'
          : 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-disposition': `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
  }

  /**
   * A request passed on to a bot's own receiver as it came (the bots check Slack's, DingTalk's
   * and WeCom's signatures themselves): the headers its receiver reads, the query when the
   * signature is in it, the body byte for byte.
   */
  async function forward(
    res: ServerResponse,
    target: string | undefined,
    req: IncomingMessage,
    raw: Buffer,
    names: readonly string[],
    search = '',
  ): Promise<void> {
    if (target === undefined) return sendJson(res, 503, { error: 'bot_starting' });
    const headers: Record<string, string> = {};
    for (const name of names) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const method = req.method === 'GET' ? 'GET' : 'POST';
    const answer = await fetch(`${target}${search}`, {
      method,
      headers,
      ...(method === 'POST' ? { body: new Uint8Array(raw) } : {}),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  /**
   * A wallboard request, to the side whose bot knows the token: each bot serves its own walls
   * (as in production), so the first answer that is not 404 is passed on, streamed as it comes
   * (the event stream stays open), and a token no side knows gets the last side's 404 page.
   */
  async function forwardWall(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    let answer: Response | undefined;
    for (const origin of wallOrigins) {
      answer = await fetch(`${origin}${pathAndQuery}`, {
        signal: abort.signal,
        headers: { accept: req.headers.accept ?? '*/*' },
      });
      if (answer.status !== 404) break;
      if (origin !== wallOrigins.at(-1)) await answer.body?.cancel();
    }
    if (answer === undefined) return sendJson(res, 503, { error: 'bot_starting' });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection'].includes(name)) headers[name] = value;
    });
    res.writeHead(answer.status, headers);
    if (answer.body === null) {
      res.end();
      return;
    }
    try {
      for await (const chunk of answer.body) res.write(chunk);
    } catch (error) {
      // The screen went away (abort) or the bot ended the stream: either way this answer is over.
      if (!abort.signal.aborted) throw error;
    }
    res.end();
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'too_large' });
      deps.logger.event('error', 'playground.request_failed', { path: req.url, ...serializeError(error) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.end();
    });
  });

  return {
    /** Listens on `port` (0: any free port) and returns the port. */
    listen(port: number): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        // Every interface, like Bolt's own receiver: localhost resolves to ::1 or 127.0.0.1, and
        // a container's published port arrives on its external interface.
        server.listen(port, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(isAddressInfo(address) ? address.port : port);
        });
      });
    },
    /** From now on, `/slack/events` goes to the bot at this URL. */
    connectBot(eventsUrl: string): void {
      boltEventsUrl = eventsUrl;
    },
    /** From now on, `/dingtalk/events` goes to the DingTalk robot at this URL. */
    connectRobot(eventsUrl: string): void {
      robotEventsUrl = eventsUrl;
    },
    /** From now on, `/wall/…` goes to these bots (Slack, DingTalk, WeCom sides), first to know the token. */
    connectWalls(origins: readonly string[]): void {
      wallOrigins = origins;
    },
    /** From now on, `/wecom/events` goes to the WeCom app at this URL. */
    connectWeCom(eventsUrl: string): void {
      wecomEventsUrl = eventsUrl;
    },
    async close(): Promise<void> {
      deps.events.closeAll();
      deps.dingtalk.events.closeAll();
      deps.wecom.events.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A request to the DingTalk stand-in: the token from its header, a JSON body or a multipart form. */
async function dingTalkRequest(
  req: IncomingMessage,
  url: URL,
  raw: Buffer,
  contentType: string,
): Promise<DingTalkRequest> {
  const header = req.headers['x-acs-dingtalk-access-token'];
  const base = {
    path: url.pathname.slice(DINGTALK_API_PATH.length),
    query: url.searchParams,
    token: typeof header === 'string' ? header : undefined,
  };
  if (!contentType.startsWith('multipart/form-data')) {
    const parsed = parseJson(raw);
    const body =
      typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : undefined;
    return { ...base, body, file: undefined };
  }
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  const media = form.get('media');
  const body: Record<string, unknown> = {};
  for (const [key, value] of form) if (typeof value === 'string') body[key] = value;
  const file =
    media instanceof File ? { name: media.name, bytes: Buffer.from(await media.arrayBuffer()) } : undefined;
  return { ...base, body, file };
}

/** A request to the WeCom stand-in: its query (with the token or robot key), a JSON body or a multipart form. */
async function weComRequest(req: IncomingMessage, url: URL, raw: Buffer): Promise<WeComRequest> {
  const contentType = req.headers['content-type'] ?? '';
  const base = {
    method: req.method ?? 'GET',
    path: url.pathname.slice(WECOM_API_PATH.length),
    query: url.searchParams,
  };
  if (!contentType.startsWith('multipart/form-data')) {
    const parsed = raw.length === 0 ? {} : parseJson(raw);
    const body =
      typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : undefined;
    return { ...base, body, file: undefined };
  }
  const media = (
    await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData()
  ).get('media');
  const file =
    media instanceof File ? { name: media.name, bytes: Buffer.from(await media.arrayBuffer()) } : undefined;
  return { ...base, body: {}, file };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        // Answer 413 at once and let the rest of the body drain unread.
        req.resume();
        reject(new BodyTooLarge());
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function sendAnswer(res: ServerResponse, answer: PageAnswer): void {
  sendJson(res, answer.status, answer.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function isAddressInfo(value: unknown): value is AddressInfo {
  return typeof value === 'object' && value !== null && 'port' in value;
}
