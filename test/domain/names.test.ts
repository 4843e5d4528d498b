import { describe, expect, it } from 'vitest';
import { foldName, likelyMeant, sameName } from '../../src/domain/names.ts';

describe('names typed in chat', () => {
  it.each([
    ['Team A', 'teama'],
    ['ｔｅａｍ　Ａ', 'teama'],
    ['一 组', '一组'],
  ])('folds %j to %j', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it.each([
    ['team a', ['Team A', '一组'], 'Team A'],
    ['一组', ['一组', '二组'], '一组'],
    ['Team', ['Team A'], undefined],
  ])('finds %j among %j as %j', (name, names, found) => {
    expect(
      sameName(
        name,
        names.map((n) => ({ name: n })),
      )?.name,
    ).toBe(found);
  });

  it.each([
    ['一祖', ['一组', '二组', '三组'], '一组'],
    ['Alpa', ['Alpha', 'Beta'], 'Alpha'],
    ['Bravoo Team', ['Bravo Team', 'Charlie'], 'Bravo Team'],
    // Numbered or lettered groups: the next one is new, not a typo.
    ['三组', ['一组'], undefined],
    ['组B', ['组A'], undefined],
    ['Team B', ['Team A'], undefined],
    ['Tean A', ['Team A'], 'Team A'],
    ['Group 2', ['Group 1'], undefined],
    // Two groups equally close: no guess.
    ['四组', ['一组', '二组'], undefined],
    ['组A', ['一组', '二组'], undefined],
    ['Gamma', ['Alpha', 'Beta'], undefined],
    // The same name is not a typo (requireGroup finds it first).
    ['一组', ['一组'], undefined],
  ])('guesses %j among %j meant %j', (name, names, meant) => {
    expect(likelyMeant(name, names)).toBe(meant);
  });
});
