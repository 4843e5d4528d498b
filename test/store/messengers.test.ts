import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/client.ts';
import { adoptAtStart, adoptUnassigned } from '../../src/store/messengers.ts';
import { migrateDatabase } from '../../src/store/migrate.ts';
import { createStore } from '../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { day } from '../helpers/day.ts';

/** The last migration before teams had a messenger: the database as the Slack-only release left it. */
const BEFORE_MESSENGERS = '20261203132330_wall_links';

describe('a database from before teams had a messenger', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false });
    await migrateDatabase({ url: db.url, through: BEFORE_MESSENGERS });
    // Rows the way the Slack-only release wrote them, in SQL both providers read alike, through a
    // connection of their own: SQLite's migrations need the file to themselves afterwards.
    const old = await openDatabase(db.url, { migrate: false });
    const run = (sql: string) => old.prisma.$executeRawUnsafe(sql);
    await run(
      `INSERT INTO "Team" ("id", "name", "timezone", "locale") VALUES (1, '电销团队', 'Asia/Shanghai', 'zh-CN')`,
    );
    await run(
      `INSERT INTO "Member" ("teamId", "messengerUserId", "displayName", "role", "status", "level", "hiredOn", "updatedAt")
       VALUES (1, 'U0AGENT', '王芳', 'agent', 'active', 'A1', '2026-01-05', CURRENT_TIMESTAMP)`,
    );
    await run(`INSERT INTO "OrgAdmin" ("messengerUserId", "grantedBy") VALUES ('U0BOSS', 'env')`);
    await run(`INSERT INTO "Org" ("id", "pkChannelId") VALUES (1, 'C0BRANCH')`);
    await old.close();
    await migrateDatabase({ url: db.url });
  });
  afterEach(async () => {
    await db.close();
  });

  it('is adopted whole by the deployment messenger, once, and the others see none of it', async () => {
    const slack = createStore(db.prisma, 'slack');
    const dingtalk = createStore(db.prisma, 'dingtalk');
    // Before adoption nobody sees it: unassigned rows belong to no messenger.
    expect(await slack.roster.firstTeam()).toBeUndefined();

    expect(await adoptUnassigned(db.prisma, 'slack')).toBe(1);
    expect(await adoptUnassigned(db.prisma, 'slack')).toBe(0);
    expect(await adoptUnassigned(db.prisma, 'dingtalk')).toBe(0);

    expect((await slack.roster.firstTeam())?.name).toBe('电销团队');
    expect((await slack.roster.memberByMessengerId('U0AGENT'))?.displayName).toBe('王芳');
    expect(await slack.org.isAdmin('U0BOSS')).toBe(true);
    expect(await slack.org.channel()).toBe('C0BRANCH');

    expect(await dingtalk.roster.teams()).toEqual([]);
    expect(await dingtalk.roster.memberByMessengerId('U0AGENT')).toBeUndefined();
    expect(await dingtalk.org.isAdmin('U0BOSS')).toBe(false);
    expect(await dingtalk.org.channel()).toBeUndefined();
  });

  it('at the start of several messengers is not guessed: the operator is told how to say whose it is', async () => {
    const refused = await adoptAtStart(db.prisma, ['dingtalk', 'wecom']);
    expect(refused).toEqual({
      problem:
        'the database has 1 team(s) from before teams had a messenger, and dingtalk, wecom are configured: ' +
        'start once with the settings of the messenger they came from alone (it takes them), then with all',
    });
    expect(await createStore(db.prisma, 'wecom').roster.teams()).toEqual([]);
    expect(await adoptAtStart(db.prisma, ['wecom'])).toEqual({ adopted: 1, by: 'wecom' });
    expect(await adoptAtStart(db.prisma, ['dingtalk', 'wecom'])).toEqual({ adopted: 0, by: 'dingtalk' });
    expect((await createStore(db.prisma, 'wecom').roster.memberByMessengerId('U0AGENT'))?.displayName).toBe(
      '王芳',
    );
  });

  it('keeps the branch PK channel apart per messenger after adoption', async () => {
    await adoptUnassigned(db.prisma, 'slack');
    const dingtalk = createStore(db.prisma, 'dingtalk');
    await dingtalk.org.setChannel('cidBRANCH');
    expect(await dingtalk.org.channel()).toBe('cidBRANCH');
    expect(await createStore(db.prisma, 'slack').org.channel()).toBe('C0BRANCH');
  });
});

describe('one database, several messengers', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('takes the same user id on two messengers as two people on their own teams', async () => {
    const slack = createStore(db.prisma, 'slack');
    const wecom = createStore(db.prisma, 'wecom');
    const at = new Date('2026-12-01T00:00:00Z');
    const slackTeam = await slack.roster.createTeam({
      name: '一部',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      createdAt: at,
    });
    const wecomTeam = await wecom.roster.createTeam({
      name: '二部',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      createdAt: at,
    });
    const person = {
      messengerUserId: 'zhangsan',
      role: 'agent',
      status: 'active',
      groupId: null,
      level: 'A1',
      hiredOn: day('2026-11-02'),
      joinedOn: null,
      protectionEndsOn: null,
      locale: null,
    } as const;
    await slack.roster.createMember({ ...person, teamId: slackTeam.id, displayName: '张三 (Slack)' });
    await wecom.roster.createMember({ ...person, teamId: wecomTeam.id, displayName: '张三 (企业微信)' });

    expect((await slack.roster.memberByMessengerId('zhangsan'))?.teamId).toBe(slackTeam.id);
    expect((await wecom.roster.memberByMessengerId('zhangsan'))?.teamId).toBe(wecomTeam.id);
    expect((await slack.roster.teams()).map((t) => t.name)).toEqual(['一部']);
    expect((await wecom.roster.teams()).map((t) => t.name)).toEqual(['二部']);
    // Within one messenger the id stays one person.
    await expect(
      slack.roster.createMember({ ...person, teamId: slackTeam.id, displayName: '张三' }),
    ).rejects.toThrow();
  });

  it('finds a team by its channel only on its own messenger', async () => {
    const slack = createStore(db.prisma, 'slack');
    const dingtalk = createStore(db.prisma, 'dingtalk');
    const team = await slack.roster.createTeam({
      name: '一部',
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      createdAt: new Date('2026-12-01T00:00:00Z'),
    });
    await slack.roster.setTeamChannel(team.id, 'C0TEAM');
    const group = await slack.roster.createGroup(team.id, '一组');
    await slack.roster.setGroupChannel(group.id, 'C0GROUP');
    expect(await slack.roster.teamOfChannel('C0TEAM')).toBe(team.id);
    expect(await slack.roster.teamOfChannel('C0GROUP')).toBe(team.id);
    expect(await dingtalk.roster.teamOfChannel('C0TEAM')).toBeUndefined();
    expect(await dingtalk.roster.teamOfChannel('C0GROUP')).toBeUndefined();
  });
});
