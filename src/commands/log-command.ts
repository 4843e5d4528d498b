/**
 * The `/log` grammar: what a member may type after `/log`. This comment is the single
 * definition; the code below implements it and nothing else.
 *
 * NORMALISATION
 *   NFKC first, so full-width digits, letters, punctuation and spaces (１２０ ｃａｌｌｓ ，：；？ ￥ and
 *   the ideographic space) read like ASCII. Latin words are case-insensitive. Problems quote the
 *   normalised text, so `１２x` is reported as '12x'.
 *
 * TEXT := TOKEN* — tokens in any order. Empty text (or only separators) → { kind: 'form' }.
 *
 * SEPARATORS (not tokens; they only stop two tokens from counting as attached):
 *   whitespace , 、 ; : = 。 ! / | + ~ – — … · ( ) [ ] { } 【 】 「 」, the words `and` `和` and the
 *   particle `了` (呼出了120), and `-` unless a digit follows it (then it is a minus sign).
 *
 * MODIFIERS — conventionally first, but accepted anywhere (`120 calls yesterday` reads naturally):
 *   help    help 帮助 ?                → { kind: 'help' }; it wins over everything else in the text,
 *                                          because someone asking for help should get it.
 *   set     set 设为 设置 设置为        → today's totals become the values instead of adding to them.
 *   undo    undo 撤销 撤回 撤消         → only with a day and/or a mention; a metric word or number
 *                                          conflicts with it (whichever of the two comes later is quoted).
 *   day     today 今天 今日 (0 days ago) · yesterday 昨天 昨日 (1) · 前天 (2)
 *           YYYY-MM-DD  YYYY/MM/DD  M-D  M/D  M月D日  M月D号  M月D  YYYY年M月D日
 *           M-D and M/D are dates wherever they appear (`1-2` is 2 January, not a range).
 *           Month must be 1–12 and the day must exist in that month (Feb 29 is allowed when no year is
 *           written), otherwise bad-date. The parser does not know today; the 7-day window is the
 *           use case's job. Default: today.
 *   confirm confirm 确认 确定            → `confirmed: true`: the member has seen the warnings and saves the
 *                                          figures anyway; how messengers without buttons answer the
 *                                          confirmation question (the reply shows the line to send).
 *   mention <@ID> or <@ID|name> → memberRef 'ID'. Adapters rewrite their own syntax to this form;
 *           anything else in angle brackets (e.g. a channel `<#C1>`) is an unknown word.
 *   Each of set-or-undo, day, mention and confirm may occur once; a second one is conflicting-modifiers
 *   quoting the later token (also for `set undo`). Without help, undo or set the command is `add`.
 *
 * METRIC WORDS (Chinese words prefer the number after them, English ones the number before):
 *   calls         呼出 呼出总量 呼出量 外呼 外呼量 电话   calls call dials dial outbound, outbound call(s)
 *   effective     有效 有效呼出 有效通话 有效电话 接通   effective eff connected, effective/connected call(s)
 *   intents       意向 意向客户                          intents intent leads lead
 *   followUps     回访 意向回访                          followups followup follow-ups follow-up fu, follow up(s)
 *   appointments  约见 次日约见 预约                     appointments appointment appts appt meetings meeting
 *   visits        到访 来访 上门                         visits visit showed shows
 *   amount        业绩 放款 金额                         amount deal deals sales revenue loan loans
 *   Chinese words match longest first: 意向回访 is follow-ups, never 意向 + 回访. English words are
 *   whole runs of letters (`callz` is unknown, not `call` + `z`). `effective calls` is one metric when
 *   only whitespace separates the two words; write `80 effective, calls 120` to mean two.
 *
 * NUMBER := [-] [¥ | rmb | cny] DIGITS [.DIGITS] [MAGNITUDE] [CURRENCY | COUNTER]
 *   DIGITS     123 or 1,234,567 — a comma followed by exactly three digits groups thousands, so
 *              `呼出120,有效80` is two numbers but `120,080` is one.
 *   MAGNITUDE  k 千 ×1 000 · w 万 萬 ×10 000 · 亿 億 ×100 000 000 (k and w must not run into letters)
 *   CURRENCY   元 块 块钱 yuan rmb cny (yuan, rmb and cny must not run into letters)
 *   COUNTER    个 次 位 名 人 (ignored) · 通 (one call). A counter character that starts a metric word
 *              belongs to the word: `2次日约见` is 2 次日约见.
 *   Whitespace may follow ¥/rmb/cny and precede a Chinese magnitude, a currency and a counter
 *   (`¥ 200`, `8 个`, `20 万 元`). Digits are ASCII after NFKC; other scripts' digits are unknown.
 *   The number's shape limits which words may take it:
 *     money   (¥ rmb cny, a magnitude or a currency)  → only amount; with no word it IS the amount
 *     通                                              → calls or effective; with no word it IS calls
 *     counted (个 次 位 名 人)                         → any metric except amount
 *     plain                                           → any metric
 *   So `呼出20万` is a problem rather than 200 000 calls, and `8 意向 20万` needs no amount word.
 *   Values are computed on the digit strings, never in floating point: 1.5万 = 15000; 1.23456万 is
 *   not-whole-number; above MAX_VALUE is too-large; 0 is fine. A negative number (`-5`) is reported
 *   as unknown-word '-5' but still pairs with its word, so it costs one problem, not three.
 *
 * BINDING — each metric word takes one neighbouring number (the token right before or after it;
 * modifiers and unknown words in between block). Two passes with the same procedure: the first only
 * looks at numbers written attached to the word (呼出120, 120calls, 8个意向), the second at any
 * neighbour still free. Within a pass:
 *   1. a word with exactly one free fitting neighbour takes it — earliest such word first;
 *   2. when no word is in that position, the earliest word with two takes the one its language
 *      prefers (Chinese: after, `业绩 20万`; English: before, `120 calls`), then back to 1.
 *   Hence a word never loses its only number to a neighbour's preference: `calls 120 intents 8`,
 *   `120 呼出 80 有效` and `80有效8意向` all pair the way they are written. Left over: a word
 *   → metric-without-number; a money number → amount; a 通 number → calls; any other number →
 *   number-without-metric. A metric may be given once (repeated-metric on the later one).
 *
 * UNKNOWN — anything else is unknown-word. Unknown text stuck to the end of a number is reported
 * together with it ('12x', '3单'), since that is what the member typed as one thing.
 *
 * PROBLEMS are all reported, ordered by where they occur in the text; no-metrics (nothing to log,
 * e.g. `yesterday`) only when nothing else is wrong, since it would merely repeat another problem.
 */

import { METRICS, type Metric } from '../domain/metrics.ts';

export { METRICS, type Metric };
/** Non-negative safe integers; `amount` is whole yuan. */
export type MetricValues = Partial<Record<Metric, number>>;
export type DaySpec =
  | { kind: 'relative'; daysAgo: number }
  | { kind: 'date'; year?: number; month: number; day: number };
export type LogCommand =
  | { kind: 'form' }
  | { kind: 'help' }
  | { kind: 'add'; day: DaySpec; memberRef?: string; values: MetricValues; confirmed?: true }
  | { kind: 'set'; day: DaySpec; memberRef?: string; values: MetricValues; confirmed?: true }
  | { kind: 'undo'; day: DaySpec; memberRef?: string };
export type LogProblem =
  | { code: 'unknown-word'; token: string }
  | { code: 'number-without-metric'; token: string }
  | { code: 'metric-without-number'; metric: Metric; token: string }
  | { code: 'repeated-metric'; metric: Metric }
  | { code: 'not-whole-number'; metric: Metric; token: string }
  | { code: 'too-large'; metric: Metric; token: string }
  | { code: 'bad-date'; token: string }
  | { code: 'no-metrics' }
  | { code: 'conflicting-modifiers'; token: string };
export type LogParse = { ok: true; command: LogCommand } | { ok: false; problems: LogProblem[] };
/** Fits a 32-bit database integer. */
export const MAX_VALUE = 2_000_000_000;

// ---------------------------------------------------------------------------------------------
// Lexicon

type Modifier =
  | { type: 'help' }
  | { type: 'set' }
  | { type: 'undo' }
  | { type: 'confirm' }
  | { type: 'day'; day: DaySpec }
  | { type: 'mention'; id: string };

type Lexeme = { kind: 'metric'; metric: Metric } | { kind: 'modifier'; modifier: Modifier };

const metricWords = (metric: Metric, words: readonly string[]): [string, Lexeme][] =>
  words.map((word): [string, Lexeme] => [word, { kind: 'metric', metric }]);

const modifierWords = (modifier: Modifier, words: readonly string[]): [string, Lexeme][] =>
  words.map((word): [string, Lexeme] => [word, { kind: 'modifier', modifier }]);

const daysAgo = (count: number): Modifier => ({ type: 'day', day: { kind: 'relative', daysAgo: count } });

const ENGLISH: ReadonlyMap<string, Lexeme> = new Map([
  ...metricWords('calls', ['calls', 'call', 'dials', 'dial', 'outbound']),
  ...metricWords('effective', ['effective', 'eff', 'connected']),
  ...metricWords('intents', ['intents', 'intent', 'leads', 'lead']),
  ...metricWords('followUps', ['followups', 'followup', 'fu']),
  ...metricWords('appointments', ['appointments', 'appointment', 'appts', 'appt', 'meetings', 'meeting']),
  ...metricWords('visits', ['visits', 'visit', 'showed', 'shows']),
  ...metricWords('amount', ['amount', 'deal', 'deals', 'sales', 'revenue', 'loan', 'loans']),
  ...modifierWords({ type: 'set' }, ['set']),
  ...modifierWords({ type: 'undo' }, ['undo']),
  ...modifierWords({ type: 'help' }, ['help']),
  ...modifierWords({ type: 'confirm' }, ['confirm']),
  ...modifierWords(daysAgo(0), ['today']),
  ...modifierWords(daysAgo(1), ['yesterday']),
]);

// Checked before single words so that `80 effective calls` is one metric, not effective + calls.
const ENGLISH_PHRASES: readonly (readonly [RegExp, Metric])[] = [
  [/(?:effective|connected)\s+calls?(?![a-z])/iy, 'effective'],
  [/outbound\s+calls?(?![a-z])/iy, 'calls'],
  [/follow(?:-|\s+)ups?(?![a-z])/iy, 'followUps'],
];

// Longest first, so 意向回访 wins over 意向 and 设置为 over 设置.
const CHINESE: readonly [string, Lexeme][] = [
  ...metricWords('calls', ['呼出总量', '呼出量', '呼出', '外呼量', '外呼', '电话']),
  ...metricWords('effective', ['有效呼出', '有效通话', '有效电话', '有效', '接通']),
  ...metricWords('intents', ['意向客户', '意向']),
  ...metricWords('followUps', ['意向回访', '回访']),
  ...metricWords('appointments', ['次日约见', '约见', '预约']),
  ...metricWords('visits', ['到访', '来访', '上门']),
  ...metricWords('amount', ['业绩', '放款', '金额']),
  ...modifierWords({ type: 'set' }, ['设置为', '设为', '设置']),
  ...modifierWords({ type: 'undo' }, ['撤销', '撤回', '撤消']),
  ...modifierWords({ type: 'help' }, ['帮助']),
  ...modifierWords({ type: 'confirm' }, ['确认', '确定']),
  ...modifierWords(daysAgo(0), ['今天', '今日']),
  ...modifierWords(daysAgo(1), ['昨天', '昨日']),
  ...modifierWords(daysAgo(2), ['前天']),
].sort(([a], [b]) => b.length - a.length);

// 了 is the completed-action particle (呼出了120): it carries nothing a number could need.
const SEPARATOR_CHARS: ReadonlySet<string> = new Set([...',、;:=。!/|+~–—…·()[]{}【】「」和了']);
const WHITESPACE = /\s/;
const DIGIT = /\d/;
const AND_WORD = /and(?![a-z])/iy;
const LATIN_WORD = /[a-z]+/iy;
const MENTION = /<@([^\s|>]+)(?:\|[^>]{0,256})?>/y;
const BRACKETED = /<[^\s<>]{1,256}>/y;
const FULL_DATE = /(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])/y;
const SHORT_DATE = /(\d{1,2})[-/](\d{1,2})(?![\d/-])/y;
const CHINESE_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?!\d)[日号]?/y;
const NUMBER =
  /([-−])?(¥\s*|(?:rmb|cny)\s*)?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?(?:\s*([万萬千亿億])|([kw])(?![a-z]))?(?:\s*(元|块钱|块|(?:yuan|rmb|cny)(?![a-z])))?/iy;
const COUNTER = /\s*([个次位名人通])/y;

// ---------------------------------------------------------------------------------------------
// Tokens

type Span = { start: number; end: number; raw: string };
type Shape = 'plain' | 'money' | 'counted' | 'calls';
type Reads = 'after' | 'before';
type NumberToken = Span & {
  kind: 'number';
  negative: boolean;
  digits: string;
  fraction: string;
  exponent: number;
  shape: Shape;
};
type MetricToken = Span & { kind: 'metric'; metric: Metric; reads: Reads };
type ModifierToken = Span & { kind: 'modifier'; modifier: Modifier };
type OddToken = Span & { kind: 'unknown' | 'bad-date' };
type Token = NumberToken | MetricToken | ModifierToken | OddToken;

const span = (text: string, start: number, end: number): Span => ({
  start,
  end,
  raw: text.slice(start, end),
});

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function separatorLength(text: string, at: number): number {
  const char = text[at] ?? '';
  if (WHITESPACE.test(char) || SEPARATOR_CHARS.has(char)) return 1;
  if ((char === '-' || char === '−') && !DIGIT.test(text[at + 1] ?? '')) return 1;
  return matchAt(AND_WORD, text, at)?.[0].length ?? 0;
}

function fromLexeme(lexeme: Lexeme, where: Span, reads: Reads): Token {
  return lexeme.kind === 'metric'
    ? { ...where, kind: 'metric', metric: lexeme.metric, reads }
    : { ...where, kind: 'modifier', modifier: lexeme.modifier };
}

// Any other bracketed reference (`<#C1>`, `<!here>`) is one unknown word, not a handful of fragments.
function readMention(text: string, at: number): Token | undefined {
  const match = matchAt(MENTION, text, at);
  const id = match?.[1];
  if (match !== null && id !== undefined) {
    return { ...span(text, at, at + match[0].length), kind: 'modifier', modifier: { type: 'mention', id } };
  }
  const other = matchAt(BRACKETED, text, at);
  return other ? { ...span(text, at, at + other[0].length), kind: 'unknown' } : undefined;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

// Without a year, Feb 29 must stay possible: the use case resolves the year from today.
function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarDay(yearText: string | undefined, monthText: string, dayText: string): DaySpec | undefined {
  const year = yearText === undefined ? undefined : Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return undefined;
  return year === undefined ? { kind: 'date', month, day } : { kind: 'date', year, month, day };
}

type DateParts = readonly [year: string | undefined, month: string | undefined, day: string | undefined];

const DATE_FORMS: readonly (readonly [RegExp, (match: RegExpExecArray) => DateParts])[] = [
  [FULL_DATE, (match) => [match[1], match[3], match[4]]],
  [SHORT_DATE, (match) => [undefined, match[1], match[2]]],
  [CHINESE_DATE, (match) => [match[1], match[2], match[3]]],
];

function readDate(text: string, at: number): Token | undefined {
  for (const [pattern, partsOf] of DATE_FORMS) {
    const match = matchAt(pattern, text, at);
    if (match === null) continue;
    const [year, month, day] = partsOf(match);
    const where = span(text, at, at + match[0].length);
    const spec = month === undefined || day === undefined ? undefined : calendarDay(year, month, day);
    return spec
      ? { ...where, kind: 'modifier', modifier: { type: 'day', day: spec } }
      : { ...where, kind: 'bad-date' };
  }
  return undefined;
}

function exponentOf(magnitude: string | undefined): number {
  switch (magnitude?.toLowerCase()) {
    case 'k':
    case '千':
      return 3;
    case 'w':
    case '万':
    case '萬':
      return 4;
    case '亿':
    case '億':
      return 8;
    default:
      return 0;
  }
}

function readChinese(text: string, at: number): [string, Lexeme] | undefined {
  return CHINESE.find(([word]) => text.startsWith(word, at));
}

// A counter is only a counter when it does not begin a word: `2次日约见` is 2 次日约见.
function readCounter(text: string, at: number): { end: number; shape: Shape } | undefined {
  const match = matchAt(COUNTER, text, at);
  const counter = match?.[1];
  if (match === null || counter === undefined) return undefined;
  const end = at + match[0].length;
  if (readChinese(text, end - counter.length)) return undefined;
  return { end, shape: counter === '通' ? 'calls' : 'counted' };
}

function readNumber(text: string, at: number): Token | undefined {
  const match = matchAt(NUMBER, text, at);
  if (match === null) return undefined;
  const [whole, sign, prefix, digits = '', fraction = '', chineseMagnitude, latinMagnitude, currency] = match;
  const magnitude = chineseMagnitude ?? latinMagnitude;
  const money = prefix !== undefined || magnitude !== undefined || currency !== undefined;
  const counter = money ? undefined : readCounter(text, at + whole.length);
  return {
    ...span(text, at, counter?.end ?? at + whole.length),
    kind: 'number',
    negative: sign !== undefined,
    digits: digits.replaceAll(',', ''),
    fraction,
    exponent: exponentOf(magnitude),
    shape: money ? 'money' : (counter?.shape ?? 'plain'),
  };
}

function readHelpMark(text: string, at: number): Token | undefined {
  return text[at] === '?'
    ? { ...span(text, at, at + 1), kind: 'modifier', modifier: { type: 'help' } }
    : undefined;
}

function readLatin(text: string, at: number): Token | undefined {
  for (const [pattern, metric] of ENGLISH_PHRASES) {
    const phrase = matchAt(pattern, text, at);
    if (phrase) return { ...span(text, at, at + phrase[0].length), kind: 'metric', metric, reads: 'before' };
  }
  const word = matchAt(LATIN_WORD, text, at);
  if (word === null) return undefined;
  const where = span(text, at, at + word[0].length);
  const lexeme = ENGLISH.get(word[0].toLowerCase());
  return lexeme ? fromLexeme(lexeme, where, 'before') : { ...where, kind: 'unknown' };
}

function readChineseWord(text: string, at: number): Token | undefined {
  const found = readChinese(text, at);
  return found ? fromLexeme(found[1], span(text, at, at + found[0].length), 'after') : undefined;
}

function readToken(text: string, at: number): Token | undefined {
  return (
    readMention(text, at) ??
    readDate(text, at) ??
    readNumber(text, at) ??
    readHelpMark(text, at) ??
    readLatin(text, at) ??
    readChineseWord(text, at)
  );
}

function codePointLength(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let unknownFrom: number | undefined;
  let at = 0;
  while (at < text.length) {
    const gap = separatorLength(text, at);
    const token = gap > 0 ? undefined : readToken(text, at);
    if (gap === 0 && token === undefined) {
      unknownFrom ??= at;
      at += codePointLength(text, at);
      continue;
    }
    if (unknownFrom !== undefined) tokens.push({ ...span(text, unknownFrom, at), kind: 'unknown' });
    unknownFrom = undefined;
    if (token) tokens.push(token);
    at = token ? token.end : at + gap;
  }
  if (unknownFrom !== undefined) tokens.push({ ...span(text, unknownFrom, at), kind: 'unknown' });
  return tokens;
}

// `12x` is one thing the member typed, so it is one unknown word rather than a stray number too.
function mergeUnknownTails(text: string, tokens: readonly Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of tokens) {
    const previous = merged.at(-1);
    const glued =
      token.kind === 'unknown' &&
      previous !== undefined &&
      (previous.kind === 'number' || previous.kind === 'unknown') &&
      previous.end === token.start;
    if (glued) merged[merged.length - 1] = { ...span(text, previous.start, token.end), kind: 'unknown' };
    else merged.push(token);
  }
  return merged;
}

function tokenize(text: string): Token[] {
  return mergeUnknownTails(text, scan(text));
}

// ---------------------------------------------------------------------------------------------
// Binding metric words to numbers

type Partners = (number | undefined)[];

function fits(word: MetricToken, number: NumberToken): boolean {
  switch (number.shape) {
    case 'money':
      return word.metric === 'amount';
    case 'calls':
      return word.metric === 'calls' || word.metric === 'effective';
    case 'counted':
      return word.metric !== 'amount';
    case 'plain':
      return true;
  }
}

/** Free fitting numbers next to an unbound word, preferred one first; [] for anything else. */
function options(
  tokens: readonly Token[],
  partners: Partners,
  index: number,
  attachedOnly: boolean,
): number[] {
  const word = tokens[index];
  if (word?.kind !== 'metric' || partners[index] !== undefined) return [];
  const sides = word.reads === 'after' ? [index + 1, index - 1] : [index - 1, index + 1];
  return sides.filter((side) => {
    const number = tokens[side];
    const attached = side > index ? word.end === number?.start : number?.end === word.start;
    return (
      number?.kind === 'number' &&
      partners[side] === undefined &&
      fits(word, number) &&
      (attached || !attachedOnly)
    );
  });
}

function link(partners: Partners, word: number, number: number): void {
  partners[word] = number;
  partners[number] = word;
}

/**
 * One pass of the binding rules. Linear: taking a number can only change the options of the word on
 * its other side, so after a preference choice the consequences are followed along that chain
 * instead of rescanning.
 */
function settle(tokens: readonly Token[], partners: Partners, attachedOnly: boolean): void {
  const optionsOf = (index: number) => options(tokens, partners, index, attachedOnly);
  let at = 0;
  while (at < tokens.length) {
    const [only, ...more] = optionsOf(at);
    if (only !== undefined && more.length === 0) {
      link(partners, at, only);
      at = Math.max(0, at - 2);
    } else at += 1;
  }
  for (let word = 0; word < tokens.length; word += 1) {
    const [preferred, other] = optionsOf(word);
    if (preferred === undefined || other === undefined) continue;
    let chooser = word;
    let taken = preferred;
    for (;;) {
      link(partners, chooser, taken);
      const neighbour = 2 * taken - chooser;
      const [only, ...more] = optionsOf(neighbour);
      if (only === undefined || more.length > 0) break;
      chooser = neighbour;
      taken = only;
    }
  }
}

function pairWords(tokens: readonly Token[]): Partners {
  const partners: Partners = tokens.map(() => undefined);
  settle(tokens, partners, true);
  settle(tokens, partners, false);
  return partners;
}

// ---------------------------------------------------------------------------------------------
// Values

type Found = { at: number; problem: LogProblem };
type Claim = { at: number; metric: Metric; number: NumberToken };
type Yuan = { ok: true; value: number } | { ok: false; code: 'not-whole-number' | 'too-large' };

const NON_ZERO = /[^0]/;
const LEADING_ZEROS = /^0+/;

/** Exact decimal scaling on the digit string: 1.5万 is '15' shifted by 4 − 1 places. */
function wholeValue(number: NumberToken): Yuan {
  const combined = number.digits + number.fraction;
  const shift = number.exponent - number.fraction.length;
  if (shift < 0 && NON_ZERO.test(combined.slice(shift))) return { ok: false, code: 'not-whole-number' };
  const scaled = shift < 0 ? combined.slice(0, shift) : combined + '0'.repeat(shift);
  const significant = scaled.replace(LEADING_ZEROS, '');
  if (significant.length > String(MAX_VALUE).length) return { ok: false, code: 'too-large' };
  const value = Number(significant || '0');
  return value > MAX_VALUE ? { ok: false, code: 'too-large' } : { ok: true, value };
}

function impliedMetric(number: NumberToken): Metric | undefined {
  if (number.shape === 'money') return 'amount';
  if (number.shape === 'calls') return 'calls';
  return undefined;
}

function claimsAndLeftovers(tokens: readonly Token[]): { claims: Claim[]; found: Found[] } {
  const partners = pairWords(tokens);
  const claims: Claim[] = [];
  const found: Found[] = [];
  for (const [index, token] of tokens.entries()) {
    const partner = partners[index];
    const word = partner === undefined ? undefined : tokens[partner];
    if (token.kind === 'metric' && word === undefined) {
      found.push({
        at: token.start,
        problem: { code: 'metric-without-number', metric: token.metric, token: token.raw },
      });
    }
    if (token.kind !== 'number') continue;
    if (token.negative) {
      found.push({ at: token.start, problem: { code: 'unknown-word', token: token.raw } });
      continue;
    }
    const metric = word?.kind === 'metric' ? word.metric : impliedMetric(token);
    if (metric === undefined) {
      found.push({ at: token.start, problem: { code: 'number-without-metric', token: token.raw } });
      continue;
    }
    claims.push({ at: Math.min(token.start, word?.start ?? token.start), metric, number: token });
  }
  return { claims: claims.sort((a, b) => a.at - b.at), found };
}

function readValues(tokens: readonly Token[]): { values: MetricValues; found: Found[] } {
  const { claims, found } = claimsAndLeftovers(tokens);
  const values: MetricValues = {};
  const seen = new Set<Metric>();
  for (const { at, metric, number } of claims) {
    if (seen.has(metric)) {
      found.push({ at, problem: { code: 'repeated-metric', metric } });
      continue;
    }
    seen.add(metric);
    const result = wholeValue(number);
    if (result.ok) values[metric] = result.value;
    else found.push({ at: number.start, problem: { code: result.code, metric, token: number.raw } });
  }
  return { values, found };
}

// ---------------------------------------------------------------------------------------------
// Modifiers

type Modifiers = {
  mode?: ModifierToken;
  day?: DaySpec;
  memberRef?: string;
  confirmed?: true;
  found: Found[];
};

function conflict(token: Span): Found {
  return { at: token.start, problem: { code: 'conflicting-modifiers', token: token.raw } };
}

function readModifiers(tokens: readonly Token[]): Modifiers {
  const result: Modifiers = { found: [] };
  for (const token of tokens) {
    if (token.kind === 'bad-date') {
      result.found.push({ at: token.start, problem: { code: 'bad-date', token: token.raw } });
    }
    if (token.kind !== 'modifier') continue;
    const { modifier } = token;
    if (modifier.type === 'set' || modifier.type === 'undo') {
      if (result.mode) result.found.push(conflict(token));
      else result.mode = token;
    } else if (modifier.type === 'day') {
      if (result.day) result.found.push(conflict(token));
      else result.day = modifier.day;
    } else if (modifier.type === 'mention') {
      if (result.memberRef !== undefined) result.found.push(conflict(token));
      else result.memberRef = modifier.id;
    } else if (modifier.type === 'confirm') {
      if (result.confirmed) result.found.push(conflict(token));
      else result.confirmed = true;
    }
  }
  return result;
}

function unknownWords(tokens: readonly Token[]): Found[] {
  return tokens.flatMap((token) =>
    token.kind === 'unknown'
      ? [{ at: token.start, problem: { code: 'unknown-word', token: token.raw } }]
      : [],
  );
}

/** Undo takes no values; the later of the undo word and the first value is the one that conflicts. */
function undoConflict(mode: ModifierToken | undefined, tokens: readonly Token[]): Found[] {
  if (mode?.modifier.type !== 'undo') return [];
  const firstValue = tokens.find((token) => token.kind === 'metric' || token.kind === 'number');
  if (firstValue === undefined) return [];
  return [conflict(firstValue.start > mode.start ? firstValue : mode)];
}

// ---------------------------------------------------------------------------------------------
// Entry point

const isHelp = (token: Token): boolean => token.kind === 'modifier' && token.modifier.type === 'help';

export function parseLogCommand(text: string): LogParse {
  const tokens = tokenize(typeof text === 'string' ? text.normalize('NFKC') : '');
  if (tokens.length === 0) return { ok: true, command: { kind: 'form' } };
  if (tokens.some(isHelp)) return { ok: true, command: { kind: 'help' } };

  const {
    mode,
    day = { kind: 'relative', daysAgo: 0 },
    memberRef,
    confirmed,
    found: modifierProblems,
  } = readModifiers(tokens);
  const { values, found: valueProblems } = readValues(tokens);
  const found = [
    ...unknownWords(tokens),
    ...modifierProblems,
    ...valueProblems,
    ...undoConflict(mode, tokens),
  ].sort((a, b) => a.at - b.at);
  const isUndo = mode?.modifier.type === 'undo';
  if (found.length === 0 && !isUndo && Object.keys(values).length === 0) {
    found.push({ at: Number.POSITIVE_INFINITY, problem: { code: 'no-metrics' } });
  }
  if (found.length > 0) return { ok: false, problems: found.map(({ problem }) => problem) };

  // A copy, so a caller mutating the command cannot reach the lexicon's shared day objects.
  const target = memberRef === undefined ? { day: { ...day } } : { day: { ...day }, memberRef };
  if (isUndo) return { ok: true, command: { kind: 'undo', ...target } };
  const confirmation = confirmed ? { confirmed } : {};
  return { ok: true, command: { kind: mode ? 'set' : 'add', ...target, values, ...confirmation } };
}
