import { BOLD_PATTERN, CONVERSATION_PATTERN, MENTION_PATTERN } from '../views/markup.ts';
import type { Block, Button, Message } from '../views/message.ts';
import type { DingTalkOut } from './api.ts';

/**
 * DingTalk markdown for a neutral message. DingTalk's robot markdown is a small subset
 * (open.dingtalk.com "消息类型及数据格式": headings, bold, links, quotes, lists; no inline code), so:
 * - `**bold**` stays; `` `code` `` loses its backticks (DingTalk would show them);
 * - a person `<@id>` reads as their name; only the ids in `notify` become `@id` with the id in
 *   `atUserIds`, which is how a robot mentions someone (§9), and only session replies carry `at`;
 * - a chat `<#id>` reads as "this group" (the bot only names the chat a command came from);
 * - lines end with two spaces, a CommonMark hard break, since a bare newline may join lines;
 * - buttons become links that send their command back into the chat
 *   (`dtmd://dingtalkclient/sendMessage?content=…`, §9: works in the robot's 1:1 chat), or, for
 *   a command that needs words added (ending in `…`), the command to type;
 * - a long message is split between lines into parts of at most MAX_PART_BYTES (groupMessages
 *   refuses a msgParam over 15,000 bytes; the parts stay well below it, and below what a phone
 *   shows without a "read more").
 */
export const MAX_PART_BYTES = 6000;

export type RenderOptions = {
  /** Display names by messenger user id, for every person the message may mention. */
  names: ReadonlyMap<string, string>;
  /** Whom to @-notify (at most the people in the conversation); everyone else reads as a name. */
  notify?: readonly string[];
  /** For the fallback text of a button without a command (the log confirmation). */
  labels: { thisGroup: string; typeCommand: (label: string, command: string) => string };
};

export function toDingTalk(message: Message, options: RenderOptions): DingTalkOut[] {
  const notify = new Set(options.notify ?? []);
  const blocks = message.blocks ?? [{ kind: 'text', text: message.text }];
  const lines = blocks.flatMap((block, index) => [...(index > 0 ? [''] : []), ...blockLines(block, options)]);
  const inline = (line: string) => inlineMarkup(line, options, notify);
  const rendered = lines.map(inline);
  const title = titleOf(message.text, options);
  const atUserIds = [...notify].filter((id) => rendered.some((line) => line.includes(`@${id}`)));
  return splitParts(rendered).map((text) => ({
    type: 'markdown',
    title,
    text,
    ...(atUserIds.length > 0 ? { atUserIds } : {}),
  }));
}

function blockLines(block: Block, options: RenderOptions): string[] {
  switch (block.kind) {
    case 'heading':
      return [`#### ${block.text}`];
    case 'text':
      return block.text.split('\n');
    case 'note':
      return block.text.split('\n').map((line) => `> ${line}`);
    case 'divider':
      return ['---'];
    case 'actions':
      return block.buttons.flatMap((button) => buttonText(button, options));
  }
}

/**
 * The command goes back with its `<@id>` tokens as they are: the router reads them as people. A
 * button with no command (Cancel: nothing to do) has nothing to offer here and is left out.
 */
function buttonText(button: Button, options: RenderOptions): string[] {
  if (button.command === undefined) return [];
  if (button.command.endsWith('…')) {
    const typed = button.command.replace(
      MENTION_PATTERN,
      (_token, id: string) => `@${options.names.get(id) ?? id}`,
    );
    return [options.labels.typeCommand(button.label, typed)];
  }
  const content = encodeURIComponent(button.command);
  return [`[${button.label}](dtmd://dingtalkclient/sendMessage?content=${content})`];
}

function inlineMarkup(line: string, options: RenderOptions, notify: ReadonlySet<string>): string {
  const withPeople = line.replace(MENTION_PATTERN, (_token, id: string) =>
    notify.has(id) ? `@${id}` : (options.names.get(id) ?? id),
  );
  const withChats = withPeople.replace(CONVERSATION_PATTERN, () => options.labels.thisGroup);
  // A ranked line ("2. 王小明") would read as a list item, which renumbers tied places: a
  // no-break space after the dot keeps it text.
  const plain = withChats.replace(/`([^`\n]*)`/g, '$1').replace(/^(\s*\d+)\. /, '$1.\u00a0');
  return plain === '' ? '' : `${plain}  `;
}

/** The notification title: the summary's first line as plain text. */
function titleOf(text: string, options: RenderOptions): string {
  const first = (text.split('\n')[0] ?? '').trim();
  const plain = first
    .replace(BOLD_PATTERN, '$1')
    .replace(MENTION_PATTERN, (_token, id: string) => options.names.get(id) ?? id)
    .replace(CONVERSATION_PATTERN, options.labels.thisGroup)
    .replace(/`/g, '');
  return plain.length <= 60 ? plain || '战报' : `${plain.slice(0, 59)}…`;
}

function splitParts(lines: readonly string[]): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > MAX_PART_BYTES && current.length > 0) {
      parts.push(current.join('\n').trim());
      current = [];
      bytes = 0;
    }
    current.push(line.length * 3 > MAX_PART_BYTES ? line.slice(0, MAX_PART_BYTES / 3) : line);
    bytes += size;
  }
  if (current.length > 0) parts.push(current.join('\n').trim());
  return parts.filter((part) => part !== '');
}
