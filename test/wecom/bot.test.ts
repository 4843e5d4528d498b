import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import type { WeComSent } from '../helpers/fake-wecom.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot, WC_ADMIN, type WeComTestBot } from '../helpers/wecom-bot.ts';

const AGENT = 'ZhaoWenHao';
const MANAGER = 'SunJingLi';
const ROBOT_KEY = '693a91f6-7abc-4bc4-97a0-0ec2af5a5aaa';

const toUser = (s: WeComSent, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
const cardOf = (s: WeComSent) => s.body.template_card as Record<string, unknown> | undefined;

/**
 * The whole bot as a WeCom self-built app, through encrypted, signed callbacks into the real
 * receiver, against the fake WeCom API.
 */
describe('WeCom app', () => {
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
    for (const [id, name] of [
      [AGENT, '赵文浩'],
      [MANAGER, '孙经理'],
      [WC_ADMIN, '管理员'],
      ['WangXiaoMing', '王小明'],
    ] as const)
      bot.fake.addUser(id, name);
    bot.fake.addRobot(ROBOT_KEY);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('answers the URL verification with exactly the plain echo', async () => {
    const response = await bot.wecom.verifyUrl('1616140317555161061');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1616140317555161061');
  });

  it('logs from the chat with the app, with or without the slash, and answers in markdown', async () => {
    const sent = await bot.send('/log 呼出120 有效80 意向8', AGENT);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.msgtype).toBe('markdown');
    expect(shown(sent[0] ?? fail())).toContain('已记录 赵文浩');
    const plain = await bot.send('log 回访3', AGENT);
    expect(shown(plain[0] ?? fail())).toContain('回访 +3');
    const entries = await bot.prisma.activityEntry.findMany({
      where: { member: { messengerUserId: AGENT } },
    });
    expect(entries.map((e) => e.source)).toEqual(['wecom-command', 'wecom-command']);
  });

  it('counts a retried callback (same MsgId) once', async () => {
    const before = await bot.prisma.activityEntry.count();
    const xml = bot.wecom.textXml({ from: AGENT, content: '/log 约见1', msgId: '8000000000000000001' });
    const first = await bot.delivered(xml);
    const again = await bot.delivered(xml);
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
    expect(await bot.prisma.activityEntry.count()).toBe(before + 1);
  });

  it('refuses a forged callback with 401 before anything runs', async () => {
    const before = await bot.prisma.activityEntry.count();
    const response = await bot.wecom.post(
      bot.wecom.textXml({ from: AGENT, content: '/log 呼出9', msgId: '9' }),
      {
        token: 'wrong',
      },
    );
    expect(response.status).toBe(401);
    const other = await bot.wecom.post(
      bot.wecom.textXml({ from: AGENT, content: '/log 呼出9', msgId: '10' }),
      {
        corpId: 'wwsomeoneelse',
      },
    );
    expect(other.status).toBe(401);
    await bot.settled();
    expect(await bot.prisma.activityEntry.count()).toBe(before);
  });

  it('adds a member named by userid, with or without @, and confirms with the name from contacts', async () => {
    const sent = await bot.send('/team add WangXiaoMing 一组 见习MO1', WC_ADMIN);
    expect(sent.map(shown).join('\n')).toContain('王小明');
    expect(await bot.store.roster.memberByMessengerId('WangXiaoMing')).toMatchObject({
      displayName: '王小明',
    });
  });

  it('binds a group robot by its webhook URL and posts the 18:00 board there once', async () => {
    const url = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${ROBOT_KEY}`;
    await bot.send(`/team channel team ${url}`, WC_ADMIN);
    expect((await bot.store.roster.team(teamId)).pkChannelId).toBe(ROBOT_KEY);
    const ids = new Map((await bot.store.roster.members(teamId)).map((m) => [m.messengerUserId, m.id]));
    await seedEntries(bot.prisma, teamId, ids, [{ who: AGENT, day: '2026-11-26', calls: 90, effective: 40 }]);
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    const boards = bot.fake
      .sent()
      .slice(before)
      .filter((s) => 'robotKey' in s.to && s.to.robotKey === ROBOT_KEY);
    // The board, then its 战报 poster; once, though the job ran twice.
    expect(boards.map((b) => b.msgtype)).toEqual(['markdown', 'image']);
    expect(shown(boards[0] ?? fail())).toContain('一组');
    expect(shown(boards[0] ?? fail())).not.toContain('<@');
    expect(bot.fake.dropped()).toEqual([]);
  });

  it('asks with a card before saving an odd figure; a click saves once and greys the card', async () => {
    const before = await bot.prisma.activityEntry.count();
    const question = await bot.send('/log 呼出1600', AGENT);
    const card = question.map(cardOf).find((c) => c !== undefined);
    expect(card).toMatchObject({ card_type: 'button_interaction' });
    const buttons = (card?.button_list ?? []) as Array<{ key: string; text: string }>;
    const confirm = buttons.find((b) => b.key.startsWith('log_confirm|'));
    const issued = bot.fake.cards().at(-1);
    if (confirm === undefined || issued === undefined) throw new Error('no confirm button');
    const click = (createTime: number) =>
      bot.delivered(
        bot.wecom.cardXml({
          from: AGENT,
          eventKey: confirm.key,
          taskId: String(card?.task_id),
          responseCode: issued.responseCode,
          createTime,
        }),
      );
    const answered = await click(1795752000);
    expect(answered.map(shown).join('\n')).toContain('呼出 +1,600');
    expect(bot.fake.cards().find((c) => c.responseCode === issued.responseCode)?.replaceName).toBe('已处理');
    await click(1795752005);
    expect(await bot.prisma.activityEntry.count()).toBe(before + 1);
  });

  it('sends the probation sign-off as a card; Approve decides once, a later click is told who decided', async () => {
    bot.fake.addUser('NewHire', '新人');
    await bot.send('/team add @NewHire 一组 见习MO1', WC_ADMIN);
    const before = bot.fake.sent().length;
    for (const item of ['culture', 'process', 'skills', 'product', 'drill'])
      await bot.send(`/probation tick @NewHire ${item}`, WC_ADMIN);
    const request = bot.fake
      .sent()
      .slice(before)
      .find((s) => toUser(s, MANAGER) && cardOf(s) !== undefined);
    const card = request === undefined ? undefined : cardOf(request);
    const approve = ((card?.button_list ?? []) as Array<{ key: string }>).find((b) =>
      b.key.startsWith('probation_approve|'),
    );
    const issued = bot.fake.cards().find((c) => c.taskId === card?.task_id);
    if (approve === undefined || issued === undefined) throw new Error('no sign-off card');
    const click = (createTime: number) =>
      bot.delivered(
        bot.wecom.cardXml({
          from: MANAGER,
          eventKey: approve.key,
          taskId: issued.taskId,
          responseCode: issued.responseCode,
          createTime,
        }),
      );
    const decided = await click(1795752100);
    expect(decided.map(shown).join('\n')).toContain('批准');
    expect((await bot.store.roster.memberByMessengerId('NewHire'))?.status).toBe('active');
    const later = await click(1795752200);
    expect(later.map(shown).join('\n')).toContain('已经由');
  });

  it('splits a long answer into app messages of at most 2,048 bytes', async () => {
    for (let i = 0; i < 40; i += 1) {
      const id = `Agent${String(i).padStart(2, '0')}`;
      bot.fake.addUser(id, `同事${i}号`);
      await bot.send(`/team add ${id} 一组 见习MO1`, WC_ADMIN);
    }
    const sent = await bot.send('/team list', WC_ADMIN);
    expect(sent.length).toBeGreaterThan(1);
    for (const s of sent) expect(Buffer.byteLength(shown(s), 'utf8')).toBeLessThanOrEqual(2048);
    expect(sent.map(shown).join('\n')).toContain('同事39号');
  });

  it('refetches the access token when it has expired, and the answer still arrives', async () => {
    const tokens = () => bot.fake.calls.filter((c) => c.name === 'gettoken').length;
    const before = tokens();
    bot.fake.expireTokens();
    const sent = await bot.send('/stats', AGENT);
    expect(shown(sent[0] ?? fail())).toContain('呼出');
    expect(tokens()).toBe(before + 1);
    const refused = bot.fake.calls.filter((c) => c.name === 'messageSend' && c.response.errcode === 42001);
    expect(refused).toHaveLength(1);
  });

  it('runs a menu button as its command (我的战报 → /stats)', async () => {
    const sent = await bot.delivered(bot.wecom.clickXml({ from: AGENT, eventKey: 'stats' }));
    expect(shown(sent[0] ?? fail())).toContain('呼出');
  });

  it('answers /log alone with a line to fill in, and an unknown word with help', async () => {
    const form = await bot.send('/log', AGENT);
    expect(shown(form[0] ?? fail())).toContain('/log 呼出 有效 意向 回访 约见 到访 业绩');
    const unknown = await bot.send('你好', AGENT);
    expect(shown(unknown[0] ?? fail())).toContain('没有「你好」这个命令');
  });
});

function fail(): never {
  throw new Error('missing');
}
