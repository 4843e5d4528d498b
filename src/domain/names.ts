/**
 * How names typed in chat are matched to the roster's groups and teams. People type 一组 for 一组,
 * "team a" for "Team A", full-width letters from a Chinese keyboard: those are the same name.
 * A name one letter off (一祖, Alpa) is a different name, but likely a typo: it is suggested,
 * never taken silently.
 */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The candidate that folds to the same name as `name`, when exactly one does. */
export function sameName<T extends { name: string }>(name: string, candidates: readonly T[]): T | undefined {
  const folded = foldName(name);
  const matches = candidates.filter((c) => foldName(c.name) === folded);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The candidate a typo of `name` most likely meant: one edit away (two for names of six or more
 * characters), and only when a single candidate is that close. Groups are numbered or lettered
 * (一组 二组, 组A 组B, Team A Team B), so a name that differs from another only in that mark is a
 * new group, not a typo.
 */
export function likelyMeant(name: string, candidates: readonly string[]): string | undefined {
  const folded = [...foldName(name)];
  const limit = folded.length >= 6 ? 2 : 1;
  const scored = candidates
    .filter((candidate) => !differsInMarkOnly(name, candidate))
    .map((candidate) => ({ candidate, distance: editDistance(folded, [...foldName(candidate)]) }))
    .filter((s) => s.distance > 0 && s.distance <= limit);
  const best = Math.min(...scored.map((s) => s.distance));
  const closest = scored.filter((s) => s.distance === best);
  return closest.length === 1 ? closest[0]?.candidate : undefined;
}

const ORDINAL = /[0-9〇一二三四五六七八九十甲乙丙丁]/;
const LETTER = /[a-z]/;

/** True when the two names are the same but for one number or one letter standing alone. */
function differsInMarkOnly(a: string, b: string): boolean {
  const read = (text: string) => [...text.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')];
  const x = read(a);
  const y = read(b);
  if (x.length !== y.length) return false;
  const differing = x.flatMap((c, i) => (c === y[i] ? [] : [i]));
  const [at] = differing;
  if (differing.length !== 1 || at === undefined) return false;
  const mark = (chars: string[]) => {
    const c = chars[at] ?? '';
    if (ORDINAL.test(c)) return true;
    return LETTER.test(c) && !LETTER.test(chars[at - 1] ?? '') && !LETTER.test(chars[at + 1] ?? '');
  };
  return mark(x) && mark(y);
}

/** Levenshtein distance over code points (a Chinese character is one edit). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
