import { describe, expect, it } from 'vitest';
import { actions, heading, note, textBlock } from '../../src/views/message.ts';
import { readButtonKey, toWeComCard } from '../../src/wecom/card.ts';
import { weComCommandText } from '../../src/wecom/command-text.ts';
import { APP_MARKDOWN_BYTES, ROBOT_MARKDOWN_BYTES, toWeComMarkdown } from '../../src/wecom/render.ts';

const labels = {
  thisGroup: '本群',
  typeCommand: (label: string, command: string) => `${label}：发送「${command}」`,
};
const names = new Map([['u1', '王小明']]);
const board = Array.from({ length: 300 }, (_, i) => `第 ${i + 1} 名　某某某　人均 300 分　合计 900 分`);

describe('toWeComMarkdown', () => {
  it.each([
    ['app', APP_MARKDOWN_BYTES],
    ['group robot', ROBOT_MARKDOWN_BYTES],
  ])('splits a long board for the %s between lines, each part within %i bytes', (_name, maxBytes) => {
    const parts = toWeComMarkdown(
      { text: '榜单', blocks: [textBlock(board.join('\n'))] },
      { names, labels, maxBytes },
    );
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(maxBytes);
    expect(parts.join('\n').split('\n')).toEqual(board);
  });

  it('renders headings, notes, names, notified mentions and command hints', () => {
    const [out] = toWeComMarkdown(
      {
        text: 't',
        blocks: [
          heading('**PK**'),
          textBlock('<@u1> 和 <@u2>'),
          note('小字'),
          actions('a', [
            { action: 'x', label: '批准', value: '1', command: '/probation approve <@u1>' },
            { action: 'y', label: '取消', value: '1' },
          ]),
        ],
      },
      { names, labels, maxBytes: APP_MARKDOWN_BYTES, notify: ['u2'] },
    );
    expect(out?.split('\n')).toEqual([
      '### **PK**',
      '',
      '王小明 和 <@u2>',
      '',
      '<font color="comment">小字</font>',
      '',
      '批准：发送「/probation approve @u1」',
    ]);
  });
});

describe('toWeComCard', () => {
  it('makes a button_interaction card whose keys carry the action and value back', () => {
    const card = toWeComCard(
      {
        text: '请确认以下数字',
        blocks: [
          textBlock('请确认以下数字\n• 呼出 1,600 超过了每日上限'),
          actions('c', [
            { action: 'log_confirm', label: '确认记录', value: '{"token":"t"}', style: 'primary' },
            { action: 'log_cancel', label: '取消', value: '{"token":"t"}' },
          ]),
        ],
      },
      { taskId: 'zb-1', names },
    );
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '请确认以下数字' },
      sub_title_text: '• 呼出 1,600 超过了每日上限',
      task_id: 'zb-1',
    });
    const buttons = Array.isArray(card?.button_list) ? card.button_list : [];
    const keys = buttons.map((b: { key: string }) => readButtonKey(b.key));
    expect(keys).toEqual([
      { action: 'log_confirm', value: '{"token":"t"}' },
      { action: 'log_cancel', value: '{"token":"t"}' },
    ]);
  });

  it('makes no card for a message without buttons, or with more than six', () => {
    expect(toWeComCard({ text: 'x', blocks: [textBlock('x')] }, { taskId: 't', names })).toBeUndefined();
    const many = Array.from({ length: 7 }, (_, i) => ({ action: `a${i}`, label: `${i}`, value: '' }));
    expect(toWeComCard({ text: 'x', blocks: [actions('a', many)] }, { taskId: 't', names })).toBeUndefined();
  });
});

describe('weComCommandText', () => {
  const roster = [
    { messengerUserId: 'ZhaoWenHao', displayName: '赵文浩' },
    { messengerUserId: 'LiSi', displayName: '李四' },
  ];
  it.each([
    ['@userid', '/stats @ZhaoWenHao', '/stats <@ZhaoWenHao>'],
    ['a bare roster userid', '/level LiSi', '/level <@LiSi>'],
    ['@roster name', '/pay @李四', '/pay <@LiSi>'],
    [
      'the person /team add adds',
      '/team add WangXiaoMing 一组 见习MO1',
      '/team add <@WangXiaoMing> 一组 见习MO1',
    ],
    ['an ordinary word stays', '/log 呼出120 意向8', '/log 呼出120 意向8'],
    [
      'a robot webhook URL',
      '/team channel team https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7abc-4bc4-97a0-0ec2af5a5aaa',
      '/team channel team <#693a91f6-7abc-4bc4-97a0-0ec2af5a5aaa>',
    ],
    [
      'a bare robot key',
      '/team channel 一组 693a91f6-7abc-4bc4-97a0-0ec2af5a5aaa',
      '/team channel 一组 <#693a91f6-7abc-4bc4-97a0-0ec2af5a5aaa>',
    ],
    ['a team by @ and its name', '/rank @二部 本周', '/rank @二部 本周'],
    ['an unknown @name is a person', '/stats @三部', '/stats <@三部>'],
  ])('%s', (_name, text, expected) => {
    expect(weComCommandText(text, roster, ['一部', '二部'])).toBe(expected);
  });
});
