import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createFakeWeCom, type FakeWeCom } from '../helpers/fake-wecom.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

/** The operator's CLI for a WeCom team: the app menu, and a job posted to the bound group robot. */
describe('zhanbao CLI with WeCom', () => {
  let database: TestDatabase;
  let fake: FakeWeCom;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = {
      DATABASE_URL: database.url,
      WECOM_CORP_ID: 'wwcli',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'cli-secret',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECOM_API_URL: fake.url,
      LOG_LEVEL: 'error',
    };
    const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await createFakeWeCom({ corpId: 'wwcli', secret: 'cli-secret', agentId: 1000002 });
  });
  afterAll(async () => {
    await fake.close();
    await database.close();
  });

  it('installs the app menu: 记录 / 我的战报 on top, 排行 / 帮助 under 更多 (WeCom allows 3 on top)', async () => {
    const result = await run('wecom', 'menu');
    expect(result).toMatchObject({ code: 0 });
    expect(fake.menu()).toEqual([
      { type: 'click', name: '记录', key: 'log' },
      { type: 'click', name: '我的战报', key: 'stats' },
      {
        name: '更多',
        sub_button: [
          { type: 'click', name: '排行', key: 'rank' },
          { type: 'click', name: '帮助', key: 'help' },
        ],
      },
    ]);
  });

  it('runs the 18:00 board by hand and posts it through the bound group robot', async () => {
    const key = '11111111-2222-4333-8444-555555555555';
    fake.addRobot(key);
    const { teamId, memberIds } = await seedTeam(database.prisma, {
      messenger: 'wecom',
      pkChannel: key,
      groups: [{ name: '一组' }],
      members: [{ id: 'ZhaoWenHao', name: '赵文浩', group: '一组' }],
    });
    await seedEntries(database.prisma, teamId, memberIds, [
      { who: 'ZhaoWenHao', day: '2026-11-26', calls: 80 },
    ]);
    const result = await run('job', 'run', 'daily-pk', '--date', '2026-11-26');
    expect(result, result.err).toMatchObject({ code: 0 });
    const boards = fake.sent().filter((s) => 'robotKey' in s.to && s.to.robotKey === key);
    expect(boards.map((b) => b.msgtype)).toEqual(['markdown', 'image']);
  });
});
