/**
 * A fake DingTalk Stream gateway on node:http + ws, for tests that run the real `dingtalk-stream` DWClient.
 *
 * Wire format (contracts §6a and §9; checked against dingtalk-stream 2.1.5 dist/client.mjs):
 * - `POST /v1.0/gateway/connections/open` with JSON `{clientId, clientSecret, ua, subscriptions}` answers
 *   `{endpoint, ticket}`; wrong credentials get 401 with DingTalk's error body
 *   (`{"requestid","code":"authFailed","message":"鉴权失败"}`, as captured in zfanswer/dify-on-dingtalk#28).
 * - The client then opens a WebSocket to `${endpoint}?ticket=${ticket}`; a ticket is good for one socket.
 * - Server frames: `{specVersion:"1.0", type, headers:{appId, connectionId, contentType, messageId, time, topic},
 *   data:"<JSON string>"}`. Acks (and ping echoes) come back as `{code:200, headers:{messageId,…}, message, data}`.
 *
 * Every wait is woken by the event it waits for (an open request, a socket opening or closing, an ack).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';
export const TOPIC_CARD = '/v1.0/card/instances/callback';
const OPEN_PATH = '/v1.0/gateway/connections/open';
const CONNECT_PATH = '/connect';

export interface FakeDingTalkGatewayOptions {
  clientId: string;
  clientSecret: string;
}

export interface GatewayAck {
  messageId: string;
  /** The whole frame the client sent, parsed. */
  body: Record<string, unknown>;
}

export interface StreamFrame {
  specVersion: '1.0';
  type: 'SYSTEM' | 'EVENT' | 'CALLBACK';
  headers: {
    appId: string;
    connectionId: string;
    contentType: 'application/json';
    messageId: string;
    time: string;
    topic: string;
  };
  data: string;
}

export interface FakeDingTalkGateway {
  /** Full http URL of the open endpoint, for `gatewayUrl`. */
  openUrl: string;
  /** Requests to the open endpoint so far, whatever they were answered. */
  readonly opens: number;
  /** The most open requests ever in flight at once (1 for a client with a single reconnect loop). */
  readonly peakConcurrentOpens: number;
  /** The most sockets ever open at once. */
  readonly peakConnections: number;
  /** Bodies of the open requests, in order. */
  openRequests: Array<Record<string, unknown>>;
  /** Currently open sockets. */
  connections(): number;
  pushRobotMessage(data: object): string;
  pushCardCallback(data: object): string;
  /** Any text as one WebSocket message to the newest socket. */
  pushRaw(text: string): void;
  acks: GatewayAck[];
  waitForAck(messageId: string, timeoutMs?: number): Promise<GatewayAck>;
  /** Resolves when exactly `n` sockets are open. */
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  /** Resolves when at least `n` open requests have been answered. */
  waitForOpens(n: number, timeoutMs?: number): Promise<void>;
  /** Closes every socket from the server side, abruptly (as a network fault would). */
  drop(): void;
  /** While on, the open endpoint answers 503 and socket upgrades are refused. */
  refuse(on: boolean): void;
  /** A SYSTEM frame ('ping', 'disconnect', 'KEEPALIVE'…) to the newest socket; returns its messageId. */
  sendSystem(topic: string, data?: object): string;
  /** Sends an earlier frame again, same messageId, to the newest socket (DingTalk does so for unacked callbacks). */
  redeliver(messageId: string): void;
  close(): Promise<void>;
}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const APP_ID = 'fake-app-0001';

export async function createFakeDingTalkGateway(
  options: FakeDingTalkGatewayOptions,
): Promise<FakeDingTalkGateway> {
  const sockets = new Map<WebSocket, string>(); // socket -> connectionId
  const tickets = new Set<string>();
  const frames = new Map<string, StreamFrame>();
  const acks: GatewayAck[] = [];
  const openRequests: Array<Record<string, unknown>> = [];
  const waiters = new Set<Waiter>();
  let refused = false;
  let opens = 0;
  let inFlightOpens = 0;
  let peakConcurrentOpens = 0;
  let peakConnections = 0;
  let seq = 0;

  const wake = () => {
    for (const waiter of waiters) {
      if (!waiter.ready()) continue;
      clearTimeout(waiter.timer);
      waiters.delete(waiter);
      waiter.resolve();
    }
  };
  const waitUntil = (ready: () => boolean, timeoutMs: number, what: () => string) => {
    if (ready()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        ready,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake DingTalk gateway: ${what()} within ${timeoutMs}ms`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  };

  const nextMessageId = () => {
    seq += 1;
    return `msg-${String(seq).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
  };

  const newest = (): [WebSocket, string] => {
    const last = [...sockets].at(-1);
    if (!last) throw new Error('fake DingTalk gateway: no open socket to push to');
    return last;
  };

  const sendFrame = (frame: StreamFrame) => {
    const [socket, connectionId] = newest();
    socket.send(JSON.stringify({ ...frame, headers: { ...frame.headers, connectionId } }));
  };

  const push = (type: StreamFrame['type'], topic: string, data: object) => {
    const messageId = nextMessageId();
    const frame: StreamFrame = {
      specVersion: '1.0',
      type,
      headers: {
        appId: APP_ID,
        connectionId: '',
        contentType: 'application/json',
        messageId,
        time: String(Date.now()),
        topic,
      },
      data: JSON.stringify(data),
    };
    frames.set(messageId, frame);
    sendFrame(frame);
    return messageId;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const handleOpen = async (req: IncomingMessage, res: ServerResponse, host: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      // An unparsable body is answered like a wrong one.
    }
    openRequests.push(body);
    const requestid = randomUUID().toUpperCase();
    if (refused) {
      send(res, 503, {
        requestid,
        code: 'ServiceUnavailable',
        message: 'service unavailable (fake refusal)',
      });
    } else if (body.clientId !== options.clientId || body.clientSecret !== options.clientSecret) {
      send(res, 401, { requestid, code: 'authFailed', message: '鉴权失败' });
    } else {
      const ticket = randomUUID();
      tickets.add(ticket);
      send(res, 200, { endpoint: `ws://${host}${CONNECT_PATH}`, ticket });
    }
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (req.method !== 'POST' || path !== OPEN_PATH) {
      send(res, 404, { code: 'NotFound', message: `no route ${req.method} ${path}` });
      return;
    }
    opens += 1;
    inFlightOpens += 1;
    peakConcurrentOpens = Math.max(peakConcurrentOpens, inFlightOpens);
    res.once('close', () => {
      inFlightOpens -= 1;
      wake();
    });
    handleOpen(req, res, req.headers.host ?? '127.0.0.1').catch((error: unknown) => {
      send(res, 500, { code: 'FakeCrashed', message: String(error) });
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  const reject = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== CONNECT_PATH) return reject(socket, '404 Not Found');
    if (refused) return reject(socket, '503 Service Unavailable');
    if (!tickets.delete(ticket)) return reject(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connectionId = randomUUID();
      sockets.set(ws, connectionId);
      peakConnections = Math.max(peakConnections, sockets.size);
      ws.on('message', (raw) => {
        let body: unknown;
        try {
          body = JSON.parse(raw.toString());
        } catch {
          return; // A client never sends anything but JSON; ignore it rather than crash the fake.
        }
        if (typeof body !== 'object' || body === null) return;
        const record = body as Record<string, unknown>;
        const headers = record.headers as Record<string, unknown> | undefined;
        if (typeof headers?.messageId === 'string') {
          acks.push({ messageId: headers.messageId, body: record });
          wake();
        }
      });
      ws.on('close', () => {
        sockets.delete(ws);
        wake();
      });
      wake();
    });
  });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    openUrl: `http://127.0.0.1:${port}${OPEN_PATH}`,
    get opens() {
      return opens;
    },
    get peakConcurrentOpens() {
      return peakConcurrentOpens;
    },
    get peakConnections() {
      return peakConnections;
    },
    openRequests,
    connections: () => sockets.size,
    pushRobotMessage: (data) => push('CALLBACK', TOPIC_ROBOT, data),
    pushCardCallback: (data) => push('CALLBACK', TOPIC_CARD, data),
    pushRaw(text) {
      newest()[0].send(text);
    },
    acks,
    async waitForAck(messageId, timeoutMs = 5000) {
      const find = () => acks.find((ack) => ack.messageId === messageId);
      await waitUntil(
        () => find() !== undefined,
        timeoutMs,
        () => `no ack for ${messageId}`,
      );
      const ack = find();
      if (!ack) throw new Error(`fake DingTalk gateway: ack for ${messageId} vanished`);
      return ack;
    },
    waitForConnections: (n, timeoutMs = 5000) =>
      waitUntil(
        () => sockets.size === n,
        timeoutMs,
        () => `not ${n} open sockets (${sockets.size} open)`,
      ),
    waitForOpens: (n, timeoutMs = 5000) =>
      waitUntil(
        () => opens - inFlightOpens >= n,
        timeoutMs,
        () => `not ${n} answered open requests (${opens - inFlightOpens})`,
      ),
    drop() {
      for (const socket of sockets.keys()) socket.terminate();
    },
    refuse(on) {
      refused = on;
    },
    sendSystem: (topic, data = {}) => push('SYSTEM', topic, data),
    redeliver(messageId) {
      const frame = frames.get(messageId);
      if (!frame) throw new Error(`fake DingTalk gateway: never sent ${messageId}`);
      sendFrame(frame);
    },
    async close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake DingTalk gateway closed'));
      }
      waiters.clear();
      for (const socket of sockets.keys()) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
