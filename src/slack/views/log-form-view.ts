import type { KnownBlock, ModalView } from '@slack/types';
import type { Day } from '../../domain/days.ts';
import { METRICS, type Metric } from '../../domain/metrics.ts';
import type { Messages } from '../../i18n/index.ts';
import { VIEWS } from '../ids.ts';

/** Block ids of the form, one per metric plus the day: errors are keyed by them. */
export const FORM_BLOCKS = {
  day: 'log_day',
  metric: (metric: Metric) => `log_${metric}`,
} as const;
export const FORM_ACTION = 'value';

/**
 * The `/log` form: the seven figures (optional whole numbers) and the day, today by default.
 * `privateMetadata` carries where the confirmation goes (the channel `/log` was typed in).
 */
export function buildLogForm(m: Messages, today: Day, privateMetadata: string): ModalView {
  const metricBlocks: KnownBlock[] = METRICS.map((metric) => ({
    type: 'input',
    block_id: FORM_BLOCKS.metric(metric),
    optional: true,
    label: { type: 'plain_text', text: m.metrics[metric] },
    ...(metric === 'amount' ? { hint: { type: 'plain_text', text: m.log.form.amountHint } } : {}),
    ...(metric === 'visits' ? { hint: { type: 'plain_text', text: m.log.form.visitsHint } } : {}),
    element: { type: 'number_input', action_id: FORM_ACTION, is_decimal_allowed: false, min_value: '0' },
  }));
  return {
    type: 'modal',
    callback_id: VIEWS.logForm,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: m.log.form.title },
    submit: { type: 'plain_text', text: m.log.form.submit },
    close: { type: 'plain_text', text: m.log.form.cancel },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: m.log.form.intro }] },
      {
        type: 'input',
        block_id: FORM_BLOCKS.day,
        label: { type: 'plain_text', text: m.log.form.day },
        hint: { type: 'plain_text', text: m.log.form.dayHint },
        element: { type: 'datepicker', action_id: FORM_ACTION, initial_date: today },
      },
      ...metricBlocks,
    ],
  };
}
