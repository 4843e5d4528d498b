/**
 * The inline markup of neutral messages (see message.ts). The rest of the bot handles only ids;
 * each renderer turns these tokens into its messenger's mention and link syntax.
 */
export const mention = (messengerUserId: string): string => `<@${messengerUserId}>`;
export const conversationLink = (conversationId: string): string => `<#${conversationId}>`;

export const MENTION_PATTERN = /<@([^>|\s]+)>/g;
export const CONVERSATION_PATTERN = /<#([^>|\s]+)>/g;
export const BOLD_PATTERN = /\*\*([^*\n]+)\*\*/g;

/** The people a text mentions, in order of first appearance. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((match) => match[1] ?? ''))].filter(
    (id) => id !== '',
  );
}
