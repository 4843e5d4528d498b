import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/runner.ts';
import { type SlackApiCall, startTestBot, type TestBot } from '../helpers/bot.ts';
import { day } from '../helpers/day.ts';
import { seedEntries, seedTeam } from '../helpers/seed.ts';

type Button = { type: string; action_id: string; value: string; text: { text: string } };
type SlackBlock = { type: string; elements?: Button[] };

/**
 * 到访 on Slack: logged by text, asked about by the funnel rule, and asked for by the 09:30
 * question on Tuesday 2026-12-01 about Monday's 次日约见, answered with one tap.
 */
describe('到访 (visits) on Slack', () => {
  let bot: TestBot;
  let teamId: number;
  let ids: Map<string, number>;
  const visitsOf = async (userId: string, on: string) => {
    const memberId = ids.get(userId) ?? -1;
    return (await bot.store.activity.memberTotals(memberId, day(on), day(on))).visits;
  };
  const dms = (from: number, user: string) =>
    bot.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.body.channel === user);
  const buttonsOf = (call: SlackApiCall | undefined): Button[] =>
    ((call?.body.blocks ?? []) as SlackBlock[]).flatMap((b) =>
      b.type === 'actions' ? (b.elements ?? []) : [],
    );

  beforeAll(async () => {
    bot = await startTestBot({ now: '2026-12-01T02:00:00Z' }); // Tuesday 10:00 in Shanghai
    const seeded = await seedTeam(bot.prisma, {
      groups: [{ name: '一组' }],
      members: [
        { id: 'UA', name: '王二', group: '一组' },
        { id: 'UB', name: '张三', group: '一组' },
        { id: 'UC', name: '李四', group: '一组' },
        { id: 'UE', name: 'Emma', group: '一组' },
      ],
    });
    teamId = seeded.teamId;
    ids = seeded.memberIds;
    for (const user of ['UA', 'UB', 'UC']) bot.fake.setUserLocale(user, 'zh-CN');
    bot.fake.setUserLocale('UADMIN', 'zh-CN');
    await bot.command('/lang', 'en', 'UE');
    await seedEntries(bot.prisma, teamId, ids, [
      // Monday: 王二 booked 3 customers for Tuesday, 张三 8, Emma 1; 李四 booked nobody.
      { who: 'UA', day: '2026-11-30', calls: 100, effective: 40, intents: 5, appointments: 3 },
      { who: 'UB', day: '2026-11-30', calls: 100, effective: 40, intents: 9, appointments: 8 },
      { who: 'UC', day: '2026-11-30', calls: 100, effective: 40 },
      { who: 'UE', day: '2026-11-30', calls: 100, effective: 40, intents: 2, appointments: 1 },
    ]);
  });
  afterAll(() => bot.close());

  it('09:30 asks each member who booked yesterday how many came, with one button per answer', async () => {
    const from = bot.fake.calls.length;
    const outcome = await runJob(
      { store: bot.store, messenger: bot.messenger, logger: bot.logger },
      { teamId, job: 'morning-digest', day: day('2026-12-01'), late: false, force: false },
    );
    expect(outcome).toMatchObject({ status: 'done', failures: [] });

    const [question] = dms(from, 'UA');
    expect(question?.body.text).toBe('昨天约见的3位客户，今天到访了几位？');
    expect(buttonsOf(question).map((b) => b.text.text)).toEqual(['0', '1', '2', '3']);
    expect(JSON.stringify(question?.body.blocks)).toContain(
      '点一下人数，就记为 12月1日 的到访（只记一次）。',
    );

    // 8 booked: buttons stop at 5 and the rest is typed.
    const [many] = dms(from, 'UB');
    expect(many?.body.text).toBe('昨天约见的8位客户，今天到访了几位？');
    expect(buttonsOf(many).map((b) => b.text.text)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(JSON.stringify(many?.body.blocks)).toContain(
      '超过 5 位请发送 `/log set 2026-12-01 到访N`（N 换成人数）。',
    );

    const [english] = dms(from, 'UE');
    expect(english?.body.text).toBe('Did your booking show?');
    expect(buttonsOf(english).map((b) => b.text.text)).toEqual(['0', '1']);

    expect(dms(from, 'UC')).toEqual([]); // nobody booked, nothing asked
  });

  it('one tap logs 到访 for the day asked about, privately, and a double tap counts once', async () => {
    const from = bot.fake.calls.length - 1;
    const question = bot.fake.calls
      .slice(0, from + 1)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'UA')
      .at(-1);
    const two = buttonsOf(question).find((b) => b.text.text === '2');
    const three = buttonsOf(question).find((b) => b.text.text === '3');
    if (two === undefined || three === undefined) throw new Error('no answer buttons');

    const tapped = await bot.click('UA', two.action_id, two.value);
    expect(tapped.reply.replace_original).toBe(true);
    expect(tapped.reply.response_type).toBe('ephemeral');
    expect(tapped.text).toBe('已记录 <@UA> 12月1日：到访 +2');
    expect(await visitsOf('UA', '2026-12-01')).toBe(2);

    const again = await bot.click('UA', two.action_id, two.value);
    expect(again.text).toBe('这条已经记录过了（重复提交只算一次）。<@UA> 12月1日：');
    const other = await bot.click('UA', three.action_id, three.value);
    expect(other.text).toMatch(/^这条已经记录过了/);
    expect(await visitsOf('UA', '2026-12-01')).toBe(2);

    const audit = await bot.prisma.auditEvent.findMany({
      where: { action: 'activity.add', subjectMemberId: ids.get('UA') ?? -1 },
    });
    expect(audit.map((a) => JSON.parse(a.detail).source)).toEqual(['slack-button']);
  });

  it('logs 到访 by text in both languages', async () => {
    const zh = await bot.command('/log', '到访1', 'UB');
    expect(zh.text).toBe('已记录 <@UB> 12月1日：到访 +1');
    const en = await bot.command('/log', '1 showed', 'UE');
    expect(en.text).toBe('Logged for <@UE>, Dec 1: visits +1');
    expect(await visitsOf('UE', '2026-12-01')).toBe(1);
  });

  it('asks to confirm 到访 above what was booked for the day, and saves it on Confirm', async () => {
    const asked = await bot.command('/log', '到访2', 'UC');
    expect(asked.text).toBe(
      '请确认以下数字，确认后才会保存：\n• 到访 2 比昨天的次日约见加今天的约见（0）还多。',
    );
    expect(await visitsOf('UC', '2026-12-01')).toBe(0);
    const confirm = ((asked.reply.blocks ?? []) as SlackBlock[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'log_confirm');
    if (confirm === undefined) throw new Error('no confirm button');
    const saved = await bot.click('UC', 'log_confirm', confirm.value);
    expect(saved.text).toBe('已记录 <@UC> 12月1日：到访 +2');
    expect(await visitsOf('UC', '2026-12-01')).toBe(2);

    const english = await bot.command('/log', '5 visits', 'UE');
    expect(english.text).toBe(
      "Please check these figures; nothing is saved until you confirm:\n• 6 visits is more than yesterday's appointments for today plus today's appointments (1).",
    );
  });

  it('scores 到访 in the PK at 15 points by default, and managers change the weight', async () => {
    // Settings saved before 到访 existed (another weight only) still read its default.
    await bot.command('/team', 'pk 意向 6', 'UADMIN');
    expect((await bot.store.settings.teamSettings(teamId)).pkWeights).toEqual({ intents: 6 });
    const shown = await bot.command('/team', 'pk', 'UADMIN');
    expect(shown.text).toContain('到访');
    expect(shown.text).toContain('15');
    const changed = await bot.command('/team', 'pk 到访 20', 'UADMIN');
    expect(changed.text).toContain('20');
    const settings = await bot.store.settings.teamSettings(teamId);
    expect(settings.pkWeights?.visits).toBe(20);
  });
});
