import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DaySpec,
  type LogCommand,
  type LogParse,
  type LogProblem,
  MAX_VALUE,
  METRICS,
  type Metric,
  type MetricValues,
  parseLogCommand,
} from '../../src/commands/log-command.ts';

const TODAY: DaySpec = { kind: 'relative', daysAgo: 0 };
const add = (
  values: MetricValues,
  extra: { day?: DaySpec; memberRef?: string; confirmed?: true } = {},
): LogCommand => ({
  kind: 'add',
  day: TODAY,
  ...extra,
  values,
});
const set = (values: MetricValues, extra: { day?: DaySpec; memberRef?: string } = {}): LogCommand => ({
  kind: 'set',
  day: TODAY,
  ...extra,
  values,
});
const date = (month: number, day: number, year?: number): DaySpec =>
  year === undefined ? { kind: 'date', month, day } : { kind: 'date', year, month, day };
const ago = (daysAgo: number): DaySpec => ({ kind: 'relative', daysAgo });

describe('parseLogCommand accepts', () => {
  it.each<[string, LogCommand]>([
    // English, either side of the number
    ['120 calls 8 intents', add({ calls: 120, intents: 8 })],
    // confirm: the text answer to the confirmation question, anywhere in the line
    ['呼出1600 确认', add({ calls: 1600 }, { confirmed: true })],
    ['确定 呼出1600', add({ calls: 1600 }, { confirmed: true })],
    ['1600 calls confirm', add({ calls: 1600 }, { confirmed: true })],
    [
      '120 calls 80 effective 8 intents 5 followups 2 appointments',
      add({ calls: 120, effective: 80, intents: 8, followUps: 5, appointments: 2 }),
    ],
    ['calls 120 intents 8', add({ calls: 120, intents: 8 })],
    ['CALLS 120 Intents 8', add({ calls: 120, intents: 8 })],
    ['120calls 8intents', add({ calls: 120, intents: 8 })],
    ['calls120intents8', add({ calls: 120, intents: 8 })],
    ['120 calls intents 8', add({ calls: 120, intents: 8 })],
    ['120 calls and 8 intents', add({ calls: 120, intents: 8 })],
    [
      '120 dials 80 connected 3 leads 2 fu 1 appt',
      add({ calls: 120, effective: 80, intents: 3, followUps: 2, appointments: 1 }),
    ],
    ['120 calls 80 effective calls', add({ calls: 120, effective: 80 })],
    ['5 follow-ups 2 meetings', add({ followUps: 5, appointments: 2 })],
    ['follow ups 5', add({ followUps: 5 })],
    // 到访: the customers booked the day before who came in
    ['2 visits', add({ visits: 2 })],
    ['2 showed', add({ visits: 2 })],
    ['到访2', add({ visits: 2 })],
    ['到访2位 确认', add({ visits: 2 }, { confirmed: true })],
    ['约见3 到访2', add({ appointments: 3, visits: 2 })],
    ['昨天 上门1', add({ visits: 1 }, { day: ago(1) })],
    ['0 calls', add({ calls: 0 })],
    // Chinese, either side of the number, attached or spaced
    [
      '呼出120 有效80 意向8 回访5 约见2 业绩20万',
      add({ calls: 120, effective: 80, intents: 8, followUps: 5, appointments: 2, amount: 200_000 }),
    ],
    ['呼出 120 有效 80', add({ calls: 120, effective: 80 })],
    ['呼出120有效80意向8', add({ calls: 120, effective: 80, intents: 8 })],
    ['80有效8意向', add({ effective: 80, intents: 8 })],
    ['120 呼出 80 有效', add({ calls: 120, effective: 80 })],
    ['120通 意向8个', add({ calls: 120, intents: 8 })],
    ['呼出120通', add({ calls: 120 })],
    ['有效80通', add({ effective: 80 })],
    ['８个意向', add({ intents: 8 })],
    ['8 个意向', add({ intents: 8 })],
    ['意向客户3位 意向回访2次', add({ intents: 3, followUps: 2 })],
    ['2次日约见', add({ appointments: 2 })],
    ['预约1', add({ appointments: 1 })],
    ['外呼200，接通50', add({ calls: 200, effective: 50 })],
    ['呼出总量200 有效电话50', add({ calls: 200, effective: 50 })],
    ['呼出了120', add({ calls: 120 })],
    ['120个电话', add({ calls: 120 })],
    ['120通电话', add({ calls: 120 })],
    ['呼出１２０，有效８０；意向８', add({ calls: 120, effective: 80, intents: 8 })],
    ['８ 意向 20万', add({ intents: 8, amount: 200_000 })],
    ['业绩 20万 8 意向', add({ amount: 200_000, intents: 8 })],
    // amounts: exact decimal arithmetic, money shapes mean amount on their own
    ['amount 350000', add({ amount: 350_000 })],
    ['业绩 1.5万', add({ amount: 15_000 })],
    ['deal 20w', add({ amount: 200_000 })],
    ['DEAL 20W', add({ amount: 200_000 })],
    ['200k', add({ amount: 200_000 })],
    ['¥200,000', add({ amount: 200_000 })],
    ['￥200,000', add({ amount: 200_000 })],
    ['¥ 200,000', add({ amount: 200_000 })],
    ['20万元', add({ amount: 200_000 })],
    ['20 万', add({ amount: 200_000 })],
    ['业绩20万', add({ amount: 200_000 })],
    ['2.5k', add({ amount: 2_500 })],
    ['1.2345万', add({ amount: 12_345 })],
    ['0.1万', add({ amount: 1_000 })],
    ['1.50万', add({ amount: 15_000 })],
    ['放款 3000元', add({ amount: 3_000 })],
    ['金额5000块', add({ amount: 5_000 })],
    ['revenue 1,234,567', add({ amount: 1_234_567 })],
    ['rmb 50000', add({ amount: 50_000 })],
    ['20亿', add({ amount: 2_000_000_000 })],
    ['120 calls 20w', add({ calls: 120, amount: 200_000 })],
    [`amount ${MAX_VALUE}`, add({ amount: MAX_VALUE })],
    // modifiers, any order, anywhere
    ['set 120 calls', set({ calls: 120 })],
    ['设为 呼出120', set({ calls: 120 })],
    ['设置为 意向8', set({ intents: 8 })],
    ['yesterday 120 calls', add({ calls: 120 }, { day: ago(1) })],
    ['120 calls yesterday', add({ calls: 120 }, { day: ago(1) })],
    ['昨天 呼出120', add({ calls: 120 }, { day: ago(1) })],
    ['前天 呼出120', add({ calls: 120 }, { day: ago(2) })],
    ['today 呼出120', add({ calls: 120 }, { day: ago(0) })],
    ['11-27 120 calls', add({ calls: 120 }, { day: date(11, 27) })],
    ['3/4 120 calls', add({ calls: 120 }, { day: date(3, 4) })],
    ['2024-11-27 120 calls', add({ calls: 120 }, { day: date(11, 27, 2024) })],
    ['2024/02/29 120 calls', add({ calls: 120 }, { day: date(2, 29, 2024) })],
    ['11月27日 呼出120', add({ calls: 120 }, { day: date(11, 27) })],
    ['11月27号呼出120', add({ calls: 120 }, { day: date(11, 27) })],
    ['2024年11月27日 呼出120', add({ calls: 120 }, { day: date(11, 27, 2024) })],
    ['2-29 呼出120', add({ calls: 120 }, { day: date(2, 29) })],
    ['<@U123> 120 calls', add({ calls: 120 }, { memberRef: 'U123' })],
    ['<@U123|alice> 120 calls', add({ calls: 120 }, { memberRef: 'U123' })],
    ['yesterday set <@U1> 120 calls', set({ calls: 120 }, { day: ago(1), memberRef: 'U1' })],
    ['<@U1> 昨天 设为 呼出120', set({ calls: 120 }, { day: ago(1), memberRef: 'U1' })],
    // the command shapes without values
    ['', { kind: 'form' }],
    ['   ', { kind: 'form' }],
    ['\u3000，', { kind: 'form' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['？', { kind: 'help' }],
    ['help 12x set undo', { kind: 'help' }],
    ['undo', { kind: 'undo', day: TODAY }],
    ['撤销', { kind: 'undo', day: TODAY }],
    ['撤回 昨天', { kind: 'undo', day: ago(1) }],
    ['undo yesterday <@U9>', { kind: 'undo', day: ago(1), memberRef: 'U9' }],
  ])('%j', (text, command) => {
    expect(parseLogCommand(text)).toEqual({ ok: true, command });
  });
});

describe('parseLogCommand rejects', () => {
  it.each<[string, LogProblem[]]>([
    ['12x', [{ code: 'unknown-word', token: '12x' }]],
    ['１２x', [{ code: 'unknown-word', token: '12x' }]],
    ['hello', [{ code: 'unknown-word', token: 'hello' }]],
    [
      '放款3单',
      [
        { code: 'metric-without-number', metric: 'amount', token: '放款' },
        { code: 'unknown-word', token: '3单' },
      ],
    ],
    ['120', [{ code: 'number-without-metric', token: '120' }]],
    ['120 calls 8', [{ code: 'number-without-metric', token: '8' }]],
    ['calls', [{ code: 'metric-without-number', metric: 'calls', token: 'calls' }]],
    ['calls intents 8', [{ code: 'metric-without-number', metric: 'calls', token: 'calls' }]],
    [
      'calls foo 120',
      [
        { code: 'metric-without-number', metric: 'calls', token: 'calls' },
        { code: 'unknown-word', token: 'foo' },
        { code: 'number-without-metric', token: '120' },
      ],
    ],
    ['120 calls 30 calls', [{ code: 'repeated-metric', metric: 'calls' }]],
    ['呼出120 外呼30', [{ code: 'repeated-metric', metric: 'calls' }]],
    ['业绩20万 ¥5000', [{ code: 'repeated-metric', metric: 'amount' }]],
    ['calls 1.5', [{ code: 'not-whole-number', metric: 'calls', token: '1.5' }]],
    ['业绩 1.23456万', [{ code: 'not-whole-number', metric: 'amount', token: '1.23456万' }]],
    ['2.0005k', [{ code: 'not-whole-number', metric: 'amount', token: '2.0005k' }]],
    [`amount ${MAX_VALUE + 1}`, [{ code: 'too-large', metric: 'amount', token: String(MAX_VALUE + 1) }]],
    ['30亿', [{ code: 'too-large', metric: 'amount', token: '30亿' }]],
    [
      'calls 99999999999999999999999',
      [{ code: 'too-large', metric: 'calls', token: '99999999999999999999999' }],
    ],
    ['-5 calls', [{ code: 'unknown-word', token: '-5' }]],
    ['呼出 -5', [{ code: 'unknown-word', token: '-5' }]],
    ['-5', [{ code: 'unknown-word', token: '-5' }]],
    // shapes: money only for amount, 通 only for calls-like metrics, counters never for amount
    ['呼出20万', [{ code: 'metric-without-number', metric: 'calls', token: '呼出' }]],
    ['意向8通', [{ code: 'metric-without-number', metric: 'intents', token: '意向' }]],
    [
      '业绩8个',
      [
        { code: 'metric-without-number', metric: 'amount', token: '业绩' },
        { code: 'number-without-metric', token: '8个' },
      ],
    ],
    ['2kcalls', [{ code: 'unknown-word', token: '2kcalls' }]],
    // dates
    ['13-01 120 calls', [{ code: 'bad-date', token: '13-01' }]],
    ['2-30 120 calls', [{ code: 'bad-date', token: '2-30' }]],
    ['4/31 120 calls', [{ code: 'bad-date', token: '4/31' }]],
    ['2023-02-29 120 calls', [{ code: 'bad-date', token: '2023-02-29' }]],
    ['0月5日 呼出120', [{ code: 'bad-date', token: '0月5日' }]],
    // modifiers
    ['yesterday', [{ code: 'no-metrics' }]],
    ['set', [{ code: 'no-metrics' }]],
    ['<@U1>', [{ code: 'no-metrics' }]],
    ['set undo', [{ code: 'conflicting-modifiers', token: 'undo' }]],
    ['确认 呼出100 确认', [{ code: 'conflicting-modifiers', token: '确认' }]],
    ['confirm', [{ code: 'no-metrics' }]],
    ['set set 120 calls', [{ code: 'conflicting-modifiers', token: 'set' }]],
    ['today yesterday 120 calls', [{ code: 'conflicting-modifiers', token: 'yesterday' }]],
    ['11-27 11-28 120 calls', [{ code: 'conflicting-modifiers', token: '11-28' }]],
    ['<#C1> 120 calls', [{ code: 'unknown-word', token: '<#C1>' }]],
    ['<@> 120 calls', [{ code: 'unknown-word', token: '<@>' }]],
    ['<@U1> <@U2> 120 calls', [{ code: 'conflicting-modifiers', token: '<@U2>' }]],
    ['undo 120 calls', [{ code: 'conflicting-modifiers', token: '120' }]],
    ['120 calls undo', [{ code: 'conflicting-modifiers', token: 'undo' }]],
    ['撤销 呼出120', [{ code: 'conflicting-modifiers', token: '呼出' }]],
    // every problem, in input order
    [
      'foo 120 calls bar 8 calls 9 baz',
      [
        { code: 'unknown-word', token: 'foo' },
        { code: 'unknown-word', token: 'bar' },
        { code: 'repeated-metric', metric: 'calls' },
        { code: 'number-without-metric', token: '9' },
        { code: 'unknown-word', token: 'baz' },
      ],
    ],
    [
      '13/13 set undo 呼出 1.5 xyz',
      [
        { code: 'bad-date', token: '13/13' },
        { code: 'conflicting-modifiers', token: 'undo' },
        { code: 'not-whole-number', metric: 'calls', token: '1.5' },
        { code: 'unknown-word', token: 'xyz' },
      ],
    ],
  ])('%j', (text, problems) => {
    expect(parseLogCommand(text)).toEqual({ ok: false, problems });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const METRIC_KEYS = new Set<string>(METRICS);
const PROBLEM_CODES = new Set<string>([
  'unknown-word',
  'number-without-metric',
  'metric-without-number',
  'repeated-metric',
  'not-whole-number',
  'too-large',
  'bad-date',
  'no-metrics',
  'conflicting-modifiers',
]);

function isValidDay(day: DaySpec): boolean {
  return day.kind === 'relative'
    ? [0, 1, 2].includes(day.daysAgo)
    : day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= 31;
}

/** Either a complete command or at least one problem, and nothing outside the documented shapes. */
function isWellFormed(result: LogParse): boolean {
  if (!result.ok)
    return result.problems.length > 0 && result.problems.every((p) => PROBLEM_CODES.has(p.code));
  const { command } = result;
  switch (command.kind) {
    case 'form':
    case 'help':
      return true;
    case 'undo':
      return isValidDay(command.day);
    case 'add':
    case 'set': {
      const entries = Object.entries(command.values);
      return (
        isValidDay(command.day) &&
        entries.length > 0 &&
        entries.every(
          ([key, value]) =>
            METRIC_KEYS.has(key) && Number.isSafeInteger(value) && value >= 0 && value <= MAX_VALUE,
        )
      );
    }
  }
}

const widen = (text: string): string =>
  text
    .replace(/[\x21-\x7e]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    .replaceAll(' ', '\u3000');

const FRAGMENTS = [
  ...['calls', 'effective', 'intents', 'fu', 'appts', 'deal', 'follow ups', 'effective calls'],
  ...['呼出', '有效', '意向', '意向回访', '次日约见', '业绩', '电话', '了'],
  ...['set', 'undo', 'help', '?', 'yesterday', '昨天', '前天', '设为', '撤销'],
  ...['0', '8', '120', '1.5', '20万', '1.23456万', '200k', '2.5k', '¥200,000', '20万元', '-5', '99999999999'],
  ...['个', '通', '次', '元', 'w', 'k', ',', '，', '、', '-', '/', '.', '<@', '>', '|', '<@U1>', '<@U2|x>'],
  ...['11-27', '2/30', '2024-02-29', '11月27日', '13月1日', 'x', '单', '😀', '\u0301', '\uD800'],
];

describe('parseLogCommand properties', () => {
  it('never throws and always returns a complete command or problems (any unicode)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()),
        (text) => isWellFormed(parseLogCommand(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on soups of grammar fragments glued together any way', () => {
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', '', ' ', '  ', '，', '\u3000')), {
        maxLength: 12,
      })
      .map((parts) => parts.map(([fragment, glue]) => fragment + glue).join(''));
    fc.assert(
      fc.property(soup, (text) => isWellFormed(parseLogCommand(text))),
      { numRuns: 2000 },
    );
  });

  it('reads full-width text exactly like its ASCII form', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...FRAGMENTS.join(' ').replace(/[^\x20-\x7e]/g, '')) });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(parseLogCommand(widen(text))).toEqual(parseLogCommand(text));
      }),
    );
  });

  it('handles long inputs in linear time', () => {
    const text = 'calls 1 intents 2 '.repeat(5_000);
    const started = performance.now();
    const result = parseLogCommand(text);
    expect(result.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

// -- round trip: any valid combination of metric phrases reads back as the same values --------

const ZH: Record<Metric, readonly string[]> = {
  calls: ['呼出', '呼出总量', '外呼'],
  effective: ['有效', '有效呼出', '接通'],
  intents: ['意向', '意向客户'],
  followUps: ['回访', '意向回访'],
  appointments: ['约见', '次日约见', '预约'],
  visits: ['到访', '来访', '上门'],
  amount: ['业绩', '放款', '金额'],
};
const EN: Record<Metric, readonly string[]> = {
  calls: ['calls', 'call', 'dials', 'outbound'],
  effective: ['effective', 'eff', 'connected'],
  intents: ['intents', 'intent', 'leads', 'lead'],
  followUps: ['followups', 'follow-ups', 'followup', 'fu'],
  appointments: ['appointments', 'appointment', 'appts', 'appt', 'meetings'],
  visits: ['visits', 'visit', 'showed', 'shows'],
  amount: ['amount', 'deal', 'deals', 'sales', 'revenue', 'loan'],
};

const grouped = (value: number): string => value.toLocaleString('en-US');

/** `value` written with `places` implied decimal places, e.g. (15000, 4) → '1.5'. Exact, string-based. */
function scaledDown(value: number, places: number): string {
  const digits = String(value).padStart(places + 1, '0');
  const whole = digits.slice(0, -places);
  const fraction = digits.slice(-places).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

type Written = { text: string; money: boolean };

const amountText = (value: number): fc.Arbitrary<Written> =>
  fc.constantFrom<Written>(
    { text: String(value), money: false },
    { text: grouped(value), money: false },
    { text: `¥${grouped(value)}`, money: true },
    { text: `￥${value}`, money: true },
    { text: `${value}元`, money: true },
    { text: `${value} 元`, money: true },
    { text: `${scaledDown(value, 4)}万`, money: true },
    { text: `${scaledDown(value, 4)}万元`, money: true },
    { text: `${scaledDown(value, 4)}w`, money: true },
    { text: `${scaledDown(value, 3)}k`, money: true },
  );

const countText = (value: number, metric: Metric): fc.Arbitrary<Written> => {
  const counters = [
    '',
    '个',
    '次',
    '位',
    ' 个',
    ...(metric === 'calls' || metric === 'effective' ? ['通'] : []),
  ];
  return fc
    .tuple(fc.constantFrom(String(value), grouped(value)), fc.constantFrom(...counters))
    .map(([digits, counter]) => ({ text: digits + counter, money: false }));
};

const wordIn = (metric: Metric): fc.Arbitrary<{ word: string; chinese: boolean }> =>
  fc.oneof(
    fc.constantFrom(...ZH[metric]).map((word) => ({ word, chinese: true })),
    fc
      .tuple(fc.constantFrom(...EN[metric]), fc.constantFrom('lower', 'upper', 'title'))
      .map(([word, casing]) => ({
        word:
          casing === 'upper'
            ? word.toUpperCase()
            : casing === 'title'
              ? word.charAt(0).toUpperCase() + word.slice(1)
              : word,
        chinese: false,
      })),
  );

type Phrase = { metric: Metric; value: number; text: string };

/**
 * One metric written some valid way. A word-less form is only generated where the grammar gives it a
 * meaning (money → amount, 通 → calls), and a bare 通 only when no effective word could also take it.
 */
function phrase(metric: Metric, bare通Allowed: boolean): fc.Arbitrary<Phrase> {
  const value = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: MAX_VALUE }));
  return value.chain((n) => {
    const number = metric === 'amount' ? amountText(n) : countText(n, metric);
    const withWord = fc
      .tuple(number, wordIn(metric), fc.boolean(), fc.constantFrom('', ' ', '  ', '\u3000'), fc.boolean())
      .map(([written, { word }, wordFirst, gap, wide]) => {
        // Latin suffixes (k, w) must not run into a following English word: `200kamount` is one word.
        const safeGap =
          gap === '' && !wordFirst && /[a-z]$/i.test(written.text) && /^[a-z]/i.test(word) ? ' ' : gap;
        const text = wordFirst ? word + safeGap + written.text : written.text + safeGap + word;
        return { metric, value: n, text: wide ? widen(text) : text };
      });
    const bare =
      metric === 'amount'
        ? amountText(n).filter((written) => written.money)
        : metric === 'calls' && bare通Allowed
          ? fc.constant({ text: `${n}通`, money: false })
          : undefined;
    return bare === undefined
      ? withWord
      : fc.oneof(
          withWord,
          bare.map((written) => ({ metric, value: n, text: written.text })),
        );
  });
}

/**
 * `effective calls` is one English metric, so only whitespace may not separate an effective word from a
 * calls word that follows it: `80 effective, calls 120` is two metrics, `80 effective calls 120` is not.
 */
function between(before: string, separator: string, after: string): string {
  const fused =
    /(?:effective|connected)$/i.test(before.normalize('NFKC')) &&
    /^calls?(?![a-z])/i.test(after.normalize('NFKC')) &&
    separator.trim() === '';
  return fused ? ', ' : separator;
}

const SEPARATORS = [' ', '  ', ', ', '， ', '、', '; ', '；', '\u3000', ' and ', '\n'];

type Modifiers = { words: string[]; kind: 'add' | 'set'; day: DaySpec; memberRef?: string };

const modifiers: fc.Arbitrary<Modifiers> = fc
  .record({
    set: fc.option(fc.constantFrom('set', 'SET', '设为', '设置', '设置为'), { nil: undefined }),
    day: fc.option(
      fc.oneof(
        fc.constantFrom<[string, DaySpec]>(
          ['today', ago(0)],
          ['今天', ago(0)],
          ['yesterday', ago(1)],
          ['昨天', ago(1)],
          ['前天', ago(2)],
        ),
        fc
          .tuple(
            fc.integer({ min: 1, max: 12 }),
            fc.integer({ min: 1, max: 28 }),
            fc.integer({ min: 2000, max: 2099 }),
          )
          .chain(([month, day, year]) =>
            fc.constantFrom<[string, DaySpec]>(
              [`${month}-${day}`, date(month, day)],
              [`${month}/${day}`, date(month, day)],
              [`${month}月${day}日`, date(month, day)],
              [
                `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
                date(month, day, year),
              ],
            ),
          ),
      ),
      { nil: undefined },
    ),
    member: fc.option(
      fc.tuple(fc.stringMatching(/^U[A-Z0-9]{1,10}$/), fc.boolean()).map(([id, named]) => ({
        id,
        text: named ? `<@${id}|someone>` : `<@${id}>`,
      })),
      { nil: undefined },
    ),
  })
  .chain(({ set, day, member }) =>
    fc
      .shuffledSubarray(
        [set, day?.[0], member?.text].filter((word) => word !== undefined),
        {
          minLength: [set, day, member].filter((part) => part !== undefined).length,
        },
      )
      .map((words) => ({
        words,
        kind: set === undefined ? 'add' : 'set',
        day: day?.[1] ?? TODAY,
        ...(member === undefined ? {} : { memberRef: member.id }),
      })),
  );

const logLine = fc.shuffledSubarray([...METRICS], { minLength: 1 }).chain((metrics) =>
  fc.record({
    phrases: fc.tuple(...metrics.map((metric) => phrase(metric, !metrics.includes('effective')))),
    separators: fc.array(fc.constantFrom(...SEPARATORS), {
      minLength: metrics.length,
      maxLength: metrics.length,
    }),
    modifiers,
  }),
);

describe('parseLogCommand round trip', () => {
  it('reads any valid combination of metric phrases, in any order and spacing, back to its values', () => {
    fc.assert(
      fc.property(logLine, ({ phrases, separators, modifiers: { words, ...expected } }) => {
        const body = phrases
          .map((p, index) => {
            const previous = phrases[index - 1];
            return previous === undefined
              ? p.text
              : between(previous.text, separators[index] ?? ' ', p.text) + p.text;
          })
          .join('');
        const text = [...words, body].join(' ');
        const values = Object.fromEntries(phrases.map((p) => [p.metric, p.value]));
        expect(parseLogCommand(text), text).toEqual({ ok: true, command: { ...expected, values } });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads every amount spelling to the exact number of yuan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_VALUE }).chain((n) => fc.tuple(fc.constant(n), amountText(n))),
        fc.constantFrom('业绩', 'amount ', 'deal ', '放款 '),
        ([n, written], word) => {
          expect(parseLogCommand(word + written.text)).toEqual({ ok: true, command: add({ amount: n }) });
          if (written.money)
            expect(parseLogCommand(written.text)).toEqual({ ok: true, command: add({ amount: n }) });
        },
      ),
    );
  });

  it('reports a fraction of a yuan as not-whole-number instead of rounding', () => {
    const fraction = fc
      .tuple(fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{0,4}[1-9]$/))
      .map(([kept, extra]) => kept + extra);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fraction, (whole, digits) => {
        const token = `${whole}.${digits}万`;
        expect(parseLogCommand(`业绩 ${token}`)).toEqual({
          ok: false,
          problems: [{ code: 'not-whole-number', metric: 'amount', token }],
        });
      }),
    );
  });

  it('reports unknown words in the order they were typed', () => {
    const item = fc.oneof(
      fc
        .constantFrom('120 calls', '呼出120', '8个意向', 'deal 20w')
        .map((text) => ({ text, unknown: false })),
      fc.constantFrom('foo', 'bar', 'xyz', '啊', '单位').map((text) => ({ text, unknown: true })),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
        const result = parseLogCommand(items.map((i) => i.text).join(' , '));
        const unknown = items.filter((i) => i.unknown).map((i) => i.text);
        const reported = result.ok
          ? []
          : result.problems.flatMap((p) => (p.code === 'unknown-word' ? [p.token] : []));
        expect(reported).toEqual(unknown);
      }),
    );
  });
});
