import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestBot, type TestBot } from '../helpers/bot.ts';

/** `/log` alone opens a form; its submission is validated field by field, as Slack shows it. */
const AGENT = 'UFORM';

describe('/log form', () => {
  let bot: TestBot;
  const submit = (values: Record<string, string | undefined>, day = '2026-11-27', viewId = 'V1') =>
    bot.slack.viewSubmission({
      userId: AGENT,
      callbackId: 'log_form',
      viewId,
      privateMetadata: JSON.stringify({ channel: 'CWORK' }),
      values: {
        log_day: { value: { type: 'datepicker', selected_date: day } },
        ...Object.fromEntries(
          ['calls', 'effective', 'intents', 'followUps', 'appointments', 'amount'].map((metric) => [
            `log_${metric}`,
            { value: { type: 'number_input', value: values[metric] ?? null } },
          ]),
        ),
      },
    });

  beforeAll(async () => {
    bot = await startTestBot();
    bot.fake.setUserLocale(ADMIN, 'zh-CN');
    bot.fake.setUserLocale(AGENT, 'zh-CN');
    await bot.command('/team', 'group add 一组', ADMIN);
    await bot.command('/team', `add <@${AGENT}> 一组 客户经理MO1`, ADMIN);
  });
  afterAll(() => bot.close());

  it('opens a form with the seven figures and today as the default day', async () => {
    const from = bot.fake.calls.length;
    const ack = await bot.slack.slashCommand({
      command: '/log',
      text: '',
      userId: AGENT,
      channelId: 'CWORK',
      triggerId: 'T-open',
    });
    expect(ack.status).toBe(200);
    const open = await bot.fake.waitFor('views.open', { fromIndex: from });
    expect(open.body.trigger_id).toBe('T-open');
    const view = open.body.view as {
      title: { text: string };
      blocks: Array<{ block_id?: string; element?: { initial_date?: string; type: string } }>;
    };
    expect(view.title.text).toBe('记录工作量');
    expect(view.blocks.filter((b) => b.element?.type === 'number_input').map((b) => b.block_id)).toEqual([
      'log_calls',
      'log_effective',
      'log_intents',
      'log_followUps',
      'log_appointments',
      'log_visits',
      'log_amount',
    ]);
    expect(view.blocks.find((b) => b.block_id === 'log_day')?.element?.initial_date).toBe('2026-11-27');
  });

  it('shows field errors in the form and saves nothing', async () => {
    const notNumber = await submit({ calls: '12x', intents: '-3' });
    expect(notNumber.body).toEqual({
      response_action: 'errors',
      errors: { log_calls: '请填写 0 或正整数。', log_intents: '请填写 0 或正整数。' },
    });
    const empty = await submit({});
    expect(empty.body).toEqual({ response_action: 'errors', errors: { log_calls: '请至少填写一个数字。' } });
    const tooOld = await submit({ calls: '10' }, '2026-11-01');
    expect(tooOld.body).toEqual({
      response_action: 'errors',
      errors: { log_day: '2026-11-01 已超过 7 天，只能由组长或经理补录。请联系你的组长。' },
    });
    const funnel = await submit({ calls: '10', effective: '20' });
    expect(funnel.body).toMatchObject({
      response_action: 'errors',
      errors: { log_effective: expect.stringContaining('有效呼出（20）不能多于呼出总量（10）') },
    });
    expect(await bot.prisma.activityEntry.count()).toBe(0);
  });

  it('saves a valid form, closes it and posts the same confirmation as the text form', async () => {
    const from = bot.fake.calls.length;
    const ack = await submit(
      { calls: '120', effective: '80', intents: '8', amount: '200000' },
      '2026-11-26',
      'V-ok',
    );
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const posted = await bot.fake.waitFor('chat.postEphemeral', { fromIndex: from });
    expect(posted.body).toMatchObject({ channel: 'CWORK', user: AGENT });
    expect(posted.body.text).toBe(
      `已记录 <@${AGENT}> 11月26日：呼出 +120，有效 +80，意向 +8，业绩 +¥200,000`,
    );
    const typed = await bot.command('/log', '昨天 呼出1', AGENT);
    expect(JSON.stringify(typed.reply.blocks)).toContain('*11月26日 合计*');

    const beforeAgain = bot.fake.calls.length;
    const again = await submit(
      { calls: '120', effective: '80', intents: '8', amount: '200000' },
      '2026-11-26',
      'V-ok',
    );
    expect(again.status).toBe(200);
    const repeated = await bot.fake.waitFor('chat.postEphemeral', { fromIndex: beforeAgain });
    expect(repeated.body.text).toMatch(/^这条已经记录过了/);
    const entries = await bot.prisma.activityEntry.findMany({ where: { source: 'slack-modal' } });
    expect(entries).toHaveLength(1); // the same view submitted twice counts once
  });

  it('sends the confirmation by DM when it cannot be posted in the channel', async () => {
    bot.fake.failNext('chat.postEphemeral', 'channel_not_found');
    const from = bot.fake.calls.length;
    await submit({ followUps: '3' }, '2026-11-27', 'V-dm');
    const dm = await bot.fake.waitFor('chat.postMessage', { fromIndex: from });
    expect(dm.body.channel).toBe(AGENT);
    expect(dm.body.text).toContain('回访 +3');
  });
});
