/**
 * The 12-step level ladder of the team's plan, lowest first. Pure data: the order of LEVELS is
 * the ladder, so promotion and demotion are index arithmetic.
 */
export const LEVELS = [
  { code: 'P1', zh: '见习客户经理MO1', en: 'Trainee Account Manager MO1', tier: 'trainee' },
  { code: 'P2', zh: '见习客户经理MO2', en: 'Trainee Account Manager MO2', tier: 'trainee' },
  { code: 'P3', zh: '见习客户经理MO3', en: 'Trainee Account Manager MO3', tier: 'trainee' },
  { code: 'A1', zh: '客户经理MO1', en: 'Account Manager MO1', tier: 'account' },
  { code: 'A2', zh: '客户经理MO2', en: 'Account Manager MO2', tier: 'account' },
  { code: 'A3', zh: '客户经理MO3', en: 'Account Manager MO3', tier: 'account' },
  { code: 'S1', zh: '高级客户经理MO1', en: 'Senior Account Manager MO1', tier: 'senior' },
  { code: 'S2', zh: '高级客户经理MO2', en: 'Senior Account Manager MO2', tier: 'senior' },
  { code: 'S3', zh: '高级客户经理MO3', en: 'Senior Account Manager MO3', tier: 'senior' },
  { code: 'E1', zh: '资深客户经理MO1', en: 'Principal Account Manager MO1', tier: 'principal' },
  { code: 'E2', zh: '资深客户经理MO2', en: 'Principal Account Manager MO2', tier: 'principal' },
  { code: 'E3', zh: '资深客户经理MO3', en: 'Principal Account Manager MO3', tier: 'principal' },
] as const;

export type Level = (typeof LEVELS)[number];
export type LevelCode = Level['code'];
export type Tier = Level['tier'];

export const LEVEL_CODES: readonly LevelCode[] = LEVELS.map((level) => level.code);

/** The level of a new hire when none is given. */
export const ENTRY_LEVEL: LevelCode = 'P1';

export function isLevelCode(text: string): text is LevelCode {
  return LEVEL_CODES.some((code) => code === text);
}

export function levelInfo(code: LevelCode): Level {
  const level = LEVELS.find((l) => l.code === code);
  if (level === undefined) throw new Error(`unknown level ${code}`);
  return level;
}

/** 0 for 见习MO1 … 11 for 资深MO3. */
export function levelRank(code: LevelCode): number {
  return LEVEL_CODES.indexOf(code);
}

/** One step up; the top of the ladder stays where it is. */
export function levelAbove(code: LevelCode): LevelCode {
  return LEVEL_CODES[Math.min(levelRank(code) + 1, LEVEL_CODES.length - 1)] ?? code;
}

/** One step down; the bottom of the ladder stays where it is. */
export function levelBelow(code: LevelCode): LevelCode {
  return LEVEL_CODES[Math.max(levelRank(code) - 1, 0)] ?? code;
}

const TIER_WORDS: ReadonlyArray<{ tier: Tier; words: readonly string[] }> = [
  // Longest words first so that 高级客户经理 is not read as 客户经理.
  { tier: 'trainee', words: ['见习客户经理', '见习', 'trainee', 'p'] },
  { tier: 'senior', words: ['高级客户经理', '高级', 'senior', 's'] },
  { tier: 'principal', words: ['资深客户经理', '资深', 'principal', 'e'] },
  { tier: 'account', words: ['客户经理', 'account', 'a', ''] },
];

/**
 * Reads a level as people write it: `见习MO1`, `见习客户经理MO1`, `客户经理MO2`, `高级MO3`,
 * `资深客户经理 MO1`, `senior mo2`, `senior-mo2`, `trainee_mo1`, or the code itself (`S2`). `MO1`
 * alone means 客户经理MO1. Case, spaces, dashes, underscores and the "MOB" typo of the plan (见习MOB3)
 * are forgiven. The chat commands, the roster import and the CLI all read levels here.
 */
export function parseLevel(text: string): LevelCode | undefined {
  const compact = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/accountmanager/g, '');
  const code = compact.toUpperCase();
  if (isLevelCode(code)) return code;
  const match = /^(.*?)(?:mob?|m)?([123])$/.exec(compact);
  if (!match) return undefined;
  const [, prefix = '', step] = match;
  const tier = TIER_WORDS.find((t) => t.words.includes(prefix))?.tier;
  if (tier === undefined) return undefined;
  return LEVELS.find((l) => l.tier === tier && l.code.endsWith(step ?? ''))?.code;
}
