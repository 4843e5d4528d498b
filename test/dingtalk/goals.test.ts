import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { type DingTalkTestBot, DT_ADMIN, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

const GROUP = { id: 'cidTeamGroup==', title: '电销团队' };
const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const MANAGER = { userId: 'mgr01', nick: '孙经理' };

const toGroup = (s: SentMessage, id: string) =>
  'openConversationId' in s.to && s.to.openConversationId === id;
const all = (sent: SentMessage[]) => sent.map(textOf).join('\n');

/**
 * Team goals through DingTalk's signed HTTP callbacks. The robot created the team on Friday
 * 27 November 2026 (the test clock), so November is the team's month 1: ¥1,000,000.
 */
describe('team goals in DingTalk', () => {
  let bot: DingTalkTestBot;
  let teamId: number;
  let ids: Map<string, number>;

  beforeAll(async () => {
    bot = await startDingTalkBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: AGENT.userId, name: '赵文浩', group: '一组' },
        { id: 'agent2', name: '钱二', group: '二组' },
        { id: MANAGER.userId, name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    for (const [id, name] of [
      [AGENT.userId, '赵文浩'],
      [MANAGER.userId, '孙经理'],
      [DT_ADMIN, '管理员'],
    ] as const)
      bot.fake.addUser(id, name);
    bot.fake.addGroup(GROUP.id);
    await seedEntries(bot.prisma, teamId, ids, [
      { who: AGENT.userId, day: '2026-11-20', amount: 300_000 },
      { who: 'agent2', day: '2026-11-26', amount: 100_000 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('refuses an agent, and tells a manager how to write a goal', async () => {
    expect(all(await bot.send('/team goal 2026-12 300万', AGENT))).toContain(
      '抱歉，这个操作需要经理、总监或管理员权限。',
    );
    const usage = all(await bot.send('团队 goal 2026-12 好多', MANAGER));
    expect(usage).toContain('用法');
    expect(usage).toContain('/team goal 2027-01 一组 50万');
    expect(await bot.prisma.teamGoal.count()).toBe(0);
  });

  it('shows the year with the ramp from the month the team was created', async () => {
    const shown = all(await bot.send('/team goal', MANAGER));
    expect(shown).toContain('2026年团队业绩目标');
    expect(shown).toContain('从 2026年11月 起算（团队建立的月份）');
    expect(shown).toContain('2026年10月　无目标（早于起始月）');
    expect(shown).toContain('2026年11月　目标 ¥1,000,000（按计划）　进行中 ¥400,000（40%）');
    expect(shown).toContain('2026年12月　目标 ¥3,000,000（按计划）');
  });

  it('sets a month’s goal from the 1:1 chat', async () => {
    expect(all(await bot.send('/team goal 2026-11 200万', MANAGER))).toContain(
      '已把 2026年11月的团队目标设为 ¥2,000,000（原为 ¥1,000,000）。',
    );
    expect(await bot.prisma.auditEvent.count({ where: { action: 'goal.set', actor: MANAGER.userId } })).toBe(
      1,
    );
  });

  it('the 18:00 board in the team group opens with the goal and what each remaining day needs', async () => {
    await bot.send('/team channel team', { userId: DT_ADMIN }, { group: GROUP });
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    const [board] = bot.fake
      .sent()
      .slice(before)
      .filter((s) => toGroup(s, GROUP.id));
    const text = textOf(board ?? fail());
    // Thursday's board: Friday 27 and Monday 30 remain; ¥1,600,000 ÷ 2.
    expect(text).toContain('🎯 本月团队目标 ¥2,000,000　已完成 ¥400,000（20%）');
    expect(text).toContain('还差 ¥1,600,000，剩余 2 个工作日，每天需 ¥800,000');
    expect(text.indexOf('🎯')).toBeLessThan(text.indexOf('一组'));
    expect(text).not.toMatch(/<@|`/);
  });

  it('/stats team answers in the 1:1 chat with the team and each group', async () => {
    const text = all(await bot.send('战报 团队', AGENT));
    expect(text).toContain('2026年11月团队目标');
    // 11:00 on Friday: today still counts, so Friday and Monday remain.
    expect(text).toContain('目标 ¥2,000,000（经理设置）');
    expect(text).toContain('还差 ¥1,600,000，剩余 2 个工作日，每天需 ¥800,000');
    expect(text).toContain('一组');
    expect(text).toContain('目标 ¥1,000,000（按人数分摊）　已完成 ¥300,000（30%）');
  });
});

function fail(): never {
  throw new Error('expected a message');
}
