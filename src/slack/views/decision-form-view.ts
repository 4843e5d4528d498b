import type { KnownBlock, ModalView } from '@slack/types';
import type { Messages } from '../../i18n/index.ts';
import { VIEWS } from '../ids.ts';

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
