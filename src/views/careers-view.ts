import type { Day } from '../domain/days.ts';
import { type LevelCode, levelInfo } from '../domain/levels.ts';
import { openTrainingItems, probationDay, TRAINING_ITEMS } from '../domain/probation.ts';
import type { Messages } from '../i18n/index.ts';
import type { ProbationView } from '../store/careers-repository.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { LevelPicture } from '../usecases/manage-levels.ts';
import type { Decision } from '../usecases/manage-probation.ts';
import type { QuarterReview } from '../usecases/quarter-review.ts';
import { ACTIONS } from './actions.ts';
import { mention } from './markup.ts';
import { actions, type Block, linesOf, type Message, note, textBlock } from './message.ts';
import { formatMetric } from './progress.ts';

export function levelLabel(m: Messages, level: LevelCode): string {
  return m.locale === 'en' ? levelInfo(level).en : levelInfo(level).zh;
}

function itemsLine(m: Messages, probation: ProbationView): string {
  return TRAINING_ITEMS.map(
    (item) =>
      `${probation.itemsDone.has(item) ? m.probation.done : m.probation.open} ${m.probation.items[item]}`,
  ).join('　');
}

/** The checklist with a button per open item; the buttons carry the probation id and the item. */
export function buildChecklist(m: Messages, member: MemberView, probation: ProbationView): Message {
  const title = m.probation.checklistTitle(mention(member.messengerUserId), probation.deadline);
  const open = openTrainingItems(probation.itemsDone);
  const blocks: Block[] = [textBlock(`${title}\n${itemsLine(m, probation)}`)];
  if (open.length > 0 && probation.status === 'open') {
    blocks.push(
      actions(
        'probation_items',
        open.map((item) => ({
          action: `${ACTIONS.probationTick}:${item}`,
          label: m.probation.tick(m.probation.items[item]),
          value: JSON.stringify({ probationId: probation.id, item }),
          command: `/probation tick ${mention(member.messengerUserId)} ${item}`,
        })),
      ),
    );
  } else if (open.length === 0) {
    blocks.push(note(m.probation.allDone));
  }
  return { text: title, blocks };
}

export function buildSignOffRequest(m: Messages, member: MemberView, probation: ProbationView): Message {
  const title = m.probation.signoffTitle(mention(member.messengerUserId));
  const value = JSON.stringify({ probationId: probation.id });
  return {
    text: title,
    blocks: [
      textBlock(`${title}\n${itemsLine(m, probation)}`),
      actions('probation_decision', [
        {
          action: ACTIONS.probationApprove,
          label: m.probation.approve,
          value,
          style: 'primary',
          command: `/probation approve ${mention(member.messengerUserId)}`,
        },
        {
          action: ACTIONS.probationExtend,
          label: m.probation.extend,
          value,
          command: `/probation extend ${mention(member.messengerUserId)} 7 …`,
        },
        {
          action: ACTIONS.probationReject,
          label: m.probation.reject,
          value,
          style: 'danger',
          command: `/probation reject ${mention(member.messengerUserId)} …`,
        },
      ]),
    ],
  };
}

export function decisionText(
  m: Messages,
  member: MemberView,
  decision: Decision,
  decidedBy: string,
  probation: ProbationView,
): string {
  const who = mention(member.messengerUserId);
  switch (decision.kind) {
    case 'approve':
      return m.probation.approved(who, mention(decidedBy));
    case 'reject':
      return m.probation.rejected(who, mention(decidedBy), decision.reason);
    case 'extend':
      return m.probation.extended(who, decision.days, probation.deadline);
  }
}

export function buildProbationList(
  m: Messages,
  states: Array<{ member: MemberView; probation: ProbationView }>,
  today: Day,
): Message {
  if (states.length === 0) return { text: m.probation.noneOpen, blocks: [textBlock(m.probation.noneOpen)] };
  const lines = states.map(({ member, probation }) =>
    m.probation.statusLine(
      mention(member.messengerUserId),
      probationDay(probation.startedOn, today),
      probation.deadline,
      itemsLine(m, probation),
    ),
  );
  return { text: m.probation.listTitle, blocks: linesOf([m.probation.listTitle, ...lines]) };
}

/** `/level`: level, the quarter's progress and forecast, protection, and the whole history. */
export function buildLevelReply(m: Messages, picture: LevelPicture): Message {
  const who = mention(picture.member.messengerUserId);
  const title = m.level.title(who, levelLabel(m, picture.member.level));
  const lines = [title];
  if (picture.forecast === undefined) {
    lines.push(m.level.onProbation);
  } else {
    const f = picture.forecast;
    lines.push(
      m.level.progress(
        picture.quarterKey,
        formatMetric('amount', picture.amount),
        formatMetric('amount', picture.target),
      ),
    );
    lines.push(
      f.neededAmount === 0
        ? m.level.met
        : m.level.needed(formatMetric('amount', f.neededAmount), picture.workingDaysLeft),
    );
    lines.push(
      f.ifMet.outcome === 'met-at-top' ? m.level.ifMetTop : m.level.ifMet(levelLabel(m, f.ifMet.to)),
    );
    lines.push(
      f.ifMissed.outcome === 'protected'
        ? m.level.ifMissedProtected
        : f.ifMissed.outcome === 'flag-for-review'
          ? m.level.ifMissedBottom
          : m.level.ifMissed(levelLabel(m, f.ifMissed.to)),
    );
    if (f.atRisk) lines.push(m.level.atRisk);
  }
  if (picture.protectedUntil !== null) lines.push(m.level.protectedUntil(picture.protectedUntil));
  if (picture.held !== undefined) lines.push(m.level.held(picture.held));
  const history = picture.history.map((h) =>
    m.level.historyLine(
      h.at.toISOString().slice(0, 10),
      h.fromLevel === null ? '—' : levelLabel(m, h.fromLevel),
      levelLabel(m, h.toLevel),
      `${m.level.reason(h.reason)}${h.quarter === null ? '' : ` ${h.quarter}`}${h.note === null ? '' : `：${h.note}`}`,
      h.decidedBy === null ? '' : m.level.by(mention(h.decidedBy)),
    ),
  );
  return { text: title, blocks: [...linesOf(lines), ...linesOf([m.level.historyTitle, ...history])] };
}

function outcomeText(m: Messages, r: QuarterReview['results'][number]): string {
  const from = levelLabel(m, r.from);
  const to = levelLabel(m, r.to);
  const o = m.level.outcomes;
  switch (r.outcome) {
    case 'promoted':
      return o.promoted(from, to);
    case 'demoted':
      return o.demoted(from, to);
    default:
      return o[r.outcome](from);
  }
}

export function reviewLines(
  m: Messages,
  review: QuarterReview,
  filter: (r: QuarterReview['results'][number]) => boolean = () => true,
): string[] {
  return review.results
    .filter(filter)
    .map((r) =>
      m.level.resultLine(
        mention(r.member.messengerUserId),
        outcomeText(m, r),
        formatMetric('amount', r.actual.amount),
        formatMetric('amount', r.target.amount),
      ),
    );
}

/** A member's own result of the quarter (the job hands each member theirs: no search of 10,000). */
export function buildMemberResult(
  m: Messages,
  quarter: QuarterReview['quarter'],
  r: QuarterReview['results'][number],
): Message {
  return {
    text: m.level.yourResult(
      quarter.key,
      outcomeText(m, r),
      formatMetric('amount', r.actual.amount),
      formatMetric('amount', r.target.amount),
    ),
  };
}
