import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedTeam } from '../helpers/seed.ts';

/**
 * The roster kept in memory between reads (roster-repository.ts): whoever changes a member or a
 * group — the bot, another replica, a tool writing SQL — the next read shows it, because database
 * triggers raise the team's roster version in the same transaction.
 */
describe('the roster kept between reads', () => {
  let database: TestDatabase;
  let store: Store;
  let teamId: number;
  const names = async () =>
    (await store.roster.members(teamId)).map((m) => `${m.groupName}/${m.displayName}`);
  const groupNames = async () => (await store.roster.groups(teamId)).map((g) => g.name);

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createStore(database.prisma, 'slack');
    ({ teamId } = await seedTeam(database.prisma, {
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UA', name: '王芳', group: '一组' },
        { id: 'UB', name: '李娜', group: '二组' },
      ],
    }));
  });
  afterAll(() => database.close());

  it('hands out the same lists while nothing changes', async () => {
    const first = await store.roster.members(teamId);
    const second = await store.roster.members(teamId);
    // Shared: the lists are readonly and so are the views' fields.
    expect(second).toBe(first);
    expect(first.map((m) => m.displayName)).toEqual(['王芳', '李娜']);
    const groups = await store.roster.groups(teamId);
    expect(await store.roster.groups(teamId)).toBe(groups);
  });

  it('hands out a list of its own inside a transaction', async () => {
    const outside = await store.roster.members(teamId);
    const inside = await store.transaction((tx) => tx.roster.members(teamId));
    expect(inside).not.toBe(outside);
    expect(inside).toEqual(outside);
  });

  it('shows a change written around the store, by another process or by hand', async () => {
    expect(await names()).toEqual(['一组/王芳', '二组/李娜']);
    expect(await groupNames()).toEqual(['一组', '二组']);
    await database.prisma.member.updateMany({
      where: { messengerUserId: 'UA' },
      data: { displayName: '王芳芳' },
    });
    expect(await names()).toEqual(['一组/王芳芳', '二组/李娜']);
    await database.prisma.$executeRawUnsafe(`UPDATE "Group" SET "name" = '三组' WHERE "name" = '二组'`);
    expect(await names()).toEqual(['一组/王芳芳', '三组/李娜']);
    expect(await groupNames()).toEqual(['一组', '三组']);
    const group = await database.prisma.group.findFirstOrThrow({ where: { name: '一组' } });
    await database.prisma.member.create({
      data: {
        teamId,
        messenger: 'slack',
        messengerUserId: 'UC',
        displayName: '张伟',
        role: 'agent',
        status: 'active',
        groupId: group.id,
        level: 'A1',
        hiredOn: '2026-01-05',
      },
    });
    expect(await names()).toEqual(['一组/张伟', '一组/王芳芳', '三组/李娜']);
  });

  it('keeps nothing a rolled-back transaction read or wrote', async () => {
    const before = await names();
    await expect(
      store.transaction(async (tx) => {
        const member = await tx.roster.memberByMessengerId('UB');
        if (member === undefined) throw new Error('UB missing');
        await tx.roster.updateMember(member.id, { displayName: '回滚' });
        expect((await tx.roster.members(teamId)).map((m) => m.displayName)).toContain('回滚');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await names()).toEqual(before);
    // A later committed change raises the version past the rolled-back one's: still no trace of it.
    await database.prisma.member.updateMany({
      where: { messengerUserId: 'UC' },
      data: { displayName: '张伟伟' },
    });
    expect(await names()).not.toContain('三组/回滚');
  });
});
