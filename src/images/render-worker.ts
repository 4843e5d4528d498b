/**
 * The poster renderer's own process (src/images/poster-image.ts forks it): draws each poster it
 * is sent over IPC and answers with the PNG's bytes. It ends when its parent closes the channel.
 */
import type { Poster } from '../views/poster-view.ts';
import { renderPoster } from './render-poster.ts';

type Request = { id: number; poster: Poster };

const send = process.send?.bind(process);
if (send === undefined) throw new Error('render-worker runs as a forked process with an IPC channel');
process.on('message', (request: Request) => {
  renderPoster(request.poster).then(
    ({ png }) => send({ id: request.id, png: new Uint8Array(png) }),
    (error: unknown) =>
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
