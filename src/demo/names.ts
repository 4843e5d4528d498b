import { pick, type Random } from './random.ts';

/**
 * Plausible Chinese names for demo people: a common surname and a one- or two-character given
 * name. Unique while the combinations last (tens of thousands); a very large demo then numbers
 * the repeats (王伟2), so that a name still points at one person in the playground.
 */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '潘',
  '袁',
  '蒋',
  '蔡',
  '余',
] as const;

const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓明',
  '文博',
  '思远',
  '雨欣',
  '子涵',
  '浩然',
  '佳怡',
  '梓轩',
  '欣怡',
  '宇航',
  '诗涵',
  '俊杰',
  '婷婷',
  '志强',
  '海燕',
  '晨曦',
  '一鸣',
  '嘉怡',
  '振华',
] as const;

export function createNamer(random: Random): () => string {
  const used = new Map<string, number>();
  return () => {
    let name = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      name = pick(random, SURNAMES) + pick(random, GIVEN);
      if (!used.has(name)) break;
    }
    const seen = (used.get(name) ?? 0) + 1;
    used.set(name, seen);
    return seen === 1 ? name : `${name}${seen}`;
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一组, 12 → 十二组, 35 → 三十五组; from 100 on, digits (120组). */
export function groupName(index: number): string {
  if (index >= 100) return `${index}组`;
  const tens = Math.floor(index / 10);
  const ones = index % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensText}${DIGITS[ones]}组`;
}
