import type { Period } from '../domain/targets.ts';
import { PERIOD_WORDS, tokenize } from './tokens.ts';

/**
 * Grammar of `/stats` (English or Chinese, any order):
 *
 *   /stats                      my today, week, month and quarter against my targets
 *   /stats week | 本周           one period: today 今天 今日 · week 本周 周 · month 本月 月 · quarter 本季度 季度
 *   /stats @member [period]      a member of my scope (leaders: their group; managers: everyone)
 *   /stats group [组名] [period]  a group's totals and per-capita figures (default: my group, this month)
 *   /stats team | 团队            this month against the team goal (团队目标), the team and each group
 */
export type StatsCommand =
  | { kind: 'member'; memberRef: string | undefined; period: Period | undefined }
  | { kind: 'group'; groupName: string | undefined; period: Period | undefined }
  | { kind: 'team' };

export type StatsParse = { ok: true; command: StatsCommand } | { ok: false; word: string };

const GROUP_WORDS = ['group', '小组', '组'];
const TEAM_WORDS = ['team', '团队', '全队', '目标', 'goal'];

export function parseStatsCommand(text: string): StatsParse {
  const tokens = tokenize(text);
  const [first, ...extra] = tokens;
  if (first?.kind === 'word' && TEAM_WORDS.includes(first.text)) {
    const [other] = extra;
    return other === undefined ? { ok: true, command: { kind: 'team' } } : { ok: false, word: other.raw };
  }
  let memberRef: string | undefined;
  let period: Period | undefined;
  let group = false;
  let groupName: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'member' && memberRef === undefined) memberRef = token.id;
    else if (token.kind === 'word' && PERIOD_WORDS[token.text] !== undefined && period === undefined) {
      period = PERIOD_WORDS[token.text];
    } else if (token.kind === 'word' && GROUP_WORDS.includes(token.text) && !group) group = true;
    else if (token.kind === 'word' && group && groupName === undefined) groupName = token.raw;
    else return { ok: false, word: token.raw };
  }
  if (group && memberRef !== undefined) return { ok: false, word: `<@${memberRef}>` };
  return {
    ok: true,
    command: group ? { kind: 'group', groupName, period } : { kind: 'member', memberRef, period },
  };
}
