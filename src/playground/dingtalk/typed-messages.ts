import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Conversations } from '../conversations.ts';
import type { PageAnswer } from '../page-api.ts';
import type { Workspace } from '../workspace.ts';
import type { DingTalkOpenApi } from './open-api.ts';
import { chatOf, DINGTALK_PLAYGROUND, DINGTALK_USER_ID } from './org.ts';

/**
 * What a person types in the 钉钉 page, done the way DingTalk's servers do it: the message is
 * shown in the chat (everyone in a group sees it), and when it is for the robot (every message
 * in the 1:1 chat; in a group only one that @-mentions the robot) the answer is the callback
 * body DingTalk would POST to the robot, with a fresh session webhook. The page signs that body
 * and sends it to /dingtalk/events, as DingTalk's callback would arrive.
 *
 * In a group, `@name` of someone in the organisation is a mention: DingTalk lists them in
 * `atUsers` (the robot first) and cuts every mention out of `text.content`. A name nobody has
 * joins the organisation, as if the admin had added them, so that `/team add @新同事` works.
 * In the 1:1 chat there are no mentions: `@name` stays in the text as typed.
 */
const typedBody = z.object({
  userId: z.string().regex(DINGTALK_USER_ID),
  conversation: z.string().min(1).max(100),
  text: z.string().trim().min(1).max(5000),
});

const MENTION = /(^|\s)@([^\s@]+)/g;

export function createTypedMessages(deps: {
  conversations: Conversations;
  workspace: Workspace;
  openApi: DingTalkOpenApi;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const robot = DINGTALK_PLAYGROUND.robot;

  async function groupTitle(conversation: string): Promise<string | undefined> {
    const { channels } = await deps.workspace.directory('zh-CN');
    return channels.find((channel) => channel.id === conversation)?.name;
  }

  /** The people and the robot a group message @-mentions, and its text with them cut out. */
  async function mentionsIn(text: string) {
    const people: string[] = [];
    let robotMentioned = false;
    const { people: everyone } = await deps.workspace.directory('zh-CN');
    const content = text.replace(MENTION, (_whole, lead: string, name: string) => {
      if (name === robot.name) {
        robotMentioned = true;
        return lead;
      }
      const known = everyone.find((person) => person.name === name && person.kind !== 'bot');
      const id = known?.id ?? deps.workspace.addPerson(name);
      if (known === undefined) deps.conversations.directoryChanged();
      if (!people.includes(id)) people.push(id);
      return lead;
    });
    return { people, robotMentioned, content };
  }

  return {
    async send(body: unknown, origin: string): Promise<PageAnswer> {
      const parsed = typedBody.safeParse(body);
      if (!parsed.success) return { status: 400, body: { error: 'invalid_request' } };
      const { userId, conversation, text } = parsed.data;
      const nick = await deps.workspace.nameOf(userId);
      if (nick === undefined) return { status: 404, body: { error: 'no_such_user' } };
      const isChat = conversation === chatOf(userId);
      const title = isChat ? undefined : await groupTitle(conversation);
      if (!isChat && title === undefined) return { status: 404, body: { error: 'no_such_conversation' } };

      const mentions = isChat ? { people: [], robotMentioned: true, content: text } : await mentionsIn(text);
      deps.conversations.post({
        conversation,
        user: userId,
        text,
        blocks: undefined,
        threadTs: undefined,
        ephemeralTo: undefined,
        dingtalk: { msgtype: 'text', atUserIds: mentions.people },
      });
      if (!mentions.robotMentioned) return { status: 200, body: { forRobot: false } };

      const session = deps.openApi.openSession(origin, conversation);
      const callback: Record<string, unknown> = {
        conversationId: conversation,
        chatbotCorpId: DINGTALK_PLAYGROUND.corpId,
        chatbotUserId: robot.userId,
        msgId: `msg${randomBytes(12).toString('base64url')}==`,
        senderNick: nick,
        isAdmin: false,
        senderStaffId: userId,
        senderId: `$:LWCP_v1:$${userId}`,
        senderCorpId: DINGTALK_PLAYGROUND.corpId,
        conversationType: isChat ? '1' : '2',
        createAt: now(),
        robotCode: DINGTALK_PLAYGROUND.clientId,
        sessionWebhook: session.url,
        sessionWebhookExpiredTime: session.expiresAt,
        msgtype: 'text',
        text: { content: mentions.content },
      };
      if (!isChat) {
        callback.conversationTitle = title;
        callback.isInAtList = true;
        callback.atUsers = [
          { dingtalkId: robot.userId },
          ...mentions.people.map((id) => ({ dingtalkId: `$:LWCP_v1:$${id}`, staffId: id })),
        ];
      }
      return { status: 200, body: { forRobot: true, callback } };
    },
  };
}

export type TypedMessages = ReturnType<typeof createTypedMessages>;
