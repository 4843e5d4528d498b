import { stringify } from 'csv-stringify/sync';
import type { Day } from '../domain/days.ts';
import type { Status } from '../domain/roles.ts';
import { ROSTER_COLUMNS } from '../domain/roster-csv.ts';
import { messagesFor } from '../i18n/index.ts';
import type { TeamView } from '../store/roster-repository.ts';
import { buildRosterWorkbook } from '../views/export-workbooks.ts';
import { ensureTeam, type UseCaseDeps } from './context.ts';
import { csvFile, type ExportFile, type ExportOptions, groupNames, xlsxFile } from './exports.ts';

/** One member as the import reads them, plus status and 入司. */
export type RosterLine = {
  userId: string;
  name: string;
  group: string;
  role: string;
  level: string;
  hiredOn: Day;
  status: Status;
  joinedOn: Day | '';
};

/**
 * The roster as the import reads it, plus status and 入司: a workbook (a sheet per group, which
 * `roster import` reads back) or the CSV with a UTF-8 byte-order mark so that Excel opens the
 * Chinese names correctly. Members who left are included (with their status). Without a team
 * it is the first team's (made if there is none yet, as the import would).
 */
export async function exportRoster(
  deps: UseCaseDeps,
  options: ExportOptions & { team?: TeamView },
): Promise<ExportFile> {
  const team = options.team ?? (await ensureTeam(deps.store, deps));
  const members = await deps.store.roster.members(team.id);
  const lines: RosterLine[] = members.map((m) => ({
    userId: m.messengerUserId,
    name: m.displayName,
    group: m.groupName ?? '',
    role: m.role,
    level: m.level,
    hiredOn: m.hiredOn,
    status: m.status,
    joinedOn: m.joinedOn ?? '',
  }));
  if (options.format === 'csv') {
    const rows = lines.map((l) => [
      l.userId,
      l.name,
      l.group,
      l.role,
      l.level,
      l.hiredOn,
      l.status,
      l.joinedOn,
    ]);
    const csv = `\uFEFF${stringify([[...ROSTER_COLUMNS, 'status', 'joined_on'], ...rows])}`;
    return csvFile('zhanbao-roster', csv, lines.length);
  }
  const book = buildRosterWorkbook(messagesFor(options.locale), await groupNames(deps.store, team), lines);
  return xlsxFile('zhanbao-roster', book, lines.length);
}
