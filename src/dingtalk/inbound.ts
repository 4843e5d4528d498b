import { z } from 'zod';
import { mention } from '../views/markup.ts';

/**
 * A robot message as DingTalk delivers it, the same JSON in Stream mode (the frame's `data`) and
 * in HTTP mode (the POST body). Fields from the real capture in messenger-contracts.md §6a and
 * open.dingtalk.com "机器人接收消息" (robot message receive, 2026): `conversationType` "1" is the
 * 1:1 chat with the robot, "2" a group; `senderStaffId` is the person's userId in the organisation
 * (what the OpenAPI and `ZHANBAO_ADMINS` use); `atUsers` lists who was @-mentioned, the robot
 * itself included (it has no staffId).
 */
export const robotMessageSchema = z.looseObject({
  msgId: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.enum(['1', '2']),
  conversationTitle: z.string().optional(),
  senderStaffId: z.string().min(1),
  senderNick: z.string().optional(),
  chatbotUserId: z.string().optional(),
  sessionWebhook: z.string().url().optional(),
  sessionWebhookExpiredTime: z.number().optional(),
  msgtype: z.string(),
  text: z.looseObject({ content: z.string() }).optional(),
  atUsers: z.array(z.looseObject({ dingtalkId: z.string(), staffId: z.string().optional() })).optional(),
});

export type RobotMessage = z.infer<typeof robotMessageSchema>;

export function parseRobotMessage(raw: unknown): RobotMessage | undefined {
  const parsed = robotMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The people a group message @-mentioned, in order, without the robot. */
export function mentionedPeople(message: RobotMessage): string[] {
  return (message.atUsers ?? [])
    .filter((user) => user.dingtalkId !== message.chatbotUserId)
    .flatMap((user) => (user.staffId === undefined || user.staffId === '' ? [] : [user.staffId]));
}

/**
 * The text a person meant to type. DingTalk cuts every @mention out of `text.content` and leaves
 * only spaces; the command grammars find people by their `<@id>` tokens wherever they are, so the
 * people mentioned (from `atUsers`) are put back right after the command word and its verb, where
 * every usage line writes them (`/team add @王小明 一组`, `/stats @王小明`, `/log @王小明 呼出30`).
 */
export function commandText(message: RobotMessage): string {
  const typed = (message.text?.content ?? '').trim().replace(/\s+/g, ' ');
  const people = mentionedPeople(message).map(mention);
  if (people.length === 0) return typed;
  const words = typed.split(' ');
  const at = Math.min(words.length, hasVerb(words) ? 2 : 1);
  return [...words.slice(0, at), ...people, ...words.slice(at)].join(' ');
}

/** Commands whose second word is a verb before the member (`/team add @x`, `/probation tick @x`). */
function hasVerb(words: readonly string[]): boolean {
  const command = (words[0] ?? '').replace(/^\//, '').toLowerCase();
  return ['team', '团队', 'probation', '试用期'].includes(command) && words.length > 1;
}

/**
 * A 1:1 chat has no @-mentions, so people are named by typing `@王小明`: a word `@name` that is
 * exactly one roster member's name becomes their `<@id>` token. Anything else is left as typed,
 * and the command then says whom it could not find.
 */
export function resolveTypedNames(
  text: string,
  roster: ReadonlyArray<{ messengerUserId: string; displayName: string }>,
): string {
  return text.replace(/(^|\s)@([^\s@<>]+)/g, (whole, space: string, name: string) => {
    const matches = roster.filter((member) => member.displayName === name);
    const [only] = matches;
    return matches.length === 1 && only !== undefined ? `${space}${mention(only.messengerUserId)}` : whole;
  });
}
