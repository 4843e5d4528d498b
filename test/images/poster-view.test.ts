import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/index.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { computePkBoard } from '../../src/usecases/compute-pk.ts';
import { goalStatus } from '../../src/usecases/team-goals.ts';
import { buildGoodNewsPoster, buildPkPoster, posterAlt, posterText } from '../../src/views/poster-view.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/** The poster's data from a real board: what the renderer is given to draw. */
describe('the 战报 poster built from a board', () => {
  let database: TestDatabase;
  let store: Store;
  let teamId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    const seeded = await seedTeam(database.prisma, {
      groups: [{ name: '龑腾组' }, { name: '二组' }, { name: '三组' }],
      members: [
        { id: 'a1', name: '李龑', group: '龑腾组' },
        { id: 'a2', name: '张堃', group: '龑腾组' },
        { id: 'b1', name: '赵赟', group: '二组' },
        { id: 'b2', name: '陈喆', group: '二组' },
        { id: 'm1', name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    await seedEntries(database.prisma, teamId, seeded.memberIds, [
      { who: 'a1', day: '2026-11-26', effective: 50, intents: 4, amount: 30_000 },
      { who: 'a2', day: '2026-11-26', effective: 30 },
      { who: 'b1', day: '2026-11-26', effective: 40 },
    ]);
  });
  afterAll(() => database.close());

  it('ranks the groups with per-capita and totals, names the scorers, says the goal', async () => {
    const board = await computePkBoard(store, { teamId, period: 'day', day: day('2026-11-26') });
    const goal = await goalStatus(store, { teamId, day: day('2026-11-26'), dayOver: true });
    const m = messagesFor('zh-CN');
    const poster = buildPkPoster(m, { board, result: false, ...(goal === undefined ? {} : { goal }) });
    // 龑腾组: 50 + 20 + 60 (¥30,000) + 30 = 160 over 2; 二组: 40 over 2; 三组 has nobody.
    expect(poster.groups).toEqual([
      {
        rank: 1,
        name: '龑腾组',
        perCapita: '80',
        perCapitaLabel: '人均分',
        detail: '合计 160 分 · 2 人',
        empty: false,
      },
      {
        rank: 2,
        name: '二组',
        perCapita: '20',
        perCapitaLabel: '人均分',
        detail: '合计 40 分 · 2 人',
        empty: false,
      },
      {
        rank: 3,
        name: '三组',
        perCapita: '0',
        perCapitaLabel: '人均分',
        detail: '今日无人在岗',
        empty: true,
      },
    ]);
    // 陈喆 scored nothing: not on the poster.
    expect(poster.top.map((t) => [t.rank, t.name, t.group, t.points])).toEqual([
      [1, '李龑', '龑腾组', '130 分'],
      [2, '赵赟', '二组', '40 分'],
      [3, '张堃', '龑腾组', '30 分'],
    ]);
    expect(poster).toMatchObject({ banner: '战报', title: '小组PK榜 · 11月26日', date: '11月26日' });
    expect(poster.goal).toMatchObject({
      label: '本月团队目标',
      actual: '¥3万',
      percentText: `${goal?.team.percent}%`,
      target: `目标 ${m.poster.money(goal?.team.goal ?? 0)}`,
    });
    expect(posterAlt(poster)).toBe(`战报 · ${board.team.name} · 小组PK榜 · 11月26日`);
    // Nothing the poster's font cannot draw.
    expect(posterText(poster)).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('draws in English for an English team, amounts written out', async () => {
    const board = await computePkBoard(store, { teamId, period: 'day', day: day('2026-11-26') });
    const goal = await goalStatus(store, { teamId, day: day('2026-11-26'), dayOver: true });
    const poster = buildPkPoster(messagesFor('en'), {
      board,
      result: false,
      ...(goal === undefined ? {} : { goal }),
    });
    expect(poster.banner).toBe('PK RESULTS');
    expect(poster.groups[0]?.detail).toBe('160 pts in all · 2 people');
    expect(poster.goal?.actual).toBe('¥30,000');
  });

  it('a 喜报 for a first deal and for a big deal, none for other news', async () => {
    const team = await store.roster.team(teamId);
    const member = await store.roster.memberByMessengerId('a1');
    if (member === undefined || member === null) throw new Error('seeded member missing');
    const m = messagesFor('zh-CN');
    const first = buildGoodNewsPoster(m, {
      news: { kind: 'first-deal', member, amount: 125_000 },
      team,
      day: day('2026-11-26'),
    });
    expect(first).toMatchObject({
      banner: '喜报',
      headline: '首单开张',
      name: '李龑',
      group: '龑腾组',
      amount: '¥12.5万',
    });
    const big = buildGoodNewsPoster(m, {
      news: { kind: 'big-deal', member, amount: 300_000, threshold: 100_000 },
      team,
      day: day('2026-11-26'),
    });
    expect(big?.headline).toBe('大单捷报');
    expect(
      buildGoodNewsPoster(m, {
        news: { kind: 'win-streak', groupName: '龑腾组', streak: 3 },
        team,
        day: day('2026-11-26'),
      }),
    ).toBeUndefined();
  });
});

describe('the 战报 poster of a very large team', () => {
  it('shows the first twelve groups and says how many more the text board has', async () => {
    const database = await createTestDatabase();
    try {
      const names = Array.from({ length: 15 }, (_, i) => `${i + 1}组`);
      const seeded = await seedTeam(database.prisma, {
        groups: names.map((name) => ({ name })),
        members: names.map((group, i) => ({ id: `u${i}`, name: `成员${i}`, group })),
      });
      const store = createStore(database.prisma, 'slack');
      const board = await computePkBoard(store, {
        teamId: seeded.teamId,
        period: 'day',
        day: day('2026-11-26'),
      });
      const zh = buildPkPoster(messagesFor('zh-CN'), { board, result: false });
      expect(zh.groups).toHaveLength(12);
      expect(zh.moreGroups).toBe('另有 3 个小组，完整排名见文字战报');
      const en = buildPkPoster(messagesFor('en'), { board, result: false });
      expect(en.moreGroups).toBe('3 more groups: the text board ranks them all');
      const small = buildPkPoster(messagesFor('zh-CN'), {
        board: { ...board, groups: board.groups.slice(0, 12) },
        result: false,
      });
      expect(small.moreGroups).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
