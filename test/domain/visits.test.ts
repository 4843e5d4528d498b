import { describe, expect, it } from 'vitest';
import { VISIT_ANSWER_CAP, visitAnswers } from '../../src/domain/visits.ts';

describe('visitAnswers (the morning question’s one-tap answers)', () => {
  it.each([
    [0, [], undefined], // nothing booked: no question
    [-1, [], undefined],
    [1, [0, 1], undefined],
    [3, [0, 1, 2, 3], undefined],
    [5, [0, 1, 2, 3, 4, 5], undefined], // exactly the cap: every answer is a button
    [6, [0, 1, 2, 3, 4, 5], 5], // above it: buttons up to 5, then "more than 5, type it"
    [40, [0, 1, 2, 3, 4, 5], 5],
  ])('booked %i → answers %j, more above %s', (booked, answers, more) => {
    expect(visitAnswers(booked)).toEqual({ answers, more });
  });

  it('never offers more than six buttons (a WeCom card’s limit)', () => {
    expect(visitAnswers(1000).answers.length).toBe(VISIT_ANSWER_CAP + 1);
    expect(VISIT_ANSWER_CAP + 1).toBeLessThanOrEqual(6);
  });
});
