import type { Messages } from '../i18n/index.ts';
import { formatCount, formatYuan } from '../i18n/numbers.ts';
import type { WallBoard, WallNews } from '../usecases/get-wall-board.ts';
import { MEDALS, points } from './pk-view.ts';
import { formatDay } from './progress.ts';

/**
 * The office wallboard as plain data in the reader's language: every label and figure already
 * written out, so the page's script only places text (never markup) and the event stream sends
 * the same shape. Plain text throughout: names are shown as typed, not as mentions.
 */
export type WallView = {
  lang: 'zh-CN' | 'en';
  title: string;
  team: string;
  date: string;
  labels: {
    groupPk: string;
    topMembers: string;
    rank: string;
    group: string;
    member: string;
    perCapita: string;
    points: string;
    memberPoints: string;
    headcount: string;
    amount: string;
    calls: string;
    intents: string;
    news: string;
    live: string;
    reconnecting: string;
    noScores: string;
    noNews: string;
  };
  groups: Array<{
    rank: number;
    badge: string;
    name: string;
    perCapita: string;
    points: string;
    headcount: string;
    amount: string;
  }>;
  top: Array<{
    rank: number;
    badge: string;
    name: string;
    points: string;
    calls: string;
    intents: string;
    amount: string;
  }>;
  /** The month so far: the percent (undefined without a goal), 业绩 done, the goal, what is needed. */
  goal: { title: string; percent: number | undefined; actual: string; target: string; need: string };
  news: string[];
};

export function buildWallView(m: Messages, board: WallBoard): WallView {
  const month = Number(board.day.slice(5, 7));
  return {
    lang: m.locale === 'en' ? 'en' : 'zh-CN',
    title: m.wall.pageTitle(board.team.name),
    team: board.team.name,
    date: formatDay(m, board.day),
    labels: {
      groupPk: m.wall.groupPk,
      topMembers: m.wall.topMembers,
      rank: m.wall.rank,
      group: m.wall.group,
      member: m.wall.member,
      perCapita: m.wall.perCapita,
      points: m.wall.points,
      memberPoints: m.wall.memberPoints,
      headcount: m.wall.headcount,
      amount: m.metrics.amount,
      calls: m.metrics.calls,
      intents: m.metrics.intents,
      news: m.wall.news,
      live: m.wall.live,
      reconnecting: m.wall.reconnecting,
      noScores: m.wall.noScores,
      noNews: m.wall.noNews,
    },
    groups: board.groups.map((g) => ({
      rank: g.rank,
      badge: MEDALS[g.rank - 1] ?? String(g.rank),
      name: g.name,
      perCapita: points(g.perCapita),
      points: points(g.points),
      headcount: formatCount(g.headcount),
      amount: formatYuan(g.totals.amount),
    })),
    top: board.top.map((s) => ({
      rank: s.rank,
      badge: MEDALS[s.rank - 1] ?? String(s.rank),
      name: s.name,
      points: points(s.points),
      calls: formatCount(s.totals.calls),
      intents: formatCount(s.totals.intents),
      amount: formatYuan(s.totals.amount),
    })),
    goal: goalPart(m, board, month),
    news: board.news.map((n) => newsText(m, n)),
  };
}

function goalPart(m: Messages, board: WallBoard, month: number): WallView['goal'] {
  const title = m.wall.goal(month);
  const team = board.goal?.team;
  if (team === undefined) return { title, percent: undefined, actual: '', target: '', need: m.wall.noGoal };
  const need = team.met
    ? m.wall.goalMet
    : team.perDay === undefined
      ? m.wall.goalNoDays(formatYuan(team.shortfall))
      : m.wall.goalNeed(team.remainingDays, formatYuan(team.perDay));
  return {
    title,
    percent: team.percent,
    actual: formatYuan(team.actual),
    target: m.wall.goalTarget(formatYuan(team.goal)),
    need,
  };
}

function newsText(m: Messages, news: WallNews): string {
  switch (news.kind) {
    case 'first-deal':
      return m.milestones.firstDeal(news.name, formatYuan(news.amount));
    case 'personal-best':
      return m.milestones.personalBest(news.name, points(news.points), points(news.previous));
    case 'win-streak':
      return m.milestones.winStreak(news.groupName, news.streak);
    case 'top-deal':
      return m.wall.topDeal(news.name, formatYuan(news.amount));
  }
}
