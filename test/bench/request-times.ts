/**
 * Request timing inside a bench process (bot-main.ts, dingtalk-main.ts): from each request's
 * headers read to its answer written (Node's http diagnostics channels), handed to the benchmark
 * when it asks on the IPC channel ('request-times'; processes.ts `requestTimes()`). The client's
 * time to ack adds the wait in the kernel's accept queue and in the load generator, which under a
 * burst of 2,000 connections is most of it.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

/** Starts timing this process's requests and answering the benchmark's requests for the times. */
export function answerRequestTimes(): void {
  const started = new WeakMap<IncomingMessage, number>();
  let times: number[] = [];
  subscribe('http.server.request.start', (message) => {
    started.set((message as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (message) => {
    const at = started.get((message as { request: IncomingMessage }).request);
    if (at !== undefined) times.push(performance.now() - at);
  });
  process.on('message', (message: unknown) => {
    if (message !== 'request-times') return;
    process.send?.({ requestTimes: times });
    times = [];
  });
  // The IPC channel must not keep the process alive once it stops.
  process.channel?.unref();
}
