import type { KnownBlock, ModalView } from '@slack/types';
import type { Day } from '../../domain/days.ts';
import { type LevelCode, levelInfo } from '../../domain/levels.ts';
import { openTrainingItems, probationDay, TRAINING_ITEMS } from '../../domain/probation.ts';
import type { Messages } from '../../i18n/index.ts';
import type { ProbationView } from '../../store/careers-repository.ts';
import type { MemberView } from '../../store/roster-repository.ts';
import type { LevelPicture } from '../../usecases/manage-levels.ts';
import type { Decision } from '../../usecases/manage-probation.ts';
import type { QuarterReview } from '../../usecases/quarter-review.ts';
import { mention } from '../format.ts';
import { ACTIONS, VIEWS } from '../ids.ts';
import { context, type Reply, section, sectionsOf } from './blocks.ts';
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
export function buildChecklist(m: Messages, member: MemberView, probation: ProbationView): Reply {
  const title = m.probation.checklistTitle(mention(member.messengerUserId), probation.deadline);
  const open = openTrainingItems(probation.itemsDone);
  const blocks: KnownBlock[] = [section(`${title}\n${itemsLine(m, probation)}`)];
  if (open.length > 0 && probation.status === 'open') {
    blocks.push({
      type: 'actions',
      block_id: 'probation_items',
      elements: open.map((item) => ({
        type: 'button',
        action_id: `${ACTIONS.probationTick}:${item}`,
        text: { type: 'plain_text', text: m.probation.tick(m.probation.items[item]) },
        value: JSON.stringify({ probationId: probation.id, item }),
      })),
    });
  } else if (open.length === 0) {
    blocks.push(context(m.probation.allDone));
  }
  return { text: title, blocks };
}

export function buildSignOffRequest(m: Messages, member: MemberView, probation: ProbationView): Reply {
  const title = m.probation.signoffTitle(mention(member.messengerUserId));
  const value = JSON.stringify({ probationId: probation.id });
  return {
    text: title,
    blocks: [
      section(`${title}\n${itemsLine(m, probation)}`),
      {
        type: 'actions',
        block_id: 'probation_decision',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.probationApprove,
            style: 'primary',
            text: { type: 'plain_text', text: m.probation.approve },
            value,
          },
          {
            type: 'button',
            action_id: ACTIONS.probationExtend,
            text: { type: 'plain_text', text: m.probation.extend },
            value,
          },
          {
            type: 'button',
            action_id: ACTIONS.probationReject,
            style: 'danger',
            text: { type: 'plain_text', text: m.probation.reject },
            value,
          },
        ],
      },
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

/** A modal asking for the reason (and, to extend, the days); private metadata carries the probation. */
export function buildDecisionForm(m: Messages, kind: 'extend' | 'reject', probationId: number): ModalView {
  const reason: KnownBlock = {
    type: 'input',
    block_id: 'reason',
    label: { type: 'plain_text', text: m.probation.reasonLabel },
    element: { type: 'plain_text_input', action_id: 'value', max_length: 500 },
  };
  const days: KnownBlock = {
    type: 'input',
    block_id: 'days',
    label: { type: 'plain_text', text: m.probation.daysLabel },
    element: {
      type: 'number_input',
      action_id: 'value',
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '30',
    },
  };
  return {
    type: 'modal',
    callback_id: kind === 'extend' ? VIEWS.probationExtend : VIEWS.probationReject,
    private_metadata: JSON.stringify({ probationId }),
    title: {
      type: 'plain_text',
      text: kind === 'extend' ? m.probation.extendTitle : m.probation.rejectTitle,
    },
    submit: { type: 'plain_text', text: m.probation.submit },
    close: { type: 'plain_text', text: m.probation.cancel },
    blocks: kind === 'extend' ? [days, reason] : [reason],
  };
}

export function buildProbationList(
  m: Messages,
  states: Array<{ member: MemberView; probation: ProbationView }>,
  today: Day,
): Reply {
  if (states.length === 0) return { text: m.probation.noneOpen, blocks: [section(m.probation.noneOpen)] };
  const lines = states.map(({ member, probation }) =>
    m.probation.statusLine(
      mention(member.messengerUserId),
      probationDay(probation.startedOn, today),
      probation.deadline,
      itemsLine(m, probation),
    ),
  );
  return { text: m.probation.listTitle, blocks: sectionsOf([m.probation.listTitle, ...lines]) };
}

/** `/level`: level, the quarter's progress and forecast, protection, and the whole history. */
export function buildLevelReply(m: Messages, picture: LevelPicture): Reply {
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
  return { text: title, blocks: [...sectionsOf(lines), ...sectionsOf([m.level.historyTitle, ...history])] };
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

export function buildMemberResult(m: Messages, review: QuarterReview, memberId: number): Reply {
  const r = review.results.find((x) => x.member.id === memberId);
  if (r === undefined) return { text: m.level.resultsTitle(review.quarter.key) };
  return {
    text: m.level.yourResult(
      review.quarter.key,
      outcomeText(m, r),
      formatMetric('amount', r.actual.amount),
      formatMetric('amount', r.target.amount),
    ),
  };
}
