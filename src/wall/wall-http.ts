import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messagesFor } from '../i18n/index.ts';
import { type Logger, serializeError } from '../logger.ts';
import type { TeamEvents } from '../team-events.ts';
import type { UseCaseDeps } from '../usecases/context.ts';
import { getWallBoard } from '../usecases/get-wall-board.ts';
import { teamOfWallToken, WALL_PATH } from '../usecases/manage-wall.ts';
import { buildWallView, type WallView } from '../views/wall-view.ts';
import { notFoundPage, wallPage } from './wall-page.ts';

/**
 * The office wallboard over HTTP, mounted on whichever server the bot already runs (Bolt's
 * receiver, DingTalk's or WeCom's callback server, or one of its own in Stream and Socket Mode):
 *
 *   GET /wall/<token>          the page (read-only, full screen), zh-CN or `?lang=en`
 *   GET /wall/<token>/events   server-sent events: `board` after every log of the team, keep-alive
 *                              comments, `revoked` and the end of the stream when the link is reset
 *   GET /wall/static/<file>    the page's script and style sheet
 *
 * An unknown or revoked token is answered 404 with a short page; nothing says which.
 */
export type WallServerOptions = {
  deps: UseCaseDeps;
  events: TeamEvents;
  logger: Logger;
  /** How often an idle stream gets a comment, so that proxies keep it open (default 20 s). */
  keepAliveMs?: number;
};

export type WallServer = {
  /** Answers a wallboard request and returns true; false (untouched) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Ends every open event stream: a server closes only once its streams have. */
  close(): void;
};

const PAGE_DIR = new URL('./page/', import.meta.url);
const STATIC: Record<string, string> = {
  'wall.js': 'text/javascript; charset=utf-8',
  'wall.css': 'text/css; charset=utf-8',
};
// The page runs its own two files and talks only to its own event stream.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': CSP,
  // The token is in the path: never hand it to another site.
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

export function createWallServer(options: WallServerOptions): WallServer {
  const keepAliveMs = options.keepAliveMs ?? 20_000;
  const streams = new Set<() => void>();

  async function viewOf(teamId: number, lang: 'zh-CN' | 'en'): Promise<WallView> {
    return buildWallView(messagesFor(lang), await getWallBoard(options.deps, teamId));
  }

  async function servePage(res: ServerResponse, token: string, lang: 'zh-CN' | 'en'): Promise<void> {
    const teamId = await teamOfWallToken(options.deps, token);
    if (teamId === undefined) return notFound(res);
    const view = await viewOf(teamId, lang);
    res.writeHead(200, PAGE_HEADERS);
    res.end(wallPage(view));
  }

  async function serveEvents(res: ServerResponse, token: string, lang: 'zh-CN' | 'en'): Promise<void> {
    const teamId = await teamOfWallToken(options.deps, token);
    if (teamId === undefined) return notFound(res);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx would otherwise hold the events back in its buffer.
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    let open = true;
    let running = false;
    let again = false;
    const end = () => {
      if (!open) return;
      open = false;
      unsubscribe();
      clearInterval(keepAlive);
      streams.delete(end);
      res.end();
    };
    // One refresh at a time; logs that arrive meanwhile make one more, not one each.
    const refresh = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if ((await teamOfWallToken(options.deps, token)) === undefined) {
            if (open) res.write('event: revoked\ndata: {}\n\n');
            end();
            return;
          }
          const view = await viewOf(teamId, lang);
          if (open) res.write(`event: board\ndata: ${JSON.stringify(view)}\n\n`);
        } while (again && open);
      } catch (error) {
        options.logger.event('warn', 'wall.refresh_failed', { teamId, ...serializeError(error) });
      } finally {
        running = false;
      }
    };
    const unsubscribe = options.events.subscribe(teamId, () => void refresh());
    const keepAlive = setInterval(() => {
      if (open) res.write(': keep-alive\n\n');
    }, keepAliveMs);
    streams.add(end);
    res.on('close', end);
    // A screen that reconnects after a gap gets the board as it is now.
    await refresh();
  }

  async function serveStatic(res: ServerResponse, file: string): Promise<void> {
    const type = STATIC[file];
    if (type === undefined) return notFound(res);
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(await readFile(new URL(file, PAGE_DIR)));
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://wall.invalid');
      if (url.pathname !== WALL_PATH && !url.pathname.startsWith(`${WALL_PATH}/`)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
        return true;
      }
      const parts = url.pathname.slice(WALL_PATH.length + 1).split('/');
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
      const [first = '', second, ...rest] = parts;
      if (first === 'static' && second !== undefined && rest.length === 0) await serveStatic(res, second);
      else if (second === undefined) await servePage(res, first, lang);
      else if (second === 'events' && rest.length === 0) await serveEvents(res, first, lang);
      else notFound(res);
      return true;
    },
    close() {
      for (const end of [...streams]) end();
    },
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, PAGE_HEADERS);
  res.end(notFoundPage());
}

/** A server's handler of the wallboard alone (a test's; bots serve it through serve-bots.ts). */
export function wallOnly(wall: WallServer): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (!(await wall.handle(req, res))) notFound(res);
  };
}
