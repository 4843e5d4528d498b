import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import { DEFAULT_PK_WEIGHTS, PK_AMOUNT_UNIT_CNY } from '../../src/domain/pk.ts';
import { postBranchPk } from '../../src/jobs/branch-pk.ts';
import { runJob } from '../../src/jobs/runner.ts';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/**
 * Several teams (分部) in one deployment, through the real Bolt receiver: an org admin creates a
 * second team and staffs it; every read path of one team's people stays inside their team; a
 * member moved to the other team keeps their history; the branch PK posted to the org channel
 * equals a hand-written SQL aggregate. Friday 2026-12-04 in Shanghai.
 */
const clock: Clock = { now: () => new Date('2026-12-04T10:30:00Z') };

describe('several teams', () => {
  let bot: TestBot;
  let firstTeam: number;
  const jobs = () => ({ store: bot.store, messenger: bot.messenger, logger: bot.logger });
  const teamIdOf = async (name: string) => (await bot.prisma.team.findFirstOrThrow({ where: { name } })).id;

  beforeAll(async () => {
    bot = await startTestBot({ clock });
    for (const user of [ADMIN, 'UM1', 'UA1', 'UL1', 'UM2', 'UA2', 'UB2'])
      bot.fake.setUserLocale(user, 'zh-CN');
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK1',
      groups: [{ name: '一组' }],
      members: [
        { id: 'UM1', name: '一部经理', role: 'manager' },
        { id: 'UL1', name: '一部组长', group: '一组', role: 'leader' },
        { id: 'UA1', name: '一部专员', group: '一组' },
      ],
    });
    firstTeam = seeded.teamId;
    await bot.prisma.team.update({ where: { id: firstTeam }, data: { name: '一部' } });
    await seedEntries(bot.prisma, firstTeam, seeded.memberIds, [
      { who: 'UA1', day: '2026-12-03', calls: 100, effective: 60, intents: 6, amount: 50_000 },
      { who: 'UL1', day: '2026-12-04', calls: 80, effective: 40, intents: 3 },
      { who: 'UA1', day: '2026-12-04', calls: 120, effective: 70, intents: 8, appointments: 2 },
    ]);
  });
  afterAll(() => bot.close());

  it('lets an org admin create a team and staff it by naming it with @', async () => {
    expect((await bot.command('/team', 'create 二部', 'UA1')).text).toBe(
      '抱歉，这个操作需要总部管理员（ZHANBAO_ADMINS 或用 `/org admin add` 添加的人）。',
    );
    expect((await bot.command('/team', 'create 二部', ADMIN)).text).toContain('已新建团队「二部」');
    expect((await bot.command('/team', 'create 二部', ADMIN)).text).toBe(
      '已经有名为「二部」的团队了，换个名字吧。',
    );
    await bot.command('/team', 'group add 甲组 @二部', ADMIN);
    for (const [who, role] of [
      ['UM2', '经理'],
      ['UA2', '专员'],
      ['UB2', '专员'],
    ] as const) {
      const added = await bot.command(
        '/team',
        `add <@${who}> ${role === '经理' ? '' : '甲组 '}见习MO1 @二部`,
        ADMIN,
      );
      expect(added.text).toContain(`已添加 <@${who}>`);
      if (role === '经理') await bot.command('/team', `role <@${who}> manager @二部`, ADMIN);
    }
    const second = await teamIdOf('二部');
    const members = await bot.prisma.member.findMany({ where: { teamId: second }, orderBy: { id: 'asc' } });
    expect(members.map((m) => m.messengerUserId)).toEqual(['UM2', 'UA2', 'UB2']);
    // The second team's manager works on their own team without naming it.
    expect((await bot.command('/team', 'channel team <#CPK2>', 'UM2')).text).toContain('<#CPK2>');
    expect((await bot.prisma.team.findUniqueOrThrow({ where: { id: second } })).pkChannelId).toBe('CPK2');
  });

  it('keeps every read path inside the person’s team', async () => {
    await bot.command('/log', '呼出50 有效20 意向2', 'UA2');
    // A member of 一部 cannot reach 二部's people, nor name 二部.
    expect((await bot.command('/stats', '<@UA2>', 'UM1')).text).toContain('名单里没有 <@UA2>');
    expect((await bot.command('/pay', '<@UA2>', 'UM1')).text).toContain('<@UA2>');
    expect((await bot.command('/pay', '<@UA2>', 'UM1')).text).not.toContain('底薪');
    expect((await bot.command('/level', '<@UA2>', 'UM1')).text).not.toContain('见习客户经理MO1');
    expect((await bot.command('/rank', '@二部', 'UA1')).text).toBe('你只能查看和操作自己所在的团队。');
    const rank1 = JSON.stringify((await bot.command('/rank', '', 'UA1')).reply.blocks);
    expect(rank1).toContain('一组');
    expect(rank1).not.toContain('甲组');
    const rank2 = JSON.stringify((await bot.command('/rank', '', 'UA2')).reply.blocks);
    expect(rank2).toContain('甲组');
    expect(rank2).not.toContain('一组');
    expect(rank2).not.toContain('UA1');
    // The jobs: 二部's board goes to its channel only, its nudges to its own people only.
    const from = bot.fake.calls.length;
    await runJob(jobs(), {
      teamId: await teamIdOf('二部'),
      job: 'daily-pk',
      day: day('2026-12-04'),
      late: false,
      force: true,
    });
    await runJob(jobs(), {
      teamId: await teamIdOf('二部'),
      job: 'daily-warnings',
      day: day('2026-12-04'),
      late: false,
      force: true,
    });
    const posts = bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
    const channels = new Set(posts.map((c) => String(c.body.channel)));
    expect(channels.has('CPK2')).toBe(true);
    for (const channel of channels) expect(['CPK2', 'UM2', 'UA2', 'UB2']).toContain(channel);
    expect(JSON.stringify(posts)).not.toContain('UA1');
  });

  it('keeps the Home tab and the exports inside the team', async () => {
    const from = bot.fake.calls.length;
    await bot.slack.event({ type: 'app_home_opened', user: 'UA2', tab: 'home' });
    const publish = await bot.fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === 'UA2', {
      fromIndex: from,
    });
    const home = JSON.stringify(publish.body.view);
    // UA2's own day (the 呼出50 logged above), nothing of 一部's people or groups.
    expect(home).toContain('呼出 50/150');
    expect(home).not.toContain('一组');
    expect(home).not.toContain('UA1');
    // 二部's manager exports the team's activity as CSV: 二部's people only.
    const exported = bot.fake.calls.length;
    await bot.command('/team', 'export activity 2026-12-01 2026-12-04 csv', 'UM2');
    const upload = await bot.fake.waitFor('file_upload', { fromIndex: exported });
    const csv = String(upload.bytes ?? '');
    expect(csv).toContain('UA2');
    expect(csv).not.toContain('UA1');
    expect(csv).not.toContain('UL1');
  });

  it('/org lists the teams; moving a member keeps their history', async () => {
    const list = await bot.command('/org', '', ADMIN);
    expect(JSON.stringify(list.reply.blocks)).toContain('*一部*　2 人　1 个组');
    expect(JSON.stringify(list.reply.blocks)).toContain('*二部*　2 人　1 个组');
    expect((await bot.command('/org', '', 'UM1')).text).toContain('总部管理员');
    const before = await bot.prisma.activityEntry.count({ where: { member: { messengerUserId: 'UA1' } } });
    const moved = await bot.command('/org', 'move <@UA1> 二部 甲组', ADMIN);
    expect(moved.text).toBe('已把 <@UA1> 从「一部」调到「二部」的「甲组」，级别、业绩和薪酬记录都保留。');
    expect(await bot.prisma.activityEntry.count({ where: { member: { messengerUserId: 'UA1' } } })).toBe(
      before,
    );
    const stats = JSON.stringify((await bot.command('/stats', '本周', 'UA1')).reply.blocks);
    expect(stats).toContain('呼出');
    expect(stats).toContain('220');
    expect((await bot.command('/stats', '<@UA1>', 'UM1')).text).toContain('名单里没有 <@UA1>');
    const audits = await bot.prisma.auditEvent.findMany({ where: { action: 'member.team' } });
    expect(audits.map((a) => a.teamId).sort()).toEqual([firstTeam, await teamIdOf('二部')].sort());
    // Back, so the branch PK below compares both teams with their people.
    await bot.command('/org', 'move <@UA1> 一部 一组', ADMIN);
  });

  it('posts the branch PK to the org channel, equal to the SQL aggregate', async () => {
    expect((await bot.command('/org', 'channel <#CHQ>', ADMIN)).text).toBe('分部PK以后发到 <#CHQ>。');
    const from = bot.fake.calls.length;
    const first = await bot.store.roster.team(firstTeam);
    expect(await postBranchPk(jobs(), first, day('2026-12-04'), false)).toEqual(['branch-pk']);
    expect(await postBranchPk(jobs(), first, day('2026-12-04'), false)).toEqual([]);
    const post = bot.fake.calls
      .slice(from)
      .find((c) => c.method === 'chat.postMessage' && c.body.channel === 'CHQ');
    const text = JSON.stringify(post?.body.blocks);
    const w = DEFAULT_PK_WEIGHTS;
    const rows = await bot.prisma.$queryRawUnsafe<Array<{ name: string; points: number; people: number }>>(
      `SELECT t."name" AS "name", COUNT(DISTINCT m."id") AS "people",
              COALESCE(SUM((e."calls" * ${w.calls} + e."effective" * ${w.effective} + e."intents" * ${w.intents}
                + e."followUps" * ${w.followUps} + e."appointments" * ${w.appointments} + e."visits" * ${w.visits}) * 1.0
                + e."amount" * ${w.amount} * 1.0 / ${PK_AMOUNT_UNIT_CNY}), 0) AS "points"
       FROM "Team" t
       JOIN "Member" m ON m."teamId" = t."id" AND m."role" IN ('agent', 'leader') AND m."status" <> 'left'
       LEFT JOIN "ActivityEntry" e ON e."memberId" = m."id" AND e."teamId" = t."id" AND e."day" = '2026-12-04'
       GROUP BY t."id", t."name"`,
    );
    const expected = rows
      .map((r) => ({ name: r.name, perCapita: Math.round((Number(r.points) / Number(r.people)) * 10) / 10 }))
      .sort((a, b) => b.perCapita - a.perCapita);
    const shown = [...text.matchAll(/\*(一部|二部)\*　人均 ([\d.,]+) 分/g)].map((m) => ({
      name: m[1],
      perCapita: Number((m[2] ?? '').replace(/,/g, '')),
    }));
    expect(shown).toEqual(expected);
    const asked = await bot.command('/rank', 'org', 'UM1');
    expect(JSON.stringify(asked.reply.blocks)).toContain('「一部」第');
    expect((await bot.command('/rank', 'org', 'UA1')).text).toBe(
      '抱歉，这个操作需要经理、总监或管理员权限。',
    );
  });
});
