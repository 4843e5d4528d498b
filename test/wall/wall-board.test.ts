import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { messagesFor } from '../../src/i18n/index.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import type { UseCaseDeps } from '../../src/usecases/context.ts';
import { getWallBoard } from '../../src/usecases/get-wall-board.ts';
import { buildWallView } from '../../src/views/wall-view.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * What the wallboard reads, on a real database: today's milestones only (by the day each one is
 * about), names as plain text, at most three, and the day's biggest deal when there is no news.
 * Friday 27 November 2026, 15:00 in Shanghai.
 */
describe('the wallboard’s board', () => {
  let database: TestDatabase;
  let store: Store;
  let deps: UseCaseDeps;
  let teamId: number;
  let ids: Map<string, number>;
  let groupIds: Map<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    deps = {
      store,
      clock: fixedClock('2026-11-27T07:00:00Z'),
      admins: [],
      defaults: { teamName: '电销团队', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
    };
    const seeded = await seedTeam(database.prisma, {
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UA', name: '张伟', group: '一组' },
        { id: 'UB', name: '李娜', group: '二组' },
        { id: 'UM', name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    groupIds = seeded.groupIds;
  });
  afterAll(() => database.close());

  const claim = (kind: string, subjectKey: string, key: string, detail: unknown) =>
    store.pk.claimMilestone({ teamId, kind, subjectKey, key, detail });

  it('falls back to the day’s biggest deal, and lists only who scored', async () => {
    await seedEntries(database.prisma, teamId, ids, [
      { who: 'UA', day: '2026-11-27', calls: 100, amount: 50_000 },
      { who: 'UB', day: '2026-11-27', calls: 80, amount: 120_000 },
      { who: 'UA', day: '2026-11-26', amount: 900_000 },
    ]);
    const board = await getWallBoard(deps, teamId);
    expect(board.day).toBe('2026-11-27');
    expect(board.news).toEqual([{ kind: 'top-deal', name: '李娜', amount: 120_000 }]);
    // The manager does not compete; nobody with no points is listed.
    expect(board.top.map((s) => s.name)).toEqual(['李娜', '张伟']);
  });

  it('shows today’s milestones, newest first, at most three; never another day’s', async () => {
    const member = (who: string) => `member:${ids.get(who)}`;
    const group = (name: string) => `group:${groupIds.get(name)}`;
    await claim('first-deal', member('UB'), 'first', { day: '2026-11-26', amount: 10_000 });
    await claim('personal-best', member('UA'), '2026-11-26', { points: 300, previous: 200 });
    await claim('win-streak', group('二组'), 'week:2026-11-23', { streak: 3 });
    expect((await getWallBoard(deps, teamId)).news.map((n) => n.kind)).toEqual(['top-deal']);

    await claim('first-deal', member('UA'), 'first-again', { day: '2026-11-27', amount: 50_000 });
    await claim('win-streak', group('一组'), 'day:2026-11-27', { streak: 3 });
    await claim('personal-best', member('UB'), '2026-11-27', { points: 400, previous: 380 });
    await claim('personal-best', member('UA'), '2026-11-27', { points: 390, previous: 310 });
    const board = await getWallBoard(deps, teamId);
    expect(board.news).toEqual([
      { kind: 'personal-best', name: '张伟', points: 390, previous: 310 },
      { kind: 'personal-best', name: '李娜', points: 400, previous: 380 },
      { kind: 'win-streak', groupName: '一组', streak: 3 },
    ]);
    const view = buildWallView(messagesFor('en'), board);
    expect(view.news).toEqual([
      '🔥 张伟 set a personal best: 390 points today (best before: 310)',
      '🔥 李娜 set a personal best: 400 points today (best before: 380)',
      '🏆 一组 won the PK 3 times in a row!',
    ]);
    expect(view.labels.groupPk).toBe("Today's group PK");
  });

  it('ignores a milestone whose details cannot be read', async () => {
    await database.prisma.milestone.updateMany({ where: { teamId }, data: { detail: 'not json' } });
    expect((await getWallBoard(deps, teamId)).news.map((n) => n.kind)).toEqual(['top-deal']);
  });
});
