import type { ChatDeps } from '../chat/chat-deps.ts';
import type { Deliveries } from '../chat/deliveries.ts';
import { messagesForPerson } from '../chat/language.ts';
import { parseChatText, routeCommand } from '../chat/router.ts';
import { serializeError } from '../logger.ts';
import { ensureTeam } from '../usecases/context.ts';
import { textMessage } from '../views/message.ts';
import { commandText, parseRobotMessage, type RobotMessage, resolveTypedNames } from './inbound.ts';
import { deliverReply, type ReplyDeps } from './replies.ts';

export type ReceiveDeps = ChatDeps & ReplyDeps & { deliveries: Deliveries };

/**
 * One robot message, from either inbound path (Stream or HTTP), already acknowledged: check it,
 * count it once (msgId), turn it into the router's request and deliver the answer. Nothing here
 * throws: a failure is logged and the person is told that nothing was changed.
 */
export function createRobotMessageHandler(deps: ReceiveDeps) {
  return function receive(raw: unknown): void {
    const message = parseRobotMessage(raw);
    if (message === undefined) {
      deps.logger.event('warn', 'dingtalk.bad_message', { keys: objectKeys(raw) });
      return;
    }
    if (!deps.deliveries.claim(`dingtalk:${message.msgId}`)) {
      deps.logger.event('info', 'dingtalk.duplicate', { msgId: message.msgId });
      return;
    }
    deps.directory.remember(message.senderStaffId, message.senderNick);
    deps.lane.noteArrival();
    deps.lane.run(async () => {
      try {
        await answer(deps, message);
      } catch (error) {
        deps.logger.event('error', 'dingtalk.message_failed', {
          msgId: message.msgId,
          ...serializeError(error),
        });
        const m = await messagesForPerson(deps, message.senderStaffId);
        await deliverReply(deps, message, {
          kind: 'message',
          message: textMessage(m.common.somethingWrong),
          visibility: 'private',
          locale: m.locale === 'en' ? 'en' : 'zh-CN',
        }).catch(() => undefined);
      }
    });
  };
}

async function answer(deps: ReceiveDeps, message: RobotMessage): Promise<void> {
  const text = resolveTypedNames(commandText(message), await rosterOf(deps, message.senderStaffId));
  const parsed = parseChatText(text === '' ? 'help' : text);
  if (parsed === undefined) {
    const m = await messagesForPerson(deps, message.senderStaffId);
    const word = text.split(' ')[0] ?? text;
    const reply = textMessage([m.chat.unknown(word), '', ...m.chat.help].join('\n'));
    await deliverReply(deps, message, {
      kind: 'message',
      message: reply,
      visibility: 'conversation',
      locale: m.locale === 'en' ? 'en' : 'zh-CN',
    });
    return;
  }
  const reply = await routeCommand(deps, {
    actorId: message.senderStaffId,
    command: parsed.command,
    args: parsed.args,
    deliveryKey: `dingtalk:${message.msgId}`,
    place:
      message.conversationType === '1'
        ? { kind: 'direct' }
        : { kind: 'group', conversationId: message.conversationId },
    source: 'dingtalk-command',
  });
  await deliverReply(deps, message, reply);
}

/** The sender's team roster, for names typed as `@王小明`. */
async function rosterOf(deps: ReceiveDeps, userId: string) {
  const member = await deps.store.roster.memberByMessengerId(userId);
  const teamId = member?.teamId ?? (await ensureTeam(deps.store, deps)).id;
  return deps.store.roster.members(teamId);
}

function objectKeys(raw: unknown): string[] {
  return typeof raw === 'object' && raw !== null ? Object.keys(raw).slice(0, 20) : [];
}
