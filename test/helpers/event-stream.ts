/**
 * A client of a server-sent event stream for tests: reads the stream as it arrives and hands out
 * its events (and comments) in order. `next` waits for the next one that matches, up to a
 * deadline: the deadline fails a test that waits in vain, it never paces one that passes.
 */
export type StreamEvent = { event: string; data: string } | { comment: string };

export async function openEventStream(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const reading = (async () => {
    if (response.body === null) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          events.push(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      wake();
    }
  })();
  let read = 0;

  return {
    status: response.status,
    headers: response.headers,
    /** The next event (from where the last `next` stopped) that matches, within `timeoutMs`. */
    next<T extends StreamEvent>(matches: (e: StreamEvent) => e is T, timeoutMs = 5000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          while (read < events.length) {
            const event = events[read];
            read += 1;
            if (event !== undefined && matches(event)) {
              done();
              resolve(event);
              return;
            }
          }
          if (ended) {
            done();
            reject(new Error('the stream ended first'));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching event within ${timeoutMs} ms; had ${JSON.stringify(events)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    /** Resolves when the server has ended the stream. */
    ended: () => reading,
    close() {
      abort.abort();
      return reading;
    },
  };
}

function parseBlock(block: string): StreamEvent {
  const lines = block.split('\n');
  if (lines.every((l) => l.startsWith(':')))
    return { comment: lines.map((l) => l.slice(1).trim()).join('\n') };
  let event = 'message';
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return { event, data: data.join('\n') };
}

export function isComment(text: string) {
  return (e: StreamEvent): e is { comment: string } => 'comment' in e && e.comment === text;
}

export function isEvent(name: string) {
  return (e: StreamEvent): e is { event: string; data: string } => 'event' in e && e.event === name;
}
