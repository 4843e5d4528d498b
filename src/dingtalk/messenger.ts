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
 */
export function createDingTalkMessenger(
  api: DingTalkApi,
  deps: { directory: DingTalkDirectory; store: Store; defaultLocale: Locale; now?: () => number },
): Messenger {
  const now = deps.now ?? Date.now;
  let sequence = 0;

  async function render(message: Message): Promise<ReturnType<typeof toDingTalk>> {
    const ids = peopleIn(message);
    const m = messagesFor(deps.defaultLocale);
    return toDingTalk(message, {
      names: await deps.directory.names(ids),
      labels: { thisGroup: m.chat.thisGroup, typeCommand: m.chat.typeCommand },
    });
  }

  async function sendTo(channel: string, message: Message): Promise<PostRef> {
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

  return {
    post: (to, outbound: Outbound) =>
      sendTo(channelOf(to), renderOutbound(messagesFor(localeOf(to)), outbound)),
    postToMembers: toMembers,
    async prepareDirect() {
      // Languages are on the roster and names in the directory: nothing to fetch ahead.
    },
    async update(ref, outbound) {
      await sendTo(ref.channel, renderOutbound(messagesFor(await localeAt(ref.channel)), outbound));
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
