import type { ChatDeps } from '../chat/chat-deps.ts';
import { handleClick } from '../chat/clicks.ts';
import type { Deliveries } from '../chat/deliveries.ts';
import { messagesForPerson } from '../chat/language.ts';
import { type ChatReply, parseChatText, routeCommand } from '../chat/router.ts';
import { localeOf, messagesFor } from '../i18n/index.ts';
import { serializeError } from '../logger.ts';
import { ensureTeam } from '../usecases/context.ts';
import { textMessage } from '../views/message.ts';
import type { WeComApi } from './api.ts';
import { readButtonKey } from './card.ts';
import { weComCommandText } from './command-text.ts';
import { deliveryKey, type WeComInbound } from './inbound.ts';
import type { Outgoing } from './outgoing.ts';

export type WeComReceiveDeps = ChatDeps & { api: WeComApi; outgoing: Outgoing; deliveries: Deliveries };

/** The app menu's buttons (`npx zhanbao wecom menu`): each key is the command it runs. */
export const MENU_KEYS = ['log', 'stats', 'rank', 'help'] as const;

/**
 * One decrypted WeCom callback, already answered with an empty 200: count it once (MsgId; a
 * card click by clicker, task, button and time, since every recipient of a card shares its
 * TaskId), then a typed command or a menu button goes to the router and a card button to the
 * click handler; the answer goes to the member through the app. A card that was decided has its
 * buttons greyed with the click's response_code, so nobody can click again.
 */
export function createWeComMessageHandler(deps: WeComReceiveDeps) {
  return function receive(message: WeComInbound): void {
    if (message.kind === 'other') return;
    const key = deliveryKey(message);
    if (key === undefined || !deps.deliveries.claim(key)) {
      deps.logger.event('info', 'wecom.duplicate', { kind: message.kind });
      return;
    }
    deps.lane.noteArrival();
    deps.lane.run(async () => {
      try {
        await answer(deps, message, key);
      } catch (error) {
        deps.logger.event('error', 'wecom.message_failed', { kind: message.kind, ...serializeError(error) });
        const m = await messagesForPerson(deps, message.from);
        await deps.outgoing
          .toMember(message.from, m, textMessage(m.common.somethingWrong))
          .catch(() => undefined);
      }
    });
  };
}

async function answer(
  deps: WeComReceiveDeps,
  message: Exclude<WeComInbound, { kind: 'other' }>,
  key: string,
) {
  const from = message.from;
  if (message.kind === 'card') {
    const button = readButtonKey(message.eventKey);
    const m = await messagesForPerson(deps, from);
    const reply: ChatReply =
      button === undefined
        ? {
            kind: 'message',
            message: textMessage(m.common.somethingWrong),
            visibility: 'private',
            locale: localeOf(m),
          }
        : await handleClick(deps, { actorId: from, ...button, source: 'wecom-button' });
    await deps.api
      .updateTemplateCard(message.responseCode, [from], m.chat.cardDone)
      .catch((error: unknown) =>
        deps.logger.event('info', 'wecom.card_update_failed', serializeError(error)),
      );
    await deliver(deps, from, reply);
    return;
  }
  const typed = message.kind === 'click' ? menuCommand(message.eventKey) : message.content;
  // Team names only matter for an `@` word (the team word of org admins): read them only then.
  const teams = typed.includes('@') ? (await deps.store.roster.teams()).map((t) => t.name) : [];
  const text = weComCommandText(typed, await rosterOf(deps, from), teams);
  const parsed = parseChatText(text === '' ? 'help' : text);
  if (parsed === undefined) {
    const m = await messagesForPerson(deps, from);
    const word = text.split(' ')[0] ?? text;
    const reply = textMessage([m.chat.unknown(word), '', ...m.chat.help].join('\n'));
    await deliver(deps, from, {
      kind: 'message',
      message: reply,
      visibility: 'private',
      locale: localeOf(m),
    });
    return;
  }
  const reply = await routeCommand(deps, {
    actorId: from,
    command: parsed.command,
    args: parsed.args,
    deliveryKey: key,
    place: { kind: 'direct' },
    source: 'wecom-command',
  });
  await deliver(deps, from, reply);
}

/** Every WeCom conversation with the app is the member's own: every answer goes to them. */
async function deliver(deps: WeComReceiveDeps, userId: string, reply: ChatReply): Promise<void> {
  await deps.outgoing.toMember(userId, messagesFor(reply.locale), reply.message);
}

function menuCommand(eventKey: string): string {
  return MENU_KEYS.find((key) => key === eventKey) ?? 'help';
}

async function rosterOf(deps: WeComReceiveDeps, userId: string) {
  const member = await deps.store.roster.memberByMessengerId(userId);
  const teamId = member?.teamId ?? (await ensureTeam(deps.store, deps)).id;
  return deps.store.roster.members(teamId);
}
