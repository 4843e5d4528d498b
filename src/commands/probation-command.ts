import { isTrainingItem, type TrainingItem } from '../domain/probation.ts';
import { tokenize } from './tokens.ts';

/**
 * Grammar of `/probation` (试用期):
 *
 *   /probation                         the open probations in my scope
 *   /probation @member                 one member's probation
 *   /probation tick @member ITEM       tick a training item: 企业文化 culture, 销售流程 process,
 *                                      销售技巧 skills, 产品介绍 product, 通关训练 drill · 完成
 *   /probation approve @member         approve (managers and the director) · 批准
 *   /probation extend @member DAYS REASON   add days, with a reason · 延期
 *   /probation reject @member REASON   not passed: the member leaves · 不通过 拒绝
 */
export type ProbationCommand =
  | { kind: 'list' }
  | { kind: 'show'; memberRef: string }
  | { kind: 'tick'; memberRef: string; item: TrainingItem }
  | { kind: 'approve'; memberRef: string }
  | { kind: 'extend'; memberRef: string; days: number; reason: string }
  | { kind: 'reject'; memberRef: string; reason: string };

const ITEM_WORDS: Record<string, TrainingItem> = {
  企业文化: 'culture',
  文化: 'culture',
  销售流程: 'process',
  流程: 'process',
  销售技巧: 'skills',
  技巧: 'skills',
  产品介绍: 'product',
  产品: 'product',
  通关训练: 'drill',
  通关: 'drill',
};

export function parseTrainingItem(word: string): TrainingItem | undefined {
  const lower = word.toLowerCase();
  return isTrainingItem(lower) ? lower : ITEM_WORDS[word];
}

const VERBS: Record<string, 'tick' | 'approve' | 'extend' | 'reject'> = {
  tick: 'tick',
  done: 'tick',
  完成: 'tick',
  approve: 'approve',
  批准: 'approve',
  通过: 'approve',
  extend: 'extend',
  延期: 'extend',
  reject: 'reject',
  拒绝: 'reject',
  不通过: 'reject',
};

export function parseProbationCommand(text: string): ProbationCommand | undefined {
  const tokens = tokenize(text);
  const [first, second, ...rest] = tokens;
  if (first === undefined) return { kind: 'list' };
  if (first.kind === 'member' && second === undefined) return { kind: 'show', memberRef: first.id };
  const verb = first.kind === 'word' ? VERBS[first.text] : undefined;
  if (verb === undefined || second?.kind !== 'member') return undefined;
  const words = rest.map((t) => t.raw);
  switch (verb) {
    case 'approve':
      return words.length === 0 ? { kind: 'approve', memberRef: second.id } : undefined;
    case 'tick': {
      const item = words.length === 1 && words[0] !== undefined ? parseTrainingItem(words[0]) : undefined;
      return item === undefined ? undefined : { kind: 'tick', memberRef: second.id, item };
    }
    case 'extend': {
      const [days, ...reason] = words;
      if (days === undefined || !/^\d{1,2}$/.test(days) || reason.length === 0) return undefined;
      return { kind: 'extend', memberRef: second.id, days: Number(days), reason: reason.join(' ') };
    }
    case 'reject':
      return words.length === 0
        ? undefined
        : { kind: 'reject', memberRef: second.id, reason: words.join(' ') };
  }
}
