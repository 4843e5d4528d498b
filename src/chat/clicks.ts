import { z } from 'zod';
import { parseTrainingItem } from '../commands/probation-command.ts';
import { LEVEL_CODES, type LevelCode } from '../domain/levels.ts';
import { ROLES } from '../domain/roles.ts';
import type { EntrySource } from '../store/activity-repository.ts';
import { logActivity } from '../usecases/log-activity.ts';
import { decideProbation, tickTrainingItem } from '../usecases/manage-probation.ts';
import { exactDay } from '../usecases/resolve-day.ts';
import { runTeamCommand } from '../usecases/run-team-command.ts';
import { ACTIONS } from '../views/actions.ts';
import { decodeConfirmation } from '../views/log-confirmation.ts';
import { textMessage } from '../views/message.ts';
import { buildTeamReply } from '../views/team-view.ts';
import { decodeVisitsAnswer } from '../views/visits-answer.ts';
import type { ChatDeps } from './chat-deps.ts';
import { messagesForPerson } from './language.ts';
import { decide } from './leave-replies.ts';
import { replyToLog } from './log-replies.ts';
import { replyToProbation } from './probation-replies.ts';
import { replyOrError } from './reply-or-error.ts';
import type { ChatReply } from './router.ts';

/**
 * A button clicked on any messenger that has buttons: the action id and value the neutral
 * button carried, back to the same use cases. A decision is taken once (a second click is told
 * who decided); a confirmed log is saved once (its token is the entry's request key), and so is
 * the answer to the morning 到访 question (keyed by member and day). Extend and
 * Reject need a reason, which a click cannot carry: the answer says what to type. The reply
 * always goes to the clicker alone.
 */
export type Click = { actorId: string; action: string; value: string; source: EntrySource };

const leaveValue = z.object({ leaveId: z.number().int() });
/** The `/team add` the new-group offer carries (team-view.ts buildNewGroupOffer). */
const teamAddValue = z.object({
  memberRef: z.string().min(1).max(64),
  groupName: z.string().min(1).max(40),
  level: z.enum(LEVEL_CODES as [LevelCode, ...LevelCode[]]).optional(),
  role: z.enum(ROLES).optional(),
  hiredOn: z.string().max(10).optional(),
});
const probationValue = z.object({ probationId: z.number().int(), item: z.string().optional() });

export async function handleClick(deps: ChatDeps, click: Click): Promise<ChatReply> {
  const m = await messagesForPerson(deps, click.actorId);
  const locale = m.locale === 'en' ? 'en' : 'zh-CN';
  const message = await replyOrError(deps, m, { user: click.actorId, what: click.action }, async () => {
    const [action, item] = click.action.split(':');
    switch (action) {
      case ACTIONS.logConfirm: {
        const confirmation = decodeConfirmation(click.value);
        if (confirmation === undefined) return textMessage(m.common.somethingWrong);
        const outcome = await logActivity(deps, {
          actorId: click.actorId,
          command: confirmation.command,
          source: click.source,
          requestKey: `confirm:${confirmation.token}`,
          confirmed: true,
        });
        return replyToLog(deps, m, outcome);
      }
      case ACTIONS.logCancel:
        return textMessage(m.log.cancelled);
      case ACTIONS.visitsAnswer: {
        // One answer per member and day: the key makes a double tap, a second button of the same
        // question and a re-delivered click count once (the reply then says it was logged).
        const answer = decodeVisitsAnswer(click.value);
        if (answer === undefined) return textMessage(m.common.somethingWrong);
        const outcome = await logActivity(deps, {
          actorId: click.actorId,
          command: { kind: 'add', day: exactDay(answer.day), values: { visits: answer.visits } },
          source: click.source,
          requestKey: `visits-answer:${click.actorId}:${answer.day}`,
          confirmed: false,
        });
        return replyToLog(deps, m, outcome);
      }
      case ACTIONS.probationTick: {
        const value = readProbation(click.value);
        const training = item === undefined ? undefined : parseTrainingItem(item);
        if (value === undefined || training === undefined) return textMessage(m.common.somethingWrong);
        const tick = await tickTrainingItem(deps, {
          actorId: click.actorId,
          probationId: value.probationId,
          item: training,
        });
        return replyToProbation(deps, m, { kind: 'ticked', tick });
      }
      case ACTIONS.probationApprove: {
        const value = readProbation(click.value);
        if (value === undefined) return textMessage(m.common.somethingWrong);
        const outcome = await decideProbation(deps, {
          actorId: click.actorId,
          probationId: value.probationId,
          decision: { kind: 'approve' },
        });
        return replyToProbation(deps, m, { kind: 'decided', outcome });
      }
      case ACTIONS.leaveApprove:
      case ACTIONS.leaveReject: {
        const value = readJson(leaveValue, click.value);
        if (value === undefined) return textMessage(m.common.somethingWrong);
        return decide(deps, m, click.actorId, value.leaveId, action === ACTIONS.leaveApprove);
      }
      case ACTIONS.probationExtend:
      case ACTIONS.probationReject:
        return textMessage(m.chat.needsReason);
      case ACTIONS.teamAddNewGroup: {
        // The same as typing the offer's line with 新组: the group is made if still missing.
        const value = readJson(teamAddValue, click.value);
        if (value === undefined) return textMessage(m.common.somethingWrong);
        const command = { kind: 'add', ...value, newGroup: true } as const;
        return buildTeamReply(m, await runTeamCommand(deps, click.actorId, command, { locale }));
      }
      default:
        return textMessage(m.common.somethingWrong);
    }
  });
  return { kind: 'message', message, visibility: 'private', locale };
}

function readProbation(value: string) {
  return readJson(probationValue, value);
}

/** A button's value is a boundary: JSON checked with zod, undefined when it is not ours. */
function readJson<T>(schema: z.ZodType<T>, value: string): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
