/**
 * The load generator of the logging benchmark, in a worker thread of its own: the bench's main
 * thread also plays Slack's Web API for the bot, and an ack read late because that thread was busy
 * answering the bot would be charged to the bot. Here nothing but sending and timing happens.
 *
 * Plain JavaScript: in Node 20 tsx's loader does not reach worker threads. The message shapes are
 * LoadJob and LoadResult in logging.ts.
 */
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';

function post(agent, port, path, body, headers) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job) {
  // Kept-alive connections, as many as requests in flight: Slack's many senders.
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const acks = [];
  const ok = [];
  const sentAt = [];
  const errors = {};
  const startedAt = Date.now();
  const started = performance.now();
  await Promise.all(
    job.requests.map(async (prepared, index) => {
      if (job.perSecond !== undefined) {
        const due = started + (index * 1000) / job.perSecond;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      }
      sentAt[index] = Date.now();
      const sent = performance.now();
      const status = await post(
        agent,
        job.port,
        prepared.path ?? job.path ?? '/slack/events',
        prepared.body,
        prepared.headers,
      ).catch((error) => {
        const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        errors[code] = (errors[code] ?? 0) + 1;
        return 0;
      });
      acks[index] = performance.now() - sent;
      ok[index] = status === 200;
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  return { id: job.id, acks, ok, errors, wallMs, startedAt, sentAt };
}

parentPort?.on('message', (job) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});
