import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { type Locale, localeFromTag, messagesFor } from '../i18n/index.ts';
import type { Audience, MemberPost, Messenger, Outbound, PostRef } from '../usecases/messenger.ts';
import { renderOutbound } from '../views/outbound-view.ts';
import type { SlackDirectory } from './directory.ts';
import { type SlackMessage, toSlack } from './render.ts';

/**
 * The Slack side of the Messenger port. Channel posts are in the team's default language; a direct
 * message is in the member's own (their stored language, else their Slack locale). A DM goes to
 * the user id, which Slack delivers in the bot's DM with them. Errors propagate: the job that
 * sent the post records and logs them, and the Web API client has already retried rate limits.
 */
/**
 * DMs of one shared message in flight at once. A job counts such a post as one of its eight
 * (jobs/posting.ts), so a job with one big shared post keeps about eight DMs in the Web API
 * client's queue, as before; several big shared posts at once would hold at most 64 of its 100.
 */
const ONE_BY_ONE_IN_FLIGHT = 8;

/** What files.uploadV2 answers: one files.completeUploadExternal answer per file. */
const uploadAnswer = z.object({
  files: z.array(z.object({ files: z.array(z.object({ id: z.string() })).optional() })),
});

export function createSlackMessenger(
  client: WebClient,
  deps: { directory: SlackDirectory; defaultLocale: Locale },
): Messenger {
  async function localeFor(to: Audience): Promise<Locale> {
    if ('channel' in to) return deps.defaultLocale;
    const stored = to.member.locale;
    if (stored !== null && stored !== undefined) return localeFromTag(stored, deps.defaultLocale);
    return localeFromTag(
      (await deps.directory.profile(to.member.messengerUserId)).locale,
      deps.defaultLocale,
    );
  }

  const renderIn = (locale: Locale, message: Outbound): SlackMessage =>
    toSlack(renderOutbound(messagesFor(locale), message));

  async function send(
    to: Audience,
    message: Outbound,
    thread?: PostRef,
    rendered: (locale: Locale) => SlackMessage = (locale) => renderIn(locale, message),
  ): Promise<PostRef> {
    const locale = await localeFor(to);
    const reply = rendered(locale);
    const channel = 'channel' in to ? to.channel : to.member.messengerUserId;
    const answer = await client.chat.postMessage({
      channel,
      ...reply,
      ...(thread === undefined ? {} : { thread_ts: thread.ts }),
      unfurl_links: false,
    });
    if (answer.ts === undefined) throw new Error(`chat.postMessage to ${channel} returned no ts`);
    const ref = { channel: answer.channel ?? channel, ts: answer.ts };
    return 'channel' in to ? ref : { ...ref, locale };
  }

  async function dmChannel(userId: string): Promise<string> {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error(`conversations.open gave no channel for ${userId}`);
    return channel;
  }

  return {
    post: (to, message) => send(to, message),
    /**
     * Slack has no call for one message to many people: one DM each, ONE_BY_ONE_IN_FLIGHT at a
     * time, so that a job's shared nudge to thousands goes as fast as its separate DMs would.
     */
    async postToMembers(members, message) {
      const answers: MemberPost[] = new Array(members.length);
      // Rendered once per language, not per reader: the month's pay summary of a 10,000-member
      // team goes to its hundred managers, and rendering it is most of the month close's work.
      const byLocale = new Map<Locale, SlackMessage>();
      const rendered = (locale: Locale) => {
        const known = byLocale.get(locale);
        if (known !== undefined) return known;
        const reply = renderIn(locale, message);
        byLocale.set(locale, reply);
        return reply;
      };
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < members.length; i = next++) {
          const member = members[i];
          if (member === undefined) continue;
          const { messengerUserId } = member;
          answers[i] = await send({ member }, message, undefined, rendered).then(
            (ref) => ({ messengerUserId, ref }),
            (error: unknown) => ({
              messengerUserId,
              failed: error instanceof Error ? error.message : String(error),
            }),
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(ONE_BY_ONE_IN_FLIGHT, members.length) }, worker));
      return answers;
    },
    async prepareDirect(members) {
      // Only a member without a stored language needs their Slack locale.
      await deps.directory.prefetch(
        members.filter((m) => m.locale === null || m.locale === undefined).map((m) => m.messengerUserId),
      );
    },
    async update(ref, message) {
      // A DM in the language it was written in; a channel post in the team's.
      const reply = renderIn(ref.locale ?? deps.defaultLocale, message);
      await client.chat.update({ channel: ref.channel, ts: ref.ts, ...reply });
    },
    /**
     * files.uploadV2: files.getUploadURLExternal, the bytes to the upload URL, then
     * files.completeUploadExternal shared to the channel, where Slack shows it inline with its alt
     * text. A DM goes to the conversation with the member, opened first as for `upload`.
     */
    async postImage(to, image) {
      const channel = 'channel' in to ? to.channel : await dmChannel(to.member.messengerUserId);
      const answer = await client.files.uploadV2({
        channel_id: channel,
        filename: image.filename,
        title: image.alt,
        alt_text: image.alt,
        file: Buffer.from(image.png),
      });
      const fileId = uploadAnswer.parse(answer).files.flatMap((f) => f.files ?? [])[0]?.id;
      if (fileId === undefined) throw new Error(`files.uploadV2 to ${channel} returned no file`);
      // Slack shares the file in a message whose ts it does not return: the file id stands for it.
      return { channel, ts: fileId };
    },
    async upload(to, file) {
      // A file lands in the DM with the bot: open (or find) that conversation first.
      const channel = await dmChannel(to.messengerUserId);
      await client.files.uploadV2({
        channel_id: channel,
        filename: file.filename,
        title: file.title,
        // The bytes as they are: a workbook is binary, a CSV already carries its BOM.
        file: Buffer.from(file.content),
      });
    },
    async reply(ref, message) {
      await send({ channel: ref.channel }, message, ref);
    },
  };
}
