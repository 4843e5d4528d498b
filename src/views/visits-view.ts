import type { Day } from '../domain/days.ts';
import { visitAnswers } from '../domain/visits.ts';
import type { Messages } from '../i18n/index.ts';
import { ACTIONS } from './actions.ts';
import { actions, type Block, type Message, note, textBlock } from './message.ts';
import { formatDay } from './progress.ts';
import { encodeVisitsAnswer } from './visits-answer.ts';

/**
 * The morning question "昨天约见的N位客户，今天到访了几位？" with one button per answer 0 … n
 * (at most VISIT_ANSWER_CAP, then a line saying what to type). Each button carries the day the
 * visits belong to, so a tap in the evening or the next morning still logs the day asked about;
 * its text command (for messengers without buttons) names the day too.
 */
export function buildVisitsQuestion(m: Messages, day: Day, booked: number): Message {
  const { answers, more } = visitAnswers(booked);
  const question = m.visits.question(booked);
  const blocks: Block[] = [
    textBlock(question),
    actions(
      'visits_question',
      answers.map((count) => ({
        // Slack wants each button of a message to have its own action id.
        action: `${ACTIONS.visitsAnswer}:${count}`,
        label: String(count),
        value: encodeVisitsAnswer({ day, visits: count }),
        ...(count === 0 ? {} : { style: 'primary' as const }),
        command: m.visits.command(day, String(count)),
      })),
    ),
    note(
      [
        m.visits.hint(formatDay(m, day)),
        ...(more === undefined ? [] : [m.visits.more(more, m.visits.command(day, 'N'))]),
      ].join('\n'),
    ),
  ];
  return { text: question, blocks };
}
