import type { WebClient } from '@slack/web-api';
import { serializeError } from '../logger.ts';
import type { Message } from '../views/message.ts';
import { toSlack } from './render.ts';
import type { SlackDeps } from './slack-deps.ts';

/**
 * Shows a reply to one person only: ephemeral in the channel they were in, or, when the bot
 * cannot post there (not a member of it, or no channel known), as a direct message.
 */
export async function sendPrivately(
  deps: SlackDeps,
  client: WebClient,
  target: { user: string; channel: string | undefined },
  message: Message,
): Promise<void> {
  const reply = toSlack(message);
  if (target.channel !== undefined) {
    try {
      await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...reply });
      return;
    } catch (error) {
      deps.logger.event('info', 'ephemeral.fallback_to_dm', { user: target.user, ...serializeError(error) });
    }
  }
  await client.chat.postMessage({ channel: target.user, ...reply });
}
