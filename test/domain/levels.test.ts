import { describe, expect, it } from 'vitest';
import { LEVELS, levelAbove, levelBelow, levelInfo, levelRank, parseLevel } from '../../src/domain/levels.ts';

describe('the level ladder', () => {
  it('has the 12 levels of the plan in order, with Chinese and English labels', () => {
    expect(LEVELS.map((l) => l.zh)).toEqual([
      '见习客户经理MO1',
      '见习客户经理MO2',
      '见习客户经理MO3',
      '客户经理MO1',
      '客户经理MO2',
      '客户经理MO3',
      '高级客户经理MO1',
      '高级客户经理MO2',
      '高级客户经理MO3',
      '资深客户经理MO1',
      '资深客户经理MO2',
      '资深客户经理MO3',
    ]);
    expect(levelInfo('S2').en).toBe('Senior Account Manager MO2');
  });

  it.each([
    ['P3', 'A1', 'P2'],
    ['A1', 'A2', 'P3'],
    ['P1', 'P2', 'P1'], // the bottom stays
    ['E3', 'E3', 'E2'], // the top stays
  ] as const)('from %s one step up is %s and one step down is %s', (level, up, down) => {
    expect(levelAbove(level)).toBe(up);
    expect(levelBelow(level)).toBe(down);
  });

  it('ranks levels from 0 to 11', () => {
    expect(levelRank('P1')).toBe(0);
    expect(levelRank('E3')).toBe(11);
  });
});

describe('parseLevel', () => {
  it.each([
    ['见习MO1', 'P1'],
    ['见习客户经理MO3', 'P3'],
    ['见习MOB3', 'P3'],
    ['客户经理MO2', 'A2'],
    ['MO1', 'A1'],
    ['高级MO3', 'S3'],
    ['高级客户经理 MO1', 'S1'],
    ['资深客户经理MO2', 'E2'],
    ['senior mo2', 'S2'],
    ['senior-mo2', 'S2'],
    ['Trainee_MO1', 'P1'],
    ['principal-mo3', 'E3'],
    ['account-mo2', 'A2'],
    ['Trainee MO1', 'P1'],
    ['principal MO3', 'E3'],
    ['s2', 'S2'],
    ['ＭＯ２', 'A2'],
  ])('reads %s as %s', (text, code) => {
    expect(parseLevel(text)).toBe(code);
  });

  it.each(['MO4', '经理MO1', 'level 2', '', '见习', 'X1'])('does not read %j as a level', (text) => {
    expect(parseLevel(text)).toBeUndefined();
  });
});
