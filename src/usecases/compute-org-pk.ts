import { type Day, earlierDay } from '../domain/days.ts';
import { DEFAULT_PK_WEIGHTS, type GroupStanding, rankGroups } from '../domain/pk.ts';
import { countWorkingDays } from '../domain/working-days.ts';
import type { TeamView } from '../store/roster-repository.ts';
import type { Store } from '../store/store.ts';
import { computePkBoard, type PkPeriod, pkRange } from './compute-pk.ts';

/**
 * The branch PK (分部PK): every team ranked like the groups of one team, by points per full-time
 * person on duty, ties by 业绩 then intents (src/domain/pk.ts rankGroups, each team one entry).
 * Choices, since teams may differ: every team is scored with the default weights (a team's own
 * `/team pk` weights are for its groups), and the period's working days are those of the first
 * team's calendar (the org's), each member's duty days those of their own team.
 */
export type OrgBoard = {
  period: PkPeriod;
  day: Day;
  from: Day;
  to: Day;
  teams: Array<GroupStanding & { team: TeamView; perCapitaAmount: number }>;
};

export async function computeOrgBoard(
  store: Store,
  options: { period: PkPeriod; day: Day },
): Promise<OrgBoard> {
  const { from, to } = pkRange(options.period, options.day);
  const teams = await store.roster.teams();
  const boards = await Promise.all(
    teams.map((team) => computePkBoard(store, { teamId: team.id, period: options.period, day: options.day })),
  );
  const first = boards[0];
  const periodDays =
    options.period === 'day' || first === undefined
      ? 1
      : Math.max(1, countWorkingDays(from, earlierDay(options.day, to), first.calendar));
  const standings = rankGroups({
    weights: DEFAULT_PK_WEIGHTS,
    periodDays,
    groups: boards.map((board) => ({
      groupId: board.team.id,
      name: board.team.name,
      members: board.competitors,
    })),
  });
  const byId = new Map(teams.map((team) => [team.id, team]));
  // Member-days on duty per team, the divisor of per-capita figures (as in rankGroups).
  const units = new Map(
    boards.map((board) => [
      board.team.id,
      board.competitors.reduce((sum, m) => sum + (m.onDuty ? (m.dutyDays ?? 1) : 0), 0),
    ]),
  );
  return {
    period: options.period,
    day: options.day,
    from,
    to,
    teams: standings.flatMap((standing) => {
      const team = byId.get(standing.groupId);
      if (team === undefined) return [];
      // 业绩 per full-time person, in whole yuan (rounded down: money is never rounded up).
      const days = units.get(team.id) ?? 0;
      const perCapitaAmount = days === 0 ? 0 : Math.floor((standing.totals.amount * periodDays) / days);
      return [{ ...standing, team, perCapitaAmount }];
    }),
  };
}
