import { describe, expect, it } from 'vitest';
import { sheetNames } from '../../src/views/workbook.ts';

/** Sheet names as Excel accepts them: no []:*?/\, at most 31 characters, unique without case. */
describe('sheetNames', () => {
  it.each([
    ['plain names stay', ['总览', '一组', '二组'], ['总览', '一组', '二组']],
    ['forbidden characters become _', ['A/B', 'x:y*z?', '[1]\\'], ['A_B', 'x_y_z_', '_1__']],
    ['a leading or trailing apostrophe goes', ["'一组'"], ['一组']],
    ['an empty name becomes Sheet', ['', '  '], ['Sheet', 'Sheet (2)']],
    ['31 characters at most, counted as characters', ['组'.repeat(40)], ['组'.repeat(31)]],
    [
      'a name taken, also in another case, gets a number',
      ['Team', 'team', 'TEAM'],
      ['Team', 'team (2)', 'TEAM (3)'],
    ],
    ['a group named like the summary', ['总览', '总览'], ['总览', '总览 (2)']],
    [
      'the number fits within the 31',
      ['a'.repeat(35), 'a'.repeat(33)],
      ['a'.repeat(31), `${'a'.repeat(27)} (2)`],
    ],
  ])('%s', (_, wanted, expected) => {
    const names = sheetNames(wanted);
    expect(names).toEqual(expected);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
  });
});
