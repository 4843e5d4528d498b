import { z } from 'zod';
import { type Day, parseDay } from './days.ts';
import { type LevelCode, parseLevel } from './levels.ts';
import { parseRole, type Role } from './roles.ts';

/**
 * The roster file HR keeps: one row per person with the columns below (English or Chinese
 * headers, any order). Pure: rows come in as records of text, valid rows or numbered problems
 * come out, so the CLI and a future chat upload share the rule.
 */
export const ROSTER_COLUMNS = ['user_id', 'name', 'group', 'role', 'level', 'hired_on'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

const HEADER_ALIASES: Record<string, RosterColumn> = {
  user_id: 'user_id',
  userid: 'user_id',
  slack_user_id: 'user_id',
  'user id': 'user_id',
  dingtalk_userid: 'user_id',
  dingtalk_user_id: 'user_id',
  用户id: 'user_id',
  钉钉userid: 'user_id',
  name: 'name',
  姓名: 'name',
  group: 'group',
  小组: 'group',
  role: 'role',
  角色: 'role',
  level: 'level',
  级别: 'level',
  hired_on: 'hired_on',
  入职日期: 'hired_on',
  'hired on': 'hired_on',
};

export type RosterRow = {
  line: number;
  /** The worksheet the row is on, when the file is a workbook. */
  sheet?: string;
  messengerUserId: string;
  name: string;
  group: string | undefined;
  role: Role;
  level: LevelCode;
  hiredOn: Day;
};

export type RosterRowProblem = {
  line: number;
  /** The worksheet, when the file is a workbook (`line` is then the row number in that sheet). */
  sheet?: string;
  column: RosterColumn | 'header' | 'row';
  message: string;
};

/** Maps the header row to our columns; every missing column is a problem on line 1. */
export function readRosterHeader(header: readonly string[]): {
  columns: (RosterColumn | undefined)[];
  problems: RosterRowProblem[];
} {
  const columns = header.map((h) => HEADER_ALIASES[h.normalize('NFKC').trim().toLowerCase()]);
  const problems = ROSTER_COLUMNS.filter((c) => !columns.includes(c)).map((c) => ({
    line: 1,
    column: 'header' as const,
    message: `missing column "${c}"`,
  }));
  return { columns, problems };
}

/**
 * What a person's id must look like: the messenger's own rule when the caller knows it (Slack's
 * U…), else anything a messenger uses as a user id (DingTalk userIds are letters and digits).
 */
export type UserIdFormat = { pattern: RegExp; message: string };
export const ANY_USER_ID: UserIdFormat = {
  pattern: /^[A-Za-z0-9_.@$:-]{1,64}$/,
  message: 'must be a user id: letters, digits and _ . @ - (at most 64)',
};

const rowSchema = (ids: UserIdFormat) =>
  z.object({
    user_id: z.string().trim().regex(ids.pattern, ids.message),
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    group: z.string().trim().max(40, 'must be at most 40 characters'),
    role: z.string().trim(),
    level: z.string().trim(),
    hired_on: z.string().trim(),
  });

/** Validates one data row (`line` is its 1-based line in the file, the header being line 1). */
export function readRosterRow(
  line: number,
  record: Partial<Record<RosterColumn, string>>,
  ids: UserIdFormat = ANY_USER_ID,
): { row: RosterRow } | { problems: RosterRowProblem[] } {
  const parsed = rowSchema(ids).safeParse(record);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        line,
        column: columnOf(issue.path[0]),
        message: issue.code === 'invalid_type' ? 'is missing' : issue.message,
      })),
    };
  }
  const r = parsed.data;
  const problems: RosterRowProblem[] = [];
  const role = r.role === '' ? 'agent' : parseRole(r.role);
  if (role === undefined)
    problems.push({
      line,
      column: 'role',
      message: `unknown role "${r.role}" (agent, leader, manager, director, admin)`,
    });
  const level = r.level === '' ? 'P1' : parseLevel(r.level);
  if (level === undefined)
    problems.push({
      line,
      column: 'level',
      message: `unknown level "${r.level}" (e.g. 见习MO1, 客户经理MO2, S3)`,
    });
  const hiredOn = parseDay(r.hired_on);
  if (hiredOn === undefined)
    problems.push({ line, column: 'hired_on', message: `"${r.hired_on}" is not a date like 2026-11-27` });
  if (role === undefined || level === undefined || hiredOn === undefined) return { problems };
  return {
    row: {
      line,
      messengerUserId: r.user_id,
      name: r.name,
      group: r.group === '' ? undefined : r.group,
      role,
      level,
      hiredOn,
    },
  };
}

/** A person may appear once in a file (a workbook's sheets together are one file). */
export function findDuplicateRows(rows: readonly RosterRow[]): RosterRowProblem[] {
  const seen = new Map<string, RosterRow>();
  const problems: RosterRowProblem[] = [];
  for (const row of rows) {
    const first = seen.get(row.messengerUserId);
    if (first === undefined) seen.set(row.messengerUserId, row);
    else {
      const where =
        first.sheet === undefined || first.sheet === row.sheet
          ? `line ${first.line}`
          : `line ${first.line} of sheet "${first.sheet}"`;
      problems.push({
        line: row.line,
        ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
        column: 'user_id',
        message: `${row.messengerUserId} already appears on ${where}`,
      });
    }
  }
  return problems;
}

function columnOf(key: PropertyKey | undefined): RosterColumn | 'row' {
  return ROSTER_COLUMNS.find((c) => c === key) ?? 'row';
}
