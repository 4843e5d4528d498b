/**
 * The `/leave` (请假) grammar; this comment is its definition.
 *
 *   /leave                                    upcoming leave (yours; a leader's group; a manager's team)
 *   /leave help | 帮助
 *   /leave [@member] DAY [DAY] [TYPE] [reason…]   ask for leave from the first DAY to the second (or one day)
 *   /leave cancel|取消|撤销 [@member] DAY       cancel the leave that covers DAY
 *   /leave approve|批准|同意 ID                  approve request ID (what the buttons do)
 *   /leave reject|驳回|拒绝 ID [reason…]         turn request ID down
 *
 *   DAY   today 今天 · tomorrow 明天 · 后天 · M-D · M/D · YYYY-MM-DD · M月D日 (M月D号, YYYY年M月D日);
 *         a date without a year is resolved by the use case (src/domain/leave.ts: leaveYearFor).
 *   TYPE  事假 personal (the default) · 病假 sick · 年假 annual vacation · 调休 comp time-off
 *   The reason is whatever follows the days and the type, kept as written.
 */
import { type LeaveType, parseLeaveType } from '../domain/leave.ts';
import { isOneOf, tokenize } from './tokens.ts';

export type LeaveDay =
  | { kind: 'relative'; daysAhead: number }
  | { kind: 'date'; year?: number; month: number; day: number };

export type LeaveCommand =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'request'; memberRef?: string; from: LeaveDay; to?: LeaveDay; type: LeaveType; reason?: string }
  | { kind: 'cancel'; memberRef?: string; day: LeaveDay }
  | { kind: 'decide'; leaveId: number; approve: boolean; reason?: string };

export type LeaveParse = { ok: true; command: LeaveCommand } | { ok: false; word?: string };

const HELP = ['help', '帮助', '?', '？'];
const CANCEL = ['cancel', '取消', '撤销'];
const APPROVE = ['approve', '批准', '同意', '通过'];
const REJECT = ['reject', '驳回', '拒绝', '不同意'];
const RELATIVE: Readonly<Record<string, number>> = {
  today: 0,
  今天: 0,
  今日: 0,
  tomorrow: 1,
  明天: 1,
  明日: 1,
  后天: 2,
};

const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const SHORT_DATE = /^(\d{1,2})[-/](\d{1,2})$/;
const CHINESE_DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?$/;

/** A day word, or undefined when the word is not one (a date that cannot exist is not one). */
export function parseLeaveDay(word: string): LeaveDay | undefined {
  const relative = RELATIVE[word];
  if (relative !== undefined) return { kind: 'relative', daysAhead: relative };
  const iso = ISO_DATE.exec(word);
  const short = SHORT_DATE.exec(word);
  const chinese = CHINESE_DATE.exec(word);
  const parts = iso
    ? [iso[1], iso[2], iso[3]]
    : short
      ? [undefined, short[1], short[2]]
      : chinese
        ? [chinese[1], chinese[2], chinese[3]]
        : undefined;
  if (parts === undefined) return undefined;
  const [year, month, day] = parts.map((part) => (part === undefined ? undefined : Number(part)));
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31)
    return undefined;
  return year === undefined ? { kind: 'date', month, day } : { kind: 'date', year, month, day };
}

export function parseLeaveCommand(text: string): LeaveParse {
  const all = tokenize(text);
  // The member may stand anywhere (DingTalk puts the people it cut out right after the command).
  const people = all.filter((t) => t.kind === 'member');
  if (people.length > 1) return { ok: false, word: people[1]?.raw };
  const memberRef = people[0]?.kind === 'member' ? people[0].id : undefined;
  const tokens = all.filter((t) => t.kind !== 'member');
  const [first, ...rest] = tokens;
  if (first === undefined)
    return memberRef === undefined ? { ok: true, command: { kind: 'list' } } : { ok: false };
  if (first.kind === 'word' && isOneOf(first.text, HELP)) return { ok: true, command: { kind: 'help' } };
  if (first.kind === 'word' && (isOneOf(first.text, APPROVE) || isOneOf(first.text, REJECT))) {
    const idWord = rest[0]?.kind === 'word' ? rest[0].text : '';
    if (!/^#?\d{1,9}$/.test(idWord)) return { ok: false, word: rest[0]?.raw ?? first.raw };
    const approve = isOneOf(first.text, APPROVE);
    const reason = rest
      .slice(1)
      .map((t) => t.raw)
      .join(' ');
    return {
      ok: true,
      command: {
        kind: 'decide',
        leaveId: Number(idWord.replace('#', '')),
        approve,
        ...(reason === '' ? {} : { reason }),
      },
    };
  }
  const cancel = first.kind === 'word' && isOneOf(first.text, CANCEL);
  const words = cancel ? rest : tokens;
  const days: LeaveDay[] = [];
  let type: LeaveType | undefined;
  const reason: string[] = [];
  for (const token of words) {
    if (reason.length > 0) {
      reason.push(token.raw);
      continue;
    }
    if (token.kind === 'channel') return { ok: false, word: token.raw };
    const day =
      token.kind === 'word' && type === undefined && days.length < 2 ? parseLeaveDay(token.text) : undefined;
    if (day !== undefined) {
      days.push(day);
      continue;
    }
    const leaveType = token.kind === 'word' ? parseLeaveType(token.text) : undefined;
    if (leaveType !== undefined && type === undefined && days.length > 0) {
      type = leaveType;
      continue;
    }
    // Anything else after the days is the reason; before them it is a mistake to point out.
    if (days.length === 0) return { ok: false, word: token.raw };
    reason.push(token.raw);
  }
  const [from, to] = days;
  if (from === undefined) return { ok: false };
  const who = memberRef === undefined ? {} : { memberRef };
  if (cancel) {
    if (to !== undefined || type !== undefined || reason.length > 0) return { ok: false };
    return { ok: true, command: { kind: 'cancel', ...who, day: from } };
  }
  const because = reason.join(' ');
  return {
    ok: true,
    command: {
      kind: 'request',
      ...who,
      from,
      ...(to === undefined ? {} : { to }),
      type: type ?? 'personal',
      ...(because === '' ? {} : { reason: because }),
    },
  };
}
