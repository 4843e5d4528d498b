import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createFakeDingTalk, type FakeDingTalk } from '../helpers/fake-dingtalk.ts';

/** The operator's CLI for a DingTalk team: a roster of DingTalk userIds, a job posted to the bound group. */
describe('zhanbao CLI with DingTalk', () => {
  let database: TestDatabase;
  let fake: FakeDingTalk;
  let dir: string;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = {
      DATABASE_URL: database.url,
      DINGTALK_CLIENT_ID: 'dingcli',
      DINGTALK_CLIENT_SECRET: 'cli-secret',
      DINGTALK_API_URL: fake.url,
      DINGTALK_OAPI_URL: fake.url,
      LOG_LEVEL: 'error',
    };
    const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await createFakeDingTalk({
      clientId: 'dingcli',
      clientSecret: 'cli-secret',
      robotCode: 'dingcli',
    });
    dir = await mkdtemp(join(tmpdir(), 'zb-dt-cli-'));
  });
  afterAll(async () => {
    await fake.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a roster of DingTalk userIds', async () => {
    const file = join(dir, 'roster.csv');
    await writeFile(
      file,
      [
        '钉钉userid,姓名,小组,角色,级别,入职日期',
        '032615015535634423,赵文浩,一组,组长,客户经理MO2,2026-03-02',
        'manager4521,孙经理,,经理,资深MO1,2025-01-02',
        'bad id,坏行,一组,,见习MO1,2026-03-02',
      ].join('\n'),
    );
    const refused = await run('roster', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line 4, user_id: must be a user id');
    const good = join(dir, 'good.csv');
    await writeFile(good, (await readFile(file, 'utf8')).split('\n').slice(0, 3).join('\n'));
    const imported = await run('roster', 'import', good);
    expect(imported).toMatchObject({ code: 0 });
    const ids = (await database.prisma.member.findMany({ orderBy: { id: 'asc' } })).map(
      (m) => m.messengerUserId,
    );
    expect(ids).toEqual(['032615015535634423', 'manager4521']);
  });

  it('runs the 18:00 board by hand and posts it to the bound DingTalk group', async () => {
    const team = await database.prisma.team.findFirstOrThrow();
    await database.prisma.team.update({ where: { id: team.id }, data: { pkChannelId: 'cidTeam==' } });
    fake.addGroup('cidTeam==');
    const result = await run('job', 'run', 'daily-pk', '--date', '2026-11-26');
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('daily-pk 2026-11-26: done');
    const boards = fake
      .sent()
      .filter((s) => 'openConversationId' in s.to && s.to.openConversationId === 'cidTeam==');
    expect(boards.map((b) => b.msgKey)).toEqual(['sampleMarkdown', 'sampleImageMsg']);
    expect(String(boards[0]?.msgParam.text)).toContain('一组');
  });
});
