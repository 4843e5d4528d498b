import type { KnownBlock } from '@slack/types';
import { BOLD_PATTERN } from '../views/markup.ts';
import type { Block, Message } from '../views/message.ts';

/**
 * Block Kit for a neutral message. Slack's limits live here: a section holds at most 3,000
 * characters (long lists are split between lines, a single overlong line is cut), a header 150,
 * a message 50 blocks (https://api.slack.com/reference/block-kit/blocks). Neutral `**bold**` is
 * Slack's `*bold*`; `<@U…>` and `<#C…>` already are Slack's mention syntax.
 *
 * Everything else in a text is what people typed (names, reasons, group names) and must reach
 * Slack as text: `&`, `<` and `>` are escaped as Slack asks
 * (https://api.slack.com/reference/surfaces/formatting#escaping), so a group called `<!channel>`
 * or a reason with `<https://x|y>` shows as typed instead of pinging everyone or making a link.
 */
export const SECTION_TEXT_LIMIT = 3000;
const HEADER_LIMIT = 150;
const MESSAGE_BLOCK_LIMIT = 50;

export type SlackMessage = { text: string; blocks?: KnownBlock[] };

export function toSlack(message: Message): SlackMessage {
  const text = mrkdwn(message.text);
  if (message.blocks === undefined) return { text };
  const blocks = message.blocks.flatMap(toBlocks).slice(0, MESSAGE_BLOCK_LIMIT);
  return { text, blocks };
}

export function toSlackBlocks(blocks: readonly Block[]): KnownBlock[] {
  return blocks.flatMap(toBlocks);
}

function toBlocks(block: Block): KnownBlock[] {
  switch (block.kind) {
    case 'heading':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(plain(block.text), HEADER_LIMIT), emoji: true },
        },
      ];
    case 'text':
      return splitLines(mrkdwn(block.text)).map((chunk) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: chunk },
      }));
    case 'note':
      return [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: truncate(mrkdwn(block.text), SECTION_TEXT_LIMIT) }],
        },
      ];
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return [
        {
          type: 'actions',
          block_id: block.id,
          elements: block.buttons.map((button) => ({
            type: 'button',
            action_id: button.action,
            ...(button.style === undefined ? {} : { style: button.style }),
            text: { type: 'plain_text', text: button.label },
            value: button.value,
          })),
        },
      ];
  }
}

/** The neutral mention tokens, kept as they are; the text between them is escaped. */
const NEUTRAL_TOKEN = /(<[@#][^>|\s]+>)/;

function mrkdwn(body: string): string {
  return body
    .split(NEUTRAL_TOKEN)
    .map((part, index) => (index % 2 === 1 ? part : escapeText(part)))
    .join('')
    .replace(BOLD_PATTERN, '*$1*');
}

/**
 * The text of a slash command as the person typed it: Slack sends `&`, `<` and `>` escaped (as
 * in messages), while mentions arrive as real `<@U…|name>` tokens, which stay.
 */
export function fromSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plain(body: string): string {
  return body.replace(BOLD_PATTERN, '$1');
}

/** As many sections as the limit needs, never cutting a line unless it alone is too long. */
function splitLines(body: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of body.split('\n')) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > SECTION_TEXT_LIMIT && current !== '') {
      chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks.map((chunk) => truncate(chunk, SECTION_TEXT_LIMIT));
}

function truncate(body: string, limit: number): string {
  return body.length <= limit ? body : `${body.slice(0, limit - 1)}…`;
}
