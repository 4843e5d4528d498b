import { parse } from 'csv-parse/sync';
import {
  ANY_USER_ID,
  findDuplicateRows,
  type RosterColumn,
  type RosterRow,
  type RosterRowProblem,
  readRosterHeader,
  readRosterRow,
  type UserIdFormat,
} from '../domain/roster-csv.ts';
import type { Repositories } from '../store/store.ts';
import { readXlsx, type SheetRows } from '../xlsx/read-xlsx.ts';
import { ensureTeam, type UseCaseDeps } from './context.ts';

export type ImportResult =
  | { ok: true; created: number; updated: number; groupsCreated: string[] }
  | { ok: false; problems: RosterRowProblem[] };

/**
 * Imports the roster file (CSV or an .xlsx workbook) all-or-nothing: every row is validated first and every problem is
 * reported with its line; only a clean file is written, in one transaction. Imported people are
 * existing staff, so they are active with 入司 = hired_on; people already on the roster are
 * updated (a level change lands in the level history with reason "import"). Missing groups are
 * created.
 */
export async function importRoster(
  deps: UseCaseDeps,
  options: { file: RosterFile; actor: string; ids?: UserIdFormat; teamId?: number },
): Promise<ImportResult> {
  const parsed = await parseFile(options.file, options.ids ?? ANY_USER_ID);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  return deps.store.transaction(async (repos) => {
    const team =
      options.teamId === undefined ? await ensureTeam(repos, deps) : await repos.roster.team(options.teamId);
    let created = 0;
    let updated = 0;
    const groupsCreated: string[] = [];
    for (const row of parsed.rows) {
      const groupId =
        row.group === undefined ? null : await groupIdFor(repos, team.id, row.group, groupsCreated);
      const existing = await repos.roster.memberByMessengerId(row.messengerUserId);
      if (existing === undefined) {
        const member = await repos.roster.createMember({
          teamId: team.id,
          messengerUserId: row.messengerUserId,
          displayName: row.name,
          role: row.role,
          status: 'active',
          groupId,
          level: row.level,
          hiredOn: row.hiredOn,
          joinedOn: row.hiredOn,
          protectionEndsOn: null,
          locale: null,
        });
        await repos.roster.addLevelChange({
          memberId: member.id,
          fromLevel: null,
          toLevel: row.level,
          reason: 'import',
          decidedById: null,
        });
        created += 1;
      } else {
        await repos.roster.updateMember(existing.id, {
          displayName: row.name,
          role: row.role,
          groupId,
          level: row.level,
        });
        if (existing.level !== row.level) {
          await repos.roster.addLevelChange({
            memberId: existing.id,
            fromLevel: existing.level,
            toLevel: row.level,
            reason: 'import',
            decidedById: null,
          });
        }
        updated += 1;
      }
    }
    await repos.audit.append({
      teamId: team.id,
      actor: options.actor,
      action: 'roster.imported',
      detail: { created, updated, groupsCreated },
    });
    return { ok: true, created, updated, groupsCreated };
  });
}

async function groupIdFor(
  repos: Repositories,
  teamId: number,
  name: string,
  created: string[],
): Promise<number> {
  const group = await repos.roster.groupByName(teamId, name);
  if (group !== undefined) return group.id;
  created.push(name);
  return (await repos.roster.createGroup(teamId, name)).id;
}

/** A roster file as it came: CSV text, or the bytes of an .xlsx workbook. */
export type RosterFile = { kind: 'csv'; text: string } | { kind: 'xlsx'; bytes: Uint8Array };

type Parsed = { rows: RosterRow[] } | { problems: RosterRowProblem[] };
/** A sheet's (or the CSV's) rows of text, each with its line; the first is the header. */
type TextRows = ReadonlyArray<{ line: number; cells: readonly string[] }>;

async function parseFile(file: RosterFile, ids: UserIdFormat): Promise<Parsed> {
  return file.kind === 'csv' ? parseCsv(file.text, ids) : parseXlsx(file.bytes, ids);
}

function parseCsv(csv: string, ids: UserIdFormat): Parsed {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    return {
      problems: [{ line, column: 'row', message: error instanceof Error ? error.message : String(error) }],
    };
  }
  const parsed = readRows(
    records.map((cells, index) => ({ line: index + 1, cells })),
    ids,
    undefined,
  );
  if ('problems' in parsed) return parsed;
  const problems = [...parsed.rowProblems, ...findDuplicateRows(parsed.rows)];
  return problems.length > 0 ? { problems: problems.sort(byLine) } : { rows: parsed.rows };
}

/**
 * A workbook: every sheet with a user id column holds roster rows (the export's sheet per group;
 * its summary sheet has none and is skipped), read by the same rules as a CSV, each problem
 * named by sheet and row. A workbook without such a sheet is judged by its first sheet's header.
 */
async function parseXlsx(bytes: Uint8Array, ids: UserIdFormat): Promise<Parsed> {
  let sheets: SheetRows[];
  try {
    sheets = await readXlsx(bytes);
  } catch {
    return { problems: [{ line: 0, column: 'row', message: 'the file is not an Excel workbook (.xlsx)' }] };
  }
  const roster = sheets.filter((sheet) => {
    const header = sheet.rows[0];
    return header !== undefined && readRosterHeader(header.cells).columns.includes('user_id');
  });
  const first = sheets[0];
  if (roster.length === 0) {
    // Without a user id column its header has a problem, so this gives at least that one.
    const parsed = readRows(first?.rows ?? [], ids, first?.name);
    return 'problems' in parsed ? parsed : { problems: parsed.rowProblems };
  }
  const rows: RosterRow[] = [];
  const problems: RosterRowProblem[] = [];
  for (const sheet of roster) {
    const parsed = readRows(sheet.rows, ids, sheet.name);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else {
      rows.push(...parsed.rows);
      problems.push(...parsed.rowProblems);
    }
  }
  const order = new Map(roster.map((sheet, i) => [sheet.name, i]));
  problems.push(...findDuplicateRows(rows));
  const sheetOf = (p: RosterRowProblem) => order.get(p.sheet ?? '') ?? 0;
  return problems.length > 0
    ? { problems: problems.sort((a, b) => sheetOf(a) - sheetOf(b) || byLine(a, b)) }
    : { rows };
}

/** The header's columns, then each data row through the domain's rules (the header is the first row). */
function readRows(
  textRows: TextRows,
  ids: UserIdFormat,
  sheet: string | undefined,
): { problems: RosterRowProblem[] } | { rows: RosterRow[]; rowProblems: RosterRowProblem[] } {
  const at = <T extends object>(item: T): T & { sheet?: string } =>
    sheet === undefined ? item : { ...item, sheet };
  const [header, ...data] = textRows;
  if (header === undefined)
    return { problems: [at({ line: 1, column: 'header', message: 'the file is empty' })] };
  const { columns, problems } = readRosterHeader(header.cells);
  if (problems.length > 0) return { problems: problems.map((p) => at({ ...p, line: header.line })) };
  const rows: RosterRow[] = [];
  const rowProblems: RosterRowProblem[] = [];
  for (const { line, cells } of data) {
    const record: Partial<Record<RosterColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column !== undefined) record[column] = cells[i] ?? '';
    });
    const result = readRosterRow(line, record, ids);
    if ('row' in result) rows.push(at(result.row));
    else rowProblems.push(...result.problems.map(at));
  }
  return { rows, rowProblems };
}

function byLine(a: RosterRowProblem, b: RosterRowProblem): number {
  return a.line - b.line;
}
