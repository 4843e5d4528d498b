import { type LevelCode, parseLevel } from '../domain/levels.ts';
import { tokenize } from './tokens.ts';

/**
 * Grammar of the pay commands:
 *
 *   /pay                               my running statement for this month and the last closed one
 *   /pay @member                       a member's (managers and the director)
 *   /pay team [YYYY-MM]                the team's statements of a month (managers and the director)
 *
 *   /team pay [级别]                    the pay rule in force for a level (default 客户经理MO1)
 *   /team pay 级别|all 项目 数值 [from 日期]   change one part of the rule from a day on:
 *        base 底薪 ¥ · target 目标 ¥ (20万 ok) · commission 提成 1% [above 超出 1.5%]
 *        cut 未达标扣 ¥ · zero 零业绩扣 ¥
 */
export type PayCommand =
  | { kind: 'member'; memberRef: string | undefined }
  | { kind: 'team'; month: string | undefined };

export type PayField =
  | { field: 'base'; fen: number }
  | { field: 'target'; yuan: number }
  | { field: 'commission'; basisPoints: number; aboveTargetBasisPoints?: number }
  | { field: 'cut'; fen: number }
  | { field: 'zero'; fen: number };

export type PayRuleCommand =
  | { kind: 'show'; level: LevelCode | undefined }
  | { kind: 'set'; level: LevelCode | 'all'; change: PayField; from: string | undefined };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parsePayCommand(text: string): PayCommand | undefined {
  const tokens = tokenize(text);
  const [first, second, ...rest] = tokens;
  if (first === undefined) return { kind: 'member', memberRef: undefined };
  if (first.kind === 'member' && second === undefined) return { kind: 'member', memberRef: first.id };
  if (first.kind === 'word' && ['team', '团队', '全队'].includes(first.text) && rest.length === 0) {
    if (second === undefined) return { kind: 'team', month: undefined };
    return second.kind === 'word' && MONTH.test(second.raw) ? { kind: 'team', month: second.raw } : undefined;
  }
  return undefined;
}

/** Whole yuan, as people write it: 2000, 2,000, ¥2000, 20万, 1.5万, 20w, 200k. */
export function parseYuan(text: string): number | undefined {
  const match = /^[¥￥]?(\d{1,12}(?:,\d{3})*)(?:\.(\d{1,4}))?(万|w|k|千|元)?$/i.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  const [, whole = '', fraction = '', unit = ''] = match;
  const scale =
    unit === '万' || unit.toLowerCase() === 'w' ? 4 : unit.toLowerCase() === 'k' || unit === '千' ? 3 : 0;
  if (fraction.length > scale) return undefined;
  const digits = `${whole.replace(/,/g, '')}${fraction.padEnd(scale, '0')}`;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A percentage as basis points, exactly: 1% → 100, 1.5% → 150, 0.25% → 25. */
export function parsePercent(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const FIELDS: Record<string, PayField['field']> = {
  base: 'base',
  底薪: 'base',
  target: 'target',
  目标: 'target',
  commission: 'commission',
  提成: 'commission',
  cut: 'cut',
  未达标扣: 'cut',
  zero: 'zero',
  零业绩扣: 'zero',
};

export function parsePayRuleCommand(words: readonly string[]): PayRuleCommand | undefined {
  if (words.length === 0) return { kind: 'show', level: undefined };
  const [levelWord = '', fieldWord = '', ...rest] = words;
  const level = ['all', '全部', '所有'].includes(levelWord.toLowerCase()) ? 'all' : parseLevel(levelWord);
  if (level === undefined) return undefined;
  if (words.length === 1) return level === 'all' ? undefined : { kind: 'show', level };
  let from: string | undefined;
  const fromAt = rest.findIndex((w) => ['from', '从', '自'].includes(w.toLowerCase()));
  if (fromAt >= 0) {
    from = rest[fromAt + 1];
    if (from === undefined || !DAY.test(from) || rest.length !== fromAt + 2) return undefined;
    rest.splice(fromAt);
  }
  const field = FIELDS[fieldWord.toLowerCase()];
  const change = field === undefined ? undefined : readField(field, rest);
  return change === undefined ? undefined : { kind: 'set', level, change, from };
}

function readField(field: PayField['field'], values: readonly string[]): PayField | undefined {
  const [first = '', second, third, ...extra] = values;
  if (field === 'commission') {
    const basisPoints = parsePercent(first);
    if (basisPoints === undefined || extra.length > 0) return undefined;
    if (second === undefined) return { field, basisPoints };
    const above =
      ['above', '超出', '超过'].includes(second.toLowerCase()) && third !== undefined
        ? parsePercent(third)
        : undefined;
    return above === undefined ? undefined : { field, basisPoints, aboveTargetBasisPoints: above };
  }
  const yuan = values.length === 1 ? parseYuan(first) : undefined;
  if (yuan === undefined) return undefined;
  return field === 'target' ? { field, yuan } : { field, fen: yuan * 100 };
}
