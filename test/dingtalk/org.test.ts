import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { type DingTalkTestBot, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

const CHAT_1 = { id: 'cidYiBu==', title: '一部战报群' };
const CHAT_2 = { id: 'cidErBu==', title: '二部战报群' };
const YI_MANAGER = { userId: 'yimgr01', nick: '一部经理' };
const YI_AGENT = { userId: 'yiagent01', nick: '一部专员' };
const ER_MANAGER = { userId: 'ermgr01', nick: '二部经理' };
const ER_AGENT = { userId: 'eragent01', nick: '二部专员' };

/**
 * Two teams (分部) in one DingTalk deployment, through signed HTTP callbacks: every read path and
 * every job post of one team stays with that team's people and group chat. Friday 2026-11-27.
 */
describe('several teams in DingTalk', () => {
  let bot: DingTalkTestBot;
  let second: number;
  const all = (sent: SentMessage[]) => sent.map(textOf).join('\n');

  beforeAll(async () => {
    bot = await startDingTalkBot({ now: '2026-11-27T10:30:00Z' });
    const one = await seedTeam(bot.prisma, {
      team: '一部',
      pkChannel: CHAT_1.id,
      groups: [{ name: '一组' }],
      members: [
        { id: YI_MANAGER.userId, name: '一部经理', role: 'manager' },
        { id: YI_AGENT.userId, name: '一部专员', group: '一组' },
      ],
    });
    const two = await seedTeam(bot.prisma, {
      team: '二部',
      groups: [{ name: '甲组' }],
      members: [
        { id: ER_MANAGER.userId, name: '二部经理', role: 'manager' },
        { id: ER_AGENT.userId, name: '二部专员', group: '甲组' },
        { id: 'erquiet01', name: '二部新人', group: '甲组' },
      ],
    });
    second = two.teamId;
    for (const p of [YI_MANAGER, YI_AGENT, ER_MANAGER, ER_AGENT]) bot.fake.addUser(p.userId, p.nick);
    bot.fake.addUser('erquiet01', '二部新人');
    bot.fake.addGroup(CHAT_1.id);
    bot.fake.addGroup(CHAT_2.id);
    await seedEntries(bot.prisma, one.teamId, one.memberIds, [
      { who: YI_AGENT.userId, day: '2026-11-27', calls: 120, effective: 70, intents: 8, amount: 90_000 },
    ]);
    await seedEntries(bot.prisma, second, two.memberIds, [
      { who: ER_AGENT.userId, day: '2026-11-27', calls: 60, effective: 30, intents: 3 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('binds the second team’s group chat by its own manager, typed in that chat', async () => {
    await bot.send('/team channel team', ER_MANAGER, { group: CHAT_2 });
    const teams = await bot.prisma.team.findMany({
      where: { name: { in: ['一部', '二部'] } },
      orderBy: { id: 'asc' },
    });
    expect(teams.map((t) => [t.name, t.pkChannelId])).toEqual([
      ['一部', CHAT_1.id],
      ['二部', CHAT_2.id],
    ]);
  });

  it('keeps /stats, /rank, /pay and /level of one team away from the other', async () => {
    const mention = { group: CHAT_1, at: [ER_AGENT] };
    expect(all(await bot.send('/stats', YI_MANAGER, mention))).toContain('名单里没有');
    expect(all(await bot.send('/pay', YI_MANAGER, mention))).not.toContain('底薪');
    expect(all(await bot.send('/level', YI_MANAGER, mention))).not.toContain('客户经理MO1');
    expect(all(await bot.send('/rank @二部', YI_AGENT))).toContain('你只能查看和操作自己所在的团队。');
    const rank1 = all(await bot.send('/rank', YI_AGENT));
    expect(rank1).toContain('一组');
    expect(rank1).not.toContain('甲组');
    const rank2 = all(await bot.send('/rank', ER_AGENT));
    expect(rank2).toContain('甲组');
    expect(rank2).not.toContain('一组');
    expect(rank2).not.toContain('一部专员');
  });

  it('posts a team’s jobs to its group chat and its own people only', async () => {
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    for (const job of ['daily-pk', 'daily-warnings'] as const)
      await runJob(deps, { teamId: second, job, day: day('2026-11-27'), late: false, force: true });
    const sent = bot.fake.sent().slice(before);
    const chats = sent.flatMap((s) => ('openConversationId' in s.to ? [s.to.openConversationId] : []));
    const people = sent.flatMap((s) => ('userIds' in s.to ? s.to.userIds : []));
    expect(chats).toContain(CHAT_2.id);
    expect(chats).not.toContain(CHAT_1.id);
    expect(people.length).toBeGreaterThan(0);
    for (const who of people) expect([ER_MANAGER.userId, ER_AGENT.userId, 'erquiet01']).toContain(who);
    expect(all(sent)).toContain('甲组');
    expect(all(sent)).not.toContain('一组');
    expect(all(sent)).not.toContain('一部专员');
  });
});
