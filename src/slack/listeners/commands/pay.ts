import type { App } from '@slack/bolt';
import { parsePayCommand } from '../../../commands/pay-command.ts';
import { getMemberPay, getTeamPay, monthOfDay } from '../../../usecases/pay-statements.ts';
import { todayForUser } from '../../../usecases/today.ts';
import { COMMANDS } from '../../ids.ts';
import { replyPrivately } from '../../replying.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { textReply } from '../../views/blocks.ts';
import { buildMemberPayReply, buildTeamPayReply } from '../../views/pay-view.ts';

/** `/pay [@member | team YYYY-MM]`: statements, privately. */
export function registerPayCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.pay, async ({ command, ack, respond }) => {
    await ack();
    replyPrivately(deps, { userId: command.user_id, respond, what: '/pay' }, async (m) => {
      const parsed = parsePayCommand(command.text);
      if (parsed === undefined) return textReply(m.pay.usage);
      if (parsed.kind === 'team') {
        const month = parsed.month ?? monthOfDay(await todayForUser(deps, command.user_id));
        return buildTeamPayReply(m, await getTeamPay(deps, { actorId: command.user_id, month }));
      }
      const options = parsed.memberRef === undefined ? {} : { memberRef: parsed.memberRef };
      return buildMemberPayReply(m, await getMemberPay(deps, { actorId: command.user_id, ...options }));
    });
  });
}
