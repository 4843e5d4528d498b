import type { LogProblem } from '../commands/log-command.ts';
import type { LogWarning } from '../domain/log-checks.ts';
import type { Messages } from '../i18n/index.ts';
import type { LogOutcome } from '../usecases/log-activity.ts';
import { ACTIONS } from './actions.ts';
import { mention } from './markup.ts';
import { actions, type Block, type Message, note, textBlock } from './message.ts';
import { changeLine, formatDay, formatMetric, progressLines } from './progress.ts';

/** What the member sees after `/log`: what was recorded, the day's totals and the daily targets. */
export function buildLogReply(m: Messages, outcome: Exclude<LogOutcome, { kind: 'confirm' }>): Message {
  const who = mention(outcome.subject.messengerUserId);
  const date = formatDay(m, outcome.day);
  const head =
    outcome.kind === 'duplicate'
      ? m.log.duplicate(who, date)
      : outcome.entryKind === 'set'
        ? m.log.recordedSet(who, date, changeLine(m, outcome.change))
        : outcome.entryKind === 'undo'
          ? m.log.recordedUndo(who, date, changeLine(m, outcome.change))
          : m.log.recorded(who, date, changeLine(m, outcome.change));
  const lines = progressLines(m, outcome.totals, outcome.target);
  const leave = outcome.kind === 'recorded' && outcome.onLeave ? [note(m.leave.loggedOnLeave(date))] : [];
  return {
    text: head,
    blocks: [textBlock(head), textBlock([m.log.totalsTitle(date), ...lines].join('\n')), ...leave],
  };
}

/** The reply to a `/log` that did not parse: every problem, then how to write it. */
export function buildLogProblemsReply(m: Messages, problems: readonly LogProblem[]): Message {
  const lines = problems.map((problem) => problemText(m, problem));
  const text = [...lines, m.log.example].join('\n');
  return { text, blocks: [textBlock(lines.join('\n')), note(m.log.example)] };
}

function problemText(m: Messages, problem: LogProblem): string {
  const p = m.log.problems;
  switch (problem.code) {
    case 'unknown-word':
      return p['unknown-word'](problem.token);
    case 'number-without-metric':
      return p['number-without-metric'](problem.token);
    case 'metric-without-number':
      return p['metric-without-number'](m.metrics[problem.metric], problem.token);
    case 'repeated-metric':
      return p['repeated-metric'](m.metrics[problem.metric]);
    case 'not-whole-number':
      return p['not-whole-number'](m.metrics[problem.metric], problem.token);
    case 'too-large':
      return p['too-large'](m.metrics[problem.metric], problem.token);
    case 'bad-date':
      return p['bad-date'](problem.token);
    case 'no-metrics':
      return p['no-metrics']();
    case 'conflicting-modifiers':
      return p['conflicting-modifiers'](problem.token);
  }
}

export function warningText(m: Messages, warning: LogWarning): string {
  const w = m.log.warnings;
  switch (warning.code) {
    case 'above-ceiling':
      return w['above-ceiling'](
        m.metrics[warning.metric],
        formatMetric(warning.metric, warning.value),
        formatMetric(warning.metric, warning.ceiling),
      );
    case 'above-median':
      return w['above-median'](
        m.metrics[warning.metric],
        formatMetric(warning.metric, warning.value),
        formatMetric(warning.metric, warning.median),
      );
    case 'amount-unit':
      return w['amount-unit'](
        formatMetric('amount', warning.amount),
        formatMetric('amount', warning.suggested),
      );
    case 'intents-above-effective':
      return w['intents-above-effective'](String(warning.intents), String(warning.effective));
    case 'appointments-above-pipeline':
      return w['appointments-above-pipeline'](String(warning.appointments), String(warning.pipeline));
    case 'visits-above-appointments':
      return w['visits-above-appointments'](String(warning.visits), String(warning.booked));
  }
}

/**
 * Asks the member to confirm figures that look wrong. `value` is the opaque confirmation payload
 * (see log-confirmation.ts) carried by both buttons; nothing is saved until Confirm is clicked.
 * `retyped` is what the member typed after `/log`: Confirm's text command is that line with the
 * confirm word, for messengers without buttons.
 */
export function buildLogConfirmReply(
  m: Messages,
  warnings: readonly LogWarning[],
  value: string,
  retyped?: string,
): Message {
  const text = [m.log.confirmTitle, ...warnings.map((w) => `• ${warningText(m, w)}`)].join('\n');
  const blocks: Block[] = [
    textBlock(text),
    actions('log_confirmation', [
      {
        action: ACTIONS.logConfirm,
        label: m.log.confirmButton,
        value,
        style: 'primary',
        ...(retyped === undefined ? {} : { command: `/log ${retyped} ${m.log.confirmWord}` }),
      },
      { action: ACTIONS.logCancel, label: m.log.cancelButton, value },
    ]),
  ];
  return { text, blocks };
}
