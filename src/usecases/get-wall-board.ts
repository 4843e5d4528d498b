import type { Day } from '../domain/days.ts';
import type { GroupStanding, MemberStanding } from '../domain/pk.ts';
import type { MilestoneRecord } from '../store/pk-repository.ts';
import type { TeamView } from '../store/roster-repository.ts';
import { computePkBoard } from './compute-pk.ts';
import { todayFor, type UseCaseDeps } from './context.ts';
import { type GoalStatus, teamGoalStatusToday } from './team-goals.ts';

/**
 * What the office wallboard shows, all of it already public in the team channel: today's group
 * PK, the top members of the day, the month against the team goal, and the day's good news.
 * Nothing about pay, and no individual targets (the board's `behind` lists are not read).
 */
export type WallNews =
  | { kind: 'first-deal'; name: string; amount: number }
  | { kind: 'personal-best'; name: string; points: number; previous: number }
  | { kind: 'win-streak'; groupName: string; streak: number }
  /** No milestone today: the day's biggest 业绩 so far. */
  | { kind: 'top-deal'; name: string; amount: number };

export type WallBoard = {
  team: Pick<TeamView, 'id' | 'name'>;
  day: Day;
  groups: GroupStanding[];
  top: MemberStanding[];
  goal: GoalStatus | undefined;
  news: WallNews[];
};

export const WALL_TOP_MEMBERS = 10;
const WALL_NEWS = 3;
/** Milestones read to find today's: a day has a handful, never dozens. */
const RECENT_MILESTONES = 50;

/** The wallboard of a team, through the same use cases as /rank and /stats team. */
export async function getWallBoard(deps: UseCaseDeps, teamId: number): Promise<WallBoard> {
  const team = await deps.store.roster.team(teamId);
  const day = todayFor(deps, team);
  const [board, goal, milestones] = await Promise.all([
    computePkBoard(deps.store, { teamId, period: 'day', day }),
    teamGoalStatusToday(deps, team),
    deps.store.pk.recentMilestones(teamId, RECENT_MILESTONES),
  ]);
  const nameOf = (subjectKey: string): string | undefined => {
    const [kind, id] = subjectKey.split(':');
    if (kind === 'member') return board.memberViews.get(Number(id))?.displayName;
    if (kind === 'group') return board.groupViews.find((g) => g.id === Number(id))?.name;
    return undefined;
  };
  const news = milestones.flatMap((record) => todaysNews(record, day, nameOf)).slice(0, WALL_NEWS);
  if (news.length === 0) {
    const best = [...board.members].sort((a, b) => b.totals.amount - a.totals.amount)[0];
    if (best !== undefined && best.totals.amount > 0)
      news.push({ kind: 'top-deal', name: best.name, amount: best.totals.amount });
  }
  return {
    team: { id: team.id, name: team.name },
    day,
    groups: board.groups,
    // Only members who scored: a morning board is not a list of zeros.
    top: board.members.filter((s) => s.points > 0).slice(0, WALL_TOP_MEMBERS),
    goal,
    news,
  };
}

/** A milestone claimed for `day` (its key or figures say which day), as news. */
function todaysNews(
  record: MilestoneRecord,
  day: Day,
  nameOf: (subjectKey: string) => string | undefined,
): WallNews[] {
  const name = nameOf(record.subjectKey);
  switch (record.kind) {
    case 'first-deal':
      return record.detail.day === day && name !== undefined && record.detail.amount !== undefined
        ? [{ kind: 'first-deal', name, amount: record.detail.amount }]
        : [];
    case 'personal-best':
      return record.key === day && name !== undefined && record.detail.points !== undefined
        ? [
            {
              kind: 'personal-best',
              name,
              points: record.detail.points,
              previous: record.detail.previous ?? 0,
            },
          ]
        : [];
    case 'win-streak':
      // Daily streaks only: a week's or month's is claimed when its period ends, not today.
      return record.key === `day:${day}` && name !== undefined && record.detail.streak !== undefined
        ? [{ kind: 'win-streak', groupName: name, streak: record.detail.streak }]
        : [];
    default:
      return [];
  }
}
