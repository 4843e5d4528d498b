import { createHash } from 'node:crypto';
import type { Db } from '../../store/client.ts';
import type { WorkspaceIdentity } from '../workspace.ts';

/**
 * The playground's stand-in WeCom corporation (企业): the self-built app 战报 (its CorpID,
 * AgentId and Secret), each member's chat with the app (应用消息), and one group robot (消息推送)
 * per group chat. WeCom's app chat is the member's own; a group chat only receives what its
 * robot posts (the robot cannot read it), so a group is named by its robot key, which is also
 * the channel the team and its groups are bound to (`/team channel team <key>`).
 */
export const WECOM_PLAYGROUND = {
  corpId: 'wwplayground0001',
  agentId: 1000002,
  /** How the app appears in its chats; it has no userid of its own. */
  app: { userId: '@app', name: '战报' },
  admin: { userId: 'PlayAdmin', name: '管理员 Admin' },
  teamGroupName: 'PK榜',
} as const;

/** A member's chat with the app. */
export const appChatOf = (userId: string): string => `wwChat.${userId}`;
export const ownerOfAppChat = (conversation: string): string | undefined =>
  conversation.startsWith('wwChat.') ? conversation.slice('wwChat.'.length) : undefined;

/** A group robot's key is a UUID (…/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa). */
export function robotKeyFor(seed: string): string {
  const hex = createHash('sha256').update(`zhanbao-playground-robot:${seed}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const WECOM_IDENTITY: WorkspaceIdentity = {
  bot: WECOM_PLAYGROUND.app,
  admin: WECOM_PLAYGROUND.admin,
  general: undefined,
  teamChannelName: WECOM_PLAYGROUND.teamGroupName,
  newPersonId: (seq) => `NewMember${seq}`,
  newChannelId: (seq) => robotKeyFor(`new-${seq}`),
};

/** WeCom userids (账号): letters, digits and `_-.@`, at most 64, case-insensitive to WeCom. */
export const WECOM_USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/** The syllables of every character the demo's names use (src/demo/names.ts). */
const PINYIN: Record<string, string> = {
  王: 'Wang',
  李: 'Li',
  张: 'Zhang',
  刘: 'Liu',
  陈: 'Chen',
  杨: 'Yang',
  黄: 'Huang',
  赵: 'Zhao',
  吴: 'Wu',
  周: 'Zhou',
  徐: 'Xu',
  孙: 'Sun',
  马: 'Ma',
  朱: 'Zhu',
  胡: 'Hu',
  郭: 'Guo',
  何: 'He',
  林: 'Lin',
  罗: 'Luo',
  高: 'Gao',
  郑: 'Zheng',
  梁: 'Liang',
  谢: 'Xie',
  宋: 'Song',
  唐: 'Tang',
  许: 'Xu',
  韩: 'Han',
  冯: 'Feng',
  邓: 'Deng',
  曹: 'Cao',
  彭: 'Peng',
  曾: 'Zeng',
  肖: 'Xiao',
  田: 'Tian',
  董: 'Dong',
  潘: 'Pan',
  袁: 'Yuan',
  蒋: 'Jiang',
  蔡: 'Cai',
  余: 'Yu',
  伟: 'Wei',
  芳: 'Fang',
  娜: 'Na',
  敏: 'Min',
  静: 'Jing',
  丽: 'Li',
  强: 'Qiang',
  磊: 'Lei',
  军: 'Jun',
  洋: 'Yang',
  勇: 'Yong',
  艳: 'Yan',
  杰: 'Jie',
  娟: 'Juan',
  涛: 'Tao',
  明: 'Ming',
  超: 'Chao',
  秀: 'Xiu',
  英: 'Ying',
  霞: 'Xia',
  平: 'Ping',
  刚: 'Gang',
  桂: 'Gui',
  建: 'Jian',
  华: 'Hua',
  晓: 'Xiao',
  文: 'Wen',
  博: 'Bo',
  思: 'Si',
  远: 'Yuan',
  雨: 'Yu',
  欣: 'Xin',
  子: 'Zi',
  涵: 'Han',
  浩: 'Hao',
  然: 'Ran',
  佳: 'Jia',
  怡: 'Yi',
  梓: 'Zi',
  轩: 'Xuan',
  宇: 'Yu',
  航: 'Hang',
  诗: 'Shi',
  俊: 'Jun',
  婷: 'Ting',
  志: 'Zhi',
  海: 'Hai',
  燕: 'Yan',
  晨: 'Chen',
  曦: 'Xi',
  一: 'Yi',
  鸣: 'Ming',
  嘉: 'Jia',
  振: 'Zhen',
};

/** 赵文浩 → ZhaoWenHao, 王伟2 → WangWei2: the account names WeCom admins give people; undefined for other names. */
export function pinyinAccount(name: string): string | undefined {
  let out = '';
  for (const char of name) {
    const syllable = PINYIN[char] ?? (/[A-Za-z0-9]/.test(char) ? char : undefined);
    if (syllable === undefined) return undefined;
    out += syllable;
  }
  return out === '' ? undefined : out;
}

/**
 * The demo seed writes Slack-shaped ids (UDEMO00001, CDEMOPK); a WeCom corporation has userids
 * like ZhaoWenHao and binds its groups by robot keys. As for DingTalk (useDingTalkIds), only
 * these three columns hold messenger ids in a freshly seeded store; they are rewritten in one
 * transaction right after seeding. Two people with one spelling get a number, as admins do.
 * Returns the old-to-new id map.
 */
export async function useWeComIds(db: Db): Promise<Map<string, string>> {
  return db.$transaction(async (tx) => {
    const renamed = new Map<string, string>();
    const taken = new Set<string>();
    const members = await tx.member.findMany({
      select: { id: true, messengerUserId: true, displayName: true },
      orderBy: { id: 'asc' },
    });
    for (const member of members) {
      const base = pinyinAccount(member.displayName) ?? `Member${member.id}`;
      let next = base;
      for (let n = 2; taken.has(next.toLowerCase()); n += 1) next = `${base}${n}`;
      taken.add(next.toLowerCase());
      renamed.set(member.messengerUserId, next);
      await tx.member.update({ where: { id: member.id }, data: { messengerUserId: next } });
    }
    for (const group of await tx.group.findMany({ select: { id: true, channelId: true } })) {
      if (group.channelId === null) continue;
      const next = robotKeyFor(`group-${group.id}`);
      renamed.set(group.channelId, next);
      await tx.group.update({ where: { id: group.id }, data: { channelId: next } });
    }
    for (const team of await tx.team.findMany({ select: { id: true, pkChannelId: true } })) {
      if (team.pkChannelId === null) continue;
      const next = robotKeyFor(`team-${team.id}`);
      renamed.set(team.pkChannelId, next);
      await tx.team.update({ where: { id: team.id }, data: { pkChannelId: next } });
    }
    return renamed;
  });
}
