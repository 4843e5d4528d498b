import { mentionedIds } from './markup.ts';

/**
 * What the bot says, as messenger-neutral data. Every reply and job post is built once, in the
 * reader's language, as a Message; each messenger's adapter renders it in its own markup
 * (slack/render.ts as Block Kit, dingtalk/render.ts as DingTalk markdown).
 *
 * Inline markup inside any text is a small subset every adapter understands (see markup.ts):
 * `**bold**`, `` `code` ``, and the tokens `<@messengerUserId>` (a person) and `<#conversationId>`
 * (a chat). Limits (Slack's 3,000 characters a section, DingTalk's message sizes) are the
 * renderers' business: a builder puts all of a list's lines in one block and the renderer splits.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'divider' }
  | { kind: 'actions'; id: string; buttons: Button[] };

/**
 * A button: `action` and `value` reach the adapter's click handler; `command`, when set, is the
 * text command that does the same thing, for messengers (or fallbacks) that have no buttons. A
 * command that ends in `…` needs the person to complete it (a reason, a number of days), so a
 * renderer shows it to be typed rather than sent as it is.
 */
export interface Button {
  action: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
  command?: string;
}

/** A message is its blocks plus a plain summary that notifications (and old clients) show. */
export type Message = { text: string; blocks?: Block[] };

export function textBlock(body: string): Block {
  return { kind: 'text', text: body };
}

export function heading(body: string): Block {
  return { kind: 'heading', text: body };
}

export function note(body: string): Block {
  return { kind: 'note', text: body };
}

export const divider: Block = { kind: 'divider' };

export function actions(id: string, buttons: Button[]): Block {
  return { kind: 'actions', id, buttons };
}

/** Lines shown together; the renderer splits them where its platform's limits require. */
export function linesOf(lines: readonly string[]): Block[] {
  return lines.length === 0 ? [] : [textBlock(lines.join('\n'))];
}

export function textMessage(body: string): Message {
  return { text: body, blocks: [textBlock(body)] };
}

/** Every person a message mentions (in its summary and its blocks), for renderers that need names. */
export function peopleIn(message: Message): string[] {
  const texts = [message.text, ...(message.blocks ?? []).map((b) => ('text' in b ? b.text : ''))];
  return mentionedIds(texts.join('\n'));
}
