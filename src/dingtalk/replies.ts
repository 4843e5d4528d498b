import type { ChatReply } from '../chat/router.ts';
import { type Messages, messagesFor } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { serializeError } from '../logger.ts';
import { mention } from '../views/markup.ts';
import { type Message, peopleIn, textMessage } from '../views/message.ts';
import type { CardSpace, DingTalkApi, DingTalkOut } from './api.ts';
import { hasButtons, newOutTrackId, toCardParams } from './card.ts';
import type { DingTalkDirectory } from './directory.ts';
import type { RobotMessage } from './inbound.ts';
import type { DingTalkCards } from './messenger.ts';
import { toDingTalk } from './render.ts';

export type ReplyDeps = {
  api: DingTalkApi;
  directory: DingTalkDirectory;
  logger: Logger;
  now: () => number;
  cards?: DingTalkCards | undefined;
};

/**
 * Sends the router's answer back where the message came from, honouring its visibility:
 * - in the 1:1 chat, through the message's session webhook while it lives (free), else batchSend;
 * - in a group, an answer for the conversation goes to the group; a private one (figures, pay,
 *   refusals: everything Slack shows only to the asker) goes to the asker's 1:1 chat, and the
 *   group gets one line, @-mentioning them, saying it was sent privately. Nothing private is
 *   ever posted to a group.
 * With a card template, an answer with buttons (the log confirmation) is an interactive card in
 * the same place; a card cannot go through the session webhook, so it costs an API call.
 */
export async function deliverReply(deps: ReplyDeps, message: RobotMessage, reply: ChatReply): Promise<void> {
  const m = messagesFor(reply.locale);
  const sender = message.senderStaffId;
  const isPrivate = reply.kind === 'log-form' || reply.visibility === 'private';
  const here = message.conversationType === '1' || !isPrivate;
  if (deps.cards !== undefined && hasButtons(reply.message)) {
    const space: CardSpace =
      message.conversationType === '2' && here
        ? { openConversationId: message.conversationId }
        : { userId: sender };
    await deps.api.deliverCard({
      cardTemplateId: deps.cards.templateId,
      outTrackId: newOutTrackId('userId' in space ? 'dm' : 'group'),
      cardParamMap: toCardParams(reply.message, await renderOptions(deps, m, reply.message)),
      space,
    });
    if (here) return;
    const note = textMessage(m.chat.sentPrivately(mention(sender)));
    for (const out of await render(deps, m, note, [sender])) await sendHere(deps, message, out);
    return;
  }
  if (here) {
    for (const out of await render(deps, m, reply.message, [])) await sendHere(deps, message, out);
    return;
  }
  await toPerson(deps, sender, await render(deps, m, reply.message, []));
  const note = textMessage(m.chat.sentPrivately(mention(sender)));
  for (const out of await render(deps, m, note, [sender])) await sendHere(deps, message, out);
}

async function render(deps: ReplyDeps, m: Messages, message: Message, notify: string[]) {
  return toDingTalk(message, { ...(await renderOptions(deps, m, message)), notify });
}

async function renderOptions(deps: ReplyDeps, m: Messages, message: Message) {
  return {
    names: await deps.directory.names(peopleIn(message)),
    labels: { thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand },
  };
}

async function toPerson(deps: ReplyDeps, userId: string, parts: readonly DingTalkOut[]) {
  for (const out of parts) {
    const { invalid, throttled } = await deps.api.sendToUsers([userId], out);
    if (invalid.length > 0 || throttled.length > 0)
      deps.logger.event('warn', 'dingtalk.private_reply_undelivered', { user: userId });
  }
}

/** The session webhook while it is valid (no API call spent), else the robot OpenAPI. */
async function sendHere(deps: ReplyDeps, source: RobotMessage, out: DingTalkOut): Promise<void> {
  const webhook = source.sessionWebhook;
  const alive = webhook !== undefined && (source.sessionWebhookExpiredTime ?? 0) > deps.now() + 5_000;
  if (alive) {
    try {
      await deps.api.replyBySession(webhook, out);
      return;
    } catch (error) {
      deps.logger.event('info', 'dingtalk.session_reply_failed', serializeError(error));
    }
  }
  if (source.conversationType === '1') await deps.api.sendToUsers([source.senderStaffId], out);
  else await deps.api.sendToGroup(source.conversationId, out);
}
