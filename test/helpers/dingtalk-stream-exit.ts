/**
 * Proves that stop() leaves nothing behind: run as its own process
 * (`node --import tsx test/helpers/dingtalk-stream-exit.ts`) with GATEWAY_URL set to a fake gateway, it
 * connects, takes one robot message, stops; then starts a second stream against a port nobody listens
 * on, waits until it is sleeping in its backoff, and stops that. It never calls process.exit: the test
 * passes only if the event loop empties on its own. Log lines go to stdout for the parent to read.
 */
import { createDingTalkStream } from '../../src/dingtalk/stream.ts';
import { createLogger } from '../../src/logger.ts';

const waiting = new Map<string, () => void>();
const logger = createLogger({
  level: 'info',
  sink: (line) => {
    process.stdout.write(`${line}\n`);
    const { event } = JSON.parse(line) as { event: string };
    waiting.get(event)?.();
  },
});
const logged = (event: string) => new Promise<void>((resolve) => waiting.set(event, resolve));

let received: () => void = () => {};
const message = new Promise<void>((resolve) => {
  received = resolve;
});
const connected = createDingTalkStream({
  clientId: process.env.CLIENT_ID ?? '',
  clientSecret: process.env.CLIENT_SECRET ?? '',
  gatewayUrl: process.env.GATEWAY_URL ?? '',
  logger,
  onRobotMessage: async () => received(),
});
await connected.start();
process.stdout.write('READY\n');
await message;
await connected.stop();

const failed = logged('dingtalk.stream.connect_failed');
const retrying = createDingTalkStream({
  clientId: 'id',
  clientSecret: 'secret',
  gatewayUrl: 'http://127.0.0.1:9/v1.0/gateway/connections/open',
  logger,
  backoff: { initialMs: 60_000, maxMs: 60_000 },
  onRobotMessage: async () => {},
});
const pending = retrying.start().catch((error: unknown) => error);
await failed;
await retrying.stop();
await pending;
process.stdout.write('STOPPED\n');
