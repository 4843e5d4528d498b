import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http.ts';
import type { Logger } from '../logger.ts';

/**
 * DingTalk's HTTP mode: robot messages POSTed to `/dingtalk/events`. Each request carries the
 * headers `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(appSecret, timestamp + "\n" +
 * appSecret)) (open.dingtalk.com "接收消息" HTTP mode; messenger-contracts.md §6b). A bad sign
 * or a timestamp more than an hour off is answered 401 before anything runs. The sign covers
 * only the timestamp, so a body replayed within the hour is caught later by the msgId dedupe.
 * The answer goes back at once (`{"msgtype":"empty"}`: no synchronous reply); the work runs after.
 */
export const EVENTS_PATH = '/dingtalk/events';
const MAX_SKEW_MS = 60 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;

export type HttpReceiverOptions = {
  appSecret: string;
  logger: Logger;
  now: () => number;
  onMessage(body: unknown): void;
};

export function signFor(appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64');
}

export function isSignedByDingTalk(
  appSecret: string,
  headers: { timestamp: string | undefined; sign: string | undefined },
  nowMs: number,
): boolean {
  const { timestamp, sign } = headers;
  if (timestamp === undefined || sign === undefined || !/^\d{10,16}$/.test(timestamp)) return false;
  if (Math.abs(nowMs - Number(timestamp)) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(signFor(appSecret, timestamp));
  const given = Buffer.from(sign);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function createDingTalkHttpReceiver(options: HttpReceiverOptions) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== EVENTS_PATH) return answer(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return answer(res, 405, { error: 'method_not_allowed' });
    const headers = { timestamp: header(req, 'timestamp'), sign: header(req, 'sign') };
    if (!isSignedByDingTalk(options.appSecret, headers, options.now())) {
      req.resume();
      options.logger.event('warn', 'dingtalk.http.bad_signature', { hasSign: headers.sign !== undefined });
      return answer(res, 401, { error: 'invalid_signature' });
    }
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return answer(res, 413, { error: 'too_large' });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      options.logger.event('warn', 'dingtalk.http.bad_json', { bytes: raw.length });
      return answer(res, 400, { error: 'invalid_json' });
    }
    answer(res, 200, { msgtype: 'empty' });
    options.onMessage(body);
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
