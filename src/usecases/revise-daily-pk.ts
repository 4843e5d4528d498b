import { z } from 'zod';
import type { Day } from '../domain/days.ts';
import { parseJsonColumn } from '../store/json.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { Store } from '../store/store.ts';
import { computePkBoard, type PkSnapshot, pkWinners, snapshotOf } from './compute-pk.ts';
import type { Messenger, PkChange } from './messenger.ts';
import { goalStatus } from './team-goals.ts';

const snapshotSchema = z.object({
  groups: z.array(
    z.object({ groupId: z.number(), rank: z.number(), perCapita: z.number(), points: z.number() }),
  ),
});

/**
 * A late log for a day whose PK was already posted: when it changes the board (a group's rank or
 * per-capita points), the posted board is updated in place and a note in its thread says what
 * changed and whose log changed it, instead of leaving a wrong board standing.
 */
export async function reviseDailyPk(
  deps: { store: Store; messenger: Messenger },
  options: { teamId: number; day: Day; cause: MemberView },
): Promise<PkChange[]> {
  const run = await deps.store.jobs.run({ teamId: options.teamId, job: 'daily-pk', periodKey: options.day });
  if (run === undefined || run.status === 'running') return [];
  const before: PkSnapshot = parseJsonColumn(snapshotSchema, run.snapshot, 'JobRun.snapshot');
  const board = await computePkBoard(deps.store, { teamId: options.teamId, period: 'day', day: options.day });
  const after = snapshotOf(board);
  const changes: PkChange[] = after.groups.flatMap((now) => {
    const then = before.groups.find((g) => g.groupId === now.groupId);
    if (then !== undefined && then.rank === now.rank && then.perCapita === now.perCapita) return [];
    const name = board.groups.find((g) => g.groupId === now.groupId)?.name ?? String(now.groupId);
    return [
      {
        groupId: now.groupId,
        name,
        fromRank: then?.rank ?? now.rank,
        toRank: now.rank,
        fromPerCapita: then?.perCapita ?? 0,
        toPerCapita: now.perCapita,
      },
    ];
  });
  if (changes.length === 0) return [];
  await deps.store.jobs.saveSnapshot(run.id, after);
  const winners = pkWinners(board);
  await deps.store.pk.recordWinners(options.teamId, 'day', board.key, winners);
  // The updated board keeps its goal header, with the late log counted.
  const goal = await goalStatus(deps.store, { teamId: options.teamId, day: options.day, dayOver: true });
  for (const post of run.posts) {
    const ref = { channel: post.channel, ts: post.ts };
    if (post.kind === 'team-board') {
      await deps.messenger.update(ref, {
        kind: 'pk-board',
        board,
        late: run.late,
        result: false,
        ...(goal === undefined ? {} : { goal }),
      });
      await deps.messenger.reply(ref, {
        kind: 'pk-correction',
        day: options.day,
        cause: options.cause,
        changes,
      });
    } else if (post.kind === 'group-board' && post.groupId !== undefined) {
      await deps.messenger.update(ref, { kind: 'group-pk', board, groupId: post.groupId, late: run.late });
    }
  }
  return changes;
}
