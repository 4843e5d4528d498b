import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { createLogger } from '../../src/logger.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { startDingTalkBot } from '../helpers/dingtalk-bot.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { startWeComBot } from '../helpers/wecom-bot.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (bytes: Uint8Array | undefined) => PNG.every((b, i) => bytes?.[i] === b);

const TEAM = {
  groups: [{ name: '龑腾组' }, { name: '二组' }],
  members: [
    { id: 'agent1', name: '李龑', group: '龑腾组' },
    { id: 'agent2', name: '张堃', group: '二组' },
    { id: 'boss1', name: '孙经理', role: 'manager' as const },
  ],
};

/**
 * The 战报 poster beside the 18:00 board, on each messenger's fake, which refuses what the real
 * API refuses (size, type, an image message naming no uploaded picture); the 喜报 of a first deal
 * and of a big one; `/team image off`.
 */
describe('the 18:00 战报 poster on each messenger', () => {
  it('Slack: the board, then the PNG shared to the channel through the external upload', async () => {
    const bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    try {
      const { teamId, memberIds } = await seedTeam(bot.prisma, { ...TEAM, pkChannel: 'CPK' });
      await seedEntries(bot.prisma, teamId, memberIds, [{ who: 'agent1', day: '2026-11-26', calls: 90 }]);
      const deps = { store: bot.store, messenger: bot.messenger, logger: bot.logger };
      const outcome = await runJob(deps, {
        teamId,
        job: 'daily-pk',
        day: day('2026-11-26'),
        late: false,
        force: false,
      });
      expect(outcome).toMatchObject({ status: 'done', failures: [] });
      const methods = bot.fake.calls.map((c) => c.method);
      const board = methods.indexOf('chat.postMessage');
      const complete = methods.indexOf('files.completeUploadExternal');
      expect(board).toBeGreaterThanOrEqual(0);
      expect(complete).toBeGreaterThan(board); // the text goes first
      const [asked] = bot.fake.callsTo('files.getUploadURLExternal');
      expect(asked?.body).toMatchObject({ filename: 'zhanbao-pk-2026-11-26.png' });
      expect(String(asked?.body.alt_text)).toContain('战报');
      expect(bot.fake.calls[complete]?.body).toMatchObject({ channel_id: 'CPK' });
      const [upload] = [...bot.fake.uploads.values()];
      expect(upload?.completed).toBe(true);
      expect(isPng(upload?.bytes)).toBe(true);
    } finally {
      await bot.close();
    }
  });

  it('DingTalk: media/upload type=image, then a sampleImageMsg naming it, to the team group', async () => {
    const bot = await startDingTalkBot({ now: '2026-11-27T03:00:00Z' });
    try {
      const { teamId, memberIds } = await seedTeam(bot.prisma, { ...TEAM, pkChannel: 'cidTeam==' });
      bot.fake.addGroup('cidTeam==');
      await seedEntries(bot.prisma, teamId, memberIds, [{ who: 'agent1', day: '2026-11-26', calls: 90 }]);
      const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
      const outcome = await runJob(deps, {
        teamId,
        job: 'daily-pk',
        day: day('2026-11-26'),
        late: false,
        force: false,
      });
      expect(outcome).toMatchObject({ status: 'done', failures: [] });
      const toTeam = bot.fake
        .sent()
        .filter((s) => 'openConversationId' in s.to && s.to.openConversationId === 'cidTeam==');
      expect(toTeam.map((s) => s.msgKey)).toEqual(['sampleMarkdown', 'sampleImageMsg']);
      const media = bot.fake.media(String(toTeam[1]?.msgParam.photoURL));
      expect(media?.type).toBe('image');
      expect(isPng(media?.bytes)).toBe(true);
    } finally {
      await bot.close();
    }
  });

  it('WeCom: the group robot gets the picture inline, base64 with its md5, under 2 MB', async () => {
    const bot = await startWeComBot({ now: '2026-11-27T03:00:00Z' });
    const key = '5b1d0c2e-2222-4a4a-9b9b-0ec2af5a5bbb';
    try {
      const { teamId, memberIds } = await seedTeam(bot.prisma, { ...TEAM, pkChannel: key });
      bot.fake.addRobot(key);
      await seedEntries(bot.prisma, teamId, memberIds, [{ who: 'agent1', day: '2026-11-26', calls: 90 }]);
      const deps = { store: bot.store, messenger: bot.messenger, logger: createLogger({ level: 'error' }) };
      const outcome = await runJob(deps, {
        teamId,
        job: 'daily-pk',
        day: day('2026-11-26'),
        late: false,
        force: false,
      });
      expect(outcome).toMatchObject({ status: 'done', failures: [] });
      const toRobot = bot.fake.sent().filter((s) => 'robotKey' in s.to && s.to.robotKey === key);
      expect(toRobot.map((s) => s.msgtype)).toEqual(['markdown', 'image']);
      const image = toRobot[1]?.body.image as { base64: string } | undefined;
      const bytes = Buffer.from(image?.base64 ?? '', 'base64');
      expect(isPng(bytes)).toBe(true);
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    } finally {
      await bot.close();
    }
  });
});

describe('战报 and 喜报 images in a Slack team', () => {
  let bot: TestBot;
  let teamId: number;
  const run = (on: string) =>
    runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job: 'daily-pk', day: day(on), late: false, force: true },
    );
  const uploadsSince = (from: number) =>
    bot.fake.calls.slice(from).filter((c) => c.method === 'files.completeUploadExternal');
  const filenamesSince = (from: number) =>
    bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'files.getUploadURLExternal')
      .map((c) => String(c.body.filename));

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }],
      members: [
        { id: 'UA1', name: '王小明', group: '一组' },
        { id: 'UA2', name: '李龑', group: '一组' },
        { id: 'UA3', name: '赵赟', group: '一组' },
        { id: 'UM1', name: '孙经理', role: 'manager' },
      ],
    });
    teamId = seeded.teamId;
    // 赵赟 opened her account last week (before the bot announced anything).
    await seedEntries(bot.prisma, teamId, seeded.memberIds, [
      { who: 'UA3', day: '2026-11-20', amount: 30_000 },
    ]);
    for (const user of ['UA1', 'UA2', 'UA3', 'UM1']) bot.fake.setUserLocale(user, 'zh-CN');
  });
  afterAll(() => bot.close());

  it('a failed image is recorded on the run and costs the board nothing', async () => {
    bot.fake.failNext('files.getUploadURLExternal', 'invalid_arguments');
    const from = bot.fake.calls.length;
    const outcome = await run('2026-11-26');
    expect(outcome).toMatchObject({ status: 'done', posts: 1 });
    if (outcome.status !== 'done') throw new Error('expected done');
    expect(outcome.failures).toEqual([
      { kind: 'team-board-image', target: 'CPK', reason: expect.stringContaining('invalid_arguments') },
    ]);
    expect(bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('an agent may not turn images off; a manager may, and the board goes out as text only', async () => {
    const refused = await bot.command('/team', 'image off', 'UA1');
    expect(refused.text).toContain('权限');
    const off = await bot.command('/team', 'image off', 'UM1');
    expect(off.text).toContain('战报图片：*关*');
    const from = bot.fake.calls.length;
    expect(await run('2026-11-26')).toMatchObject({ status: 'done', posts: 1, failures: [] });
    expect(uploadsSince(from)).toEqual([]);
    expect((await bot.command('/team', '图片 开', 'UM1')).text).toContain('战报图片：*开*');
    const again = bot.fake.calls.length;
    expect(await run('2026-11-26')).toMatchObject({ status: 'done', posts: 2, failures: [] });
    expect(uploadsSince(again)).toHaveLength(1);
    expect(await bot.prisma.auditEvent.count({ where: { action: 'images.enabled' } })).toBe(2);
  });

  it('a first deal gets its 喜报 after the 开单 line, once', async () => {
    const from = bot.fake.calls.length;
    await bot.command('/log', '业绩5万', 'UA1');
    await bot.settled();
    const news = bot.fake.calls
      .slice(from)
      .findIndex((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('开单'));
    expect(news).toBeGreaterThanOrEqual(0);
    expect(filenamesSince(from)).toEqual(['zhanbao-good-news-2026-11-27.png']);
    const share = bot.fake.calls.slice(from).findIndex((c) => c.method === 'files.completeUploadExternal');
    expect(share).toBeGreaterThan(news);
    const again = bot.fake.calls.length;
    await bot.command('/log', '业绩1万', 'UA1');
    await bot.settled();
    expect(filenamesSince(again)).toEqual([]);
  });

  it('without a threshold a big day is no news; with `/team image 喜报 10万` it gets a 喜报', async () => {
    const quiet = bot.fake.calls.length;
    await bot.command('/log', '业绩20万', 'UA1');
    await bot.settled();
    expect(filenamesSince(quiet)).toEqual([]);

    expect((await bot.command('/team', 'image 喜报 好多', 'UM1')).text).toContain('用法');
    const set = await bot.command('/team', 'image 喜报 10万', 'UM1');
    expect(set.text).toContain('单日业绩达到 ¥100,000');
    expect(await bot.store.settings.teamSettings(teamId)).toMatchObject({
      images: { enabled: true, dealThreshold: 100_000 },
    });

    // 李龑's first deal is above the threshold: one 喜报 (the first deal's), not two.
    const first = bot.fake.calls.length;
    await bot.command('/log', '业绩12万', 'UA2');
    await bot.settled();
    expect(filenamesSince(first)).toEqual(['zhanbao-good-news-2026-11-27.png']);

    // 王小明's day is now ¥350,000 (his first deal was earlier today, so it is today's news
    // already): a day whose first deal was announced gets no big-deal 喜报 on top.
    const big = bot.fake.calls.length;
    await bot.command('/log', '业绩9万', 'UA1');
    await bot.settled();
    expect(filenamesSince(big)).toEqual([]);
  });

  it('a big day after the first deal’s day gets the 大单 text and its 喜报, once a day', async () => {
    const from = bot.fake.calls.length;
    await bot.command('/log', '业绩15万', 'UA3');
    await bot.settled();
    const texts = bot.fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CPK')
      .map((c) => String(c.body.text));
    expect(texts).toContain('🎉 喜报！<@UA3> 今日签下大单，业绩 ¥150,000');
    expect(filenamesSince(from)).toEqual(['zhanbao-good-news-2026-11-27.png']);
    const again = bot.fake.calls.length;
    await bot.command('/log', '业绩1万', 'UA3');
    await bot.settled();
    expect(filenamesSince(again)).toEqual([]);
  });

  it('`/team image 喜报 off` leaves first deals only', async () => {
    const off = await bot.command('/team', 'image 喜报 off', 'UM1');
    expect(off.text).toContain('喜报：首单');
    expect(off.text).not.toContain('单日业绩');
    expect((await bot.store.settings.teamSettings(teamId)).images).toEqual({ enabled: true });
  });
});
