import { describe, expect, it } from 'vitest';
import { commandText, parseRobotMessage, resolveTypedNames } from '../../src/dingtalk/inbound.ts';
import { MAX_PART_BYTES, toDingTalk } from '../../src/dingtalk/render.ts';
import { actions, divider, heading, note, textBlock } from '../../src/views/message.ts';

const labels = {
  thisGroup: '本群',
  typeCommand: (label: string, command: string) => `${label}：发送「${command}」`,
};
const names = new Map([
  ['u1', '王小明'],
  ['u2', '李四'],
]);

describe('toDingTalk', () => {
  // Every line ends in a hard break (two spaces) but the last, which needs none.
  it.each([
    ['bold stays', '**合计** 120', '**合计** 120'],
    ['backticks go', '呼出 `▓▓░░` 20%', '呼出 ▓▓░░ 20%'],
    ['a person reads as their name', '已记录 <@u1>', '已记录 王小明'],
    ['an unknown person reads as the id', '<@zz>', 'zz'],
    ['a chat reads as this group', 'PK 频道：<#cid1>', 'PK 频道：本群'],
    ['a tied place is not a list item', '2. 二组　人均 300 分', '2.\u00a0二组　人均 300 分'],
  ])('%s', (_name, input, expected) => {
    const [out] = toDingTalk({ text: input, blocks: [textBlock(input)] }, { names, labels });
    expect(out).toMatchObject({ type: 'markdown', text: expected });
  });

  it('mentions only whom it is told to notify, with their id in atUserIds', () => {
    const [out] = toDingTalk(
      { text: '<@u1> <@u2>', blocks: [textBlock('<@u1> 和 <@u2>')] },
      { names, labels, notify: ['u2'] },
    );
    expect(out).toMatchObject({ text: '王小明 和 @u2', atUserIds: ['u2'] });
  });

  it('renders headings, notes, dividers and buttons as links that send their command', () => {
    const [out] = toDingTalk(
      {
        text: '**标题**',
        blocks: [
          heading('标题'),
          note('小字'),
          divider,
          actions('a', [
            { action: 'x', label: '批准', value: '1', command: '/probation approve <@u1>' },
            { action: 'y', label: '不通过', value: '1', command: '/probation reject <@u1> …' },
            { action: 'z', label: '取消', value: '1' },
          ]),
        ],
      },
      { names, labels },
    );
    expect(out?.type === 'markdown' ? out.title : '').toBe('标题');
    const text = out?.type === 'markdown' ? out.text : '';
    expect(text.split('\n')).toEqual([
      '#### 标题  ',
      '',
      '> 小字  ',
      '',
      '---  ',
      '',
      `[批准](dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent('/probation approve <@u1>')})  `,
      '不通过：发送「/probation reject @王小明 …」',
    ]);
  });

  it('splits a long message between lines, each part within the limit', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `第 ${i + 1} 名　某某某　人均 300 分`);
    const parts = toDingTalk({ text: '榜单', blocks: [textBlock(lines.join('\n'))] }, { names, labels });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part.type === 'markdown' ? part.text : '', 'utf8')).toBeLessThanOrEqual(
        MAX_PART_BYTES,
      );
    }
    const joined = parts.map((p) => (p.type === 'markdown' ? p.text : '')).join('\n');
    expect(joined).toContain('第 1 名');
    expect(joined).toContain('第 400 名');
  });
});

describe('DingTalk inbound text', () => {
  const message = (content: string, at: string[] = []) =>
    parseRobotMessage({
      msgId: 'm1',
      conversationId: 'cid',
      conversationType: at.length > 0 ? '2' : '1',
      senderStaffId: 's1',
      chatbotUserId: 'robot',
      msgtype: 'text',
      text: { content },
      atUsers: [{ dingtalkId: 'robot' }, ...at.map((id) => ({ dingtalkId: `d-${id}`, staffId: id }))],
    });

  it.each([
    ['no mentions', ' /log 呼出120', [], '/log 呼出120'],
    ['a member after the verb', ' /team add  一组 见习MO1', ['u9'], '/team add <@u9> 一组 见习MO1'],
    ['a member after the command', ' /stats ', ['u9'], '/stats <@u9>'],
    ['a log for a member', ' /log  呼出30', ['u9'], '/log <@u9> 呼出30'],
    [
      'two people in order',
      ' /probation tick  企业文化',
      ['u8', 'u9'],
      '/probation tick <@u8> <@u9> 企业文化',
    ],
  ])('%s', (_name, content, at, expected) => {
    const parsed = message(content, at);
    if (parsed === undefined) throw new Error('did not parse');
    expect(commandText(parsed)).toBe(expected);
  });

  it('refuses a message without the fields every robot message has', () => {
    expect(parseRobotMessage({ msgId: 'x' })).toBeUndefined();
    expect(parseRobotMessage('hello')).toBeUndefined();
  });

  it.each([
    ['an exact roster name', '/stats @王小明', '/stats <@u1>'],
    ['a name two people share stays as typed', '/stats @张三', '/stats @张三'],
    ['an unknown name stays as typed', '/stats @nobody', '/stats @nobody'],
  ])('resolves typed names: %s', (_name, text, expected) => {
    const roster = [
      { messengerUserId: 'u1', displayName: '王小明' },
      { messengerUserId: 'u2', displayName: '张三' },
      { messengerUserId: 'u3', displayName: '张三' },
    ];
    expect(resolveTypedNames(text, roster)).toBe(expected);
  });
});
