import { describe, expect, it } from 'vitest';
import {
  doneParams,
  isDirectCard,
  newOutTrackId,
  parseCardClick,
  toCardParams,
} from '../../src/dingtalk/card.ts';
import { actions, heading, textBlock } from '../../src/views/message.ts';

const labels = { thisGroup: '本群', typeCommand: (label: string, command: string) => `${label}：${command}` };
const data = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    outTrackId: 'zb-dm-1',
    userId: 'mgr01',
    type: 'actionCallback',
    content: typeof content === 'string' ? content : JSON.stringify(content),
    ...extra,
  });

describe('parseCardClick', () => {
  it.each([
    [
      'action and value from the params',
      data({
        cardPrivateData: {
          actionIds: ['zhanbao'],
          params: { action: 'leave_approve', value: '{"leaveId":3}' },
        },
      }),
      { outTrackId: 'zb-dm-1', userId: 'mgr01', action: 'leave_approve', value: '{"leaveId":3}' },
    ],
    [
      'the action id when the params name no action',
      data({ cardPrivateData: { actionIds: ['log_cancel'], params: {} } }),
      { outTrackId: 'zb-dm-1', userId: 'mgr01', action: 'log_cancel', value: '' },
    ],
    ['content that is not JSON', data('{oops'), undefined],
    ['no cardPrivateData', data({ other: 1 }), undefined],
    ['no action at all', data({ cardPrivateData: { params: { value: 'x' } } }), undefined],
    ['no userId', data({ cardPrivateData: { actionIds: ['a'] } }, { userId: '' }), undefined],
    ['data that is not JSON', 'not json', undefined],
  ])('%s', (_name, raw, expected) => {
    expect(parseCardClick(raw)).toEqual(expected);
  });
});

describe('toCardParams', () => {
  const message = {
    text: '审批 **<@new01>** 的转正',
    blocks: [
      heading('试用期签核'),
      textBlock('<@new01> 已完成 5 项培训'),
      actions('signoff', [
        {
          action: 'probation_approve',
          label: '批准入司',
          value: '{"probationId":1}',
          style: 'primary' as const,
          command: '/probation approve <@new01>',
        },
        {
          action: 'probation_reject',
          label: '不通过',
          value: '{"probationId":1}',
          style: 'danger' as const,
          command: '/probation reject <@new01> …',
        },
      ]),
    ],
  };
  const params = toCardParams(message, { names: new Map([['new01', '新人甲']]), labels });

  it('is strings only, as cardParamMap takes them', () => {
    expect(Object.values(params).every((value) => typeof value === 'string')).toBe(true);
  });

  it('renders the text without the buttons, people by name', () => {
    expect(params.title).toBe('审批 新人甲 的转正');
    expect(params.markdown).toContain('#### 试用期签核');
    expect(params.markdown).toContain('新人甲 已完成 5 项培训');
    expect(params.markdown).not.toContain('dtmd://');
    expect(params.markdown).not.toContain('不通过');
  });

  it('lists the buttons with the neutral action and value they send back', () => {
    expect(JSON.parse(params.buttons ?? '')).toEqual([
      { text: '批准入司', color: 'blue', action: 'probation_approve', value: '{"probationId":1}' },
      { text: '不通过', color: 'red', action: 'probation_reject', value: '{"probationId":1}' },
    ]);
    expect(params).toMatchObject({ hasButtons: 'true', status: '' });
  });

  it('has no buttons for a message without them, and none after a click', () => {
    const plain = toCardParams({ text: '好', blocks: [textBlock('好')] }, { names: new Map(), labels });
    expect(plain).toMatchObject({ buttons: '[]', hasButtons: 'false' });
    expect(doneParams('已处理')).toEqual({ buttons: '[]', hasButtons: 'false', status: '已处理' });
  });
});

describe('outTrackId', () => {
  it.each([
    ['dm', true],
    ['group', false],
  ] as const)('a %s card says whether it lives in a 1:1 chat', (space, direct) => {
    const id = newOutTrackId(space, () => 'abc');
    expect(id).toBe(`zb-${space}-abc`);
    expect(isDirectCard(id)).toBe(direct);
  });
});
