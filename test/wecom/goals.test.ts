import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, type WeComTestBot } from '../helpers/wecom-bot.ts';

const AGENT = 'ZhaoWenHao';
const MANAGER = 'SunJingLi';
const ROBOT_KEY = '5b1d0c2e-1111-4a4a-9b9b-0ec2af5a5bbb';

/** Team goals through WeCom's encrypted callbacks, and the board's goal header in a group robot. */
describe('team goals in WeCom', () => {
  let bot: WeComTestBot;
  let teamId: number;

  beforeAll(async () => {
    bot = await startWeComBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT, name: '赵文浩', group: '一组' },
        { id: MANAGER, name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    bot.fake.addUser(AGENT, '赵文浩');
    bot.fake.addUser(MANAGER, '孙经理');
    bot.fake.addRobot(ROBOT_KEY);
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: AGENT, day: '2026-11-26', calls: 90, effective: 40, amount: 250_000 },
    ]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('a manager sets a goal; an agent is refused', async () => {
    const refused = await bot.send('/team goal 2026-11 50万', AGENT);
    expect(shown(refused[0] ?? fail())).toContain('抱歉，这个操作需要经理、总监或管理员权限。');
    const set = await bot.send('/team goal 2026-11 50万', MANAGER);
    expect(shown(set[0] ?? fail())).toContain('已把 2026年11月的团队目标设为 ¥500,000（原为 ¥1,000,000）。');
  });

  it('the 18:00 board in the group robot opens with the goal', async () => {
    await bot.send(
      `/team channel team https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}`,
      MANAGER,
    );
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    const [board] = bot.fake
      .sent()
      .slice(before)
      .filter((s) => 'robotKey' in s.to && s.to.robotKey === ROBOT_KEY);
    const text = shown(board ?? fail());
    expect(text).toContain('🎯 本月团队目标 ¥500,000　已完成 ¥250,000（50%）');
    expect(text).toContain('还差 ¥250,000，剩余 2 个工作日，每天需 ¥125,000');
    expect(text).not.toContain('<@');
  });
});

function fail(): never {
  throw new Error('expected a message');
}
