/**
 * Shared tokenising for the chat grammars. Messenger adapters hand in text whose mentions are in
 * the neutral forms `<@USERID>` (a person) and `<#CHANNELID>` (a channel); anything after a `|`
 * inside the brackets (Slack's display name) is dropped here too, defensively.
 */
export type Token =
  | { kind: 'member'; id: string; raw: string }
  | { kind: 'channel'; id: string; raw: string }
  | { kind: 'word'; text: string; raw: string };

const TOKEN = /<([@#])([^\s<>|]+)(?:\|[^>]*)?>|\S+/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize('NFKC').matchAll(TOKEN)) {
    const [raw, sigil, id] = match;
    if (sigil === '@' && id !== undefined) tokens.push({ kind: 'member', id, raw });
    else if (sigil === '#' && id !== undefined) tokens.push({ kind: 'channel', id, raw });
    else tokens.push({ kind: 'word', text: raw.toLowerCase(), raw });
  }
  return tokens;
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
