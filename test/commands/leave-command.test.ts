import { describe, expect, it } from 'vitest';
import { parseLeaveCommand, parseLeaveDay } from '../../src/commands/leave-command.ts';

describe('/leave grammar', () => {
  it.each([
    ['', { kind: 'list' }],
    ['help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['12-03', { kind: 'request', from: { kind: 'date', month: 12, day: 3 }, type: 'personal' }],
    [
      '12-03 12-05 病假 发烧 38 度',
      {
        kind: 'request',
        from: { kind: 'date', month: 12, day: 3 },
        to: { kind: 'date', month: 12, day: 5 },
        type: 'sick',
        reason: '发烧 38 度',
      },
    ],
    ['明天 年假', { kind: 'request', from: { kind: 'relative', daysAhead: 1 }, type: 'annual' }],
    [
      '<@U1> 2027-01-04 sick',
      {
        kind: 'request',
        memberRef: 'U1',
        from: { kind: 'date', year: 2027, month: 1, day: 4 },
        type: 'sick',
      },
    ],
    // DingTalk puts the people it cut out right after the command word.
    ['<@U1> cancel 12月4日', { kind: 'cancel', memberRef: 'U1', day: { kind: 'date', month: 12, day: 4 } }],
    ['取消 12-04', { kind: 'cancel', day: { kind: 'date', month: 12, day: 4 } }],
    ['approve 12', { kind: 'decide', leaveId: 12, approve: true }],
    ['驳回 #7 人手不够', { kind: 'decide', leaveId: 7, approve: false, reason: '人手不够' }],
    [
      '12-03 family matters',
      {
        kind: 'request',
        from: { kind: 'date', month: 12, day: 3 },
        type: 'personal',
        reason: 'family matters',
      },
    ],
  ])('%s', (text, command) => {
    expect(parseLeaveCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['病假 12-03', '病假'],
    ['next week', 'next'],
    ['approve x', 'x'],
    ['approve', 'approve'],
    ['<@U1> <@U2> 12-03', '<@U2>'],
    ['13-40', '13-40'],
  ])('refuses %s, pointing at %s', (text, word) => {
    expect(parseLeaveCommand(text)).toEqual({ ok: false, word });
  });

  it.each(['cancel', 'cancel 12-03 12-04', '<@U1>'])('refuses %s without a word to point at', (text) => {
    expect(parseLeaveCommand(text).ok).toBe(false);
  });

  it.each([
    ['今天', { kind: 'relative', daysAhead: 0 }],
    ['后天', { kind: 'relative', daysAhead: 2 }],
    ['12/3', { kind: 'date', month: 12, day: 3 }],
    ['2026年12月3日', { kind: 'date', year: 2026, month: 12, day: 3 }],
    ['12月3号', { kind: 'date', month: 12, day: 3 }],
    ['0-3', undefined],
    ['sick', undefined],
  ])('day word %s', (word, expected) => {
    expect(parseLeaveDay(word)).toEqual(expected);
  });
});
