import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A request's body as text, or undefined once it passes `maxBytes` (the caller answers 413):
 * the messengers' callbacks are small JSON or XML documents, never uploads.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves one request handler on `port` (0: a free one). A handler that throws is logged and
 * answered 500, never left hanging; `close` waits for the server to stop.
 */
export async function serveHttp(
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<{ port: number | undefined; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : undefined,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
