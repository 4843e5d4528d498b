import type { ChatDeps } from '../chat/chat-deps.ts';
import { handleClick } from '../chat/clicks.ts';
import type { Deliveries } from '../chat/deliveries.ts';
import { messagesForPerson } from '../chat/language.ts';
import type { ChatReply } from '../chat/router.ts';
import { localeOf, type Messages, messagesFor } from '../i18n/index.ts';
import { serializeError } from '../logger.ts';
import { type Message, peopleIn, textMessage } from '../views/message.ts';
import type { DingTalkApi } from './api.ts';
import { doneParams, hasButtons, isDirectCard, newOutTrackId, parseCardClick, toCardParams } from './card.ts';
import type { DingTalkDirectory } from './directory.ts';
import type { DingTalkCards } from './messenger.ts';
import { toDingTalk } from './render.ts';

export type CardClickDeps = ChatDeps & {
  api: DingTalkApi;
  directory: DingTalkDirectory;
  deliveries: Deliveries;
  cards: DingTalkCards;
};

/**
 * A card click from Stream, answered at once with an empty ack (the work may take longer than
 * the ~3 s DingTalk waits) and worked on the lane: counted once (DingTalk re-pushes a callback
 * under the same messageId), the clicked card in a 1:1 chat has its buttons replaced by "done"
 * (a group card stays clickable for the others), then the neutral click handler decides (once:
 * a second click is told who decided) and its answer goes to the clicker's 1:1 chat. A decision
 * that replaces every request (probation sign-off, leave) updates each card through the
 * messenger's `update`, after the "done" here, so the outcome is what the cards end with.
 */
export function createCardClickHandler(deps: CardClickDeps) {
  return function onCardCallback(data: string, messageId: string): Promise<undefined> {
    const click = parseCardClick(data);
    if (click === undefined) {
      deps.logger.event('warn', 'dingtalk.bad_card_click', { length: data.length });
      return Promise.resolve(undefined);
    }
    if (!deps.deliveries.claim(`dingtalk-card:${messageId}`)) {
      deps.logger.event('info', 'dingtalk.duplicate', { messageId });
      return Promise.resolve(undefined);
    }
    deps.lane.noteArrival();
    deps.lane.run(async () => {
      const m = await messagesForPerson(deps, click.userId);
      try {
        if (isDirectCard(click.outTrackId))
          await deps.api
            .updateCard(click.outTrackId, doneParams(m.chat.cardDone))
            .catch((error: unknown) =>
              deps.logger.event('info', 'dingtalk.card_update_failed', serializeError(error)),
            );
        const reply = await handleClick(deps, {
          actorId: click.userId,
          action: click.action,
          value: click.value,
          source: 'dingtalk-button',
        });
        await toClicker(deps, click.userId, reply);
      } catch (error) {
        deps.logger.event('error', 'dingtalk.card_click_failed', { messageId, ...serializeError(error) });
        await toClicker(deps, click.userId, {
          kind: 'message',
          message: textMessage(m.common.somethingWrong),
          visibility: 'private',
          locale: localeOf(m),
        }).catch(() => undefined);
      }
    });
    return Promise.resolve(undefined);
  };
}

/** The answer to a click, in the clicker's 1:1 chat: a card again if it has buttons of its own. */
async function toClicker(deps: CardClickDeps, userId: string, reply: ChatReply): Promise<void> {
  const m = messagesFor(reply.locale);
  const options = await renderOptions(deps, m, reply.message);
  if (hasButtons(reply.message)) {
    await deps.api.deliverCard({
      cardTemplateId: deps.cards.templateId,
      outTrackId: newOutTrackId('dm'),
      cardParamMap: toCardParams(reply.message, options),
      space: { userId },
    });
    return;
  }
  for (const out of toDingTalk(reply.message, options)) {
    const { invalid, throttled } = await deps.api.sendToUsers([userId], out);
    if (invalid.length > 0 || throttled.length > 0)
      deps.logger.event('warn', 'dingtalk.private_reply_undelivered', { user: userId });
  }
}

async function renderOptions(deps: CardClickDeps, m: Messages, message: Message) {
  return {
    names: await deps.directory.names(peopleIn(message)),
    labels: { thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand },
  };
}
