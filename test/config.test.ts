import { describe, expect, it } from 'vitest';
import { adminsOf, configuredMessengers, loadConfig } from '../src/config.ts';

const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const result = loadConfig(slack, { needSlack: true });
    expect(result).toEqual({
      ok: true,
      config: {
        slack: { botToken: 'xoxb-1', signingSecret: 'secret', appToken: undefined, apiUrl: undefined },
        port: 3000,
        databaseUrl: 'file:./data/zhanbao.db',
        timezone: 'Asia/Shanghai',
        locale: 'zh-CN',
        admins: [],
        logLevel: 'info',
      },
    });
  });

  it('names every missing or malformed variable on its own line', () => {
    const result = loadConfig(
      {
        SLACK_BOT_TOKEN: 'abc',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ZHANBAO_TIMEZONE: 'Mars/Base',
        ZHANBAO_LOCALE: 'fr',
        ZHANBAO_ADMINS: 'U1, bob',
      },
      { needSlack: true },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'PORT',
      'DATABASE_URL',
      'ZHANBAO_TIMEZONE',
      'ZHANBAO_LOCALE',
      'ZHANBAO_ADMINS',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(text).not.toContain('at '); // no stack trace
  });

  it('says the bot token is missing, and accepts Socket Mode without a signing secret', () => {
    const missing = loadConfig({}, { needSlack: true });
    expect(missing).toMatchObject({
      ok: false,
      problems: expect.arrayContaining(['SLACK_BOT_TOKEN is missing']),
    });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, { needSlack: true });
    expect(socket.ok).toBe(true);
  });

  it('needs no Slack settings for CLI work, and reads admins and PostgreSQL URLs', () => {
    const result = loadConfig(
      { ZHANBAO_ADMINS: 'U01, W02 ', DATABASE_URL: 'postgresql://h/db' },
      { needSlack: false },
    );
    expect(result).toMatchObject({
      ok: true,
      config: { slack: undefined, admins: ['U01', 'W02'], databaseUrl: 'postgresql://h/db' },
    });
  });

  it('reads DingTalk settings with their defaults, and takes DingTalk userIds as admins', () => {
    const result = loadConfig(
      {
        DINGTALK_CLIENT_ID: 'dingabc',
        DINGTALK_CLIENT_SECRET: 's3cret',
        ZHANBAO_ADMINS: 'manager4521,032615015535634423',
      },
      { needSlack: false },
    );
    expect(result).toMatchObject({
      ok: true,
      config: {
        slack: undefined,
        admins: ['manager4521', '032615015535634423'],
        dingtalk: {
          clientId: 'dingabc',
          clientSecret: 's3cret',
          robotCode: 'dingabc',
          mode: 'stream',
          apiUrl: 'https://api.dingtalk.com',
          oapiUrl: 'https://oapi.dingtalk.com',
        },
      },
    });
  });

  it('reads an optional DingTalk card template id, and names a malformed one', () => {
    const base = { DINGTALK_CLIENT_ID: 'dingabc', DINGTALK_CLIENT_SECRET: 's3cret' };
    const unset = loadConfig(base, { needSlack: false });
    expect(unset.ok && unset.config.dingtalk?.cardTemplateId).toBe(undefined);
    const set = loadConfig(
      { ...base, DINGTALK_CARD_TEMPLATE_ID: ' 1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d.schema ' },
      { needSlack: false },
    );
    expect(set).toMatchObject({
      ok: true,
      config: { dingtalk: { cardTemplateId: '1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d.schema' } },
    });
    const bad = loadConfig({ ...base, DINGTALK_CARD_TEMPLATE_ID: 'my template!' }, { needSlack: false });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toContain(
      "DINGTALK_CARD_TEMPLATE_ID must be the card template's id from DingTalk's card platform",
    );
  });

  it('names a missing DingTalk secret and a bad mode, with where to find them', () => {
    const result = loadConfig(
      { DINGTALK_CLIENT_ID: 'dingabc', DINGTALK_MODE: 'webhook' },
      { needSlack: false },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toContain('DINGTALK_CLIENT_SECRET is missing');
    expect(text).toContain('凭证与基础信息');
    expect(text).toContain('DINGTALK_MODE must be stream or http');
  });

  it('reads WeCom settings and names each missing one with where to find it', () => {
    const full = loadConfig(
      {
        WECOM_CORP_ID: 'ww123',
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 's',
        WECOM_TOKEN: 'QDG6eK',
        WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
        ZHANBAO_ADMINS: 'WangXiaoMing',
      },
      { needSlack: false },
    );
    expect(full).toMatchObject({
      ok: true,
      config: {
        admins: ['WangXiaoMing'],
        wecom: { corpId: 'ww123', agentId: 1000002, apiUrl: 'https://qyapi.weixin.qq.com' },
      },
    });
    const partial = loadConfig(
      { WECOM_CORP_ID: 'ww123', WECOM_ENCODING_AES_KEY: 'short' },
      { needSlack: false },
    );
    expect(partial.ok).toBe(false);
    if (partial.ok) return;
    const text = partial.problems.join('\n');
    for (const name of ['WECOM_AGENT_ID is missing', 'WECOM_SECRET is missing', 'WECOM_TOKEN is missing'])
      expect(text).toContain(name);
    expect(text).toContain(
      'WECOM_ENCODING_AES_KEY must be the callback EncodingAESKey: 43 letters and digits',
    );
  });

  describe('several messengers in one deployment', () => {
    const wecom = {
      WECOM_CORP_ID: 'ww123',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 's',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    };

    it.each([
      // ZHANBAO_ADMINS, then the admins of Slack and of WeCom
      ['slack:U0BOSS,wecom:ZhangSan', ['U0BOSS'], ['ZhangSan']],
      ['wecom:ZhangSan,wecom:LiSi', [], ['ZhangSan', 'LiSi']],
      ['', [], []],
    ])('with Slack and WeCom, %j gives each messenger its own admins', (admins, ofSlack, ofWeCom) => {
      const loaded = loadConfig({ ...slack, ...wecom, ZHANBAO_ADMINS: admins }, { needSlack: true });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      expect(configuredMessengers(loaded.config)).toEqual(['slack', 'wecom']);
      expect(adminsOf(loaded.config, 'slack')).toEqual(ofSlack);
      expect(adminsOf(loaded.config, 'wecom')).toEqual(ofWeCom);
      expect(adminsOf(loaded.config, 'dingtalk')).toEqual([]);
    });

    it('refuses an id that does not say whose it is, and a Slack id that is not one', () => {
      const loaded = loadConfig(
        { ...slack, ...wecom, ZHANBAO_ADMINS: 'U0BOSS,slack:zhangsan' },
        { needSlack: true },
      );
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.problems).toEqual([
        'ZHANBAO_ADMINS: with several messengers (slack, wecom) say whose each id is, e.g. slack:U012ABCDEF,dingtalk:manager01',
        'ZHANBAO_ADMINS must be comma-separated Slack user ids such as U012ABCDEF',
      ]);
    });

    it("takes plain ids as the one messenger's, and prefixed ones too", () => {
      const loaded = loadConfig({ ...wecom, ZHANBAO_ADMINS: 'ZhangSan,wecom:LiSi' }, { needSlack: false });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      expect(adminsOf(loaded.config, 'wecom')).toEqual(['ZhangSan', 'LiSi']);
    });
  });

  it.each([
    ['https://zhanbao.example.com', 'https://zhanbao.example.com'],
    ['https://zhanbao.example.com/', 'https://zhanbao.example.com'],
    ['http://10.0.0.5:3000/bot//', 'http://10.0.0.5:3000/bot'],
    ['', undefined],
  ])('reads ZHANBAO_PUBLIC_URL %j as %j', (value, publicUrl) => {
    const result = loadConfig({ ...slack, ZHANBAO_PUBLIC_URL: value }, { needSlack: true });
    expect(result.ok && result.config.publicUrl).toBe(publicUrl);
  });

  it.each(['zhanbao.example.com', 'ftp://zhanbao.example.com', 'javascript:alert(1)'])(
    'refuses ZHANBAO_PUBLIC_URL %j and says what it must be',
    (value) => {
      const result = loadConfig({ ...slack, ZHANBAO_PUBLIC_URL: value }, { needSlack: true });
      expect(result).toEqual({
        ok: false,
        problems: [
          'ZHANBAO_PUBLIC_URL must be the http(s) address the bot is reached at, such as https://zhanbao.example.com',
        ],
      });
    },
  );
});
