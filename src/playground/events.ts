import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Conversations, PlaygroundEvent, Snapshot } from './conversations.ts';

/**
 * Server-sent events to the page: first a snapshot of everything, then every change as it
 * happens. A snapshot on each (re)connection means the page never has to merge a fetch with a
 * stream, and EventSource reconnects on its own after a restart of the bot.
 */
export type StreamEvent = PlaygroundEvent | ({ type: 'snapshot' } & Snapshot);

/** A comment line now and then keeps proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

export function createEventStream(conversations: Conversations) {
  const open = new Set<ServerResponse>();

  const send = (res: ServerResponse, event: StreamEvent) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  };

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write('retry: 1000\n\n');
      send(res, { type: 'snapshot', ...conversations.snapshot() });
      const unsubscribe = conversations.subscribe((event) => send(res, event));
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      open.add(res);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      });
    },

    /** Ends every stream, so that the server can close (an open stream would hold it). */
    closeAll(): void {
      for (const res of open) res.end();
      open.clear();
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
