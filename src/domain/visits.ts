/**
 * The morning 到访 question's answers. Pure.
 *
 * One-tap answers are 0 … min(booked, VISIT_ANSWER_CAP). The cap is 5, so the question has at
 * most six buttons: the most a WeCom template card carries, and a row that fits a phone on Slack;
 * every messenger offers the same answers. Above the cap the member types `/log 到访N`, and
 * `more` says from which count on. Booked counts below 1 ask nothing (an empty list).
 */
export const VISIT_ANSWER_CAP = 5;

export function visitAnswers(booked: number): { answers: number[]; more: number | undefined } {
  const top = Math.min(Math.max(0, Math.floor(booked)), VISIT_ANSWER_CAP);
  if (top === 0) return { answers: [], more: undefined };
  return {
    answers: Array.from({ length: top + 1 }, (_, count) => count),
    more: booked > VISIT_ANSWER_CAP ? VISIT_ANSWER_CAP : undefined,
  };
}
