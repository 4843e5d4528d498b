import { z } from 'zod';
import type { Conversations } from './conversations.ts';
import { PLAYGROUND } from './workspace.ts';

/**
 * The stand-in for Slack's response_url: the URL a slash command or a button click carries, to
 * which the bot posts its reply (Bolt's `respond`). Slack's are opaque; the playground's name what
 * they answer, so the page can make them: `/playground/response/<channel>/<user>[/<message ts>]`.
 * The message ts is there for a click, so that `replace_original` knows which message to replace.
 */
export const RESPONSE_URL_PATH = '/playground/response/';

export type ResponseTarget = { channel: string; user: string; messageTs: string | undefined };

const targetSchema = z.tuple([
  z.string().regex(/^[CDG][A-Z0-9]+$/),
  z.string().regex(/^[UW][A-Z0-9]+$/),
  z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
]);

export function responseUrlFor(origin: string, target: ResponseTarget): string {
  const ts = target.messageTs === undefined ? '' : `/${target.messageTs}`;
  return `${origin}${RESPONSE_URL_PATH}${target.channel}/${target.user}${ts}`;
}

export function parseResponsePath(pathname: string): ResponseTarget | undefined {
  if (!pathname.startsWith(RESPONSE_URL_PATH)) return undefined;
  const parsed = targetSchema.safeParse(pathname.slice(RESPONSE_URL_PATH.length).split('/'));
  if (!parsed.success) return undefined;
  const [channel, user, messageTs] = parsed.data;
  return { channel, user, messageTs };
}

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional();

/** What Bolt's `respond()` posts (JSON), as Slack documents it for response_url. */
const responseSchema = z.looseObject({
  text: z.string().optional(),
  blocks: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: flag,
  delete_original: flag,
  thread_ts: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
});

export type ResponseAnswer = { status: number; body: { ok: boolean; error?: string } };

/**
 * Applies one response: delete or replace the message the click came from, else a new message,
 * ephemeral unless `in_channel` (Slack's default for slash command responses).
 */
export function answerResponse(
  conversations: Conversations,
  target: ResponseTarget,
  body: unknown,
): ResponseAnswer {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
  const response = parsed.data;
  if (response.delete_original === true) {
    const deleted = target.messageTs !== undefined && conversations.remove(target.channel, target.messageTs);
    return deleted
      ? { status: 200, body: { ok: true } }
      : { status: 404, body: { ok: false, error: 'message_not_found' } };
  }
  const content = { text: response.text ?? '', blocks: response.blocks };
  if (response.replace_original === true) {
    const replaced =
      target.messageTs === undefined
        ? undefined
        : conversations.update(target.channel, target.messageTs, content);
    return replaced === undefined
      ? { status: 404, body: { ok: false, error: 'message_not_found' } }
      : { status: 200, body: { ok: true } };
  }
  conversations.post({
    conversation: target.channel,
    user: PLAYGROUND.bot.userId,
    ...content,
    threadTs: response.thread_ts,
    ephemeralTo: response.response_type === 'in_channel' ? undefined : target.user,
  });
  return { status: 200, body: { ok: true } };
}
