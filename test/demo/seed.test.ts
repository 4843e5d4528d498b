import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { daysBetween, parseDay } from '../../src/domain/days.ts';
import { isWorkingDay } from '../../src/domain/working-days.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { day } from '../helpers/day.ts';

/** The demo team against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL). */
const TODAY = day('2026-11-27');
const CALENDAR = { workSaturdays: false, overrides: new Map() };

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

describe('seedDemo', () => {
  it('writes a director, two managers, three groups with leaders and 25 agents, two on probation', async () => {
    const summary = await seedDemo(db.prisma, { messenger: 'slack', today: TODAY });
    const members = await db.prisma.member.findMany({ include: { group: true } });
    const count = (role: string) => members.filter((m) => m.role === role).length;
    expect([count('director'), count('manager'), count('leader'), count('agent')]).toEqual([1, 2, 3, 25]);
    expect(members.filter((m) => m.status === 'probation')).toHaveLength(2);
    expect(members.filter((m) => m.status === 'probation').every((m) => m.role === 'agent')).toBe(true);
    expect(new Set(members.map((m) => m.displayName)).size).toBe(members.length);
    expect(
      new Set(members.filter((m) => m.role === 'agent').map((m) => m.level.slice(0, 1))).size,
    ).toBeGreaterThan(2);

    const groups = await db.prisma.group.findMany({ orderBy: { id: 'asc' }, include: { leader: true } });
    expect(groups.map((g) => g.name)).toEqual(['一组', '二组', '三组']);
    expect(groups.map((g) => g.leader?.role)).toEqual(['leader', 'leader', 'leader']);
    expect(groups.map((g) => g.channelId)).toEqual(summary.groups.map((g) => g.channelId));
    expect(groups.map((g) => g.leader?.groupId)).toEqual(groups.map((g) => g.id));
    const team = await db.prisma.team.findFirstOrThrow();
    expect(team.pkChannelId).toBe(summary.teamChannelId);
    expect(await db.prisma.levelChange.count()).toBe(members.length);
  });

  it('logs two months of working days only, before today, with funnels that make sense', async () => {
    const summary = await seedDemo(db.prisma, { messenger: 'slack', today: TODAY });
    const entries = await db.prisma.activityEntry.findMany({ include: { member: true } });
    expect(entries).toHaveLength(summary.entries);
    expect(summary.from).toBe('2026-09-27');
    for (const entry of entries) {
      const entryDay = parseDay(entry.day);
      if (entryDay === undefined) throw new Error(`bad day ${entry.day}`);
      expect(isWorkingDay(entryDay, CALENDAR), entry.day).toBe(true);
      expect(entry.day < TODAY && entry.day >= summary.from).toBe(true);
      expect(entry.day >= entry.member.hiredOn).toBe(true);
      expect(['agent', 'leader']).toContain(entry.member.role);
      expect(entry.calls).toBeGreaterThanOrEqual(entry.effective);
      expect(entry.effective).toBeGreaterThanOrEqual(entry.intents);
      expect(entry.appointments).toBeLessThanOrEqual(entry.intents + entry.followUps);
      expect(entry.calls).toBeLessThan(1500);
      expect(entry.amount % 1000).toBe(0);
    }
    // A Thursday, but 国庆节: nobody works.
    expect(entries.some((e) => e.day === '2026-10-01')).toBe(false);
    // Deals happen, but not every day.
    const withDeals = entries.filter((e) => e.amount > 0).length;
    expect(withDeals).toBeGreaterThan(entries.length / 50);
    expect(withDeals).toBeLessThan(entries.length / 3);
    // The members on probation were hired days ago: a handful of entries at most.
    for (const id of summary.people.probation) {
      const own = entries.filter((e) => e.member.messengerUserId === id);
      expect(own.length).toBeLessThanOrEqual(5);
    }
  });

  it('records the winners of the finished weeks and months for /rank wins', async () => {
    await seedDemo(db.prisma, { messenger: 'slack', today: TODAY });
    const wins = await db.prisma.pkWin.findMany();
    expect(wins.filter((w) => w.period === 'week').map((w) => w.periodKey)).toContain('2026-11-16');
    expect(wins.filter((w) => w.period === 'month').map((w) => w.periodKey)).toEqual(['2026-10']);
  });

  it('is deterministic: the same seed writes the same team and figures', async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(db.prisma, { messenger: 'slack', today: TODAY });
      await seedDemo(other.prisma, { messenger: 'slack', today: TODAY });
      const picture = async (d: TestDatabase) => ({
        members: await d.prisma.member.findMany({
          select: { messengerUserId: true, displayName: true, level: true, hiredOn: true, role: true },
          orderBy: { messengerUserId: 'asc' },
        }),
        entries: await d.prisma.activityEntry.findMany({
          select: { memberId: true, day: true, calls: true, intents: true, amount: true },
          orderBy: { id: 'asc' },
        }),
      });
      expect(await picture(other)).toEqual(await picture(db));
    } finally {
      await other.close();
    }
  });

  it('refuses a store whose roster is not empty, and writes nothing', async () => {
    await seedDemo(db.prisma, { messenger: 'slack', today: TODAY });
    const before = await db.prisma.activityEntry.count();
    await expect(seedDemo(db.prisma, { messenger: 'slack', today: TODAY })).rejects.toThrow(
      /roster already has 31 member/,
    );
    expect(await db.prisma.activityEntry.count()).toBe(before);
    expect(await db.prisma.member.count()).toBe(31);
  });

  it('scales: size sets the groups and agents per group, months the history', async () => {
    const summary = await seedDemo(db.prisma, {
      messenger: 'slack',
      today: TODAY,
      size: { groups: 12, agentsPerGroup: 5 },
      months: 1,
      recordWinners: false,
    });
    expect(summary.groups.map((g) => g.name).slice(9)).toEqual(['十组', '十一组', '十二组']);
    expect(summary.people.agents).toHaveLength(60);
    expect(summary.people.leaders).toHaveLength(12);
    expect(summary.people.managers).toHaveLength(2);
    expect(summary.people.probation).toHaveLength(5);
    expect(daysBetween(summary.from, TODAY)).toBe(31);
    expect(await db.prisma.pkWin.count()).toBe(0);
    await expect(
      seedDemo(db.prisma, { messenger: 'slack', today: TODAY, size: { groups: 0, agentsPerGroup: 5 } }),
    ).rejects.toThrow(/whole numbers/);
  });
});
