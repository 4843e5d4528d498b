import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { serveHttp } from '../../src/http.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore } from '../../src/store/store.ts';
import { createTeamEvents } from '../../src/team-events.ts';
import { getWallLink } from '../../src/usecases/manage-wall.ts';
import type { WallView } from '../../src/views/wall-view.ts';
import { createWallServer, wallOnly } from '../../src/wall/wall-http.ts';
import { startTestBot, type TestBot } from '../helpers/bot.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { startDingTalkBot, textOf } from '../helpers/dingtalk-bot.ts';
import { isComment, isEvent, openEventStream } from '../helpers/event-stream.ts';
import { PLAYGROUND_NOW, startTestPlayground } from '../helpers/playground.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';
import { shown, startWeComBot } from '../helpers/wecom-bot.ts';

/**
 * The office wallboard (大屏) through the bot's own HTTP server: `/team wall` by Slack slash
 * commands into Bolt's receiver, the page and its event stream on the same port, and a log typed
 * in Slack reaching an open stream. Then DingTalk and WeCom: the link is only ever sent to the
 * asker, never to a group. Friday 27 November 2026, 11:00 in Shanghai.
 */
const PATH = /\/wall\/([A-Za-z0-9_-]{32})/;
const PAY_WORDS = [
  '薪酬',
  '工资',
  '底薪',
  '提成',
  '扣款',
  'commission',
  'base pay',
  'salary',
  '目标 150',
  '/150',
];

function pathIn(text: string): string {
  const match = PATH.exec(text);
  if (match === null) throw new Error(`no wallboard path in: ${text}`);
  return match[0];
}

function viewIn(html: string): WallView {
  const match = /<script type="application\/json" id="wall-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no board in the page');
  return JSON.parse(match[1] ?? '');
}

describe('the wallboard on Slack', () => {
  let bot: TestBot;
  let path: string;

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-11-27T03:00:00Z' });
    const seeded = await seedTeam(bot.prisma, {
      pkChannel: 'CPK',
      groups: [{ name: '一组' }, { name: '二组' }],
      members: [
        { id: 'UA', name: '张伟', group: '一组' },
        { id: 'UB', name: '李娜', group: '二组' },
        { id: 'UL', name: '王组长', group: '一组', role: 'leader' },
        { id: 'UM', name: '孙经理', role: 'manager' },
      ],
    });
    await seedEntries(bot.prisma, seeded.teamId, seeded.memberIds, [
      { who: 'UB', day: '2026-11-27', calls: 90, intents: 4, amount: 80_000 },
    ]);
  });
  afterAll(() => bot.close());

  it('refuses agents and group leaders, politely, and makes no link', async () => {
    for (const user of ['UA', 'UL']) {
      const refused = await bot.command('/team', 'wall', user);
      expect(refused.text).toBe('抱歉，这个操作需要经理、总监或管理员权限。');
    }
    expect(await bot.prisma.wallLink.count()).toBe(0);
  });

  it('gives a manager the link privately, the same one when asked again, relative without ZHANBAO_PUBLIC_URL', async () => {
    const first = await bot.command('/team', 'wall', 'UM');
    expect(first.reply.response_type).toBe('ephemeral');
    expect(first.text).toContain('ZHANBAO_PUBLIC_URL');
    expect(first.text).toContain('相对于机器人的地址');
    path = pathIn(first.text);
    const again = await bot.command('/team', '大屏', 'UM');
    expect(pathIn(again.text)).toBe(path);
    const rows = await bot.prisma.wallLink.findMany();
    expect(rows).toHaveLength(1);
    // Found by the token's hash; the token is 192 random bits.
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.tokenHash).not.toContain(path.slice('/wall/'.length));
  });

  it('serves the page: today’s PK, the top members and the goal, in Chinese, with no pay', async () => {
    const response = await fetch(`${bot.baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    for (const word of PAY_WORDS) expect(html).not.toContain(word);
    const view = viewIn(html);
    expect(view.team).toBe('电销团队');
    expect(view.date).toBe('11月27日');
    expect(view.labels.groupPk).toBe('今日小组PK');
    expect(view.groups.map((g) => [g.rank, g.name, g.amount])).toEqual([
      [1, '二组', '¥80,000'],
      [2, '一组', '¥0'],
    ]);
    expect(view.top.map((s) => s.name)).toEqual(['李娜']);
    expect(view.goal.title).toBe('11月团队目标');
    // The team was made today, so November is the first month of the goals' ramp.
    expect([view.goal.actual, view.goal.target]).toEqual(['¥80,000', '目标 ¥1,000,000']);
    // No milestone today: the day's biggest deal is the news.
    expect(view.news).toEqual(['💰 今日最大单：李娜 ¥80,000']);
    expect(Object.keys(view)).not.toContain('pay');

    const english = await fetch(`${bot.baseUrl}${path}?lang=en`);
    const englishView = viewIn(await english.text());
    expect(englishView.lang).toBe('en');
    expect(englishView.labels.groupPk).toBe("Today's group PK");

    for (const file of ['wall.js', 'wall.css']) {
      const asset = await fetch(`${bot.baseUrl}/wall/static/${file}`);
      expect(asset.status).toBe(200);
    }
  });

  it('answers 404 with a short page for a token it does not know, and 405 to anything but GET', async () => {
    for (const unknown of ['/wall/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/wall/short', '/wall/x/events']) {
      const response = await fetch(`${bot.baseUrl}${unknown}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('大屏链接已失效');
    }
    const posted = await fetch(`${bot.baseUrl}${path}`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(405);
    await posted.text();
  });

  it('streams the new board within 2 s of a log typed in Slack', async () => {
    const stream = await openEventStream(`${bot.baseUrl}${path}/events`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      // On connecting, the board as it is now.
      const initial = await stream.next(isEvent('board'));
      expect(JSON.parse(initial.data).top).toHaveLength(1);

      const logged = await bot.command('/log', '呼出120 有效80 意向8 业绩10万', 'UA');
      expect(logged.text).toContain('已记录');
      const update = await stream.next(isEvent('board'), 2000);
      const view: WallView = JSON.parse(update.data);
      expect(view.top.map((s) => s.name)).toEqual(['张伟', '李娜']);
      expect(view.groups.find((g) => g.name === '一组')?.amount).toBe('¥100,000');
      // 张伟's first deal ever is today's 喜报.
      expect(view.news).toEqual(['🎉 恭喜 张伟 开单！首笔业绩 ¥100,000']);
      for (const word of PAY_WORDS) expect(update.data).not.toContain(word);
    } finally {
      await stream.close();
    }
  });

  it('revokes the link on reset: the open stream is told and closed, the old page answers 404', async () => {
    const stream = await openEventStream(`${bot.baseUrl}${path}/events`);
    await stream.next(isEvent('board'));
    const reset = await bot.command('/team', 'wall reset', 'UM');
    expect(reset.reply.response_type).toBe('ephemeral');
    expect(reset.text).toContain('旧链接已作废');
    const fresh = pathIn(reset.text);
    expect(fresh).not.toBe(path);
    await stream.next(isEvent('revoked'), 2000);
    await stream.ended();

    const old = await fetch(`${bot.baseUrl}${path}`);
    expect(old.status).toBe(404);
    expect(await old.text()).toContain('This wallboard link is no longer valid');
    const oldEvents = await fetch(`${bot.baseUrl}${path}/events`);
    expect(oldEvents.status).toBe(404);
    await oldEvents.text();
    const page = await fetch(`${bot.baseUrl}${fresh}`);
    expect(page.status).toBe(200);
    await page.text();
    const live = await bot.prisma.wallLink.findMany({ where: { liveTeamId: { not: null } } });
    expect(live).toHaveLength(1);
    expect(await bot.prisma.wallLink.count()).toBe(2);
    const audit = await bot.prisma.auditEvent.findMany({ where: { action: { startsWith: 'wall.' } } });
    expect(audit.map((a) => a.action)).toEqual(['wall.created', 'wall.reset']);
  });
});

describe('the wallboard link with ZHANBAO_PUBLIC_URL', () => {
  it('is a full address', async () => {
    const bot = await startTestBot({ publicUrl: 'https://zhanbao.example.com' });
    try {
      await seedTeam(bot.prisma, { groups: [], members: [{ id: 'UM', name: '孙经理', role: 'manager' }] });
      const reply = await bot.command('/team', 'wall', 'UM');
      expect(reply.text).toMatch(/大屏链接：https:\/\/zhanbao\.example\.com\/wall\/[A-Za-z0-9_-]{32}/);
      expect(reply.text).not.toContain('ZHANBAO_PUBLIC_URL');
    } finally {
      await bot.close();
    }
  });
});

describe('the wallboard event stream', () => {
  it('sends keep-alive comments while nothing happens', async () => {
    const database = await createTestDatabase();
    const store = createStore(database.prisma, 'slack');
    const deps = {
      store,
      clock: fixedClock('2026-11-27T03:00:00Z'),
      admins: ['UADMIN'],
      defaults: { teamName: '电销团队', timezone: 'Asia/Shanghai', locale: 'zh-CN' as const },
    };
    const events = createTeamEvents();
    const logger = createLogger({ level: 'error', sink: () => {} });
    const wall = createWallServer({ deps: { ...deps, events }, events, logger, keepAliveMs: 10 });
    const server = await serveHttp(0, wallOnly(wall), () => {});
    try {
      const { path } = await getWallLink({ ...deps, events }, { actorId: 'UADMIN', reset: false });
      const stream = await openEventStream(`http://127.0.0.1:${server.port}${path}/events`);
      await stream.next(isEvent('board'));
      await stream.next(isComment('keep-alive'));
      await stream.close();
      const other = await fetch(`http://127.0.0.1:${server.port}/elsewhere`);
      expect(other.status).toBe(404);
      await other.text();
    } finally {
      wall.close();
      await server.close();
      await database.close();
    }
  });
});

describe('the wallboard link on DingTalk and WeCom', () => {
  it('DingTalk: asked in a group, the link goes to the 1:1 chat and the group gets a line without it', async () => {
    const bot = await startDingTalkBot({ mode: 'stream' });
    try {
      const group = { id: 'cidTeamGroup==', title: '电销团队' };
      bot.fake.addGroup(group.id);
      bot.fake.addUser('mgr01', '孙经理');
      await seedTeam(bot.prisma, {
        groups: [{ name: '一组' }],
        members: [
          { id: 'mgr01', name: '孙经理', role: 'manager' },
          { id: 'agent01', name: '赵文浩', group: '一组' },
        ],
      });
      bot.fake.addUser('agent01', '赵文浩');
      const sent = await bot.send('/team wall', { userId: 'mgr01', nick: '孙经理' }, { group });
      const withLink = sent.filter((s) => PATH.test(textOf(s)));
      expect(withLink).toHaveLength(1);
      expect('userIds' in (withLink[0]?.to ?? {}) && withLink[0]?.to).toMatchObject({ userIds: ['mgr01'] });
      const inGroup = sent.filter((s) => s !== withLink[0]);
      expect(inGroup.length).toBeGreaterThan(0);
      for (const s of inGroup) expect(textOf(s)).not.toMatch(/\/wall\//);
      // Stream mode has no callback server, but the wallboard is served on the port.
      const path = pathIn(withLink.map(textOf).join(''));
      const page = await fetch(`${bot.baseUrl}${path}`);
      expect(page.status).toBe(200);
      await page.text();

      // A log in the DingTalk chat reaches the open page too.
      const stream = await openEventStream(`${bot.baseUrl}${path}/events`);
      try {
        await stream.next(isEvent('board'));
        await bot.send('/log 呼出50 意向3', { userId: 'agent01', nick: '赵文浩' });
        const update = await stream.next(isEvent('board'), 2000);
        expect(JSON.parse(update.data).top.map((s: { name: string }) => s.name)).toEqual(['赵文浩']);
      } finally {
        await stream.close();
      }
    } finally {
      await bot.close();
    }
  });

  it('WeCom: the link is an app message to the asker only, never a group robot post', async () => {
    const bot = await startWeComBot();
    try {
      await seedTeam(bot.prisma, {
        groups: [],
        members: [{ id: 'SunJingLi', name: '孙经理', role: 'manager' }],
      });
      bot.fake.addUser('SunJingLi', '孙经理');
      const sent = await bot.send('/team wall', 'SunJingLi');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.to).toEqual({ userIds: ['SunJingLi'] });
      const path = pathIn(sent.map(shown).join(''));
      const page = await fetch(`${bot.baseUrl}${path}`);
      expect(page.status).toBe(200);
      await page.text();
    } finally {
      await bot.close();
    }
  });
});

describe('the wallboard in the playground', () => {
  it('opens every side’s link on the page’s own port, and 404s a token no side knows', async () => {
    const t = await startTestPlayground();
    try {
      const side = t.playground.dingtalk;
      const managerId = side.seeded?.people.managers[0];
      if (managerId === undefined) throw new Error('no manager in the DingTalk demo');
      const link = await getWallLink(
        {
          store: side.store,
          clock: fixedClock(PLAYGROUND_NOW),
          admins: [],
          defaults: { teamName: '电销团队', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
        },
        { actorId: managerId, reset: false },
      );
      const page = await fetch(`${t.origin}${link.path}?lang=en`);
      expect(page.status).toBe(200);
      expect(viewIn(await page.text()).labels.groupPk).toBe("Today's group PK");
      const stream = await openEventStream(`${t.origin}${link.path}/events`);
      await stream.next(isEvent('board'));
      await stream.close();
      const unknown = await fetch(`${t.origin}/wall/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('大屏链接已失效');
    } finally {
      await t.close();
    }
  });
});
