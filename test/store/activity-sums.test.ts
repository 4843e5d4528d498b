import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/** The store's two ways to sum a team per member agree, and the active-only one leaves out the rest. */
describe('per-member sums of a team', () => {
  let database: TestDatabase;
  let store: Store;
  let teamId: number;
  let ids: Map<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    const seeded = await seedTeam(database.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: 'UA', name: '王芳', group: '一组' },
        { id: 'UB', name: '李娜', group: '一组' },
        { id: 'UP', name: '新人', group: '一组', status: 'probation' },
        { id: 'UL', name: '离职', group: '一组', status: 'left' },
        { id: 'UQ', name: '没记录', group: '一组' },
      ],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    await seedEntries(database.prisma, teamId, seeded.memberIds, [
      { who: 'UA', day: '2026-09-30', calls: 10, amount: 5_000 },
      { who: 'UA', day: '2026-10-01', calls: 20, intents: 2 },
      { who: 'UA', day: '2026-10-15', calls: 5, amount: 100_000 },
      { who: 'UB', day: '2026-12-31', calls: 7 },
      { who: 'UB', day: '2027-01-01', calls: 99 },
      { who: 'UP', day: '2026-10-02', calls: 3 },
      { who: 'UL', day: '2026-10-03', calls: 4 },
      // A day with several entries each, one of them taking figures back (as an undo does).
      {
        who: 'UA',
        day: '2027-03-02',
        calls: 40,
        effective: 12,
        followUps: 3,
        appointments: 1,
        visits: 2,
        amount: 80_000,
      },
      { who: 'UA', day: '2027-03-02', calls: 15, intents: 4 },
      { who: 'UA', day: '2027-03-02', calls: -15, intents: -4 },
      { who: 'UB', day: '2027-03-02', calls: 30, amount: -2_000 },
      { who: 'UB', day: '2027-03-02', calls: 1, amount: 3_000 },
    ]);
  });
  afterAll(() => database.close());

  it('sums the quarter of each active member as the team-wide sums do, and only them', async () => {
    const from = day('2026-10-01');
    const to = day('2026-12-31');
    const active = await store.activity.activeMemberTotals(teamId, from, to);
    const all = await store.activity.teamMemberTotals(teamId, from, to);
    expect([...active.keys()].sort()).toEqual([ids.get('UA'), ids.get('UB')].sort());
    for (const [memberId, totals] of active) expect(totals).toEqual(all.get(memberId));
    expect(active.get(ids.get('UA') ?? -1)).toMatchObject({ calls: 25, intents: 2, amount: 100_000 });
    expect(active.get(ids.get('UB') ?? -1)).toMatchObject({ calls: 7 });
    expect(all.has(ids.get('UP') ?? -1) && all.has(ids.get('UL') ?? -1)).toBe(true);
  });

  it("sums one day per member as each member's own sums do, all seven figures", async () => {
    const on = day('2027-03-02');
    const sums = await store.activity.teamMemberTotals(teamId, on, on);
    expect([...sums.keys()].sort()).toEqual([ids.get('UA'), ids.get('UB')].sort());
    for (const [memberId, totals] of sums)
      expect(totals).toEqual(await store.activity.memberTotals(memberId, on, on));
    expect(sums.get(ids.get('UA') ?? -1)).toEqual({
      calls: 40,
      effective: 12,
      intents: 0,
      followUps: 3,
      appointments: 1,
      visits: 2,
      amount: 80_000,
    });
    expect(sums.get(ids.get('UB') ?? -1)).toMatchObject({ calls: 31, amount: 1_000 });
  });

  it('sums nothing to an empty map', async () => {
    expect((await store.activity.teamMemberTotals(teamId, day('2025-01-01'), day('2025-01-31'))).size).toBe(
      0,
    );
    expect((await store.activity.activeMemberTotals(teamId, day('2025-01-01'), day('2025-01-01'))).size).toBe(
      0,
    );
  });
});
