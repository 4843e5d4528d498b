import type { Db } from '../../store/client.ts';
import type { WorkspaceIdentity } from '../workspace.ts';

/**
 * The playground's stand-in DingTalk organisation: the fixed ids of the enterprise internal app
 * and its robot, the 1:1 chat of each person with the robot, and the groups the robot is in. A
 * group is named by its openConversationId (`cid…==`), which is also the callback's
 * conversationId; a 1:1 chat has a conversationId of its own per person.
 */
export const DINGTALK_PLAYGROUND = {
  /** The app's Client ID (AppKey), which is also the robot's robotCode. */
  clientId: 'dingplayground01',
  corpId: 'dingplaygroundcorp',
  /** How the robot appears in atUsers (`dingtalkId`); it has no staffId. */
  robot: { userId: '$:LWCP_v1:$zhanbao-robot', name: '战报' },
  admin: { userId: 'playadmin', name: '管理员 Admin' },
  /** The group every organisation has and the robot is added to first: commands work there before any setup. */
  allStaff: { id: 'cidAllStaffPlayground==', name: '全员群' },
  teamGroupName: 'PK榜',
} as const;

/** A person's 1:1 chat with the robot (机器人单聊). */
export const chatOf = (userId: string): string => `cidChat.${userId}`;
export const ownerOfChat = (conversation: string): string | undefined =>
  conversation.startsWith('cidChat.') ? conversation.slice('cidChat.'.length) : undefined;

export const DINGTALK_IDENTITY: WorkspaceIdentity = {
  bot: DINGTALK_PLAYGROUND.robot,
  admin: DINGTALK_PLAYGROUND.admin,
  general: DINGTALK_PLAYGROUND.allStaff,
  teamChannelName: DINGTALK_PLAYGROUND.teamGroupName,
  newPersonId: (seq) => `play${String(seq).padStart(4, '0')}`,
  newChannelId: (seq) => `cidPlayGroup${seq}==`,
};

/** DingTalk userIds are the organisation's own strings; auto-assigned ones are 16 digits or so. */
export const DINGTALK_USER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The demo seed writes Slack-shaped ids (UDEMO00001, CDEMOPK); a DingTalk organisation has
 * userIds like 0167500000000001 and groups like cidDemoPk==. Only these three columns hold
 * messenger ids in a freshly seeded store (everything else refers to members by row id), so
 * they are rewritten in one transaction right after seeding. Returns the old-to-new id map.
 */
export async function useDingTalkIds(db: Db): Promise<Map<string, string>> {
  return db.$transaction(async (tx) => {
    const renamed = new Map<string, string>();
    for (const member of await tx.member.findMany({ select: { id: true, messengerUserId: true } })) {
      const digits = member.messengerUserId.replace(/\D/g, '');
      const next = `01675${digits.padStart(11, '0')}`;
      renamed.set(member.messengerUserId, next);
      await tx.member.update({ where: { id: member.id }, data: { messengerUserId: next } });
    }
    for (const group of await tx.group.findMany({ select: { id: true, channelId: true } })) {
      if (group.channelId === null) continue;
      const next = `cidDemoGroup${group.id}==`;
      renamed.set(group.channelId, next);
      await tx.group.update({ where: { id: group.id }, data: { channelId: next } });
    }
    const teams = await tx.team.findMany({ select: { id: true, pkChannelId: true }, orderBy: { id: 'asc' } });
    for (const [index, team] of teams.entries()) {
      if (team.pkChannelId === null) continue;
      // The first team's chat keeps the name the page and the README use; a further branch its own.
      const next = index === 0 ? 'cidDemoPk==' : `cidDemoPk${team.id}==`;
      renamed.set(team.pkChannelId, next);
      await tx.team.update({ where: { id: team.id }, data: { pkChannelId: next } });
    }
    return renamed;
  });
}
