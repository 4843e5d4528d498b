import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, buttonsOf, type SlackApiCall, startTestBot, type TestBot } from '../helpers/bot.ts';

/**
 * A new manager's first steps, through the real Bolt receiver: adding someone to a group that
 * does not exist yet (offered in the same step, typos refused with a guess), and an English
 * team whose group names have spaces and whose levels are typed in English.
 */
describe('/team first steps', () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot();
    bot.fake.setUserLocale(ADMIN, 'zh-CN');
    bot.fake.setUserLocale('UNEW', 'zh-CN');
    bot.fake.setUser('UNEW', { real_name: '新同事', profile: { display_name: '新同事' } });
    bot.fake.setUserLocale('UEN', 'en-US');
    for (const who of ['UALICE', 'UBOB', 'UCAROL']) bot.fake.setUserLocale(who, 'en-US');
  });
  afterAll(() => bot.close());

  it('offers to create an unknown group, and 新组 creates it with the member in one step', async () => {
    await bot.command('/team', 'group add 一组', ADMIN);
    const offer = await bot.command('/team', 'add <@UNEW> 组A 见习MO1', ADMIN);
    expect(offer.text).toBe(
      [
        '还没有「组A」这个小组（现有：一组）。',
        '要新建「组A」并同时添加，在命令末尾加上「新组」再发一次：',
        '/team add <@UNEW> 组A 见习MO1 新组',
      ].join('\n'),
    );
    expect(offer.reply.response_type).toBe('ephemeral');
    expect(await bot.prisma.group.count({ where: { name: '组A' } })).toBe(0);
    expect(await bot.prisma.member.count({ where: { messengerUserId: 'UNEW' } })).toBe(0);

    const added = await bot.command('/team', 'add <@UNEW> 组A 见习MO1 新组', ADMIN);
    expect(added.text).toBe('已添加 <@UNEW>：组A，见习客户经理MO1，试用期。');
    const member = await bot.prisma.member.findFirstOrThrow({
      where: { messengerUserId: 'UNEW' },
      include: { group: true },
    });
    expect(member.group?.name).toBe('组A');
    const audit = await bot.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['group.added', 'member.added']);
  });

  it('offers the same as a button: one press creates the group and adds the member', async () => {
    const offer = await bot.command('/team', 'add <@UBTN> 组B 见习MO2 组长', ADMIN);
    const [button] = buttonsOf({ body: offer.reply } as unknown as SlackApiCall);
    expect(button?.action_id).toBe('team_add_new_group');
    expect(JSON.stringify(offer.reply.blocks)).toContain('新建「组B」并添加');
    const pressed = await bot.click(ADMIN, button?.action_id ?? '', button?.value ?? '');
    expect(pressed.reply.replace_original).toBe(true);
    expect(pressed.text).toBe('已添加 <@UBTN>：组B，见习客户经理MO2，试用期。');
    const member = await bot.prisma.member.findFirstOrThrow({
      where: { messengerUserId: 'UBTN' },
      include: { group: true },
    });
    expect([member.group?.name, member.level, member.role]).toEqual(['组B', 'P2', 'leader']);
    const again = await bot.click(ADMIN, button?.action_id ?? '', button?.value ?? '');
    expect(again.text).toBe('<@UBTN> 已经在名单里了（组B）。要调组请用 `/team move`。');
  });

  it('refuses a typo with the group it probably meant, and creates nothing', async () => {
    const groups = await bot.prisma.group.count();
    const typo = await bot.command('/team', 'add <@UTYPO> 一祖', ADMIN);
    expect(typo.text).toBe(
      [
        '没有名为「一祖」的小组，是不是「一组」？（现有：一组、组A、组B）',
        '如果确实要新建「一祖」，在命令末尾加上「新组」再发一次：',
        '/team add <@UTYPO> 一祖 新组',
      ].join('\n'),
    );
    const move = await bot.command('/team', 'move <@UNEW> 一祖', ADMIN);
    expect(move.text).toBe(
      '没有名为「一祖」的小组，是不是「一组」？现有小组：一组、组A、组B。新建请用 `/team group add 一祖`。',
    );
    expect(await bot.prisma.group.count()).toBe(groups);
  });

  it('lets an English team name groups with spaces and type levels in English', async () => {
    await bot.command('/team', 'add <@UEN> manager', ADMIN);
    const created = await bot.command('/team', 'group add Team A', 'UEN');
    expect(created.text).toBe('Created the group "Team A".');
    const quoted = await bot.command('/team', 'add <@UALICE> "Team A" senior-mo2', 'UEN');
    expect(quoted.text).toBe('Added <@UALICE>: Team A, Senior Account Manager MO2, on probation.');
    const bare = await bot.command('/team', 'add <@UBOB> team a trainee mo1', 'UEN');
    expect(bare.text).toBe('Added <@UBOB>: Team A, Trainee Account Manager MO1, on probation.');
    const offer = await bot.command('/team', 'add <@UCAROL> Team B A1 leader', 'UEN');
    expect(offer.text).toBe(
      [
        'There is no group "Team B" yet (groups: Team A、一组、组A、组B).',
        'To create "Team B" and add them in one step, send the same line with `new-group` at the end:',
        '/team add <@UCAROL> "Team B" account-mo1 leader new-group',
      ].join('\n'),
    );
    const again = await bot.command('/team', 'add <@UCAROL> "Team B" account-mo1 leader new-group', 'UEN');
    expect(again.text).toBe('Added <@UCAROL>: Team B, Account Manager MO1, on probation.');
    const leader = await bot.command('/team', 'leader Team B <@UCAROL>', 'UEN');
    expect(leader.text).toBe('<@UCAROL> now leads "Team B".');
    const rows = await bot.prisma.member.findMany({
      where: { messengerUserId: { in: ['UALICE', 'UBOB', 'UCAROL'] } },
      include: { group: true },
      orderBy: { messengerUserId: 'asc' },
    });
    expect(rows.map((r) => [r.messengerUserId, r.group?.name, r.level, r.role])).toEqual([
      ['UALICE', 'Team A', 'S2', 'agent'],
      ['UBOB', 'Team A', 'P1', 'agent'],
      ['UCAROL', 'Team B', 'A1', 'leader'],
    ]);
  });

  it('reads what Slack escaped as typed, and escapes it back so it shows as typed', async () => {
    // Slack sends &, < and > escaped in a command's text, and reads them escaped in mrkdwn.
    const created = await bot.command('/team', 'group add &lt;!channel&gt; &amp; Co', 'UEN');
    expect(created.text).toBe('Created the group "&lt;!channel&gt; &amp; Co".');
    const group = await bot.prisma.group.findFirstOrThrow({ where: { name: { startsWith: '<' } } });
    expect(group.name).toBe('<!channel> & Co');
  });

  it('takes the exact group where two fold to the same name, and refuses a third', async () => {
    const team = await bot.prisma.team.findFirstOrThrow();
    await bot.prisma.group.createMany({
      data: [
        { teamId: team.id, name: 'Night Shift' },
        { teamId: team.id, name: 'night shift' },
      ],
    });
    const added = await bot.command('/team', 'add <@UNIGHT> "night shift" A1 new-group', 'UEN');
    expect(added.text).toBe('Added <@UNIGHT>: night shift, Account Manager MO1, on probation.');
    const third = await bot.command('/team', 'group add NIGHT SHIFT', 'UEN');
    expect(third.text).toBe('The group "Night Shift" already exists.');
    expect(
      await bot.prisma.group.count({
        where: { name: { in: ['Night Shift', 'night shift', 'NIGHT SHIFT'] } },
      }),
    ).toBe(2);
  });

  it('shows English usage with English level words', async () => {
    const usage = await bot.command('/team', 'add', 'UEN');
    expect(usage.text).toContain('`/team add @alice "Team A" trainee-mo1`');
    expect(usage.text).not.toMatch(/见习/);
    const unknownLevel = await bot.command('/team', 'level <@UBOB> MO9 typo', 'UEN');
    expect(unknownLevel.text).not.toMatch(/见习/);
  });
});
