/**
 * The floor of the DingTalk logging benchmark: a bare node:http server doing only what DingTalk's
 * HTTP mode requires of any receiver: check the callback's sign (the same check as the bot's,
 * isSignedByDingTalk), read and parse the body, answer `{"msgtype":"empty"}`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, isSignedByDingTalk } from '../../src/dingtalk/http-receiver.ts';

export async function startDingTalkAckOnly(
  appSecret: string,
): Promise<{ port: number; stop(): Promise<void> }> {
  const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const signed = isSignedByDingTalk(
      appSecret,
      { timestamp: header(req.headers.timestamp), sign: header(req.headers.sign) },
      Date.now(),
    );
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== EVENTS_PATH || !signed) {
      req.resume();
      return answer(signed ? 404 : 401, { error: 'refused' });
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        answer(200, { msgtype: 'empty' });
      } catch {
        answer(400, { error: 'invalid_json' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
