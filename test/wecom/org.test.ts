import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';

const KEY_1 = '11111111-1111-4a4a-9b9b-0ec2af5a5b01';
const KEY_2 = '22222222-2222-4a4a-9b9b-0ec2af5a5b02';

/**
 * Two teams (分部) in one WeCom deployment, through encrypted callbacks: every read path and every
 * job post of one team stays with that team's people and group robot. Friday 2026-11-27.
 */
describe('several teams in WeCom', () => {
  let bot: WeComTestBot;
  let second: number;
  const text = (sent: Awaited<ReturnType<WeComTestBot['send']>>) => sent.map(shown).join('\n');

  beforeAll(async () => {
    bot = await startWeComBot({ now: '2026-11-27T10:30:00Z' });
    const one = await seedTeam(bot.prisma, {
      team: '一部',
      pkChannel: KEY_1,
      groups: [{ name: '一组' }],
      members: [
        { id: 'YiManager', name: '一部经理', role: 'manager' },
        { id: 'YiAgent', name: '一部专员', group: '一组' },
      ],
    });
    const two = await seedTeam(bot.prisma, {
      team: '二部',
      groups: [{ name: '甲组' }],
      members: [
        { id: 'ErManager', name: '二部经理', role: 'manager' },
        { id: 'ErAgent', name: '二部专员', group: '甲组' },
        { id: 'ErQuiet', name: '二部新人', group: '甲组' },
      ],
    });
    second = two.teamId;
    for (const [id, name] of [
      ['YiManager', '一部经理'],
      ['YiAgent', '一部专员'],
      ['ErManager', '二部经理'],
      ['ErAgent', '二部专员'],
      ['ErQuiet', '二部新人'],
    ] as const)
      bot.fake.addUser(id, name);
    bot.fake.addRobot(KEY_1);
    bot.fake.addRobot(KEY_2);
    await seedEntries(bot.prisma, one.teamId, one.memberIds, [
      { who: 'YiAgent', day: '2026-11-27', calls: 120, effective: 70, intents: 8, amount: 90_000 },
    ]);
    await seedEntries(bot.prisma, second, two.memberIds, [
      { who: 'ErAgent', day: '2026-11-27', calls: 60, effective: 30, intents: 3 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('binds each team’s group robot by its own manager', async () => {
    const bound = await bot.send(`/team channel team ${KEY_2}`, 'ErManager');
    expect(text(bound)).toContain('PK 榜将发到');
    const teams = await bot.prisma.team.findMany({
      where: { name: { in: ['一部', '二部'] } },
      orderBy: { id: 'asc' },
    });
    expect(teams.map((t) => [t.name, t.pkChannelId])).toEqual([
      ['一部', KEY_1],
      ['二部', KEY_2],
    ]);
  });

  it('keeps /stats, /rank, /pay and /level of one team away from the other', async () => {
    expect(text(await bot.send('/stats @ErAgent', 'YiManager'))).toContain('名单里没有');
    const pay = text(await bot.send('/pay @ErAgent', 'YiManager'));
    expect(pay).not.toContain('底薪');
    expect(text(await bot.send('/level @ErAgent', 'YiManager'))).not.toContain('客户经理MO1');
    expect(text(await bot.send('/rank @二部', 'YiAgent'))).toBe('你只能查看和操作自己所在的团队。');
    const rank1 = text(await bot.send('/rank', 'YiAgent'));
    expect(rank1).toContain('一组');
    expect(rank1).not.toContain('甲组');
    const rank2 = text(await bot.send('/rank', 'ErAgent'));
    expect(rank2).toContain('甲组');
    expect(rank2).not.toContain('一组');
    expect(rank2).not.toContain('一部专员');
  });

  it('posts a team’s jobs to its robot and its own people only', async () => {
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    for (const job of ['daily-pk', 'daily-warnings'] as const)
      await runJob(deps, { teamId: second, job, day: day('2026-11-27'), late: false, force: true });
    const sent = bot.fake.sent().slice(before);
    const robots = sent.flatMap((s) => ('robotKey' in s.to ? [s.to.robotKey] : []));
    const people = sent.flatMap((s) => ('userIds' in s.to ? s.to.userIds : []));
    expect(robots).toContain(KEY_2);
    expect(robots).not.toContain(KEY_1);
    expect(people.length).toBeGreaterThan(0);
    for (const who of people) expect(['ErManager', 'ErAgent', 'ErQuiet']).toContain(who);
    const all = sent.map(shown).join('\n');
    expect(all).toContain('甲组');
    expect(all).not.toContain('一组');
    expect(all).not.toContain('一部专员');
  });
});
