import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';

/** `/team` through the real Bolt receiver: what an admin, a manager and an agent would see. */
describe('/team roster administration', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
    bot.fake.setUserLocale(ADMIN, 'zh-CN');
    bot.fake.setUser('UWANG', { real_name: '王小明', profile: { display_name: '小王' } });
    bot.fake.setUserLocale('UWANG', 'zh-CN');
    bot.fake.setUserLocale('UMGR', 'en-US');
  });
  afterAll(() => bot.close());

  it('lets a configured admin build the roster before anyone is on it', async () => {
    const created = await bot.command('/team', 'group add 一组', ADMIN);
    expect(created.ack.status).toBe(200);
    expect(created.text).toBe('已新建小组「一组」。');
    expect(created.reply.response_type).toBe('ephemeral');

    const added = await bot.command('/team', 'add <@UWANG|wang> 一组 见习MO2', ADMIN);
    expect(added.text).toBe('已添加 <@UWANG>：一组，见习客户经理MO2，试用期。');

    const member = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UWANG' } });
    expect(member).toMatchObject({
      displayName: '小王',
      level: 'P2',
      status: 'probation',
      role: 'agent',
      hiredOn: '2026-11-27',
    });
    const history = await bot.prisma.levelChange.findMany({ where: { memberId: member.id } });
    expect(history).toMatchObject([{ fromLevel: null, toLevel: 'P2', reason: 'hired' }]);
    const audit = await bot.prisma.auditEvent.findMany({ where: { subjectMemberId: member.id } });
    expect(audit.map((a) => a.action)).toEqual(['member.added']);
  });

  it('adds a manager who then administers in English', async () => {
    await bot.command('/team', 'add <@UMGR> manager 2026-01-05', ADMIN);
    const manager = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UMGR' } });
    expect(manager).toMatchObject({ role: 'manager', status: 'active', joinedOn: '2026-01-05' });

    await bot.command('/team', 'group add 二组', 'UMGR');
    const moved = await bot.command('/team', 'move <@UWANG> 二组', 'UMGR');
    expect(moved.text).toBe('Moved <@UWANG> to "二组".');
    const leader = await bot.command('/team', 'leader 二组 <@UWANG>', 'UMGR');
    expect(leader.text).toBe('<@UWANG> now leads "二组".');
    const group = await bot.prisma.group.findFirstOrThrow({
      where: { name: '二组' },
      include: { leader: true },
    });
    expect(group.leader?.messengerUserId).toBe('UWANG');
    expect(group.leader?.role).toBe('leader');
  });

  it('lists the roster grouped by group with levels', async () => {
    const list = await bot.command('/team', 'list', ADMIN);
    const blocks = JSON.stringify(list.reply.blocks);
    expect(list.text).toBe('电销团队 名单（2 人在职）');
    expect(blocks).toContain('*二组*　组长：<@UWANG>　1 人');
    expect(blocks).toContain('<@UWANG>　见习客户经理MO2　组长　试用期');
    expect(blocks).toContain('*一组*　组长：无　0 人');
  });

  it('sets the team and group channels', async () => {
    const team = await bot.command('/team', 'channel team <#CPK|pk-board>', ADMIN);
    expect(team.text).toBe('PK 榜将发到 <#CPK>。');
    await bot.command('/team', 'channel 二组 <#CG2>', ADMIN);
    const stored = await bot.prisma.team.findFirstOrThrow({ include: { groups: true } });
    expect(stored.pkChannelId).toBe('CPK');
    expect(stored.groups.find((g) => g.name === '二组')?.channelId).toBe('CG2');
  });

  it('refuses an agent politely and changes nothing', async () => {
    bot.fake.setUserLocale('UAGENT', 'zh-CN');
    await bot.command('/team', 'add <@UAGENT> 一组', ADMIN);
    const before = await bot.prisma.group.count();
    const refused = await bot.command('/team', 'group add 三组', 'UAGENT');
    expect(refused.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
    expect(await bot.prisma.group.count()).toBe(before);
  });

  it('explains mistakes: an unknown group, a wrong usage, an unknown subcommand', async () => {
    const unknownGroup = await bot.command('/team', 'move <@UAGENT> 九组', ADMIN);
    expect(unknownGroup.text).toBe(
      '没有名为「九组」的小组。现有小组：一组、二组。新建请用 `/team group add 九组`。',
    );
    const usage = await bot.command('/team', 'move 二组', ADMIN);
    expect(usage.text).toBe('用法：`/team move @成员 组名`，例如 `/team move @小王 二组`');
    const unknown = await bot.command('/team', 'promote <@UAGENT>', ADMIN);
    expect(unknown.text).toContain('`/team` 没有「promote」这个子命令。');
    const duplicate = await bot.command('/team', 'add <@UAGENT> 一组', ADMIN);
    expect(duplicate.text).toBe('<@UAGENT> 已经在名单里了（一组）。要调组请用 `/team move`。');
  });

  it('marks a leader as left, frees the group and keeps the history', async () => {
    const left = await bot.command('/team', 'left <@UWANG> 个人原因', ADMIN);
    expect(left.text).toBe('已将 <@UWANG> 标记为离职，历史记录都保留着。');
    const member = await bot.prisma.member.findFirstOrThrow({ where: { messengerUserId: 'UWANG' } });
    expect(member).toMatchObject({ status: 'left', leftOn: '2026-11-27' });
    expect(await bot.prisma.group.findFirstOrThrow({ where: { name: '二组' } })).toMatchObject({
      leaderId: null,
    });
    expect(await bot.prisma.levelChange.count({ where: { memberId: member.id } })).toBe(1);
    const again = await bot.command('/team', 'move <@UWANG> 一组', ADMIN);
    expect(again.text).toBe('<@UWANG> 已离职，不能再做这个操作。');
    const list = await bot.command('/team', 'list', ADMIN);
    expect(JSON.stringify(list.reply.blocks)).toContain('另有 1 人已离职（历史保留）。');
  });
});

describe('request signatures', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('refuses a bad or stale signature with 401 and changes nothing', async () => {
    const wrong = await bot.slack.slashCommand(
      { command: '/team', text: 'group add 黑组', userId: ADMIN },
      { signingSecret: 'not-the-secret' },
    );
    const stale = await bot.slack.slashCommand(
      { command: '/team', text: 'group add 旧组', userId: ADMIN },
      { stale: true },
    );
    expect(wrong.status).toBe(401);
    expect(stale.status).toBe(401);
    await bot.settled();
    expect(await bot.prisma.group.count()).toBe(0);
    expect(bot.fake.callsTo('response_url')).toHaveLength(0);
  });
});
