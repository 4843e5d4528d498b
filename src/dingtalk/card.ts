import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Message } from '../views/message.ts';
import { type RenderOptions, toDingTalk } from './render.ts';

/**
 * A neutral message with buttons as the variables of the DingTalk card template the README
 * describes (卡片平台 → 消息卡片): `title` (the notification line), `markdown` (the message without
 * its buttons, rendered as for a robot message), `buttons` (a JSON array the template loops over:
 * `text`, `color` and the neutral `action` and `value` each button sends back in its callback
 * params), `status` (a line shown after a click, empty until then) and `hasButtons` ("true" or
 * "false", for templates that hide the button row). cardParamMap takes strings only
 * (messenger-contracts §6d), hence the JSON string.
 */
export type CardParams = Record<string, string>;

export function hasButtons(message: Message): boolean {
  return (message.blocks ?? []).some((block) => block.kind === 'actions' && block.buttons.length > 0);
}

export function toCardParams(message: Message, options: RenderOptions): CardParams {
  const blocks = message.blocks ?? [];
  const buttons = blocks.flatMap((block) => (block.kind === 'actions' ? block.buttons : []));
  const parts = toDingTalk({ ...message, blocks: blocks.filter((b) => b.kind !== 'actions') }, options);
  const first = parts[0];
  return {
    title: first?.type === 'markdown' ? first.title : '战报',
    markdown: parts.map((part) => (part.type === 'markdown' ? part.text : '')).join('\n\n'),
    buttons: JSON.stringify(
      buttons.map((button) => ({
        text: button.label,
        color: button.style === 'danger' ? 'red' : button.style === 'primary' ? 'blue' : 'gray',
        action: button.action,
        value: button.value,
      })),
    ),
    hasButtons: String(buttons.length > 0),
    status: '',
  };
}

/** After a click: the buttons go (nobody clicks twice) and the status says it was handled. */
export function doneParams(status: string): CardParams {
  return { buttons: '[]', hasButtons: 'false', status };
}

/**
 * A card's outTrackId says where the card lives, so that a click knows whether greying its
 * buttons affects only the clicker (a 1:1 chat) or a whole group.
 */
export function newOutTrackId(space: 'dm' | 'group', random: () => string = randomUUID): string {
  return `zb-${space}-${random()}`;
}

export function isDirectCard(outTrackId: string): boolean {
  return outTrackId.startsWith('zb-dm-');
}

/**
 * A click on the card topic (/v1.0/card/instances/callback): `data` is
 * `{outTrackId, userId, content}` where `content` is a JSON string
 * `{"cardPrivateData":{"actionIds":[…],"params":{…}}}` (messenger-contracts §6d; the Node
 * example in blog.csdn.net/gimamy/article/details/140666534 reads `cardPrivateData.actionIds[0]`
 * and `.params` the same way).
 * The template's button sends `action` and `value` as params; `actionIds[0]` stands in for a
 * template that names the action by the button's id instead.
 */
const callbackData = z.looseObject({
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  content: z.string(),
});
const callbackContent = z.looseObject({
  cardPrivateData: z.looseObject({
    actionIds: z.array(z.string()).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type CardClick = { outTrackId: string; userId: string; action: string; value: string };

export function parseCardClick(data: string): CardClick | undefined {
  const outer = callbackData.safeParse(safeJson(data));
  if (!outer.success) return undefined;
  const content = callbackContent.safeParse(safeJson(outer.data.content));
  if (!content.success) return undefined;
  const { actionIds, params } = content.data.cardPrivateData;
  const action = typeof params?.action === 'string' ? params.action : actionIds?.[0];
  if (action === undefined || action === '') return undefined;
  const value = typeof params?.value === 'string' ? params.value : '';
  return { outTrackId: outer.data.outTrackId, userId: outer.data.userId, action, value };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
