/**
 * Shared tokenising for the chat grammars. Messenger adapters hand in text whose mentions are in
 * the neutral forms `<@USERID>` (a person) and `<#CHANNELID>` (a channel); anything after a `|`
 * inside the brackets (Slack's display name) is dropped here too, defensively.
 *
 * A name with spaces is written in quotes — "Team A", “一 组”, 「二部」 or 'Team A' — and comes out
 * as one word token without its quotes, marked `quoted` so that a grammar never reads it as a
 * keyword or a level (a group may be called "A1"). An apostrophe inside a word (O'Brien) is not a
 * quote: single quotes count only around a whole token.
 */
export type Token =
  | { kind: 'member'; id: string; raw: string }
  | { kind: 'channel'; id: string; raw: string }
  | { kind: 'word'; text: string; raw: string; quoted?: true };

const TOKEN = /<([@#])([^\s<>|]+)(?:\|[^>]*)?>|"([^"]+)"|“([^”]+)”|「([^」]+)」|(?<!\S)'([^']+)'(?!\S)|\S+/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize('NFKC').matchAll(TOKEN)) {
    const [raw, sigil, id, ...quotes] = match;
    const inner = quotes
      .find((q) => q !== undefined)
      ?.trim()
      .replace(/\s+/g, ' ');
    if (sigil === '@' && id !== undefined) tokens.push({ kind: 'member', id, raw });
    else if (sigil === '#' && id !== undefined) tokens.push({ kind: 'channel', id, raw });
    else if (inner !== undefined) {
      if (inner !== '') tokens.push({ kind: 'word', text: inner.toLowerCase(), raw: inner, quoted: true });
    } else tokens.push({ kind: 'word', text: raw.toLowerCase(), raw });
  }
  return tokens;
}

/** The words of `tokens` as one name (`Team A`), or undefined when a mention or channel is among them. */
export function nameOf(tokens: readonly Token[]): string | undefined {
  if (tokens.length === 0 || tokens.some((t) => t.kind !== 'word')) return undefined;
  const name = tokens.map((t) => t.raw).join(' ');
  return name.length > 40 ? undefined : name;
}

/** True when `word` (already lower-cased) is one of `aliases`. */
export function isOneOf(word: string, aliases: readonly string[]): boolean {
  return aliases.includes(word);
}

/** The period words of `/stats` and `/rank`: today 今天, week 本周, month 本月, quarter 本季度. */
export const PERIOD_WORDS: Readonly<Record<string, 'day' | 'week' | 'month' | 'quarter'>> = {
  today: 'day',
  day: 'day',
  今天: 'day',
  今日: 'day',
  week: 'week',
  本周: 'week',
  周: 'week',
  month: 'month',
  本月: 'month',
  月: 'month',
  quarter: 'quarter',
  本季度: 'quarter',
  季度: 'quarter',
  本季: 'quarter',
};
