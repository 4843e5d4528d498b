/**
 * DingTalk Stream mode in: one WebSocket to DingTalk's gateway; robot messages and card clicks handed
 * to two callbacks. Built on the official `dingtalk-stream` DWClient, which still parses and dispatches
 * frames, echoes pings, acks EVENT frames and writes callback acks. Its connection lifecycle is
 * replaced, because 2.1.5's has these faults (contracts §9, reproduced there):
 * - `connect()`'s catch and the socket's 'close' handler both schedule a reconnect, so a failed open or
 *   handshake doubles the reconnects every second. Here one loop opens the next socket only after the
 *   previous one has closed, waiting a capped, jittered, doubling delay between attempts.
 * - `onDownStream` parses and dispatches without try/catch, inside ws's 'message' handler: a non-JSON
 *   frame or a throwing listener kills the process. Here it is guarded and logged as
 *   `dingtalk.stream.bad_frame`; the handlers' own errors are caught apart from that.
 * - with `keepAlive` every open adds a heartbeat interval and only the last is ever cleared. The SDK's
 *   keepAlive stays off; each socket gets one heartbeat here, cleared when that socket closes.
 * - a `disconnect` SYSTEM frame only flips two flags (the server closes ~10 s later). Here it closes the
 *   socket at once, after any card ack still owed, and the loop reconnects.
 * - the gateway URL is a constant (`getEndpoint()` is overridden to post to `gatewayUrl`), and the SDK
 *   writes to the console on every open, error and disconnect whatever `debug` says: its `connect()`,
 *   `_connect()` and `disconnect()` are never called here, and `debug: false` silences the rest.
 */
import { DWClient, type DWClientDownStream, EventAck, TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import WebSocket from 'ws';
import { z } from 'zod';
import { type Logger, serializeError } from '../logger.ts';

export interface DingTalkStreamOptions {
  clientId: string;
  clientSecret: string;
  /** Full URL of the connections/open endpoint (https://api.dingtalk.com/v1.0/gateway/connections/open). */
  gatewayUrl: string;
  logger: Logger;
  /**
   * A robot message (topic /v1.0/im/bot/messages/get): `data` is the frame's raw JSON string. The frame is
   * acked before this runs, so DingTalk never re-pushes it because the handler was slow; a message
   * re-pushed with a messageId already handed over is acked and dropped. Errors are caught and logged.
   * DingTalk can still deliver one message twice under different messageIds: dedupe on `data.msgId`.
   */
  onRobotMessage(data: string, messageId: string): Promise<void>;
  /**
   * A card click (topic /v1.0/card/instances/callback). The result (e.g. `{ cardData }` to update the
   * card) goes into the ack if it comes within `cardAckWithinMs`; otherwise the click is acked empty at
   * that moment, so DingTalk does not re-push it, and a late result is only logged
   * (`dingtalk.stream.card_result_late`): update the card with the OpenAPI instead.
   */
  onCardCallback?(data: string, messageId: string): Promise<Record<string, unknown> | undefined>;
  /** Delay before reconnecting: doubles per failed attempt up to maxMs, with jitter; reset by a stable connection. */
  backoff?: { initialMs: number; maxMs: number };
  /** How long a card click's ack waits for onCardCallback (default 2000 ms; DingTalk waits about 3 s). */
  cardAckWithinMs?: number;
}

export interface DingTalkStream {
  /** Resolves once the first connection is open; rejects with a DingTalkStreamError('auth_failed') on refused credentials. */
  start(): Promise<void>;
  /** Closes the socket and every timer; a pending start() rejects with DingTalkStreamError('stopped'). */
  stop(): Promise<void>;
  isConnected(): boolean;
}

export type DingTalkStreamErrorCode = 'auth_failed' | 'stopped';

export class DingTalkStreamError extends Error {
  readonly code: DingTalkStreamErrorCode;

  constructor(code: DingTalkStreamErrorCode, message: string) {
    super(message);
    this.name = 'DingTalkStreamError';
    this.code = code;
  }
}

const DEFAULT_BACKOFF = { initialMs: 1000, maxMs: 60_000 };
const DEFAULT_CARD_ACK_WITHIN_MS = 2000;
/** A connection that stayed up this long resets the backoff: the gateway is healthy again. */
const STABLE_AFTER_MS = 30_000;
/** ws ping every interval; a socket that answered nothing (no pong, no frame) since the last one is dead. */
const HEARTBEAT_MS = 10_000;
const OPEN_TIMEOUT_MS = 10_000;
/** stop() closes politely, then gives up waiting for the server's close frame. */
const CLOSE_GRACE_MS = 1000;
/** How many handed-over messageIds are remembered to drop re-pushes (re-pushes come within ~60 s). */
const SEEN_LIMIT = 1000;

const openAnswer = z.object({ endpoint: z.string().min(1), ticket: z.string().min(1) });
const errorAnswer = z.object({ code: z.string().optional(), message: z.string().optional() });
const framed = z.object({ headers: z.object({ messageId: z.string().min(1) }) });
const callbackFrame = z.object({
  headers: z.object({ messageId: z.string().min(1), topic: z.string() }),
  data: z.string(),
});

/** The open endpoint said no to the credentials: retrying cannot help. */
class CredentialsRefused extends Error {
  readonly status: number;

  constructor(status: number, detail: string) {
    super(`DingTalk refused the app credentials (HTTP ${status}${detail ? `: ${detail}` : ''})`);
    this.status = status;
  }
}

interface Connection {
  id: number;
  ws: WebSocket;
  openedAt: number;
  /** Resolves once the socket has closed, whoever closed it. */
  closed: Promise<void>;
}

interface ClientHooks {
  gatewayUrl: string;
  logger: Logger;
  signal: AbortSignal;
  onDisconnectRequested(): void;
}

/**
 * The SDK's client with our transport. Two of the SDK's private fields are written, by name, through
 * `Reflect` (TypeScript has no other way to reach them): `dw_url`, the socket URL `getEndpoint()` is
 * meant to set, and `socket`, which its `send()`, ping echo and EVENT ack write to.
 */
class GuardedDWClient extends DWClient {
  readonly #hooks: ClientHooks;

  constructor(clientId: string, clientSecret: string, hooks: ClientHooks) {
    super({ clientId, clientSecret, debug: false, keepAlive: false });
    this.#hooks = hooks;
    this.config.autoReconnect = false;
  }

  /** Same request as the SDK's, to our gatewayUrl, with fetch instead of the SDK's axios. */
  override async getEndpoint(): Promise<this> {
    const { gatewayUrl, signal } = this.#hooks;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: this.config.ua,
        subscriptions: this.config.subscriptions,
      }),
      signal: AbortSignal.any([signal, AbortSignal.timeout(OPEN_TIMEOUT_MS)]),
    });
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      const error = errorAnswer.safeParse(safeJson(text));
      const detail = error.success ? [error.data.code, error.data.message].filter(Boolean).join(' ') : '';
      throw new CredentialsRefused(response.status, detail);
    }
    if (!response.ok) throw new Error(`connections/open answered HTTP ${response.status}`);
    const answer = openAnswer.safeParse(safeJson(text));
    if (!answer.success) throw new Error('connections/open answered without endpoint and ticket');
    const url = new URL(answer.data.endpoint);
    url.searchParams.set('ticket', answer.data.ticket);
    Reflect.set(this, 'dw_url', url.href);
    return this;
  }

  /** Opens one socket to the URL getEndpoint() set; resolves when it is open, rejects if it never opens. */
  openSocket(id: number): Promise<Connection> {
    const url: unknown = Reflect.get(this, 'dw_url');
    if (typeof url !== 'string') return Promise.reject(new Error('no endpoint: call getEndpoint() first'));
    const { signal, logger } = this.#hooks;
    const ws = new WebSocket(url, { handshakeTimeout: OPEN_TIMEOUT_MS });
    const abort = () => ws.terminate();
    signal.addEventListener('abort', abort, { once: true });

    let alive = true;
    let heartbeat: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((resolve) => {
      ws.once('close', (code, reason) => {
        clearInterval(heartbeat);
        signal.removeEventListener('abort', abort);
        if (Reflect.get(this, 'socket') === ws) Reflect.set(this, 'socket', undefined);
        logger.event('info', 'dingtalk.stream.closed', { connection: id, code, reason: reason.toString() });
        resolve();
      });
    });
    ws.on('message', (data) => {
      alive = true;
      this.onDownStream(data.toString());
    });
    ws.on('pong', () => {
      alive = true;
    });

    return new Promise<Connection>((resolve, reject) => {
      let opened = false;
      ws.on('error', (error) => {
        if (!opened) reject(error);
        else
          logger.event('warn', 'dingtalk.stream.socket_error', { connection: id, ...serializeError(error) });
      });
      // 'close' without 'error' before opening: aborted by stop().
      closed.then(() => reject(new Error('socket closed before it opened')));
      ws.once('open', () => {
        opened = true;
        Reflect.set(this, 'socket', ws);
        heartbeat = setInterval(() => {
          if (!alive) {
            logger.event('warn', 'dingtalk.stream.heartbeat_lost', { connection: id });
            ws.terminate();
            return;
          }
          alive = false;
          ws.ping();
        }, HEARTBEAT_MS);
        resolve({ id, ws, openedAt: performance.now(), closed });
      });
    });
  }

  /** The SDK's dispatch, which throws on a non-JSON frame or from a listener, kept from killing the process. */
  override onDownStream(data: string): void {
    try {
      super.onDownStream(data);
    } catch (error) {
      this.#hooks.logger.event('warn', 'dingtalk.stream.bad_frame', {
        length: data.length,
        ...serializeError(error),
      });
    }
  }

  override onSystem(downstream: DWClientDownStream): void {
    super.onSystem(downstream);
    if (downstream.headers.topic === 'disconnect') this.#hooks.onDisconnectRequested();
  }
}

export function createDingTalkStream(options: DingTalkStreamOptions): DingTalkStream {
  const { logger } = options;
  // The SDK would console.error before throwing on these.
  if (!options.clientId || !options.clientSecret) {
    throw new Error('DingTalk Stream needs a clientId and a clientSecret');
  }
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const cardAckWithinMs = options.cardAckWithinMs ?? DEFAULT_CARD_ACK_WITHIN_MS;
  const stopping = new AbortController();
  const seen = new Set<string>();
  /** Card acks not sent yet; a requested disconnect waits for them (they are bounded by cardAckWithinMs). */
  const owedAcks = new Set<Promise<void>>();
  const cardTimers = new Set<NodeJS.Timeout>();
  let current: Connection | undefined;
  let connectionSeq = 0;
  let started: Promise<void> | undefined;
  let loopDone: Promise<void> = Promise.resolve();
  let wakeFromSleep: (() => void) | undefined;

  const client = new GuardedDWClient(options.clientId, options.clientSecret, {
    gatewayUrl: options.gatewayUrl,
    logger,
    signal: stopping.signal,
    onDisconnectRequested() {
      const connection = current;
      if (!connection) return;
      logger.event('info', 'dingtalk.stream.disconnect_requested', { connection: connection.id });
      void Promise.allSettled([...owedAcks]).then(() => connection.ws.close(1000, 'disconnect requested'));
    },
  });

  const remember = (messageId: string) => {
    seen.add(messageId);
    if (seen.size > SEEN_LIMIT) {
      const oldest = seen.values().next();
      if (!oldest.done) seen.delete(oldest.value);
    }
  };

  /** Validates a CALLBACK frame; a frame without a messageId cannot be acked and is only logged. */
  const callbackOf = (frame: DWClientDownStream, topic: string) => {
    const parsed = callbackFrame.safeParse(frame);
    if (parsed.success) return parsed.data;
    logger.event('warn', 'dingtalk.stream.bad_frame', { topic, issues: parsed.error.issues.length });
    // Acked all the same when it can be, or DingTalk would push the same bad frame again.
    const withId = framed.safeParse(frame);
    if (withId.success) ack(withId.data.headers.messageId, {});
    return undefined;
  };

  const ack = (messageId: string, result: unknown) => {
    try {
      client.socketCallBackResponse(messageId, result);
    } catch (error) {
      logger.event('warn', 'dingtalk.stream.ack_failed', { messageId, ...serializeError(error) });
    }
  };

  client.registerAllEventListener((frame) => {
    logger.event('debug', 'dingtalk.stream.event_ignored', { topic: frame.headers?.topic });
    return { status: EventAck.SUCCESS };
  });

  client.registerCallbackListener(TOPIC_ROBOT, (frame) => {
    const callback = callbackOf(frame, TOPIC_ROBOT);
    if (!callback) return;
    const { messageId } = callback.headers;
    // Ack first: DingTalk re-pushes a callback it has not seen acked, whatever the handler does.
    ack(messageId, 'OK');
    if (seen.has(messageId)) {
      logger.event('info', 'dingtalk.stream.duplicate', { messageId, topic: TOPIC_ROBOT });
      return;
    }
    remember(messageId);
    handOver(() => options.onRobotMessage(callback.data, messageId)).catch((error: unknown) => {
      logger.event('error', 'dingtalk.stream.handler_failed', {
        messageId,
        topic: TOPIC_ROBOT,
        ...serializeError(error),
      });
    });
  });

  const { onCardCallback } = options;
  if (onCardCallback) {
    client.registerCallbackListener(TOPIC_CARD, (frame) => {
      const callback = callbackOf(frame, TOPIC_CARD);
      if (!callback) return;
      const { messageId } = callback.headers;
      if (seen.has(messageId)) {
        ack(messageId, {});
        logger.event('info', 'dingtalk.stream.duplicate', { messageId, topic: TOPIC_CARD });
        return;
      }
      remember(messageId);
      const connectionId = current?.id;
      const owed = answerCard(onCardCallback, callback.data, messageId).then((result) => {
        // The ack belongs to the socket the click came on; after a reconnect DingTalk re-pushes instead.
        if (current?.id !== connectionId || stopping.signal.aborted) {
          logger.event('warn', 'dingtalk.stream.ack_lost', { messageId, topic: TOPIC_CARD });
          return;
        }
        ack(messageId, result);
      });
      owedAcks.add(owed);
      void owed.finally(() => owedAcks.delete(owed));
    });
  }

  /** The handler's result if it comes in time; `{}` (no card update) if it is late or fails. */
  const answerCard = (
    handler: NonNullable<DingTalkStreamOptions['onCardCallback']>,
    data: string,
    messageId: string,
  ): Promise<unknown> => {
    const handled = handOver(() => handler(data, messageId)).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), cardAckWithinMs);
      cardTimers.add(timer);
    });
    return Promise.race([handled, late]).then((outcome) => {
      clearTimeout(timer);
      if (timer) cardTimers.delete(timer);
      if (outcome === 'late') {
        void handled.then((settled) => {
          logger.event('warn', 'dingtalk.stream.card_result_late', {
            messageId,
            withinMs: cardAckWithinMs,
            ...(settled.ok ? {} : serializeError(settled.error)),
          });
        });
        return {};
      }
      if (!outcome.ok) {
        logger.event('error', 'dingtalk.stream.handler_failed', {
          messageId,
          topic: TOPIC_CARD,
          ...serializeError(outcome.error),
        });
        return {};
      }
      return outcome.result ?? {};
    });
  };

  /** Capped exponential backoff with "equal jitter": half the delay fixed, half random. */
  const delayFor = (attempt: number) => {
    const capped = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
    return Math.round(capped / 2 + (Math.random() * capped) / 2);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeFromSleep = undefined;
        resolve();
      }
      wakeFromSleep = done;
    });

  /**
   * The only reconnect loop: open, wait for the socket to close, wait, open again. Ends on stop() or on
   * refused credentials (retrying those only spends the organisation's API quota).
   */
  const run = async (onFirstOpen: () => void, onFatal: (error: Error) => void) => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      connectionSeq += 1;
      const id = connectionSeq;
      try {
        await client.getEndpoint();
        const connection = await client.openSocket(id);
        current = connection;
        client.connected = true;
        logger.event('info', 'dingtalk.stream.connected', { connection: id, afterFailures: failures });
        onFirstOpen();
        await connection.closed;
        current = undefined;
        client.connected = false;
        if (performance.now() - connection.openedAt >= STABLE_AFTER_MS) failures = 0;
      } catch (error) {
        if (stopping.signal.aborted) break;
        if (error instanceof CredentialsRefused) {
          logger.event('error', 'dingtalk.stream.auth_failed', {
            status: error.status,
            message: error.message,
          });
          onFatal(
            new DingTalkStreamError(
              'auth_failed',
              `${error.message}; check the app's Client ID and Client Secret. Not retrying.`,
            ),
          );
          return;
        }
        const delayMs = delayFor(failures);
        failures += 1;
        logger.event('warn', 'dingtalk.stream.connect_failed', {
          attempt: failures,
          delayMs,
          ...serializeError(error),
        });
        await sleep(delayMs);
        continue;
      }
      if (stopping.signal.aborted) break;
      const delayMs = delayFor(failures);
      failures += 1;
      logger.event('info', 'dingtalk.stream.reconnecting', { delayMs });
      await sleep(delayMs);
    }
  };

  return {
    start() {
      // A stopped stream stays stopped: make a new one to connect again.
      if (stopping.signal.aborted) {
        return Promise.reject(new DingTalkStreamError('stopped', 'DingTalk Stream was stopped'));
      }
      if (started) return started;
      started = new Promise<void>((resolve, reject) => {
        stopping.signal.addEventListener(
          'abort',
          () => reject(new DingTalkStreamError('stopped', 'DingTalk Stream was stopped before it connected')),
          { once: true },
        );
        loopDone = run(resolve, reject).catch((error: unknown) => {
          logger.event('error', 'dingtalk.stream.loop_crashed', serializeError(error));
          reject(error);
        });
      });
      return started;
    },
    async stop() {
      if (!stopping.signal.aborted) {
        stopping.abort();
        wakeFromSleep?.();
        for (const timer of cardTimers) clearTimeout(timer);
        cardTimers.clear();
        const connection = current;
        if (connection) {
          connection.ws.close(1000, 'client stopping');
          const grace = setTimeout(() => connection.ws.terminate(), CLOSE_GRACE_MS);
          await connection.closed;
          clearTimeout(grace);
        }
      }
      await loopDone;
    },
    isConnected: () => current !== undefined && current.ws.readyState === WebSocket.OPEN,
  };
}

/** Runs a handler so that a synchronous throw becomes a rejection, not an exception in the SDK's dispatch. */
function handOver<T>(handler: () => Promise<T>): Promise<T> {
  try {
    return handler();
  } catch (error) {
    return Promise.reject(error);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
