import { describe, expect, it } from 'vitest';
import { parseChatText } from '../../src/chat/router.ts';

describe('parseChatText', () => {
  it.each([
    ['/log 呼出120', { command: 'log', args: '呼出120' }],
    ['log 呼出120', { command: 'log', args: '呼出120' }],
    ['  /LOG   120 calls ', { command: 'log', args: '120 calls' }],
    ['记录 呼出120', { command: 'log', args: '呼出120' }],
    ['/stats 本周', { command: 'stats', args: '本周' }],
    ['排行 week', { command: 'rank', args: 'week' }],
    ['/team add <@u1> 一组 见习MO1', { command: 'team', args: 'add <@u1> 一组 见习MO1' }],
    ['/lang en', { command: 'lang', args: 'en' }],
    ['帮助', { command: 'help', args: '' }],
    ['/log', { command: 'log', args: '' }],
  ])('%s', (text, expected) => {
    expect(parseChatText(text)).toEqual(expected);
  });

  it.each(['hello', '/dance', '', '呼出120'])('is not a command: %j', (text) => {
    expect(parseChatText(text)).toBeUndefined();
  });
});
