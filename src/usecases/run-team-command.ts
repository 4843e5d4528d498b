import type { TeamCommand } from '../commands/team-command.ts';
import type { Day } from '../domain/days.ts';
import type { MonthKey, TeamGoal } from '../domain/goals.ts';
import type { LevelCode } from '../domain/levels.ts';
import type { LogLimits } from '../domain/log-checks.ts';
import type { Metric, MetricTotals } from '../domain/metrics.ts';
import type { PayRule } from '../domain/pay.ts';
import type { PkWeights } from '../domain/pk.ts';
import type { Period } from '../domain/targets.ts';
import type { CalendarOverride } from '../domain/working-days.ts';
import type { Locale } from '../i18n/index.ts';
import type { JobName } from '../jobs/job.ts';
import type { Logger } from '../logger.ts';
import type { MemberView } from '../store/roster-repository.ts';
import type { ImageSettings } from '../store/settings-repository.ts';
import { addMember } from './add-member.ts';
import { changeMember } from './change-member.ts';
import type { PkBoard } from './compute-pk.ts';
import type { Directory, UseCaseDeps } from './context.ts';
import { exportForManager } from './exports.ts';
import { listRoster, type Roster } from './list-roster.ts';
import { addGroup, setChannel } from './manage-groups.ts';
import { holdForReview, setLevel } from './manage-levels.ts';
import { setPayRule, showPayRule } from './manage-pay.ts';
import { setLogLimit, setTarget, showLogLimits, showTargets } from './manage-targets.ts';
import {
  type CalendarPicture,
  setCalendarDay,
  setDealThreshold,
  setImagesEnabled,
  setJobTime,
  setPkWeight,
  setWorkSaturdays,
  showCalendar,
  showImageSettings,
  showPkWeights,
  showSchedule,
} from './manage-team-settings.ts';
import { getWallLink, type WallLinkOutcome } from './manage-wall.ts';
import type { Messenger } from './messenger.ts';
import { sendProbationChecklist } from './probation-notices.ts';
import { clearGoal, type GoalYear, setGoal, setGoalStart, showGoalYear } from './team-goals.ts';
import { teamToday } from './team-today.ts';

/** What a `/team` command did, for the messenger to render. */
export type TeamOutcome =
  | { kind: 'help' }
  | { kind: 'roster'; roster: Roster }
  | { kind: 'added'; member: MemberView }
  | { kind: 'moved'; member: MemberView; groupName: string }
  | { kind: 'role'; member: MemberView }
  | { kind: 'leader'; member: MemberView; groupName: string }
  | { kind: 'channel'; groupName: string | undefined; channelId: string }
  | { kind: 'left'; member: MemberView }
  | { kind: 'group-added'; groupName: string }
  | { kind: 'targets'; level: LevelCode; targets: Record<Period, MetricTotals> }
  | {
      kind: 'target-set';
      levels: readonly LevelCode[];
      period: Period;
      metric: Metric;
      value: number;
      effectiveFrom: Day;
    }
  | { kind: 'limits'; limits: LogLimits }
  | { kind: 'today'; board: PkBoard; groupIds: number[]; approvals: MemberView[] }
  | { kind: 'calendar'; calendar: CalendarPicture }
  | { kind: 'calendar-set'; day: Day; override: CalendarOverride | 'clear' }
  | { kind: 'saturdays'; work: boolean }
  | { kind: 'pk-weights'; weights: PkWeights }
  | { kind: 'schedule'; times: Record<JobName, string> }
  | { kind: 'images'; images: ImageSettings }
  | { kind: 'level-set'; member: MemberView; from: LevelCode }
  | { kind: 'hold'; member: MemberView; quarterKey: string; held: boolean }
  | { kind: 'pay-rule'; level: LevelCode; rule: PayRule }
  | { kind: 'pay-rule-set'; levels: readonly LevelCode[]; effectiveFrom: Day; rule: PayRule }
  | { kind: 'export-sent'; filename: string; rows: number }
  | { kind: 'goal-year'; year: GoalYear }
  | { kind: 'goal-start'; start: MonthKey }
  | {
      kind: 'goal-set';
      month: MonthKey;
      groupName: string | undefined;
      amount: number;
      previous: number | undefined;
    }
  | {
      kind: 'goal-cleared';
      month: MonthKey;
      groupName: string | undefined;
      removed: boolean;
      now: TeamGoal | undefined;
    }
  | ({ kind: 'wall' } & WallLinkOutcome);

type TeamDeps = UseCaseDeps & { directory: Directory; messenger: Messenger; logger: Logger };

/** A new hire's leader gets the probation checklist (or whoever added them, when no leader). */
async function announceProbation(deps: TeamDeps, member: MemberView, actorId: string): Promise<void> {
  const probation = await deps.store.careers.probationOf(member.id);
  if (probation === undefined) return;
  await sendProbationChecklist(
    deps,
    { member, probation },
    await deps.store.roster.memberByMessengerId(actorId),
  );
}

/**
 * Routes a parsed `/team` command to its use case. `reader` is the asker's language, for what
 * the command makes in it besides the reply (an export's sheet names and headers).
 */
export async function runTeamCommand(
  deps: TeamDeps,
  actorId: string,
  command: TeamCommand,
  reader: { locale: Locale },
): Promise<TeamOutcome> {
  switch (command.kind) {
    case 'help':
      return { kind: 'help' };
    case 'list':
      return { kind: 'roster', roster: await listRoster(deps, { actorId }) };
    case 'add': {
      const { kind: _, ...options } = command;
      const member = await addMember(deps, { actorId, ...options });
      if (member.status === 'probation') await announceProbation(deps, member, actorId);
      return { kind: 'added', member };
    }
    case 'move': {
      const change = { kind: 'move', groupName: command.groupName } as const;
      const result = await changeMember(deps, { actorId, memberRef: command.memberRef, change });
      return { kind: 'moved', member: result.member, groupName: result.groupName ?? command.groupName };
    }
    case 'role': {
      const change = { kind: 'role', role: command.role } as const;
      return {
        kind: 'role',
        member: (await changeMember(deps, { actorId, memberRef: command.memberRef, change })).member,
      };
    }
    case 'leader': {
      const change = { kind: 'leader', groupName: command.groupName } as const;
      const result = await changeMember(deps, { actorId, memberRef: command.memberRef, change });
      return { kind: 'leader', member: result.member, groupName: result.groupName ?? command.groupName };
    }
    case 'left': {
      const change =
        command.reason === undefined
          ? ({ kind: 'left' } as const)
          : ({ kind: 'left', reason: command.reason } as const);
      return {
        kind: 'left',
        member: (await changeMember(deps, { actorId, memberRef: command.memberRef, change })).member,
      };
    }
    case 'channel': {
      await setChannel(deps, { actorId, groupName: command.groupName, channelId: command.channelRef });
      return { kind: 'channel', groupName: command.groupName, channelId: command.channelRef };
    }
    case 'group-add':
      return {
        kind: 'group-added',
        groupName: (await addGroup(deps, { actorId, name: command.groupName })).name,
      };
    case 'target-show': {
      const shown = await showTargets(deps, { actorId, level: command.level });
      return { kind: 'targets', level: shown.level, targets: shown.targets };
    }
    case 'target-set': {
      const { kind: _, ...options } = command;
      const result = await setTarget(deps, { actorId, ...options });
      return {
        kind: 'target-set',
        ...result,
        period: command.period,
        metric: command.metric,
        value: command.value,
      };
    }
    case 'limit-show':
      return { kind: 'limits', limits: await showLogLimits(deps, { actorId }) };
    case 'today':
      return { kind: 'today', ...(await teamToday(deps, { actorId })) };
    case 'calendar-show':
      return { kind: 'calendar', calendar: await showCalendar(deps, { actorId }) };
    case 'calendar-set':
      return {
        kind: 'calendar-set',
        ...(await setCalendarDay(deps, { actorId, day: command.day, override: command.override })),
      };
    case 'calendar-saturdays':
      return { kind: 'saturdays', work: await setWorkSaturdays(deps, { actorId, work: command.work }) };
    case 'pk-show':
      return { kind: 'pk-weights', weights: await showPkWeights(deps, { actorId }) };
    case 'pk-set':
      return {
        kind: 'pk-weights',
        weights: await setPkWeight(deps, { actorId, metric: command.metric, points: command.points }),
      };
    case 'schedule-show':
      return { kind: 'schedule', times: await showSchedule(deps, { actorId }) };
    case 'schedule-set':
      return {
        kind: 'schedule',
        times: await setJobTime(deps, { actorId, job: command.job, time: command.time }),
      };
    case 'image-show':
      return { kind: 'images', images: await showImageSettings(deps, { actorId }) };
    case 'image-set':
      return { kind: 'images', images: await setImagesEnabled(deps, { actorId, enabled: command.enabled }) };
    case 'image-threshold':
      return { kind: 'images', images: await setDealThreshold(deps, { actorId, amount: command.amount }) };
    case 'pay': {
      const pay = command.command;
      if (pay.kind === 'show')
        return { kind: 'pay-rule', ...(await showPayRule(deps, { actorId, level: pay.level })) };
      return {
        kind: 'pay-rule-set',
        ...(await setPayRule(deps, { actorId, level: pay.level, change: pay.change, from: pay.from })),
      };
    }
    case 'export': {
      const file = await exportForManager(deps, {
        actorId,
        request: command.request,
        format: command.format,
        locale: reader.locale,
      });
      await deps.messenger.upload(
        { messengerUserId: actorId },
        {
          filename: file.filename,
          content: file.content,
          contentType: file.contentType,
          title: file.filename,
        },
      );
      return { kind: 'export-sent', filename: file.filename, rows: file.rows };
    }
    case 'level-set':
      return {
        kind: 'level-set',
        ...(await setLevel(deps, {
          actorId,
          memberRef: command.memberRef,
          level: command.level,
          reason: command.reason,
        })),
      };
    case 'hold':
      return {
        kind: 'hold',
        ...(await holdForReview(deps, {
          actorId,
          memberRef: command.memberRef,
          reason: command.reason,
          release: false,
        })),
      };
    case 'release':
      return {
        kind: 'hold',
        ...(await holdForReview(deps, {
          actorId,
          memberRef: command.memberRef,
          reason: undefined,
          release: true,
        })),
      };
    case 'goal-show':
      return {
        kind: 'goal-year',
        year: await showGoalYear(deps, {
          actorId,
          ...(command.year === undefined ? {} : { year: command.year }),
        }),
      };
    case 'goal-start':
      return { kind: 'goal-start', ...(await setGoalStart(deps, { actorId, month: command.month })) };
    case 'goal-set':
      return {
        kind: 'goal-set',
        ...(await setGoal(deps, {
          actorId,
          month: command.month,
          groupName: command.groupName,
          amount: command.amount,
        })),
      };
    case 'goal-clear':
      return {
        kind: 'goal-cleared',
        ...(await clearGoal(deps, { actorId, month: command.month, groupName: command.groupName })),
      };
    case 'wall':
      return { kind: 'wall', ...(await getWallLink(deps, { actorId, reset: command.reset })) };
    case 'limit-set':
      return {
        kind: 'limits',
        limits: await setLogLimit(deps, { actorId, setting: command.setting, value: command.value }),
      };
  }
}
