import { randomUUID } from 'node:crypto';
import type { Messages } from '../i18n/index.ts';
import { type Message, peopleIn } from '../views/message.ts';
import { SEND_MAX_USERS, type WeComApi } from './api.ts';
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
  /**
   * The same message to several members in as few message/send calls as WeCom allows: `touser`
   * joined by `|`, at most 1000 ids a call (developer.work.weixin.qq.com/document/path/90236
   * "touser ... 多个接收者用'|'分隔，最多支持1000个"; the client splits longer lists). A card goes
   * in calls of at most 1000 members, each with its own response_code. `invalid` holds the ids
   * WeCom reported invalid (lower-cased, as WeCom writes them); `responseCodes` each member's card
   * code, when a card with buttons was sent.
   */
  toMembers(
    userIds: readonly string[],
    m: Messages,
    message: Message,
  ): Promise<{ invalid: string[]; responseCodes: Map<string, string> }>;
  toRobot(key: string, m: Messages, message: Message): Promise<void>;
};

const CARD_SUBTITLE_CHARS = 112;

export function createOutgoing(api: WeComApi, directory: WeComDirectory): Outgoing {
  const labels = (m: Messages) => ({ thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand });

  const toMembers: Outgoing['toMembers'] = async (userIds, m, message) => {
    const ids = [...new Set(userIds)];
    const invalid = new Set<string>();
    const responseCodes = new Map<string, string>();
    const pending = () => ids.filter((id) => !invalid.has(id.toLowerCase()));
    const names = await directory.names(peopleIn(message));
    const card = toWeComCard(message, { taskId: `zb-${randomUUID()}`, names });
    const parts = toWeComMarkdown(
      card === undefined
        ? message
        : { ...message, blocks: (message.blocks ?? []).filter((b) => b.kind !== 'actions') },
      { names, maxBytes: APP_MARKDOWN_BYTES, labels: labels(m) },
    );
    const fits = card !== undefined && [...parts.join('\n')].length <= CARD_SUBTITLE_CHARS;
    if (!fits)
      for (const content of parts) {
        const to = pending();
        if (to.length === 0) break;
        for (const id of (await api.sendToUsers(to, { type: 'markdown', content })).invalid) invalid.add(id);
      }
    if (card === undefined) return { invalid: [...invalid], responseCodes };
    const to = pending();
    for (let start = 0; start < to.length; start += SEND_MAX_USERS) {
      const batch = to.slice(start, start + SEND_MAX_USERS);
      // A task_id is unique per app for ever: each call of the card needs its own.
      const batchCard = start === 0 ? card : toWeComCard(message, { taskId: `zb-${randomUUID()}`, names });
      if (batchCard === undefined) break;
      const answer = await api.sendToUsers(batch, { type: 'template_card', card: batchCard });
      for (const id of answer.invalid) invalid.add(id);
      if (answer.responseCode !== undefined)
        for (const id of batch)
          if (!invalid.has(id.toLowerCase())) responseCodes.set(id, answer.responseCode);
    }
    return { invalid: [...invalid], responseCodes };
  };

  return {
    async toMember(userId, m, message) {
      const { responseCodes } = await toMembers([userId], m, message);
      return responseCodes.get(userId);
    },
    toMembers,
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
