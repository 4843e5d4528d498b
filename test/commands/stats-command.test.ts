import { describe, expect, it } from 'vitest';
import { parseStatsCommand } from '../../src/commands/stats-command.ts';

describe('parseStatsCommand', () => {
  it.each([
    ['', { kind: 'member', memberRef: undefined, period: undefined }],
    ['本周', { kind: 'member', memberRef: undefined, period: 'week' }],
    ['<@U1> month', { kind: 'member', memberRef: 'U1', period: 'month' }],
    ['group 一组', { kind: 'group', groupName: '一组', period: undefined }],
    ['team', { kind: 'team' }],
    ['团队', { kind: 'team' }],
    ['目标', { kind: 'team' }],
  ])('reads %j', (text, command) => {
    expect(parseStatsCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['team 本周', '本周'],
    ['team <@U1>', '<@U1>'],
  ])('names what it cannot read in %j', (text, word) => {
    expect(parseStatsCommand(text)).toEqual({ ok: false, word });
  });
});
