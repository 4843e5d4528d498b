import type { ErrorCode, ErrorParams } from '../errors.ts';

/**
 * 简体中文, the default language and the source of the catalogue's shape: en.ts must provide every
 * key with the same parameters (`satisfies Messages`). Names and mentions arrive already rendered
 * by the messenger adapter, so the catalogue stays messenger-neutral.
 */
const p = (params: ErrorParams, key: string): string => String(params[key] ?? '');

export const zhCN = {
  locale: 'zh-CN',
  errors: {
    'not-permitted': () => '抱歉，这个操作需要经理、总监或管理员权限。',
    'not-on-roster': () => '你还不在团队名单里，请联系你的经理用 `/team add` 把你加进来。',
    'member-not-found': (x: ErrorParams) =>
      `名单里没有 ${p(x, 'who')}。可以先用 \`/team add ${p(x, 'who')} 组名\` 添加。`,
    'member-exists': (x: ErrorParams) =>
      `${p(x, 'who')} 已经在名单里了（${p(x, 'group')}）。要调组请用 \`/team move\`。`,
    'member-left': (x: ErrorParams) => `${p(x, 'who')} 已离职，不能再做这个操作。`,
    'group-not-found': (x: ErrorParams) =>
      `没有名为「${p(x, 'group')}」的小组。现有小组：${p(x, 'groups') || '（暂无）'}。新建请用 \`/team group add ${p(x, 'group')}\`。`,
    'group-exists': (x: ErrorParams) => `小组「${p(x, 'group')}」已经存在。`,
    'unknown-level': (x: ErrorParams) =>
      `看不懂级别「${p(x, 'level')}」。请写成 见习MO1、客户经理MO2、高级MO3 或 资深MO1 这样的格式。`,
    'unknown-role': (x: ErrorParams) =>
      `看不懂角色「${p(x, 'role')}」。可选：专员、组长、经理、总监、管理员。`,
    'bad-day': (x: ErrorParams) => `日期「${p(x, 'day')}」不对，请写成 2026-11-27 这样的格式。`,
    'bad-command': (x: ErrorParams) => `没看懂「${p(x, 'text')}」。`,
    'leader-of-other-group': (x: ErrorParams) =>
      `${p(x, 'who')} 已经是「${p(x, 'group')}」的组长，请先换掉那个组的组长。`,
  } satisfies Record<ErrorCode, (params: ErrorParams) => string>,
  common: {
    somethingWrong: '抱歉，处理时出了点问题，数据没有改动。请稍后再试；如果一直这样，请告诉管理员。',
    noGroup: '未分组',
    none: '无',
  },
  roles: { agent: '专员', leader: '组长', manager: '经理', director: '总监', admin: '管理员' },
  statuses: { probation: '试用期', active: '在职', left: '已离职' },
  team: {
    unknownSubcommand: (word: string) => `\`/team\` 没有「${word}」这个子命令。`,
    usage: {
      add: '用法：`/team add @成员 组名 [级别] [角色] [入职日期]`，例如 `/team add @小王 一组 见习MO1`',
      move: '用法：`/team move @成员 组名`，例如 `/team move @小王 二组`',
      role: '用法：`/team role @成员 角色`，角色可选：专员、组长、经理、总监、管理员',
      leader: '用法：`/team leader 组名 @成员`，例如 `/team leader 一组 @老李`',
      channel: '用法：`/team channel team #频道`（PK 榜频道）或 `/team channel 组名 #频道`',
      left: '用法：`/team left @成员 [原因]`',
      'group-add': '用法：`/team group add 组名`',
    },
    help: [
      '*团队管理 `/team`*',
      '`/team list` 查看名单',
      '`/team group add 一组` 新建小组',
      '`/team add @成员 一组 见习MO1 [组长] [2026-11-20]` 添加成员（新人进入试用期）',
      '`/team move @成员 二组` 调组',
      '`/team role @成员 组长` 设置角色',
      '`/team leader 一组 @成员` 指定组长',
      '`/team channel team #pk榜` 设置 PK 榜频道；`/team channel 一组 #一组` 设置小组频道',
      '`/team left @成员 原因` 标记离职（历史记录保留）',
    ].join('\n'),
    added: (who: string, group: string, level: string, status: string) =>
      `已添加 ${who}：${group}，${level}，${status}。`,
    moved: (who: string, group: string) => `已把 ${who} 调到「${group}」。`,
    roleSet: (who: string, role: string) => `${who} 的角色已设为「${role}」。`,
    leaderSet: (who: string, group: string) => `${who} 现在是「${group}」的组长。`,
    teamChannelSet: (channel: string) => `PK 榜将发到 ${channel}。`,
    groupChannelSet: (group: string, channel: string) => `「${group}」的小组频道已设为 ${channel}。`,
    markedLeft: (who: string) => `已将 ${who} 标记为离职，历史记录都保留着。`,
    groupAdded: (group: string) => `已新建小组「${group}」。`,
    listTitle: (team: string, count: number) => `${team} 名单（${count} 人在职）`,
    listEmpty: '名单还是空的。先用 `/team group add 一组` 建小组，再用 `/team add @成员 一组` 添加成员。',
    listGroupHeader: (group: string, leader: string, count: number) =>
      `*${group}*　组长：${leader}　${count} 人`,
    listMember: (who: string, level: string, role: string, status: string) =>
      `${who}　${level}　${role}　${status}`,
    listLeftCount: (count: number) => `另有 ${count} 人已离职（历史保留）。`,
  },
};

export type Messages = {
  [K in keyof typeof zhCN]: (typeof zhCN)[K] extends string ? string : Widen<(typeof zhCN)[K]>;
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { [K in keyof T]: Widen<T[K]> };
