import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http.ts';
import type { Logger } from '../logger.ts';
import { openEnvelope, type WeComSecrets } from './crypto.ts';
import { parseEnvelope, parseWeComMessage, type WeComInbound } from './inbound.ts';

/**
 * The self-built app's callback URL, `/wecom/events` (接收消息与事件; document/path/90930 回调配置,
 * 90238 使用接收消息; messenger-contracts.md §7a, §9).
 *
 * - GET is the URL check WeCom makes when the URL is saved: `msg_signature`, `timestamp`,
 *   `nonce`, `echostr`. We URL-decode each parameter, verify the signature over echostr, decrypt
 *   it and answer the plaintext within 1 s, with no quotes, BOM or newline.
 * - POST carries `<xml><ToUserName/><AgentID/><Encrypt/></xml>`, signed over Encrypt. WeCom waits
 *   5 s and treats anything but a 200 as a failure to retry, so the empty 200 (no passive reply)
 *   goes back as soon as the envelope is opened and the work runs after it.
 *
 * A bad signature or another corp's receiveid is answered 401 before anything is parsed or run.
 * The signature does not bind a time window; a replayed body is caught by the delivery-key dedupe.
 * Nothing logged carries the token, the key or a message's text.
 */
export const EVENTS_PATH = '/wecom/events';
const MAX_BODY_BYTES = 1024 * 1024;

export type WeComHttpReceiverOptions = WeComSecrets & {
  logger: Logger;
  onMessage(message: WeComInbound): void;
};

export function createWeComHttpReceiver(options: WeComHttpReceiverOptions) {
  const { logger } = options;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '', rawQuery = ''] = splitUrl(req.url ?? '');
    if (path !== EVENTS_PATH) return answer(res, 404);
    const query = decodeQuery(rawQuery);
    const signature = query?.get('msg_signature');
    const timestamp = query?.get('timestamp');
    const nonce = query?.get('nonce');
    if (signature === undefined || timestamp === undefined || nonce === undefined) {
      req.resume();
      return answer(res, 400);
    }

    if (req.method === 'GET') {
      const echostr = query?.get('echostr');
      if (echostr === undefined) return answer(res, 400);
      const opened = openEnvelope(options, { signature, timestamp, nonce, encrypt: echostr });
      if (!opened.ok) {
        logger.event('warn', 'wecom.http.verify_refused', { reason: opened.reason });
        return answer(res, opened.reason === 'decrypt' ? 400 : 401);
      }
      logger.event('info', 'wecom.http.url_verified', {});
      return answer(res, 200, opened.message);
    }
    if (req.method !== 'POST') {
      req.resume();
      return answer(res, 405);
    }

    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return answer(res, 413);
    const envelope = parseEnvelope(raw);
    if (envelope === undefined) {
      logger.event('warn', 'wecom.http.bad_envelope', { bytes: raw.length });
      return answer(res, 400);
    }
    const opened = openEnvelope(options, { signature, timestamp, nonce, encrypt: envelope.encrypt });
    if (!opened.ok) {
      logger.event('warn', 'wecom.http.refused', { reason: opened.reason, agentId: envelope.agentId });
      return answer(res, opened.reason === 'decrypt' ? 400 : 401);
    }
    answer(res, 200);
    const message = parseWeComMessage(opened.message);
    if (message === undefined) {
      logger.event('warn', 'wecom.http.bad_message', {
        bytes: opened.message.length,
        agentId: envelope.agentId,
      });
      return;
    }
    options.onMessage(message);
  };
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/**
 * The query decoded by hand, first value of each name. URLSearchParams is a form decoder and turns
 * a `+` into a space; echostr is Base64, so a literal `+` must stay a `+` (WeCom sends it as %2B,
 * but a proxy may not). undefined when an escape is malformed.
 */
export function decodeQuery(raw: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  try {
    for (const pair of raw.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      const value = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1));
      if (!params.has(name)) params.set(name, value);
    }
  } catch {
    return undefined;
  }
  return params;
}

/** Plain text only: the URL check wants the bare plaintext, a callback an empty body. */
function answer(res: ServerResponse, status: number, body = ''): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
