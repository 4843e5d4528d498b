import type { PkPeriod } from '../usecases/compute-pk.ts';
import { PERIOD_WORDS, tokenize } from './tokens.ts';

/**
 * Grammar of `/rank` (English or Chinese):
 *
 *   /rank                     today's group PK and the individual top 10
 *   /rank week | 本周          this week (also month 本月, quarter 本季度, today 今天)
 *   /rank wins [week | month] the winners' board: wins and streaks (default: weeks) · 冠军
 *   /rank help | 帮助          how the PK is scored and how per-capita is counted
 *   /rank org [period] | 分部   the branch PK: every team of the deployment
 */
export type RankCommand =
  | { kind: 'board'; period: PkPeriod }
  | { kind: 'wins'; period: 'week' | 'month' }
  | { kind: 'help' }
  /** `/rank org [period]`: the branch PK; `rest` is read as a board's period. */
  | { kind: 'org'; rest: string };
export type RankParse = { ok: true; command: RankCommand } | { ok: false; word: string };

const ORG = ['org', '分部', '总部', 'branches'];
const HELP = ['help', '帮助', '?', '？'];
const WINS = ['wins', 'win', 'winners', '冠军', '冠军榜'];

export function parseRankCommand(text: string): RankParse {
  const words = tokenize(text).map((t) => (t.kind === 'word' ? t.text : t.raw));
  if (words.length === 1 && HELP.includes(words[0] ?? '')) return { ok: true, command: { kind: 'help' } };
  if (ORG.includes(words[0] ?? ''))
    return { ok: true, command: { kind: 'org', rest: text.trim().split(/\s+/).slice(1).join(' ') } };
  const wins = words.some((w) => WINS.includes(w));
  let period: PkPeriod | undefined;
  for (const word of words) {
    if (WINS.includes(word)) continue;
    const p = PERIOD_WORDS[word];
    if (p === undefined || period !== undefined) return { ok: false, word };
    period = p;
  }
  if (wins) {
    if (period === 'day' || period === 'quarter') return { ok: false, word: String(period) };
    return { ok: true, command: { kind: 'wins', period: period ?? 'week' } };
  }
  return { ok: true, command: { kind: 'board', period: period ?? 'day' } };
}
