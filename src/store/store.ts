import { activityRepository } from './activity-repository.ts';
import { auditRepository } from './audit-repository.ts';
import { calendarRepository } from './calendar-repository.ts';
import { careersRepository } from './careers-repository.ts';
import { goalsRepository } from './goals-repository.ts';
import { jobsRepository } from './jobs-repository.ts';
import { leaveRepository } from './leave-repository.ts';
import type { MessengerName } from './messengers.ts';
import { orgRepository } from './org-repository.ts';
import { payRepository } from './pay-repository.ts';
import { pkRepository } from './pk-repository.ts';
import { createRosterCache, type RosterCache, rosterRepository } from './roster-repository.ts';
import { settingsRepository } from './settings-repository.ts';
import type { Root, Tx } from './tx.ts';
import { wallRepository } from './wall-repository.ts';

/**
 * The one store module: repositories bound to a client, and `transaction`, which hands the use
 * case the same repositories bound to one database transaction (all writes or none).
 */
export type Repositories = {
  roster: ReturnType<typeof rosterRepository>;
  audit: ReturnType<typeof auditRepository>;
  activity: ReturnType<typeof activityRepository>;
  settings: ReturnType<typeof settingsRepository>;
  calendar: ReturnType<typeof calendarRepository>;
  jobs: ReturnType<typeof jobsRepository>;
  pk: ReturnType<typeof pkRepository>;
  careers: ReturnType<typeof careersRepository>;
  pay: ReturnType<typeof payRepository>;
  leave: ReturnType<typeof leaveRepository>;
  org: ReturnType<typeof orgRepository>;
  goals: ReturnType<typeof goalsRepository>;
  wall: ReturnType<typeof wallRepository>;
};

export type Store = Repositories & {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
};

function bind(db: Tx, messenger: MessengerName, rosterCache?: RosterCache): Repositories {
  return {
    roster: rosterRepository(db, messenger, rosterCache),
    audit: auditRepository(db),
    activity: activityRepository(db),
    settings: settingsRepository(db),
    calendar: calendarRepository(db),
    jobs: jobsRepository(db),
    pk: pkRepository(db),
    careers: careersRepository(db),
    pay: payRepository(db),
    leave: leaveRepository(db),
    org: orgRepository(db, messenger),
    goals: goalsRepository(db),
    wall: wallRepository(db),
  };
}

/**
 * The store of one messenger's teams (see rosterRepository): each messenger's adapter gets its
 * own, over the same database, so that a Slack user id never finds a DingTalk member.
 */
export function createStore(root: Root, messenger: MessengerName): Store {
  return {
    ...bind(root, messenger, createRosterCache()),
    transaction: (work) =>
      root.$transaction((tx) => work(bind(tx, messenger)), { maxWait: 10_000, timeout: 20_000 }),
  };
}
