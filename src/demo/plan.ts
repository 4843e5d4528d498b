import { addDays, type Day, dayFromParts, endOfMonth } from '../domain/days.ts';
import { LEVELS, type LevelCode, levelInfo, type Tier } from '../domain/levels.ts';
import type { MetricTotals } from '../domain/metrics.ts';
import type { Role, Status } from '../domain/roles.ts';
import { TIER_TARGETS } from '../domain/targets.ts';
import { createNamer, groupName } from './names.ts';
import { between, chance, pick, type Random, uniform, weighted } from './random.ts';

/**
 * The demo team on paper: who works where, at which level since when, and what each of them
 * logs on a working day. Pure (the random source comes in), so the same seed plans the same team;
 * seed.ts writes the plan to the store.
 */
export type DemoPerson = {
  /** The messenger user id, Slack-shaped: UDEMO00001. */
  ref: string;
  name: string;
  role: Role;
  status: Status;
  /** Index into the planned groups, or null (managers, the director). */
  group: number | null;
  level: LevelCode;
  hiredOn: Day;
  joinedOn: Day | null;
  /** Personal form: 1 is the tier's daily target, 1.2 a fifth above it. */
  form: number;
};

export type DemoGroup = { name: string; channelId: string };

/**
 * The demo's ids are Slack-shaped and carry a key: `DEMO` for the first team (UDEMO00001, CDEMOPK,
 * CDEMOG001), another key for each further branch (UDEMOB200001…), so branches never share an id.
 */
export const DEMO_KEY = 'DEMO';
export const demoTeamChannel = (key: string = DEMO_KEY): string => `C${key}PK`;
export const DEMO_TEAM_CHANNEL = demoTeamChannel();
export const demoGroupChannel = (index: number, key: string = DEMO_KEY): string =>
  `C${key}G${String(index + 1).padStart(3, '0')}`;

/** What the default demo is: 25 agents in three groups of 9, 8 and 8. */
export const DEFAULT_AGENTS_PER_GROUP: readonly number[] = [9, 8, 8];

/** A loan closes in a lump around this size (yuan); the odds of a deal follow the monthly target. */
const AVERAGE_DEAL = 80_000;
/** Days someone is away (sick, training, leave) without logging. */
const ABSENCE = 0.04;
/** Leaders coach more than they dial. */
const LEADER_ACTIVITY = 0.6;

const AGENT_LEVELS: ReadonlyArray<readonly [Tier, number]> = [
  ['trainee', 25],
  ['account', 40],
  ['senior', 25],
  ['principal', 10],
];

/** Days on the team by tier: 见习 are this year's hires, 资深 have been there for years. */
const SERVICE_DAYS: Record<Tier, readonly [number, number]> = {
  trainee: [60, 200],
  account: [150, 700],
  senior: [400, 1200],
  principal: [800, 2200],
};

function levelOf(random: Random, tier: Tier): LevelCode {
  return pick(
    random,
    LEVELS.filter((level) => level.tier === tier),
  ).code;
}

/** Probation (the 7-day drill) is passed a week after hiring: that day is 入司. */
const PROBATION_DAYS = 7;

export function planTeam(
  random: Random,
  options: { today: Day; agentsPerGroup: readonly number[]; probation: number; key?: string },
): { groups: DemoGroup[]; people: DemoPerson[] } {
  const key = options.key ?? DEMO_KEY;
  const name = createNamer(random);
  const people: DemoPerson[] = [];
  const add = (person: Omit<DemoPerson, 'ref' | 'name'>) =>
    people.push({ ref: `U${key}${String(people.length + 1).padStart(5, '0')}`, name: name(), ...person });
  const veteran = (minDays: number, maxDays: number) => {
    const hiredOn = addDays(options.today, -between(random, minDays, maxDays));
    return { hiredOn, joinedOn: addDays(hiredOn, PROBATION_DAYS), status: 'active' as const };
  };

  add({ role: 'director', group: null, level: 'E3', form: 1, ...veteran(1500, 3000) });
  const managers = Math.max(2, Math.ceil(options.agentsPerGroup.length / 10));
  for (let i = 0; i < managers; i += 1)
    add({ role: 'manager', group: null, level: 'E2', form: 1, ...veteran(900, 2500) });

  const groups = options.agentsPerGroup.map((_, index) => ({
    name: groupName(index + 1),
    channelId: demoGroupChannel(index, key),
  }));
  const totalAgents = options.agentsPerGroup.reduce((sum, n) => sum + n, 0);
  // Spread the members on probation over the team rather than bunching them in one group.
  const onProbation = new Set(
    Array.from({ length: options.probation }, (_, k) =>
      Math.floor(((k + 0.5) * totalAgents) / options.probation),
    ),
  );
  let agentIndex = 0;
  options.agentsPerGroup.forEach((agents, group) => {
    add({
      role: 'leader',
      group,
      level: levelOf(
        random,
        weighted(random, [
          ['senior', 2],
          ['principal', 1],
        ]),
      ),
      form: uniform(random, 0.9, 1.2),
      ...veteran(400, 2000),
    });
    for (let i = 0; i < agents; i += 1, agentIndex += 1) {
      if (onProbation.has(agentIndex)) {
        const hiredOn = addDays(options.today, -between(random, 1, 5));
        add({ role: 'agent', group, level: 'P1', status: 'probation', hiredOn, joinedOn: null, form: 0.8 });
      } else if (chance(random, 0.08)) {
        // Joined a few weeks ago: part of the history starts mid-period, as in a real team.
        add({ role: 'agent', group, level: 'P1', form: uniform(random, 0.8, 1.1), ...veteran(21, 40) });
      } else {
        const tier = weighted(random, AGENT_LEVELS);
        const [minDays, maxDays] = SERVICE_DAYS[tier];
        add({
          role: 'agent',
          group,
          level: levelOf(random, tier),
          form: uniform(random, 0.75, 1.25),
          ...veteran(minDays, maxDays),
        });
      }
    }
  });
  return { groups, people };
}

/**
 * One person's figures for one working day, or undefined when they were away. The funnel holds
 * as the bot's own checks want it: calls ≥ effective ≥ intents, appointments ≤ intents +
 * follow-ups, and nothing near the daily ceilings.
 */
export function dayOfWork(random: Random, person: DemoPerson): MetricTotals | undefined {
  if (chance(random, ABSENCE)) return undefined;
  const { daily, monthlyAmount } = TIER_TARGETS[levelInfo(person.level).tier];
  const activity = person.role === 'leader' ? LEADER_ACTIVITY : 1;
  const today = person.form * uniform(random, 0.8, 1.2);
  const around = (target: number, spread: number) =>
    Math.max(0, Math.round(target * today * uniform(random, 1 - spread, 1 + spread)));
  const calls = Math.max(20, around(daily.calls * activity, 0.1));
  const effective = Math.min(calls, around(daily.effective * activity, 0.15));
  const intents = Math.min(effective, around(daily.intents, 0.35));
  const followUps = around(daily.followUps, 0.3);
  const appointments = Math.min(intents + followUps, around(daily.appointments, 0.5));
  const dealOdds = (monthlyAmount * person.form) / (22 * AVERAGE_DEAL);
  const amount = chance(random, dealOdds)
    ? Math.round((AVERAGE_DEAL * uniform(random, 0.4, 1.6)) / 1000) * 1000
    : 0;
  // Half of the bookings show (到访), as the default targets expect; no extra random draw, so the
  // demo's other figures stay what they were for a given seed.
  const visits = Math.floor(appointments / 2);
  return { calls, effective, intents, followUps, appointments, visits, amount };
}

/** The same day `months` calendar months earlier (31 March − 1 month → 28/29 February). */
export function monthsBefore(day: Day, months: number): Day {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - months;
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const first = dayFromParts(y, m, 1);
  if (first === undefined) throw new Error(`no month ${y}-${m}`);
  const last = Number(endOfMonth(first).slice(8, 10));
  const result = dayFromParts(y, m, Math.min(Number(day.slice(8, 10)), last));
  if (result === undefined) throw new Error(`no day ${y}-${m}`);
  return result;
}
