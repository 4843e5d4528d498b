import { z } from 'zod';
import type { MetricValues } from '../commands/log-command.ts';
import { parseDay } from '../domain/days.ts';
import { METRICS } from '../domain/metrics.ts';
import type { Messages } from '../i18n/index.ts';
import type { LogWrite } from '../usecases/log-activity.ts';
import { exactDay } from '../usecases/resolve-day.ts';
import { FORM_ACTION, FORM_BLOCKS } from './views/log-form-view.ts';

/** The state Slack sends with a view_submission, as far as the form uses it. */
const stateSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({ value: z.string().nullish(), selected_date: z.string().nullish() }).loose(),
  ),
);

const WHOLE = /^\d{1,10}$/;
const MAX = 2_000_000_000;

export type FormReading = { ok: true; command: LogWrite } | { ok: false; errors: Record<string, string> };

/**
 * Reads the submitted form into the same command a typed `/log` makes. Each field is checked on
 * its own, so the modal can show every error beside its field (response_action: errors).
 */
export function readLogForm(m: Messages, state: unknown): FormReading {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) return { ok: false, errors: { [FORM_BLOCKS.day]: m.common.somethingWrong } };
  const field = (blockId: string) => parsed.data[blockId]?.[FORM_ACTION];
  const errors: Record<string, string> = {};
  const values: MetricValues = {};
  for (const metric of METRICS) {
    const raw = field(FORM_BLOCKS.metric(metric))?.value?.trim();
    if (raw === undefined || raw === '') continue;
    const text = raw.normalize('NFKC').replace(/,/g, '');
    if (!WHOLE.test(text) || Number(text) > MAX)
      errors[FORM_BLOCKS.metric(metric)] = m.log.form.notAWholeNumber;
    else values[metric] = Number(text);
  }
  const day = parseDay(field(FORM_BLOCKS.day)?.selected_date ?? '');
  if (day === undefined) errors[FORM_BLOCKS.day] = m.errors['log-bad-date']();
  if (Object.keys(errors).length === 0 && Object.keys(values).length === 0) {
    errors[FORM_BLOCKS.metric('calls')] = m.log.form.nothingEntered;
  }
  if (Object.keys(errors).length > 0 || day === undefined) return { ok: false, errors };
  return { ok: true, command: { kind: 'add', day: exactDay(day), values } };
}

/** Which field a refused log belongs to, so the error shows beside it. */
export function fieldOfError(code: string, params: Record<string, string | number>): string {
  if (code === 'log-effective-above-calls') return FORM_BLOCKS.metric('effective');
  if (code === 'log-negative-total' && typeof params.metric === 'string') {
    const metric = METRICS.find((m) => m === params.metric);
    if (metric !== undefined) return FORM_BLOCKS.metric(metric);
  }
  return FORM_BLOCKS.day;
}
