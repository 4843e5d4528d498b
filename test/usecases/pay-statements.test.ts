import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE, type RuleVersionId, type Statement } from '../../src/domain/pay.ts';
import type { TeamView } from '../../src/store/roster-repository.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { closeMonth, isPaidByRule, statementFor, teamPay } from '../../src/usecases/pay-statements.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * The month close and the team's running statements are computed for the whole team from a few
 * queries; /pay and late corrections compute one member's with statementFor. Both must give the
 * same statements, on a November 2026 with every case that changes one (team in Asia/Shanghai,
 * UTC+8 all year).
 */
describe('pay statements of a whole team', () => {
  let database: TestDatabase;
  let store: Store;
  let team: TeamView;
  let ids: Map<string, number>;
  let a2VersionId: RuleVersionId | undefined;
  const month = '2026-11';

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    const prisma = database.prisma;
    const seeded = await seedTeam(prisma, {
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UMGR', name: '经理', role: 'manager' }, // not paid by the rule, 业绩 or not
        { id: 'ULEAD', name: '组长', group: '一组', role: 'leader', level: 'S1', hiredOn: '2025-01-02' },
        { id: 'UFULL', name: '全月', group: '一组', hiredOn: '2025-01-02' },
        {
          id: 'UJOIN',
          name: '月中入职',
          group: '一组',
          level: 'P1',
          hiredOn: '2026-11-16',
          status: 'probation',
        },
        { id: 'ULEFT', name: '月中离职', group: '二组', hiredOn: '2025-01-02', status: 'left' },
        { id: 'UUP', name: '月中晋升', group: '二组', level: 'A2', hiredOn: '2025-01-02' },
        { id: 'ULATE', name: '次月凌晨晋升', group: '二组', level: 'A2', hiredOn: '2025-01-02' },
        { id: 'UEVE', name: '月末深夜晋升', group: '二组', level: 'A2', hiredOn: '2025-01-02' },
        { id: 'UNEXT', name: '下月才变', group: '二组', level: 'A3', hiredOn: '2025-01-02' },
        { id: 'UADJ', name: '有调整', group: '一组', hiredOn: '2025-01-02' },
        { id: 'UZERO', name: '零业绩', group: '二组', hiredOn: '2025-01-02' },
        { id: 'UGONE', name: '上月已离职', group: '二组', hiredOn: '2025-01-02', status: 'left' },
        {
          id: 'UDEC',
          name: '下月入职',
          group: '二组',
          level: 'P1',
          hiredOn: '2026-12-07',
          status: 'probation',
        },
      ],
    });
    ids = seeded.memberIds;
    team = await store.roster.team(seeded.teamId);
    const id = (ref: string) => ids.get(ref) ?? -1;
    await prisma.member.updateMany({ where: { messengerUserId: 'ULEFT' }, data: { leftOn: '2026-11-10' } });
    await prisma.member.updateMany({ where: { messengerUserId: 'UGONE' }, data: { leftOn: '2026-10-20' } });

    // Level histories, `at` in UTC: 16:00Z is midnight in Shanghai.
    const changes: Array<[string, string | null, string, string]> = [
      ['UFULL', null, 'A1', '2025-01-01T16:00:00Z'],
      ['UUP', null, 'A1', '2025-01-01T16:00:00Z'],
      ['UUP', 'A1', 'A2', '2026-11-12T03:00:00Z'], // promoted within the month: A2 on the last day
      ['ULATE', 'A1', 'A2', '2026-11-30T16:30:00Z'], // 00:30 on 1 December: still A1 on 30 November
      ['UEVE', 'A1', 'A2', '2026-11-30T15:30:00Z'], // 23:30 on 30 November: A2 on the last day
      ['UNEXT', 'A2', 'A3', '2026-12-10T02:00:00Z'], // only change is later: the level it changed from
      ['ULEFT', null, 'A1', '2025-01-01T16:00:00Z'],
      ['ULEFT', 'A1', 'A2', '2026-11-20T02:00:00Z'], // after leaving on the 10th: A1 applies
    ];
    for (const [ref, fromLevel, toLevel, at] of changes) {
      await prisma.levelChange.create({
        data: { memberId: id(ref), fromLevel, toLevel, reason: 'manual', at: new Date(at) },
      });
    }
    // A2 earns a different base, so that the level held on the last day shows in the total.
    await store.pay.addRuleVersions(team.id, 'UMGR', [
      { level: 'A2', effectiveFrom: day('2026-01-01'), rule: { ...DEFAULT_PAY_RULE, baseFen: 300_000 } },
    ]);
    a2VersionId = (await store.pay.ruleVersions(team.id))[0]?.id;

    await seedEntries(prisma, team.id, ids, [
      { who: 'UMGR', day: '2026-11-03', amount: 90000 },
      { who: 'ULEAD', day: '2026-11-02', amount: 120000 },
      { who: 'ULEAD', day: '2026-11-20', amount: 100000 },
      { who: 'UFULL', day: '2026-10-31', amount: 70000 }, // the day before the month: not counted
      { who: 'UFULL', day: '2026-11-01', amount: 150000 },
      { who: 'UFULL', day: '2026-11-30', amount: 60000 },
      { who: 'UFULL', day: '2026-12-01', amount: 80000 }, // the day after: not counted
      { who: 'UJOIN', day: '2026-11-18', amount: 30000 },
      { who: 'ULEFT', day: '2026-11-09', amount: 10000 },
      { who: 'UUP', day: '2026-11-05', amount: 250000 },
      { who: 'ULATE', day: '2026-11-25', amount: 50000 },
      { who: 'UEVE', day: '2026-11-25', amount: 50000 },
      { who: 'UNEXT', day: '2026-11-11', amount: 200000 },
      { who: 'UADJ', day: '2026-11-11', amount: 5000 },
      { who: 'UADJ', day: '2026-11-12', amount: -2000 }, // a compensating entry
    ]);
    const adjustment = { teamId: team.id, correctsMonth: '2026-10', createdBy: 'UMGR' };
    await store.pay.addAdjustment({
      ...adjustment,
      memberId: id('UADJ'),
      appliesTo: month,
      amountFen: -12345,
      reason: 'a',
    });
    await store.pay.addAdjustment({
      ...adjustment,
      memberId: id('UADJ'),
      appliesTo: month,
      amountFen: 500,
      reason: 'b',
    });
    await store.pay.addAdjustment({
      ...adjustment,
      memberId: id('UZERO'),
      appliesTo: '2026-12',
      amountFen: 999,
      reason: 'c',
    });
  });
  afterAll(async () => {
    await database.close();
  });

  /** statementFor member by member, as /pay computes them, in roster order. */
  async function oneByOne(): Promise<Array<{ ref: string; statement: Statement }>> {
    const members = (await store.roster.members(team.id)).filter(isPaidByRule);
    const rows: Array<{ ref: string; statement: Statement }> = [];
    for (const member of members) {
      const statement = await statementFor(store, team, member, month);
      if (statement !== undefined) rows.push({ ref: member.messengerUserId, statement });
    }
    return rows;
  }

  it('gives the running statements of the month exactly as statementFor does, member by member', async () => {
    const expected = await oneByOne();
    const pay = await teamPay(store, team, month);
    expect(pay.closed).toBe(false);
    expect(pay.rows.map((r) => ({ ref: r.member.messengerUserId, statement: r.statement }))).toEqual(
      expected,
    );
    expect(pay.totalFen).toBe(expected.reduce((sum, r) => sum + r.statement.totalFen, 0));

    const byRef = new Map(expected.map((r) => [r.ref, r.statement]));
    // Employed in November and paid by the rule; not the manager, nor who left before or came after.
    expect([...byRef.keys()].sort()).toEqual(
      ['UADJ', 'UEVE', 'UFULL', 'ULATE', 'ULEAD', 'ULEFT', 'UJOIN', 'UNEXT', 'UUP', 'UZERO'].sort(),
    );
    expect(byRef.get('UFULL')).toMatchObject({ amountYuan: 210000, level: 'A1', totalFen: 200000 + 210000 });
    expect(byRef.get('UUP')).toMatchObject({
      level: 'A2',
      ruleVersion: a2VersionId,
      totalFen: 300000 + 250000,
    });
    expect(byRef.get('ULATE')).toMatchObject({ level: 'A1', ruleVersion: 'default' });
    expect(byRef.get('UEVE')).toMatchObject({ level: 'A2', ruleVersion: a2VersionId });
    expect(byRef.get('UNEXT')).toMatchObject({ level: 'A2', totalFen: 300000 + 200000 });
    expect(byRef.get('ULEFT')).toMatchObject({ level: 'A1', amountYuan: 10000 });
    expect(byRef.get('ULEFT')?.lines[0]).toMatchObject({
      code: 'base-pro-rata',
      detail: { daysEmployed: 10 },
    });
    expect(byRef.get('UJOIN')?.lines[0]).toMatchObject({
      code: 'base-pro-rata',
      detail: { daysEmployed: 15 },
    });
    // 业绩 ¥3,000: below target, cut ¥500; commission ¥30; adjustments −¥123.45 + ¥5.00.
    expect(byRef.get('UADJ')).toMatchObject({
      adjustmentsFen: -11845,
      totalFen: 200000 - 50000 + 3000 - 11845,
    });
    expect(byRef.get('UZERO')).toMatchObject({ amountYuan: 0, adjustmentsFen: 0, totalFen: 100000 });
  });

  it('freezes at the month close the same statements, in roster order, once', async () => {
    const expected = await oneByOne();
    const closed = await store.transaction((repos) => closeMonth(repos, team, month));
    expect(closed.closed).toBe(true);
    const frozen = await database.prisma.payStatement.findMany({
      where: { month },
      select: { teamId: true, memberId: true, statement: true, totalFen: true },
      orderBy: { id: 'asc' },
    });
    expect(frozen).toEqual(
      expected.map(({ ref, statement }) => ({
        teamId: team.id,
        memberId: ids.get(ref),
        statement: JSON.stringify(statement),
        totalFen: statement.totalFen,
      })),
    );
    expect(closed.totalFen).toBe(expected.reduce((sum, r) => sum + r.statement.totalFen, 0));
    // Closing again changes nothing.
    await store.transaction((repos) => closeMonth(repos, team, month));
    expect(await database.prisma.payStatement.count({ where: { month } })).toBe(expected.length);
  });
});
