/**
 * The floor of the WeCom logging benchmark: a bare node:http server doing only what WeCom's
 * callback URL requires of any receiver, the same way the bot does it: read the POST body,
 * parse the `<xml><Encrypt/></xml>` envelope (parseEnvelope), check the signature over it and
 * decrypt it with the CorpID check (openEnvelope), and answer an empty 200.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../src/http.ts';
import type { WeComSecrets } from '../../src/wecom/crypto.ts';
import { openEnvelope } from '../../src/wecom/crypto.ts';
import { decodeQuery, EVENTS_PATH } from '../../src/wecom/http-receiver.ts';
import { parseEnvelope } from '../../src/wecom/inbound.ts';

export async function startWeComAckOnly(
  secrets: WeComSecrets,
): Promise<{ port: number; stop(): Promise<void> }> {
  const answer = (res: import('node:http').ServerResponse, status: number) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 0 });
    res.end();
  };
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    const at = url.indexOf('?');
    const query = decodeQuery(at === -1 ? '' : url.slice(at + 1));
    const signature = query?.get('msg_signature');
    const timestamp = query?.get('timestamp');
    const nonce = query?.get('nonce');
    if (req.method !== 'POST' || (at === -1 ? url : url.slice(0, at)) !== EVENTS_PATH) {
      req.resume();
      return answer(res, 404);
    }
    if (signature === undefined || timestamp === undefined || nonce === undefined) {
      req.resume();
      return answer(res, 400);
    }
    void readBody(req, 1024 * 1024).then((raw) => {
      const envelope = raw === undefined ? undefined : parseEnvelope(raw);
      if (envelope === undefined) return answer(res, 400);
      const opened = openEnvelope(secrets, { signature, timestamp, nonce, encrypt: envelope.encrypt });
      answer(res, opened.ok ? 200 : 401);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
