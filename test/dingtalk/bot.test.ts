import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { day } from '../helpers/day.ts';
import { type DingTalkTestBot, DT_ADMIN, startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import type { SentMessage } from '../helpers/fake-dingtalk.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

const GROUP = { id: 'cidGroupOne==', title: '销售一组' };
const AGENT = { userId: '032615015535634423', nick: '赵文浩' };
const OTHER = { userId: '0411', nick: '王小明' };
const MANAGER = { userId: 'mgr01', nick: '孙经理' };

const toSession = (s: SentMessage) => 'session' in s.to;
const toUsers = (s: SentMessage, userId: string) => 'userIds' in s.to && s.to.userIds.includes(userId);
const toGroup = (s: SentMessage, id: string) =>
  'openConversationId' in s.to && s.to.openConversationId === id;

/**
 * The whole bot inside DingTalk, through both inbound paths DingTalk offers: signed HTTP
 * callbacks and Stream frames. Every case runs on both; what the bot sends is read back from
 * the fake DingTalk (session webhooks, batchSend, groupMessages).
 */
describe.each(['http', 'stream'] as const)('DingTalk robot over %s', (mode) => {
  let bot: DingTalkTestBot;
  let teamId: number;

  beforeAll(async () => {
    bot = await startDingTalkBot({ mode, now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: AGENT.userId, name: '赵文浩', group: '一组' },
        { id: MANAGER.userId, name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    bot.fake.addUser(OTHER.userId, '王小明');
    bot.fake.addUser(AGENT.userId, '赵文浩');
    bot.fake.addUser(MANAGER.userId, '孙经理');
    bot.fake.addUser(DT_ADMIN, '管理员');
    bot.fake.addGroup(GROUP.id);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('logs from the 1:1 chat and answers in it through the session webhook', async () => {
    const sent = await bot.send('/log 呼出120 有效80 意向8', AGENT);
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    if (reply === undefined) throw new Error('no reply');
    expect(toSession(reply)).toBe(true);
    expect(reply.msgKey).toBe('markdown');
    expect(textOf(reply)).toContain('已记录 赵文浩');
    expect(textOf(reply)).toContain('呼出 +120');
    expect(textOf(reply)).not.toContain('`');
    const entries = await bot.prisma.activityEntry.findMany({
      where: { member: { messengerUserId: AGENT.userId } },
    });
    expect(entries.map((e) => [e.calls, e.effective, e.intents, e.source])).toEqual([
      [120, 80, 8, 'dingtalk-command'],
    ]);
  });

  it('takes commands without the slash and by their Chinese words', async () => {
    const plain = await bot.send('log 呼出10', AGENT);
    expect(textOf(plain[0] ?? fail())).toContain('呼出 +10');
    const chinese = await bot.send('记录 回访3', AGENT);
    expect(textOf(chinese[0] ?? fail())).toContain('回访 +3');
  });

  it('counts a re-delivered message once', async () => {
    const before = await bot.prisma.activityEntry.count();
    const { body } = bot.robotMessage('/log 约见1', AGENT);
    const sentBefore = bot.fake.sent().length;
    await bot.deliver(body);
    await bot.settled();
    await bot.deliver(body);
    await bot.settled();
    expect(await bot.prisma.activityEntry.count()).toBe(before + 1);
    expect(bot.fake.sent().length - sentBefore).toBe(1);
  });

  it('keeps private answers out of a group: /stats goes 1:1, the group gets one line', async () => {
    const sent = await bot.send('/stats', AGENT, { group: GROUP });
    const [privately, note] = sent;
    if (privately === undefined || note === undefined)
      throw new Error(`expected two sends, got ${sent.length}`);
    expect(toUsers(privately, AGENT.userId)).toBe(true);
    expect(textOf(privately)).toContain('呼出');
    expect(toSession(note)).toBe(true);
    expect(textOf(note)).toContain(`@${AGENT.userId}`);
    expect(textOf(note)).toContain('私信');
    expect(note.body.at).toMatchObject({ atUserIds: [AGENT.userId] });
    expect(textOf(note)).not.toContain('呼出');
    expect(sent).toHaveLength(2);
  });

  it('never posts pay to a group', async () => {
    const sent = await bot.send('/pay', AGENT, { group: GROUP });
    const inGroup = sent.filter((s) => !toUsers(s, AGENT.userId));
    expect(inGroup.map(textOf).join('\n')).not.toMatch(/¥|元|底薪/);
    expect(sent.some((s) => toUsers(s, AGENT.userId))).toBe(true);
  });

  it('puts @-mentioned people back where the command expects them (/team add in a group)', async () => {
    // DingTalk cuts "@王小明" out of the text; the person is only in atUsers.
    const sent = await bot.send(
      '/team add  一组 见习MO1',
      { userId: DT_ADMIN, nick: '管理员' },
      { group: GROUP, at: [OTHER] },
    );
    expect(sent.map(textOf).join('\n')).toContain('王小明');
    const added = await bot.store.roster.memberByMessengerId(OTHER.userId);
    expect(added).toMatchObject({ displayName: '王小明', groupName: '一组', level: 'P1' });
  });

  it('binds the group it is typed in as the team channel, and posts the 18:00 board there once', async () => {
    await bot.send('/team channel team', { userId: DT_ADMIN }, { group: GROUP });
    expect((await bot.store.roster.team(teamId)).pkChannelId).toBe(GROUP.id);
    const ids = new Map((await bot.store.roster.members(teamId)).map((m) => [m.messengerUserId, m.id]));
    await seedEntries(bot.prisma, teamId, ids, [
      { who: AGENT.userId, day: '2026-11-26', calls: 90, effective: 40 },
    ]);
    const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
    const before = bot.fake.sent().length;
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    await runJob(deps, { teamId, job: 'daily-pk', day: day('2026-11-26'), late: false, force: false });
    const boards = bot.fake
      .sent()
      .slice(before)
      .filter((s) => toGroup(s, GROUP.id));
    // The board, then its 战报 poster; once, though the job ran twice.
    expect(boards.map((b) => b.msgKey)).toEqual(['sampleMarkdown', 'sampleImageMsg']);
    expect(textOf(boards[0] ?? fail())).toContain('一组');
    expect(textOf(boards[0] ?? fail())).not.toMatch(/<@|`/);
  });

  it('lets a member choose English with /lang, for replies from then on', async () => {
    const set = await bot.send('/lang en', AGENT);
    expect(textOf(set[0] ?? fail())).toContain('English');
    const reply = await bot.send('/log 呼出5', AGENT);
    expect(textOf(reply[0] ?? fail())).toContain('Logged');
    await bot.send('/lang 中文', AGENT);
  });

  it('answers an unknown command with what it can do, and /log alone with a line to fill in', async () => {
    const unknown = await bot.send('/dance', AGENT);
    expect(textOf(unknown[0] ?? fail())).toContain('没有「/dance」这个命令');
    const form = await bot.send('/log', AGENT);
    expect(textOf(form[0] ?? fail())).toContain('/log 呼出 有效 意向 回访 约见 到访 业绩');
  });

  it('runs probation from chat: ticks by typed @name, sign-off links to the manager, a second approval told who decided', async () => {
    const admin = { userId: DT_ADMIN, nick: '管理员' };
    const hire = { userId: `new-${mode}`, nick: `新人${mode}` };
    bot.fake.addUser(hire.userId, hire.nick);
    await bot.send('/team add  一组 见习MO1', admin, { group: GROUP, at: [hire] });
    const before = bot.fake.sent().length;
    for (const item of ['culture', 'process', 'skills', 'product', 'drill'])
      await bot.send(`/probation tick @${hire.nick} ${item}`, admin);
    const toManager = bot.fake
      .sent()
      .slice(before)
      .filter((s) => toUsers(s, MANAGER.userId));
    expect(toManager).toHaveLength(1);
    const request = textOf(toManager[0] ?? fail());
    expect(request).toContain(hire.nick);
    const approve = /\[批准入司\]\(dtmd:\/\/dingtalkclient\/sendMessage\?content=([^)]+)\)/.exec(
      request,
    )?.[1];
    expect(decodeURIComponent(approve ?? '')).toBe(`/probation approve <@${hire.userId}>`);
    const approved = await bot.send(decodeURIComponent(approve ?? ''), MANAGER);
    expect(approved.map(textOf).join('\n')).toContain('批准');
    const again = await bot.send(decodeURIComponent(approve ?? ''), MANAGER);
    expect(textOf(again[0] ?? fail())).toContain('已经由');
    expect((await bot.store.roster.memberByMessengerId(hire.userId))?.status).toBe('active');
  });

  it('retries a throttled direct message and delivers it', async () => {
    bot.fake.throttle([AGENT.userId], 1);
    const sent = await bot.send('/stats', AGENT, { group: GROUP });
    expect(sent.some((s) => toUsers(s, AGENT.userId))).toBe(true);
    const attempts = bot.fake.calls.filter((c) => c.name === 'batchSend').slice(-2);
    expect(attempts.map((c) => c.response)).toEqual([
      expect.objectContaining({ flowControlledStaffIdList: [AGENT.userId] }),
      expect.not.objectContaining({ flowControlledStaffIdList: [AGENT.userId] }),
    ]);
  });

  it('asks before saving an odd figure, with a link that sends the confirmed line back', async () => {
    const before = await bot.prisma.activityEntry.count();
    const question = await bot.send('/log 呼出1600', AGENT);
    const text = textOf(question[0] ?? fail());
    expect(text).toContain('dtmd://dingtalkclient/sendMessage?content=');
    const link = /content=([^)]+)\)/.exec(text)?.[1];
    expect(decodeURIComponent(link ?? '')).toBe('/log 呼出1600 确认');
    expect(await bot.prisma.activityEntry.count()).toBe(before);
    const confirmed = await bot.send(decodeURIComponent(link ?? ''), AGENT);
    expect(textOf(confirmed[0] ?? fail())).toContain('呼出 +1,600');
    expect(await bot.prisma.activityEntry.count()).toBe(before + 1);
  });
});

describe('DingTalk HTTP callbacks', () => {
  let bot: DingTalkTestBot;
  beforeAll(async () => {
    bot = await startDingTalkBot({ mode: 'http' });
    await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [{ id: AGENT.userId, name: '赵文浩', group: '一组' }],
    });
  });
  afterAll(async () => {
    await bot?.close();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${bot.baseUrl}/dingtalk/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(bot.robotMessage('/log 呼出50', AGENT).body),
    });

  it('refuses a bad sign or a timestamp more than an hour off with 401, and runs nothing', async () => {
    const now = bot.clock.now().getTime();
    const { signFor } = await import('../../src/dingtalk/http-receiver.ts');
    const forged = await post({ timestamp: String(now), sign: signFor('wrong-secret', String(now)) });
    expect(forged.status).toBe(401);
    const stale = String(now - 61 * 60_000);
    const old = await post({ timestamp: stale, sign: signFor('test-dingtalk-secret', stale) });
    expect(old.status).toBe(401);
    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    await bot.settled();
    expect(await bot.prisma.activityEntry.count()).toBe(0);
    expect(bot.fake.sent()).toHaveLength(0);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const now = String(bot.clock.now().getTime());
    const { signFor } = await import('../../src/dingtalk/http-receiver.ts');
    const response = await fetch(`${bot.baseUrl}/dingtalk/events`, {
      method: 'POST',
      headers: { timestamp: now, sign: signFor('test-dingtalk-secret', now) },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });
});

describe('DingTalk Stream', () => {
  it('comes back after the gateway drops and refuses for a while, and keeps answering', async () => {
    const bot = await startDingTalkBot({ mode: 'stream' });
    try {
      await seedTeam(bot.prisma, {
        groups: [{ name: '一组' }],
        members: [{ id: AGENT.userId, name: '赵文浩', group: '一组' }],
      });
      const gateway = bot.gateway ?? fail();
      gateway.refuse(true);
      gateway.drop();
      await gateway.waitForOpens(gateway.opens + 2);
      gateway.refuse(false);
      await gateway.waitForConnections(1);
      const sent = await bot.send('/log 呼出20', AGENT);
      expect(textOf(sent[0] ?? fail())).toContain('呼出 +20');
      expect(gateway.peakConnections).toBe(1);
    } finally {
      await bot.close();
    }
  });
});

function fail(): never {
  throw new Error('missing');
}
