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
import { renderOutbound } from '../views/outbound-view.ts';
import type { WeComApi } from './api.ts';
import type { Outgoing } from './outgoing.ts';

/**
 * The WeCom side of the Messenger port, for the jobs. A channel is a group robot's key (bound
 * with `/team channel team <key or webhook URL>`); a member's message goes through the app. A
 * post to one person is in their language, a group post in the team's default. A PostRef of a
 * direct message is `dm:<userid>` with the card's response_code (when it had buttons) as `ts`,
 * so `update` can grey the card's buttons (once: a code works one time) and send the outcome.
 * The API client paces each member under WeCom's 30 messages a minute, which WeCom would
 * otherwise drop silently.
 */
export function createWeComMessenger(
  api: WeComApi,
  outgoing: Outgoing,
  deps: { store: Store; defaultLocale: Locale; now?: () => number },
): Messenger {
  const now = deps.now ?? Date.now;
  let sequence = 0;
  const stamp = () => {
    sequence += 1;
    return `${now()}.${sequence}`;
  };

  async function localeAt(channel: string): Promise<Locale> {
    if (!channel.startsWith(DM)) return deps.defaultLocale;
    const member = await deps.store.roster.memberByMessengerId(channel.slice(DM.length));
    return localeFromTag(member?.locale, deps.defaultLocale);
  }

  async function send(channel: string, locale: Locale, outbound: Outbound): Promise<PostRef> {
    const m = messagesFor(locale);
    const message = renderOutbound(m, outbound);
    if (!channel.startsWith(DM)) {
      await outgoing.toRobot(channel, m, message);
      return { channel, ts: stamp() };
    }
    const code = await outgoing.toMember(channel.slice(DM.length), m, message);
    return { channel, ts: code ?? stamp() };
  }

  /**
   * One rendering per language, sent to everyone of that language at once (outgoing.toMembers:
   * `touser` of up to 1000 ids a call). A member WeCom lists in `invaliduser` has failed; a
   * failed call fails everyone it was for. A card's response_code is shared by the members of its
   * call, so `update` greys only the first of them to answer (a code works once).
   */
  async function toMembers(members: readonly DirectMember[], outbound: Outbound): Promise<MemberPost[]> {
    const failed = new Map<string, string>();
    const codes = new Map<string, string>();
    const byLocale = groupBy(members, (member) => localeFromTag(member.locale, deps.defaultLocale));
    for (const [locale, group] of byLocale) {
      const ids = group.map((m) => m.messengerUserId);
      const m = messagesFor(locale);
      try {
        const answer = await outgoing.toMembers(ids, m, renderOutbound(m, outbound));
        const invalid = new Set(answer.invalid);
        for (const id of ids) if (invalid.has(id.toLowerCase())) failed.set(id, 'WeCom: invalid user');
        for (const [id, code] of answer.responseCodes) codes.set(id, code);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const id of ids) failed.set(id, reason);
      }
    }
    const ts = stamp();
    return members.map(({ messengerUserId }) => {
      const reason = failed.get(messengerUserId);
      return reason === undefined
        ? {
            messengerUserId,
            ref: { channel: `${DM}${messengerUserId}`, ts: codes.get(messengerUserId) ?? ts },
          }
        : { messengerUserId, failed: reason };
    });
  }

  return {
    postToMembers: toMembers,
    post(to: Audience, outbound) {
      if ('channel' in to) return send(to.channel, deps.defaultLocale, outbound);
      return send(
        `${DM}${to.member.messengerUserId}`,
        localeFromTag(to.member.locale, deps.defaultLocale),
        outbound,
      );
    },
    async prepareDirect() {
      // Languages are on the roster and names in the directory: nothing to fetch ahead.
    },
    async update(ref, outbound) {
      const locale = await localeAt(ref.channel);
      if (ref.channel.startsWith(DM) && !/^\d+\.\d+$/.test(ref.ts)) {
        await api
          .updateTemplateCard(ref.ts, [ref.channel.slice(DM.length)], messagesFor(locale).chat.cardDone)
          .catch(() => undefined);
      }
      await send(ref.channel, locale, outbound);
    },
    async reply(ref, outbound) {
      await send(ref.channel, await localeAt(ref.channel), outbound);
    },
    /**
     * A group gets the picture inline through its robot (≤ 2 MB); a member through the app, after
     * media/upload (≤ 10 MB), as an `image` message.
     */
    async postImage(to, image) {
      if ('channel' in to) {
        await api.sendImageToGroupRobot(to.channel, image.png);
        return { channel: to.channel, ts: stamp() };
      }
      const userId = to.member.messengerUserId;
      const mediaId = await api.uploadImage(image.filename, image.png);
      const { invalid } = await api.sendToUsers([userId], { type: 'image', mediaId });
      if (invalid.length > 0) throw new Error(`WeCom did not deliver the image to ${userId}`);
      return { channel: `${DM}${userId}`, ts: stamp() };
    },
    async upload(to, file) {
      const mediaId = await api.uploadFile(file.filename, file.content, file.contentType);
      await api.sendToUsers([to.messengerUserId], { type: 'file', mediaId });
    },
  };
}

const DM = 'dm:';
