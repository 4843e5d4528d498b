import type { KnownBlock } from '@slack/types';

/** Small pure helpers for Block Kit. Slack caps a section's text at 3,000 characters. */
export const SECTION_TEXT_LIMIT = 3000;

export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_LIMIT) }] };
}

export const divider: KnownBlock = { type: 'divider' };

/** Splits lines into as many sections as the 3,000-character limit needs, never cutting a line. */
export function sectionsOf(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > SECTION_TEXT_LIMIT && current !== '') {
      blocks.push(section(current));
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A reply is its blocks plus the plain text Slack shows in notifications and on old clients. */
export type Reply = { text: string; blocks?: KnownBlock[] };

export function textReply(text: string): Reply {
  return { text, blocks: [section(text)] };
}
