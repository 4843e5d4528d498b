import { randomUUID } from 'node:crypto';
import type { Messages } from '../i18n/index.ts';
import { type Message, peopleIn } from '../views/message.ts';
import type { WeComApi } from './api.ts';
import { toWeComCard } from './card.ts';
import type { WeComDirectory } from './directory.ts';
import { APP_MARKDOWN_BYTES, ROBOT_MARKDOWN_BYTES, toWeComMarkdown } from './render.ts';

/**
 * Sending a neutral message the WeCom way, for replies and jobs alike: to a member through the
 * app (markdown ≤ 2,048 bytes a part; a message with buttons as a template card, its text first
 * when the card's sub-title could not hold it), to a group through its robot (markdown ≤ 4,096).
 * Returns the card's response_code when one was sent, to grey its buttons later.
 */
export type Outgoing = {
  toMember(userId: string, m: Messages, message: Message): Promise<string | undefined>;
  toRobot(key: string, m: Messages, message: Message): Promise<void>;
};

const CARD_SUBTITLE_CHARS = 112;

export function createOutgoing(api: WeComApi, directory: WeComDirectory): Outgoing {
  const labels = (m: Messages) => ({ thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand });
  return {
    async toMember(userId, m, message) {
      const names = await directory.names(peopleIn(message));
      const card = toWeComCard(message, { taskId: `zb-${randomUUID()}`, names });
      const parts = toWeComMarkdown(
        card === undefined
          ? message
          : { ...message, blocks: (message.blocks ?? []).filter((b) => b.kind !== 'actions') },
        { names, maxBytes: APP_MARKDOWN_BYTES, labels: labels(m) },
      );
      const fits = card !== undefined && [...parts.join('\n')].length <= CARD_SUBTITLE_CHARS;
      if (!fits) for (const content of parts) await api.sendToUsers([userId], { type: 'markdown', content });
      if (card === undefined) return undefined;
      return (await api.sendToUsers([userId], { type: 'template_card', card })).responseCode;
    },
    async toRobot(key, m, message) {
      const names = await directory.names(peopleIn(message));
      for (const content of toWeComMarkdown(message, {
        names,
        maxBytes: ROBOT_MARKDOWN_BYTES,
        labels: labels(m),
      }))
        await api.sendToGroupRobot(key, { type: 'markdown', content });
    },
  };
}
