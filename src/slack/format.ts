/** Slack's mrkdwn for people and channels; the rest of the bot only handles ids. */
export const mention = (messengerUserId: string): string => `<@${messengerUserId}>`;
export const channelLink = (channelId: string): string => `<#${channelId}>`;

/** Slack asks for &, < and > to be escaped in text the bot did not write itself. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
