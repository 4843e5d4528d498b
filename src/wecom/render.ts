import { CONVERSATION_PATTERN, MENTION_PATTERN } from '../views/markup.ts';
import type { Block, Button, Message } from '../views/message.ts';

/**
 * WeCom markdown for a neutral message (developer.work.weixin.qq.com/document/path/90236
 * "markdown消息": headings, **bold**, links, `code`, > quotes, <font color>; only the WeCom
 * client renders it). So:
 * - `**bold**` and `` `code` `` stay; a note is a grey `<font color="comment">` line;
 * - a person `<@id>` reads as their name, except the ids in `notify`, which a group robot's
 *   markdown mentions as `<@userid>` (app messages to one person need no mention);
 * - a chat `<#id>` reads as "this group" (never shown: a robot key is a secret);
 * - buttons say which command to send, since WeCom's text messages have no buttons (cards are
 *   sent apart); a button with no command (Cancel) is left out;
 * - a message is split between lines into parts of at most `maxBytes`: 2,048 for an app's
 *   markdown, 4,096 for a group robot's (messenger-contracts.md §9).
 */
export const APP_MARKDOWN_BYTES = 2048;
export const ROBOT_MARKDOWN_BYTES = 4096;

export type WeComRenderOptions = {
  names: ReadonlyMap<string, string>;
  notify?: readonly string[];
  maxBytes: number;
  labels: {
    thisGroup: string;
    typeCommand: (label: string, command: string) => string;
  };
};

export function toWeComMarkdown(message: Message, options: WeComRenderOptions): string[] {
  const notify = new Set(options.notify ?? []);
  const blocks = message.blocks ?? [{ kind: 'text', text: message.text }];
  const lines = blocks.flatMap((block, index) => [...(index > 0 ? [''] : []), ...blockLines(block, options)]);
  return splitParts(
    lines.map((line) => inline(line, options, notify)),
    options.maxBytes,
  );
}

function blockLines(block: Block, options: WeComRenderOptions): string[] {
  switch (block.kind) {
    case 'heading':
      return [`### ${block.text}`];
    case 'text':
      return block.text.split('\n');
    case 'note':
      return block.text.split('\n').map((line) => `<font color="comment">${line}</font>`);
    case 'divider':
      return [];
    case 'actions':
      return block.buttons.flatMap((button) => buttonLine(button, options));
  }
}

/** The command as a person types it: `<@id>` becomes `@id`, the WeCom userid they would type. */
function buttonLine(button: Button, options: WeComRenderOptions): string[] {
  if (button.command === undefined) return [];
  const typed = button.command.replace(MENTION_PATTERN, (_token, id: string) => `@${id}`);
  return [options.labels.typeCommand(button.label, typed)];
}

function inline(line: string, options: WeComRenderOptions, notify: ReadonlySet<string>): string {
  return line
    .replace(MENTION_PATTERN, (_token, id: string) =>
      notify.has(id) ? `<@${id}>` : (options.names.get(id) ?? id),
    )
    .replace(CONVERSATION_PATTERN, () => options.labels.thisGroup);
}

function splitParts(lines: readonly string[], maxBytes: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const raw of lines) {
    const line = cut(raw, maxBytes - 1);
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > maxBytes && current.length > 0) {
      parts.push(current.join('\n').trim());
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) parts.push(current.join('\n').trim());
  return parts.filter((part) => part !== '');
}

/** A single line longer than a whole part is cut at a character boundary. */
function cut(line: string, maxBytes: number): string {
  if (Buffer.byteLength(line, 'utf8') <= maxBytes) return line;
  let out = '';
  for (const char of line) {
    if (Buffer.byteLength(`${out}${char}…`, 'utf8') > maxBytes) break;
    out += char;
  }
  return `${out}…`;
}
