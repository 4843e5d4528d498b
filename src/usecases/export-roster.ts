import { stringify } from 'csv-stringify/sync';
import { ROSTER_COLUMNS } from '../domain/roster-csv.ts';
import { ensureTeam, type UseCaseDeps } from './context.ts';

/**
 * The roster as the import reads it, plus status and 入司, with a UTF-8 byte-order mark so that
 * Excel opens the Chinese names correctly. Members who left are included (with their status).
 */
export async function exportRoster(deps: UseCaseDeps): Promise<string> {
  const team = await ensureTeam(deps.store, deps);
  const members = await deps.store.roster.members(team.id);
  const rows = members.map((m) => [
    m.messengerUserId,
    m.displayName,
    m.groupName ?? '',
    m.role,
    m.level,
    m.hiredOn,
    m.status,
    m.joinedOn ?? '',
  ]);
  return `\uFEFF${stringify([[...ROSTER_COLUMNS, 'status', 'joined_on'], ...rows])}`;
}
