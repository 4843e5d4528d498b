import { extname } from 'node:path';
import { groupBy } from '../collections.ts';
import { type Locale, localeFromTag, messagesFor } from '../i18n/index.ts';
import type { Store } from '../store/store.ts';
import type {
  Audience,
  DirectMember,
  MemberPost,
  Messenger,
  Outbound,
  PostRef,
} from '../usecases/messenger.ts';
import { type Message, peopleIn } from '../views/message.ts';
import { renderOutbound } from '../views/outbound-view.ts';
import type { DingTalkApi } from './api.ts';
import { hasButtons, newOutTrackId, toCardParams } from './card.ts';
import type { DingTalkDirectory } from './directory.ts';
import { toDingTalk } from './render.ts';

/**
 * The DingTalk side of the Messenger port, for the jobs. A channel is a group's
 * openConversationId (the callback's conversationId, bound with `/team channel team` typed in
 * it); a member's direct message goes to their 1:1 chat with the robot through batchSend. A post
 * to one person is in their language; a group post in the team's default. DingTalk cannot edit a
 * robot's plain message, so `update` and `reply` send the new text to the same place.
 * A PostRef of a direct message has the channel `dm:<userId>`.
 * Undelivered people (invalid ids, still throttled after the client's retries) raise an error,
 * so the job records the post as failed.
 * With a card template, a message with buttons goes as an interactive card instead, one per
 * person; its PostRef's ts is `card:<outTrackId>`, so that `update` (a decision replacing the
 * buttons on every request) edits the card in place.
 */
export function createDingTalkMessenger(
  api: DingTalkApi,
  deps: {
    directory: DingTalkDirectory;
    store: Store;
    defaultLocale: Locale;
    now?: () => number;
    cards?: DingTalkCards | undefined;
  },
): Messenger {
  const now = deps.now ?? Date.now;
  const { cards } = deps;
  let sequence = 0;

  async function renderOptions(message: Message) {
    const m = messagesFor(deps.defaultLocale);
    return {
      names: await deps.directory.names(peopleIn(message)),
      labels: { thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand },
    };
  }

  async function render(message: Message): Promise<ReturnType<typeof toDingTalk>> {
    return toDingTalk(message, await renderOptions(message));
  }

  /** A card to one 1:1 chat or group; its ref names the card. */
  async function sendCard(templateId: string, channel: string, message: Message): Promise<PostRef> {
    const direct = channel.startsWith(DM);
    const outTrackId = newOutTrackId(direct ? 'dm' : 'group');
    await api.deliverCard({
      cardTemplateId: templateId,
      outTrackId,
      cardParamMap: toCardParams(message, await renderOptions(message)),
      space: direct ? { userId: channel.slice(DM.length) } : { openConversationId: channel },
    });
    return { channel, ts: `${CARD}${outTrackId}` };
  }

  async function sendTo(channel: string, message: Message): Promise<PostRef> {
    if (cards !== undefined && hasButtons(message)) return sendCard(cards.templateId, channel, message);
    for (const out of await render(message)) {
      if (channel.startsWith(DM)) await toUsers([channel.slice(DM.length)], out);
      else await api.sendToGroup(channel, out);
    }
    sequence += 1;
    return { channel, ts: `${now()}.${sequence}` };
  }

  async function toUsers(userIds: string[], out: Parameters<DingTalkApi['sendToUsers']>[1]) {
    const { invalid, throttled } = await api.sendToUsers(userIds, out);
    if (invalid.length > 0 || throttled.length > 0)
      throw new Error(
        `DingTalk did not deliver to ${invalid.length + throttled.length} of ${userIds.length}`,
      );
  }

  function localeOf(to: Audience): Locale {
    if ('channel' in to) return deps.defaultLocale;
    return localeFromTag(to.member.locale, deps.defaultLocale);
  }

  /** The language of what replaces a post: its reader's, for a direct message. */
  async function localeAt(channel: string): Promise<Locale> {
    if (!channel.startsWith(DM)) return deps.defaultLocale;
    const member = await deps.store.roster.memberByMessengerId(channel.slice(DM.length));
    return localeFromTag(member?.locale, deps.defaultLocale);
  }

  const channelOf = (to: Audience) => ('channel' in to ? to.channel : `${DM}${to.member.messengerUserId}`);

  /**
   * One rendering per language, each part sent to everyone of that language in batchSends of
   * BATCH_SEND_MAX_USERS (20) userIds (the client splits). A member DingTalk reports invalid or
   * still throttled in any part has failed; a failed call fails everyone it was for.
   */
  async function toMembers(members: readonly DirectMember[], outbound: Outbound): Promise<MemberPost[]> {
    if (cards !== undefined) {
      const sample = renderOutbound(messagesFor(deps.defaultLocale), outbound);
      if (hasButtons(sample)) return cardsToMembers(cards.templateId, members, outbound);
    }
    const failed = new Map<string, string>();
    const byLocale = groupBy(members, (member) => localeOf({ member }));
    for (const [locale, group] of byLocale) {
      const ids = [...new Set(group.map((m) => m.messengerUserId))];
      try {
        for (const out of await render(renderOutbound(messagesFor(locale), outbound))) {
          const pending = ids.filter((id) => !failed.has(id));
          if (pending.length === 0) break;
          const { invalid, throttled } = await api.sendToUsers(pending, out);
          for (const id of invalid) failed.set(id, 'DingTalk: invalid userId');
          for (const id of throttled) failed.set(id, 'DingTalk: still flow-controlled');
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const id of ids) if (!failed.has(id)) failed.set(id, reason);
      }
    }
    sequence += 1;
    const ts = `${now()}.${sequence}`;
    return members.map(({ messengerUserId }) => {
      const reason = failed.get(messengerUserId);
      return reason === undefined
        ? { messengerUserId, ref: { channel: `${DM}${messengerUserId}`, ts } }
        : { messengerUserId, failed: reason };
    });
  }

  /** One card each (a card has one space), in the member's language; a failed card fails only them. */
  async function cardsToMembers(
    templateId: string,
    members: readonly DirectMember[],
    outbound: Outbound,
  ): Promise<MemberPost[]> {
    const posts: MemberPost[] = [];
    for (const member of members) {
      const { messengerUserId } = member;
      try {
        const message = renderOutbound(messagesFor(localeOf({ member })), outbound);
        posts.push({ messengerUserId, ref: await sendCard(templateId, `${DM}${messengerUserId}`, message) });
      } catch (error) {
        posts.push({ messengerUserId, failed: error instanceof Error ? error.message : String(error) });
      }
    }
    return posts;
  }

  /** A post is replaced in place when it is a card; a plain robot message cannot be edited. */
  async function replace(ref: PostRef, message: Message): Promise<void> {
    if (!ref.ts.startsWith(CARD)) {
      await sendTo(ref.channel, message);
      return;
    }
    await api.updateCard(ref.ts.slice(CARD.length), toCardParams(message, await renderOptions(message)));
  }

  return {
    post: (to, outbound: Outbound) =>
      sendTo(channelOf(to), renderOutbound(messagesFor(localeOf(to)), outbound)),
    postToMembers: toMembers,
    async prepareDirect() {
      // Languages are on the roster and names in the directory: nothing to fetch ahead.
    },
    async update(ref, outbound) {
      await replace(ref, renderOutbound(messagesFor(await localeAt(ref.channel)), outbound));
    },
    async reply(ref, outbound) {
      await sendTo(ref.channel, renderOutbound(messagesFor(await localeAt(ref.channel)), outbound));
    },
    /** An image is uploaded once, then sent as a sampleImageMsg naming its media_id. */
    async postImage(to, image) {
      const channel = channelOf(to);
      const photoURL = await api.uploadImage(image.filename, image.png);
      const out = { type: 'image' as const, photoURL };
      if (channel.startsWith(DM)) await toUsers([channel.slice(DM.length)], out);
      else await api.sendToGroup(channel, out);
      sequence += 1;
      return { channel, ts: `${now()}.${sequence}` };
    },
    async upload(to, file) {
      const mediaId = await api.uploadFile(file.filename, file.content, file.contentType);
      const fileType = extname(file.filename).replace('.', '') || 'txt';
      await toUsers([to.messengerUserId], { type: 'file', mediaId, fileName: file.filename, fileType });
    },
  };
}

const DM = 'dm:';
const CARD = 'card:';

/** Interactive cards, when a template is configured (Stream mode). */
export type DingTalkCards = { templateId: string };
