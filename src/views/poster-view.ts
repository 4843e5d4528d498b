import type { Day } from '../domain/days.ts';
import type { Messages } from '../i18n/index.ts';
import type { TeamView } from '../store/roster-repository.ts';
import type { PkBoard } from '../usecases/compute-pk.ts';
import type { MilestoneNews } from '../usecases/messenger.ts';
import type { GoalStatus } from '../usecases/team-goals.ts';
import { boardTitle, points } from './pk-view.ts';
import { formatDay } from './progress.ts';

/**
 * What a 战报 or 喜报 image shows, as plain data in one language: every string is final, so the
 * renderer (src/images) only lays it out and a test can read every character that will be drawn.
 * No emoji: the poster's font has none (ranks are drawn as badges instead of 🥇).
 */
export type PkPoster = {
  kind: 'pk';
  /** 战报 */
  banner: string;
  title: string;
  team: string;
  date: string;
  groupsTitle: string;
  groups: PosterGroup[];
  /** Under the groups when there are more than POSTER_GROUPS: 另有 N 个小组…, else absent. */
  moreGroups?: string;
  topTitle: string;
  top: PosterMember[];
  goal?: PosterGoal;
  footer: string;
};

export type PosterGroup = {
  rank: number;
  name: string;
  /** The big number: per-capita points, and its unit label. */
  perCapita: string;
  perCapitaLabel: string;
  /** 合计 120 分 · 3 人, or 今日无人在岗 for an empty group. */
  detail: string;
  empty: boolean;
};

export type PosterMember = { rank: number; name: string; group: string; points: string };

export type PosterGoal = {
  label: string;
  actual: string;
  target: string;
  /** 0–100, for the bar (the text may say more than 100%). */
  percent: number;
  percentText: string;
  note: string;
};

export type GoodNewsPoster = {
  kind: 'good-news';
  /** 喜报 */
  banner: string;
  headline: string;
  name: string;
  group: string;
  amount: string;
  caption: string;
  team: string;
  date: string;
  footer: string;
};

export type Poster = PkPoster | GoodNewsPoster;

/** How many members the 战报 names: enough to honour the day's best, few enough to stay readable. */
export const POSTER_TOP = 5;
/**
 * How many groups the 战报 shows: a team of the plan has 3-4, a company's biggest floor a dozen;
 * beyond that a poster grows past what a phone shows (and takes seconds to draw: a board of 1,000
 * groups took 11 s), so the rest is one line and the text board has them all.
 */
export const POSTER_GROUPS = 12;

/** The 18:00 board, the week's or the month's result as a poster. */
export function buildPkPoster(
  m: Messages,
  input: { board: PkBoard; result: boolean; goal?: GoalStatus },
): PkPoster {
  const { board, goal } = input;
  // A member with no points yet is no honour on a poster (a quiet morning's weekly board).
  const scored = board.members.filter((standing) => standing.points > 0);
  const top = scored.slice(0, POSTER_TOP).map((standing): PosterMember => {
    return {
      rank: standing.rank,
      name: standing.name,
      group: board.memberViews.get(standing.memberId)?.groupName ?? '',
      points: m.poster.points(points(standing.points)),
    };
  });
  return {
    kind: 'pk',
    banner: m.poster.pkBanner,
    title: boardTitle(m, board, input.result),
    team: board.team.name,
    date: formatDay(m, board.day),
    groupsTitle: m.poster.groupsTitle,
    groups: board.groups.slice(0, POSTER_GROUPS).map((g) => ({
      rank: g.rank,
      name: g.name,
      perCapita: points(g.perCapita),
      perCapitaLabel: m.poster.perCapita,
      detail: g.headcount === 0 ? m.poster.emptyGroup : m.poster.groupDetail(points(g.points), g.headcount),
      empty: g.headcount === 0,
    })),
    ...(board.groups.length > POSTER_GROUPS
      ? { moreGroups: m.poster.moreGroups(board.groups.length - POSTER_GROUPS) }
      : {}),
    topTitle: m.poster.topTitle(POSTER_TOP),
    top,
    ...(goal === undefined ? {} : { goal: posterGoal(m, goal) }),
    footer: m.poster.footer,
  };
}

function posterGoal(m: Messages, status: GoalStatus): PosterGoal {
  const { team } = status;
  return {
    label: m.poster.goalLabel,
    actual: m.poster.money(team.actual),
    target: m.poster.goalOf(m.poster.money(team.goal)),
    percent: Math.min(100, team.percent),
    percentText: `${team.percent}%`,
    note: team.met
      ? m.poster.goalMet(m.poster.money(team.surplus))
      : team.perDay === undefined
        ? m.poster.goalShort(m.poster.money(team.shortfall))
        : m.poster.goalPerDay(m.poster.money(team.perDay), team.remainingDays),
  };
}

/** A 喜报 for a first deal or a deal at or above the team's threshold; undefined for other news. */
export function buildGoodNewsPoster(
  m: Messages,
  input: { news: MilestoneNews; team: TeamView; day: Day },
): GoodNewsPoster | undefined {
  const { news } = input;
  if (news.kind !== 'first-deal' && news.kind !== 'big-deal') return undefined;
  return {
    kind: 'good-news',
    banner: m.poster.goodNewsBanner,
    headline: news.kind === 'first-deal' ? m.poster.firstDeal : m.poster.bigDeal,
    name: news.member.displayName,
    group: news.member.groupName ?? '',
    amount: m.poster.money(news.amount),
    caption: m.poster.cheer,
    team: input.team.name,
    date: formatDay(m, input.day),
    footer: m.poster.footer,
  };
}

/** Every string the poster draws, for choosing its fonts and for the tofu test. */
export function posterText(poster: Poster): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number') parts.push(String(value));
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) walk(v);
  };
  walk(poster);
  return parts.join('\n');
}

/** The image's alternative text: what a screen reader or a notification shows. */
export function posterAlt(poster: Poster): string {
  return poster.kind === 'pk'
    ? `${poster.banner} · ${poster.team} · ${poster.title}`
    : `${poster.banner} · ${poster.name} · ${poster.headline} ${poster.amount}`;
}

/** The image's file name: ASCII, so every messenger keeps it. */
export function posterFilename(poster: Poster, day: Day): string {
  return poster.kind === 'pk' ? `zhanbao-pk-${day}.png` : `zhanbao-good-news-${day}.png`;
}
