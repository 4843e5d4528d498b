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
import { ensureTeam, type UseCaseDeps } from './context.ts';

export type ImportResult =
  | { ok: true; created: number; updated: number; groupsCreated: string[] }
  | { ok: false; problems: RosterRowProblem[] };

/**
 * Imports the roster file all-or-nothing: every row is validated first and every problem is
 * reported with its line; only a clean file is written, in one transaction. Imported people are
 * existing staff, so they are active with 入司 = hired_on; people already on the roster are
 * updated (a level change lands in the level history with reason "import"). Missing groups are
 * created.
 */
export async function importRoster(
  deps: UseCaseDeps,
  options: { csv: string; actor: string; ids?: UserIdFormat },
): Promise<ImportResult> {
  const parsed = parseCsv(options.csv, options.ids ?? ANY_USER_ID);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  return deps.store.transaction(async (repos) => {
    const team = await ensureTeam(repos, deps);
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

function parseCsv(csv: string, ids: UserIdFormat): { rows: RosterRow[] } | { problems: RosterRowProblem[] } {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 0;
    return {
      problems: [{ line, column: 'row', message: error instanceof Error ? error.message : String(error) }],
    };
  }
  const [header, ...data] = records;
  if (header === undefined)
    return { problems: [{ line: 1, column: 'header', message: 'the file is empty' }] };
  const { columns, problems } = readRosterHeader(header);
  if (problems.length > 0) return { problems };
  const rows: RosterRow[] = [];
  const rowProblems: RosterRowProblem[] = [];
  data.forEach((cells, index) => {
    const record: Partial<Record<RosterColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column !== undefined) record[column] = cells[i] ?? '';
    });
    const result = readRosterRow(index + 2, record, ids);
    if ('row' in result) rows.push(result.row);
    else rowProblems.push(...result.problems);
  });
  rowProblems.push(...findDuplicateRows(rows));
  return rowProblems.length > 0 ? { problems: rowProblems.sort((a, b) => a.line - b.line) } : { rows };
}
