import type { ErrorCode, ErrorParams } from '../errors.ts';

/**
 * 简体中文, the default language and the source of the catalogue's shape: en.ts must provide every
 * key with the same parameters (`satisfies Messages`). Names and mentions arrive already rendered
 * by the messenger adapter, so the catalogue stays messenger-neutral.
 */
const p = (params: ErrorParams, key: string): string => String(params[key] ?? '');
const PAY_LINES_ZH: Record<string, string> = {
  base: '底薪',
  'base-pro-rata': '底薪（按在职天数折算）',
  'cut-below-target': '未达标扣减',
  'cut-at-zero': '零业绩扣减',
  commission: '提成',
  adjustment: '调整',
};
const REASONS_ZH: Record<string, string> = {
  hired: '入职',
  import: '导入',
  'probation-passed': '试用期通过',
  'quarter-promotion': '季度晋升',
  'quarter-demotion': '季度降级',
  manual: '手动调整',
};
const METRIC_ZH: Record<string, string> = {
  calls: '呼出',
  effective: '有效',
  intents: '意向',
  followUps: '回访',
  appointments: '约见',
  visits: '到访',
  amount: '业绩',
};
const metricZh = (metric: string): string => METRIC_ZH[metric] ?? metric;
const ITEM_ZH: Record<string, string> = {
  culture: '企业文化',
  process: '销售流程',
  skills: '销售技巧',
  product: '产品介绍',
  drill: '通关训练',
};
const itemZh = (item: string): string => ITEM_ZH[item] ?? item;

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
      `没有名为「${p(x, 'group')}」的小组${p(x, 'meant') ? `，是不是「${p(x, 'meant')}」？` : '。'}现有小组：${p(x, 'groups') || '（暂无）'}。新建请用 \`/team group add ${p(x, 'group')}\`。`,
    'group-exists': (x: ErrorParams) => `小组「${p(x, 'group')}」已经存在。`,
    'unknown-level': (x: ErrorParams) =>
      `看不懂级别「${p(x, 'level')}」。请写成 见习MO1、客户经理MO2、高级MO3 或 资深MO1 这样的格式。`,
    'unknown-role': (x: ErrorParams) =>
      `看不懂角色「${p(x, 'role')}」。可选：专员、组长、经理、总监、管理员。`,
    'bad-day': (x: ErrorParams) => `日期「${p(x, 'day')}」不对，请写成 2026-11-27 这样的格式。`,
    'bad-command': (x: ErrorParams) => `没看懂「${p(x, 'text')}」。`,
    'leader-of-other-group': (x: ErrorParams) =>
      `${p(x, 'who')} 已经是「${p(x, 'group')}」的组长，请先换掉那个组的组长。`,
    'log-not-your-member': (x: ErrorParams) => `你只能为自己小组的成员记录，${p(x, 'who')} 不在你的范围内。`,
    'log-bad-date': () => '这个日期不存在，请检查月和日，例如 `/log 11-27 呼出120`。',
    'log-future-day': (x: ErrorParams) => `${p(x, 'day')} 还没到，不能提前记录。`,
    'log-day-too-old': (x: ErrorParams) =>
      `${p(x, 'day')} 已超过 ${p(x, 'window')} 天，只能由组长或经理补录。请联系你的组长。`,
    'log-nothing-to-undo': (x: ErrorParams) => `${p(x, 'day')} 没有可以撤销的记录。`,
    'log-negative-total': (x: ErrorParams) =>
      `这样改完，当天的${metricZh(p(x, 'metric'))}会变成 ${p(x, 'value')}，不能小于 0。没有保存。`,
    'log-effective-above-calls': (x: ErrorParams) =>
      `有效呼出（${p(x, 'effective')}）不能多于呼出总量（${p(x, 'calls')}）。请先补上呼出，例如 \`/log 呼出${p(x, 'effective')}\`。没有保存。`,
    'stats-not-your-member': (x: ErrorParams) =>
      `你只能查看自己或自己小组成员的数据，${p(x, 'who')} 不在你的范围内。`,
    'probation-not-found': (x: ErrorParams) => `${p(x, 'who')} 没有试用期记录。`,
    'probation-not-your-member': (x: ErrorParams) => `只有 ${p(x, 'who')} 的组长或经理可以操作试用期。`,
    'probation-decided': (x: ErrorParams) =>
      `这个试用期已经由 ${p(x, 'who')} ${p(x, 'outcome') === 'approved' ? '批准' : '拒绝'}了，没有再做改动。`,
    'probation-item-done': (x: ErrorParams) => `「${itemZh(p(x, 'item'))}」已经完成了。`,
    'probation-drill-first': () =>
      '通关训练要在企业文化、销售流程、销售技巧、产品介绍四项培训都完成后才能勾选。',
    'probation-managers-only': () => '只有经理或总监可以审批试用期。',
    'probation-self': () => '不能审批自己的试用期。',
    'probation-items-open': (x: ErrorParams) =>
      `${p(x, 'who')} 的培训还没全部完成，暂时不能批准入司。可以延期或拒绝。`,
    'probation-extend-days': () => '延期天数请填 1 到 30 之间的整数。',
    'level-not-your-member': (x: ErrorParams) =>
      `你只能查看自己或自己小组成员的级别，${p(x, 'who')} 不在你的范围内。`,
    'pay-not-permitted': () => '薪酬只有本人、经理和总监可以查看。',
    'month-closed': (x: ErrorParams) =>
      `${p(x, 'month')} 已经结算，只有经理可以更正（会在下个月的薪酬单上记一笔调整）。请联系你的经理。`,
    'leave-not-your-member': (x: ErrorParams) =>
      `只能为自己请假；组长可以为本组组员、经理可以为任何人请假（${p(x, 'who')} 不在你的范围内）。`,
    'leave-range-order': (x: ErrorParams) =>
      `结束日 ${p(x, 'to')} 早于开始日 ${p(x, 'from')}，请先写开始日，例如 \`/leave 12-03 12-05\`。`,
    'leave-too-long': () => '一次请假最多 31 天；更长的请假请分几次提交。',
    'leave-too-old': () => '请假最多补记 7 天以前的日子；更早的请联系经理处理。',
    'leave-overlap': (x: ErrorParams) =>
      `这段时间已经有请假了（#${p(x, 'id')}，${p(x, 'from')} 至 ${p(x, 'to')}）。要改请先 \`/leave cancel ${p(x, 'from')}\`。`,
    'leave-not-found': (x: ErrorParams) => `没有编号为 #${p(x, 'id')} 的请假申请。发送 \`/leave\` 查看。`,
    'leave-self': () => '不能审批自己的请假，已经交给你的上级了。',
    'leave-not-approver': () => '这条请假需要该成员的组长或经理审批（经理的请假由总监审批）。',
    'leave-decided': (x: ErrorParams) =>
      `这条请假已经由 ${p(x, 'who')} ${({ approved: '批准', rejected: '驳回', cancelled: '取消' } as Record<string, string>)[p(x, 'outcome')] ?? '处理'}了，没有再做改动。`,
    'leave-none-on-day': (x: ErrorParams) => `${p(x, 'day')} 没有可以取消的请假。发送 \`/leave\` 查看。`,
    'team-not-yours': () => '你只能查看和操作自己所在的团队。',
    'team-exists': (x: ErrorParams) => `已经有名为「${p(x, 'team')}」的团队了，换个名字吧。`,
    'team-not-found': (x: ErrorParams) => `没有名为「${p(x, 'team')}」的团队。现有团队：${p(x, 'teams')}。`,
    'org-admins-only': () =>
      '抱歉，这个操作需要总部管理员（ZHANBAO_ADMINS 或用 `/org admin add` 添加的人）。',
    'bad-month': (x: ErrorParams) => `月份「${p(x, 'month')}」不对，请写成 2026-11 这样的格式。`,
    'bad-goal-amount': (x: ErrorParams) =>
      `目标金额「${p(x, 'amount')}」不行：请写 1 元到 20 亿元之间的整数，例如 \`300万\`、\`¥3,000,000\`。`,
  } satisfies Record<ErrorCode, (params: ErrorParams) => string>,
  chat: {
    help: [
      '**战报机器人能做什么**',
      '`/log 呼出120 有效80 意向8 回访5 约见2 业绩20万` 记录今天的工作量（`/log help` 看更多写法）',
      '`/stats` 我的战报（今日、本周、本月、本季度）　`/stats group` 小组　`/stats team` 团队目标',
      '`/rank` 今日小组 PK 与个人前十　`/rank week`、`/rank month`、`/rank wins`',
      '`/level` 我的级别与本季度进度　`/pay` 我的薪酬（只发给你本人）',
      '`/team` 团队管理（组长、经理）　`/probation` 试用期',
      '`/leave 12-03` 请假　`/leave` 查看请假安排',
      '`/lang en` Switch to English　`/lang 中文` 切换为中文',
      '命令前的斜杠可以省略，例如直接发「log 呼出120」。',
    ],
    thisGroup: '本群',
    typeCommand: (label: string, command: string) => `${label}：发送「${command}」，把 … 换成原因`,
    needsReason:
      '延期或不通过要写原因：发送 `/probation extend @成员 天数 原因` 或 `/probation reject @成员 原因`。',
    cardDone: '已处理',
    menu: { log: '记录', stats: '我的战报', rank: '排行', help: '帮助', more: '更多' },
    langUsage: '请写 `/lang 中文` 或 `/lang en`。',
    langSet: '好的，以后用中文和你说话。',
    unknown: (word: string) => `没有「${word}」这个命令。发送 \`帮助\` 查看能做什么。`,
    sentPrivately: (who: string) => `${who} 结果已私信发给你。`,
  },
  common: {
    somethingWrong: '抱歉，处理时出了点问题，数据没有改动。请稍后再试；如果一直这样，请告诉管理员。',
    noGroup: '未分组',
    none: '无',
  },
  metrics: {
    calls: '呼出',
    effective: '有效',
    intents: '意向',
    followUps: '回访',
    appointments: '约见',
    visits: '到访',
    amount: '业绩',
  },
  conversion: {
    line: (steps: string) => `转化：${steps}`,
    perVisit: (yuan: string) => `每位到访业绩 ${yuan}`,
    teamTitle: '**团队转化**',
  },
  periods: { day: '今日', week: '本周', month: '本月', quarter: '本季度' },
  periodNames: { day: '每日', week: '每周', month: '每月', quarter: '每季度' },
  date: (month: number, day: number) => `${month}月${day}日`,
  log: {
    example: '例如：`/log 呼出120 有效80 意向8 回访5 约见2 业绩20万`',
    problems: {
      'unknown-word': (token: string) => `看不懂「${token}」。`,
      'number-without-metric': (token: string) =>
        `「${token}」是哪个指标？请把指标写在数字旁边，例如 呼出${token}。`,
      'metric-without-number': (metric: string, token: string) =>
        `「${token}」后面缺少数字，例如 ${metric}8。`,
      'repeated-metric': (metric: string) => `${metric}写了两次，每个指标只写一次。`,
      'not-whole-number': (metric: string, token: string) => `${metric}「${token}」不是整数。`,
      'too-large': (metric: string, token: string) => `${metric}「${token}」太大了。`,
      'bad-date': (token: string) => `日期「${token}」不对，请写成 11-27 或 2026-11-27。`,
      'no-metrics': () => '没有要记录的数字。',
      'conflicting-modifiers': (token: string) =>
        `「${token}」和前面的写法冲突（日期、@成员、set/undo 各写一次）。`,
    },
    help: [
      '**记录工作量 `/log`**',
      '`/log 呼出120 有效80 意向8 回访5 约见2 业绩20万` 累加到今天',
      '`/log 到访2` 记录今天到访的客户（昨天约好、今天来了的）',
      '`/log 120 calls 8 intents`、`/log 业绩 1.5万`、`/log 20万` 也可以',
      '`/log set 呼出150` 把今天的呼出改成 150',
      '`/log undo` 撤销今天最后一条',
      '`/log 昨天 意向3`、`/log 11-27 呼出100` 补录（最多 7 天内）',
      '`/log @成员 呼出30` 组长或经理为组员记录',
      '只输入 `/log` 会打开表单。',
    ].join('\n'),
    confirmWord: '确认',
    textForm:
      '把数字填进下面这行发给我就记录好了（只写有的项也可以）：\n`/log 呼出 有效 意向 回访 约见 到访 业绩`\n例如 `/log 呼出120 有效80 意向8 回访5 约见2 业绩20万`；`/log help` 看更多写法。',
    recorded: (who: string, date: string, change: string) => `已记录 ${who} ${date}：${change}`,
    recordedSet: (who: string, date: string, change: string) => `已修改 ${who} ${date} 的数据：${change}`,
    recordedUndo: (who: string, date: string, change: string) =>
      `已撤销 ${who} ${date} 的最后一条记录：${change}`,
    duplicate: (who: string, date: string) => `这条已经记录过了（重复提交只算一次）。${who} ${date}：`,
    totalsTitle: (date: string) => `**${date} 合计**`,
    confirmTitle: '请确认以下数字，确认后才会保存：',
    confirmButton: '确认记录',
    cancelButton: '取消',
    cancelled: '已取消，没有保存任何数据。',
    warnings: {
      'above-ceiling': (metric: string, value: string, ceiling: string) =>
        `${metric} ${value} 超过了每日上限 ${ceiling}。`,
      'above-median': (metric: string, value: string, median: string) =>
        `${metric} ${value} 远高于你近 30 天的中位数 ${median}。`,
      'amount-unit': (amount: string, suggested: string) =>
        `业绩 ${amount} 看起来很少，是不是想写 ${suggested}？如果是，请取消后重新输入，例如 \`/log 业绩20万\`。`,
      'intents-above-effective': (intents: string, effective: string) =>
        `意向 ${intents} 比有效呼出 ${effective} 还多。`,
      'appointments-above-pipeline': (appointments: string, pipeline: string) =>
        `约见 ${appointments} 比意向加回访（${pipeline}）还多。`,
      'visits-above-appointments': (visits: string, booked: string) =>
        `到访 ${visits} 比昨天的次日约见加今天的约见（${booked}）还多。`,
    },
    form: {
      title: '记录工作量',
      submit: '记录',
      cancel: '取消',
      day: '日期',
      dayHint: '今天或 7 天内',
      intro: '只填需要记录的数字，会累加到当天的合计。',
      notAWholeNumber: '请填写 0 或正整数。',
      visitsHint: '约好的客户里今天到访的人数',
      amountHint: '单位：元（例如 200000）',
      nothingEntered: '请至少填写一个数字。',
    },
  },
  stats: {
    usage: (word: string) =>
      `看不懂「${word}」。用法：\`/stats\`、\`/stats 本周\`、\`/stats @成员 本月\`、\`/stats group 一组\`、\`/stats team\`。`,
    title: (who: string) => `${who} 的进度`,
    noTarget: '不考核',
    groupTitle: (group: string, period: string, headcount: number) => `${group} ${period}（${headcount} 人）`,
    groupTotals: '**合计**',
    groupPerCapita: '**人均**',
    groupMembers: '**成员**',
    noGroup: '你还没有分到小组。',
    homeTitle: '我的战报',
    homeNotOnRoster: '你还不在团队名单里，请联系你的经理用 `/team add` 把你加进来。',
    homeHint: '用 `/log` 记录，`/stats` 查看进度。',
  },
  pk: {
    dailyTitle: (date: string) => `小组PK榜 · ${date}`,
    weekTitle: (from: string, to: string) => `本周PK · ${from} – ${to}`,
    weekResultTitle: (from: string, to: string) => `周PK结果 · ${from} – ${to}`,
    monthTitle: (month: number) => `${month}月PK`,
    monthResultTitle: (month: number) => `${month}月PK结果`,
    quarterTitle: (key: string) => `${key} 季度PK`,
    late: '（补发：这条原定时间没有发出）',
    groupLine: (
      medal: string,
      name: string,
      perCapita: string,
      points: string,
      headcount: number,
      equivalent: string | undefined,
    ) =>
      `${medal} **${name}**　人均 ${perCapita} 分　合计 ${points} 分　${headcount} 人${equivalent === undefined ? '' : `，折合 ${equivalent} 人`}`,
    emptyGroup: (name: string) => `　**${name}**　今日无人在岗`,
    topTitle: '**个人前十**',
    nobodyScored: '还没有人得分，第一条 `/log` 就上榜。',
    memberLine: (rank: number, who: string, points: string) => `${rank}. ${who}　${points} 分`,
    yourPlace: (rank: number, points: string, total: number) =>
      `你的排名：第 ${rank} 名（共 ${total} 人），${points} 分`,
    behindTitle: '**未达标**',
    behindLine: (group: string, who: string) => `${group}：${who}`,
    allMet: '全员达标 👏',
    winner: (names: string) => `🏆 冠军：${names}`,
    noGroups: '还没有小组参加PK。用 `/team group add 一组` 建组。',
    weights: (text: string) => `计分：${text}`,
    groupPost: (name: string, rank: number, count: number, perCapita: string) =>
      `**${name}** 今日第 ${rank} 名（共 ${count} 组），人均 ${perCapita} 分。`,
    groupGap: (above: string, gap: string) => `距上一名「${above}」差 ${gap} 分/人。`,
    groupFirst: '暂列第一，继续保持！',
    correctionTitle: (who: string, date: string) => `更正：${who} 补录了 ${date} 的数据，榜单已更新。`,
    correctionLine: (name: string, fromRank: number, toRank: number, fromPc: string, toPc: string) =>
      `${name}：第 ${fromRank} 名 → 第 ${toRank} 名（人均 ${fromPc} → ${toPc}）`,
    winsTitle: (period: string) => `**${period}冠军榜**`,
    winsLine: (name: string, wins: number, current: number, longest: number) =>
      `${name}：${wins} 次冠军，当前连胜 ${current}，最长连胜 ${longest}`,
    noWins: '还没有冠军记录。',
    usage: (word: string) =>
      `看不懂「${word}」。用法：\`/rank\`、\`/rank 本周\`、\`/rank month\`、\`/rank quarter\`、\`/rank wins\`、\`/rank help\`。`,
    help: [
      '**小组PK怎么算 `/rank`**',
      '`/rank` 今日　`/rank 本周`、`/rank 本月`、`/rank 本季度`　`/rank wins` 冠军榜',
      '每人的分数 = 各项工作量 × 计分权重（`/team pk` 查看和修改）；小组合计是在岗成员的分数之和。',
      '人均 = 合计 ÷ 折合人数。折合人数按在岗天数算：整段时间都在岗算 1 人；本周第 3 天才入职、或请假 2 天，只算在岗的那几天（例如 5 天里在岗 3 天算 0.6 人）。',
      '所以「2 人，折合 0.7 人」表示 2 位成员合计只在岗了约 0.7 个人的全部天数，人均按 0.7 人计算，新人多的组不会吃亏。',
      '请假（已批准）的日子不算在岗；请假当天如果记录了工作量，当天照常参加PK。',
      '名次按人均分数，相同时比业绩合计，再比意向合计。',
    ].join('\n'),
  },
  visits: {
    question: (booked: number) => `昨天约见的${booked}位客户，今天到访了几位？`,
    hint: (date: string) => `点一下人数，就记为 ${date} 的到访（只记一次）。`,
    more: (cap: number, command: string) => `超过 ${cap} 位请发送 \`${command}\`（N 换成人数）。`,
    command: (day: string, count: string) => `/log set ${day} 到访${count}`,
  },
  nudges: {
    notLogged: (date: string, minutes: number) =>
      `你今天（${date}）还没有记录工作量，距离PK榜发布还有 ${minutes} 分钟。用 \`/log\` 记录，例如 \`/log 呼出120 意向8\`。`,
    behind: (date: string, missing: string, minutes: number) =>
      `${date} 距离今日目标还差：${missing}。距离PK榜发布还有 ${minutes} 分钟，加油！`,
    leaderFirst: (group: string, perCapita: string, minutes: number) =>
      `**${group}** 当前第 1 名，人均 ${perCapita} 分。还剩 ${minutes} 分钟，守住！`,
    leaderBehind: (
      group: string,
      rank: number,
      perCapita: string,
      above: string,
      gap: string,
      intents: number,
      minutes: number,
    ) =>
      `**${group}** 当前第 ${rank} 名，人均 ${perCapita} 分，比「${above}」少 ${gap} 分/人（全组约差 ${intents} 个意向），还剩 ${minutes} 分钟。`,
    leaderNotLogged: (who: string) => `还没记录：${who}`,
    leaderAllLogged: '全组都已记录。',
    digestTitle: (group: string, date: string) => `**${group}** ${date} 未达标的成员：`,
    digestLine: (who: string, missing: string) => `${who}　差 ${missing}`,
    digestNothing: '没有记录',
    escalationTitle: (days: number, from: string, to: string) =>
      `以下成员已连续 ${days} 个工作日未达标（${from} – ${to}）：`,
    escalationLine: (who: string, group: string) => `${who}（${group}）`,
    calendarWarning: (unknownFrom: string, knownThrough: string) =>
      `日历提醒：官方节假日安排只知道到 ${knownThrough}，${unknownFrom} 起的假期和调休还没有公布。请在公布后用 \`/team calendar 2027-01-01 holiday\`、\`/team calendar 2027-02-07 workday\` 设置，否则这些日子按普通周一到周五计算。`,
    monthFiguresTitle: (month: number) => `**${month}月个人业绩与目标**`,
    monthFiguresLine: (who: string, amount: string, target: string, percent: string, intents: string) =>
      `${who}　业绩 ${amount}/${target}（${percent}）　意向 ${intents}`,
  },
  wall: {
    pageTitle: (team: string) => `${team} · 战报大屏`,
    groupPk: '今日小组PK',
    topMembers: '今日个人榜 TOP 10',
    rank: '名次',
    group: '小组',
    member: '姓名',
    perCapita: '人均分',
    points: '总分',
    memberPoints: '积分',
    headcount: '人数',
    goal: (month: number) => `${month}月团队目标`,
    goalTarget: (goal: string) => `目标 ${goal}`,
    goalNeed: (days: number, perDay: string) => `剩余 ${days} 个工作日，每天需 ${perDay}`,
    goalNoDays: (shortfall: string) => `还差 ${shortfall}，本月已没有剩余工作日`,
    goalMet: '本月目标已达成 ✅',
    noGoal: '本月没有设置团队目标',
    news: '喜报',
    noNews: '今天的第一单还在路上…',
    topDeal: (who: string, amount: string) => `💰 今日最大单：${who} ${amount}`,
    noScores: '今天还没有人记录，第一条 /log 就上榜',
    live: '实时',
    reconnecting: '连接中断，正在重连…',
    updatedAt: (time: string) => `更新于 ${time}`,
  },
  poster: {
    pkBanner: '战报',
    goodNewsBanner: '喜报',
    groupsTitle: '小组排名',
    moreGroups: (count: number) => `另有 ${count} 个小组，完整排名见文字战报`,
    perCapita: '人均分',
    groupDetail: (points: string, headcount: number) => `合计 ${points} 分 · ${headcount} 人`,
    emptyGroup: '今日无人在岗',
    topTitle: (count: number) => `个人前${count}`,
    points: (value: string) => `${value} 分`,
    goalLabel: '本月团队目标',
    goalOf: (goal: string) => `目标 ${goal}`,
    goalMet: (surplus: string) => `目标已达成，超出 ${surplus}`,
    goalShort: (shortfall: string) => `还差 ${shortfall}`,
    goalPerDay: (perDay: string, days: number) => `剩余 ${days} 个工作日，每天需 ${perDay}`,
    money: (yuan: number) =>
      yuan >= 10_000
        ? `¥${Math.floor(yuan / 1000) / 10}万`
        : `¥${new Intl.NumberFormat('en-US').format(yuan)}`,
    firstDeal: '首单开张',
    bigDeal: '大单捷报',
    cheer: '恭喜！再接再厉！',
    footer: '战报 Zhanbao',
  },
  milestones: {
    firstDeal: (who: string, amount: string) => `🎉 恭喜 ${who} 开单！首笔业绩 ${amount}`,
    bigDeal: (who: string, amount: string) => `🎉 喜报！${who} 今日签下大单，业绩 ${amount}`,
    personalBest: (who: string, points: string, previous: string) =>
      `🔥 ${who} 刷新个人最佳：今日 ${points} 分（此前最高 ${previous} 分）`,
    winStreak: (group: string, streak: number) => `🏆 ${group} 连续 ${streak} 次获得PK第一！`,
  },
  org: {
    usage: [
      '**多团队（分部）`/org`**（总部管理员）',
      '`/org` 所有团队　`/team create 二部` 新建团队　`/team rename 新名称` 改名（经理也可以）',
      '`/org move @成员 二部 一组` 调到另一个团队（历史保留）',
      '`/org admin add @某人`、`/org admin remove @某人` 总部管理员　`/org channel #总部` 分部PK发到哪里',
      '总部管理员在命令里写 `@二部` 就是在操作那个团队；在某个团队的群里发命令，默认就是那个团队。',
      '`/rank org` 分部PK（今日；`/rank org 本月`）',
    ].join('\n'),
    created: (team: string) =>
      `已新建团队「${team}」。接下来：\`/team add @成员 组名 见习MO1 @${team}\`，或让该团队的经理直接操作。`,
    renamed: (from: string, to: string) => `团队「${from}」已改名为「${to}」。`,
    listTitle: '**所有团队**',
    listLine: (team: string, headcount: number, groups: number, directors: string, channel: string) =>
      `**${team}**　${headcount} 人　${groups} 个组　总监：${directors}　PK频道：${channel}`,
    noDirector: '未设',
    noChannel: '未设',
    orgChannel: (channel: string) => `分部PK频道：${channel}`,
    admins: (names: string) => `总部管理员：${names}`,
    adminAdded: (who: string) => `已把 ${who} 设为总部管理员。`,
    adminAlready: (who: string) => `${who} 已经是总部管理员了。`,
    adminRemoved: (who: string) => `${who} 不再是总部管理员。`,
    adminNotOne: (who: string) => `${who} 本来就不是总部管理员。`,
    adminConfigured: (who: string) => `${who} 在 ZHANBAO_ADMINS 里，仍是总部管理员（改环境变量才能去掉）。`,
    channelSet: (channel: string) => `分部PK以后发到 ${channel}。`,
    moved: (who: string, from: string, to: string, group: string) =>
      `已把 ${who} 从「${from}」调到「${to}」${group === '' ? '（未分组）' : `的「${group}」`}，级别、业绩和薪酬记录都保留。`,
    boardTitle: (period: string, date: string) => `分部PK · ${period} · ${date}`,
    boardLine: (medal: string, team: string, perCapita: string, amount: string, people: string) =>
      `${medal} **${team}**　人均 ${perCapita} 分　人均业绩 ${amount}　${people}`,
    people: (headcount: number, equivalent: string | undefined) =>
      `${headcount} 人${equivalent === undefined ? '' : `，折合 ${equivalent} 人`}`,
    emptyTeam: (team: string) => `　**${team}**　无人在岗`,
    yourPlace: (team: string, rank: number, count: number) =>
      `「${team}」第 ${rank} 名（共 ${count} 个团队）`,
    scoring: '按默认计分权重统一计分，人均按在岗天数折算。',
  },
  leave: {
    types: { personal: '事假', sick: '病假', annual: '年假', compensatory: '调休' },
    statuses: { pending: '待审批', approved: '已批准', rejected: '未批准', cancelled: '已取消' },
    span: (from: string, to: string, days: number) =>
      from === to ? `${from}（1 天）` : `${from} 至 ${to}（${days} 天）`,
    requested: (who: string, span: string, type: string, approvers: string) =>
      `已提交 ${who} 的请假：${span} ${type}，等待 ${approvers} 审批。`,
    approvedNow: (who: string, span: string, type: string) =>
      `已记录 ${who} 的请假：${span} ${type}（已批准）。`,
    probationMoved: (days: number, deadline: string) => `试用期截止日顺延 ${days} 天，至 ${deadline}。`,
    requestTitle: (who: string) => `${who} 申请请假`,
    requestLine: (span: string, type: string, reason: string) =>
      `${span}　${type}${reason === '' ? '' : `　原因：${reason}`}`,
    requestBy: (who: string) => `由 ${who} 提交`,
    approve: '批准',
    reject: '驳回',
    decided: (who: string, span: string, approve: boolean, by: string) =>
      approve ? `✅ ${who} 的请假（${span}）已由 ${by} 批准。` : `❌ ${who} 的请假（${span}）被 ${by} 驳回。`,
    decidedNote: (note: string) => `说明：${note}`,
    cancelled: (who: string, span: string) => `已取消 ${who} 的请假（${span}）。`,
    listTitle: '**请假安排**（今天起）',
    listLine: (id: number, who: string, span: string, type: string, status: string) =>
      `#${id}　${who}　${span}　${type}　${status}`,
    decideHint: '待审批的可以点按钮，或发送 `/leave approve 编号`、`/leave reject 编号 原因`。',
    none: '今天起没有请假安排。请假：`/leave 12-03` 或 `/leave 12-03 12-05 病假 原因`。',
    onLeaveToday: (names: string) => `今日请假：${names}`,
    loggedOnLeave: (day: string) => `注：${day} 是你的请假日，这条记录照常计入。`,
    usage: [
      '**请假 `/leave`**',
      '`/leave 12-03` 请一天假（事假）；`/leave 12-03 12-05 病假 发烧` 请几天，可写类型和原因',
      '类型：事假、病假、年假、调休；日期可写 今天、明天、12-03、2026-12-03、12月3日',
      '`/leave` 查看请假安排　`/leave cancel 12-04` 取消那天的请假',
      '`/leave @成员 12-03 病假` 组长或经理代为请假（直接批准）',
      '组员的请假由组长审批，组长的由经理审批，经理的由总监审批。',
      '请假日不催报、不进未报和未达标名单，不计入 PK 人数，周、月、季度目标按出勤天数折算。',
    ].join('\n'),
  },
  probation: {
    items: {
      culture: '企业文化',
      process: '销售流程',
      skills: '销售技巧',
      product: '产品介绍',
      drill: '通关训练',
    },
    checklistTitle: (who: string, deadline: string) => `${who} 试用期培训（截止 ${deadline}）`,
    done: '✅',
    open: '⬜',
    tick: (item: string) => `完成「${item}」`,
    ticked: (who: string, item: string) => `已为 ${who} 勾选「${item}」。`,
    allDone: '五项培训全部完成，已提交经理审批。',
    signoffTitle: (who: string) => `${who} 已完成试用期全部培训，请审批入司：`,
    approve: '批准入司',
    extend: '延期',
    reject: '不通过',
    approved: (who: string, by: string) => `✅ ${who} 已由 ${by} 批准入司，保护期开始。`,
    rejected: (who: string, by: string, reason: string) => `❌ ${who} 的试用期未通过（${by}）：${reason}`,
    extended: (who: string, days: number, deadline: string) =>
      `已把 ${who} 的试用期延长 ${days} 天，新的截止日是 ${deadline}。`,
    extendTitle: '延长试用期',
    rejectTitle: '试用期不通过',
    daysLabel: '延长天数',
    reasonLabel: '原因',
    submit: '确定',
    cancel: '取消',
    reminderLeader: (who: string, open: string) =>
      `提醒：今天是 ${who} 试用期第 5 天，还有未完成的培训：${open}。`,
    reminderManagers: (who: string) => `提醒：今天是 ${who} 试用期截止日，请审批。`,
    reminderDirector: (who: string, deadline: string) =>
      `提醒：${who} 的试用期已于 ${deadline} 截止，仍未审批。`,
    statusLine: (who: string, day: number, deadline: string, items: string) =>
      `${who}　第 ${day} 天，截止 ${deadline}　${items}`,
    noneOpen: '没有进行中的试用期。',
    listTitle: '**进行中的试用期**',
    usage:
      '用法：`/probation` 查看；`/probation tick @成员 企业文化`；`/probation approve @成员`；`/probation extend @成员 3 原因`；`/probation reject @成员 原因`',
  },
  level: {
    title: (who: string, level: string) => `${who} 当前级别：**${level}**`,
    progress: (quarter: string, amount: string, target: string) => `${quarter} 业绩 ${amount}/${target}`,
    needed: (amount: string, days: number) => `还需业绩 ${amount}，剩余 ${days} 个工作日`,
    met: '本季度目标已达成 🎉',
    ifMet: (level: string) => `达成：晋升到 ${level}`,
    ifMetTop: '达成：已是最高级别，记为达标',
    ifMissed: (level: string) => `未达成：降到 ${level}`,
    ifMissedProtected: '未达成：保护期内不降级',
    ifMissedBottom: '未达成：保持见习MO1，由经理评估',
    atRisk: '⚠️ 有降级风险',
    protectedUntil: (day: string) => `保护期至 ${day}（不含当天）`,
    held: (reason: string) => `本季度评估已被经理保留：${reason}`,
    onProbation: '试用期中，入司后开始季度考核。',
    historyTitle: '**级别变动记录**',
    historyLine: (at: string, from: string, to: string, reason: string, by: string) =>
      `${at}　${from} → ${to}　${reason}${by}`,
    reason: (code: string): string => REASONS_ZH[code] ?? code,
    by: (who: string) => `（${who}）`,
    set: (who: string, from: string, to: string) => `已把 ${who} 的级别从 ${from} 调整为 ${to}。`,
    heldSet: (who: string, quarter: string) => `已保留 ${who} 的 ${quarter} 季度评估（级别不变）。`,
    heldReleased: (who: string, quarter: string) => `已取消对 ${who} 的 ${quarter} 季度保留。`,
    usage: '用法：`/level` 查看自己；`/level @成员`',
    previewTitle: (quarter: string, day: string) =>
      `**${quarter} 季度评估预览**（${day} 生效，可用 \`/team hold @成员 原因\` 保留）`,
    resultsTitle: (quarter: string) => `**${quarter} 季度评估结果**`,
    resultLine: (who: string, outcome: string, amount: string, target: string) =>
      `${who}　${outcome}　业绩 ${amount}/${target}`,
    outcomes: {
      promoted: (from: string, to: string) => `晋升 ${from} → ${to}`,
      demoted: (from: string, to: string) => `降级 ${from} → ${to}`,
      'met-at-top': (from: string) => `达标，保持 ${from}（最高级）`,
      'flag-for-review': (from: string) => `未达标，保持 ${from}，需经理评估`,
      protected: (from: string) => `未达标，保护期内保持 ${from}`,
      held: (from: string) => `经理保留，保持 ${from}`,
      skipped: (from: string) => `未评估（${from}）`,
    },
    yourResult: (quarter: string, outcome: string, amount: string, target: string) =>
      `你的 ${quarter} 季度评估：${outcome}。业绩 ${amount}，目标 ${target}。`,
    flagsTitle: (quarter: string) => `**${quarter} 需要经理评估的成员**（见习MO1 未达标）：`,
    protectionEnding: (who: string, day: string) =>
      `提醒：${who} 的保护期将于 ${day} 结束，之后季度未达标会降级。`,
    risk: (who: string, amount: string, target: string, days: number) =>
      `⚠️ ${who} 本季度业绩 ${amount}，不到目标 ${target} 的三分之二，有降级风险。剩余 ${days} 个工作日。`,
  },
  pay: {
    title: (who: string, month: string, closed: boolean) =>
      `${who} ${month} 薪酬单${closed ? '（已结算）' : '（本月累计，未结算）'}`,
    line: (code: string): string => PAY_LINES_ZH[code] ?? code,
    amount: (amount: string, target: string, met: boolean) =>
      `业绩 ${amount} / 目标 ${target}${met ? '（达标）' : '（未达标）'}`,
    total: (total: string) => `**合计 ${total}**`,
    rule: (level: string, version: string) => `按 ${level} 的薪酬规则（版本 ${version}）`,
    defaultRule: '默认',
    notEmployed: (month: string) => `${month} 没有在职记录，没有薪酬单。`,
    noClosed: '还没有已结算的月份。',
    teamTitle: (month: string, closed: boolean, count: number) =>
      `**${month} 团队薪酬**${closed ? '（已结算）' : '（未结算，按当前数据）'}　${count} 人`,
    teamLine: (who: string, amount: string, total: string) => `${who}　业绩 ${amount}　实发 ${total}`,
    teamTotal: (total: string) => `**合计 ${total}**`,
    ruleTitle: (level: string) => `**${level} 的薪酬规则**`,
    ruleLines: (base: string, target: string, commission: string, cut: string, zero: string) =>
      `底薪 ${base}；月业绩目标 ${target}；提成 ${commission}；未达标扣 ${cut}；零业绩扣 ${zero}`,
    tier: (rate: string, from: string) => `${rate}（${from} 起）`,
    ruleSet: (levels: string, from: string) =>
      `已修改 ${levels} 的薪酬规则，自 ${from} 起生效；已结算的月份不受影响。`,
    exportSent: (file: string, rows: number) => `已把 ${file}（${rows} 行）发到你的私信。`,
    usage: '用法：`/pay` 查看自己；`/pay @成员`；`/pay team 2026-11`',
  },
  /** Workbooks (.xlsx exports): sheet names and column headers; the machine keys stay in the code. */
  workbook: {
    summary: '总览',
    noGroup: '未分组',
    totals: '合计',
    columns: {
      month: '月份',
      slack_user_id: '用户ID',
      user_id: '用户ID',
      name: '姓名',
      group: '小组',
      level: '级别',
      role: '角色',
      status: '状态',
      amount_yuan: '业绩（元）',
      target_yuan: '目标（元）',
      target_met: '达标',
      base: '底薪',
      cuts: '扣减',
      commission: '提成',
      adjustments: '调整',
      total: '应发合计',
      rule_version: '规则版本',
      day: '日期',
      calls: '呼出',
      effective: '有效',
      intents: '意向',
      follow_ups: '回访',
      appointments: '约见',
      visits: '到访',
      hired_on: '入职日期',
      joined_on: '入司日期',
      people: '人数',
      on_probation: '试用期',
      active: '在职',
      left: '已离职',
    },
  },
  roles: { agent: '专员', leader: '组长', manager: '经理', director: '总监', admin: '管理员' },
  statuses: { probation: '试用期', active: '在职', left: '已离职' },
  goals: {
    month: (year: number, month: number) => `${year}年${month}月`,
    sources: { ramp: '按计划', override: '经理设置', share: '按人数分摊' },
    header: (goal: string, actual: string, percent: number) =>
      `🎯 本月团队目标 ${goal}　已完成 ${actual}（${percent}%）`,
    headerNeed: (shortfall: string, days: number, perDay: string) =>
      `还差 ${shortfall}，剩余 ${days} 个工作日，每天需 ${perDay}`,
    headerNoDays: (shortfall: string) => `本月已没有剩余工作日，还差 ${shortfall}`,
    headerMet: (surplus: string) => `本月目标已达成 🎉（超出 ${surplus}）`,
    resultMet: (month: string, goal: string, actual: string, surplus: string) =>
      `🎯 ${month}团队目标 ${goal}：✅ 达成！完成 ${actual}，超出 ${surplus}`,
    resultMissed: (month: string, goal: string, actual: string, percent: number, shortfall: string) =>
      `🎯 ${month}团队目标 ${goal}：❌ 未达成，完成 ${actual}（${percent}%），差 ${shortfall}`,
    yearTitle: (year: number) => `**${year}年团队业绩目标**`,
    rampText: (ramp: string, mature: string) => `前三个月 ${ramp}，之后每月 ${mature}`,
    startCreated: (start: string, ramp: string) => `从 ${start} 起算（团队建立的月份）：${ramp}。`,
    startSet: (start: string, ramp: string) => `从 ${start} 起算（经理设置）：${ramp}。`,
    yearLine: (month: string, goal: string, source: string, result: string) =>
      `${month}　目标 ${goal}（${source}）　${result}`,
    yearNoGoal: (month: string) => `${month}　无目标（早于起始月）`,
    yearGroups: (groups: string) => `　小组目标：${groups}`,
    stateMet: (actual: string, percent: number) => `✅ 达成 ${actual}（${percent}%）`,
    stateMissed: (actual: string, percent: number) => `❌ 未达成 ${actual}（${percent}%）`,
    stateRunning: (actual: string, percent: number) => `进行中 ${actual}（${percent}%）`,
    stateAhead: '',
    yearHint:
      '修改：`/team goal 2027-01 300万`、`/team goal 2027-01 一组 50万`、`/team goal 2027-01 clear`、`/team goal start 2026-10`',
    startDone: (start: string, first: string) =>
      `已设置：团队目标从 ${start} 起算，${start} 是第 1 个月（目标 ${first}）。经理为某月设置的目标仍然优先。`,
    setTeam: (month: string, goal: string) => `已把 ${month}的团队目标设为 ${goal}。`,
    setTeamWas: (month: string, goal: string, previous: string) =>
      `已把 ${month}的团队目标设为 ${goal}（原为 ${previous}）。`,
    setGroup: (month: string, group: string, goal: string) =>
      `已把 ${month}「${group}」的目标设为 ${goal}，团队目标剩下的部分由其他小组按人数分摊。`,
    clearedTeam: (month: string, now: string) => `已取消 ${month}经理设置的团队目标，现在是 ${now}。`,
    clearedTeamNone: (month: string, now: string) => `${month}没有经理设置的团队目标，现在是 ${now}。`,
    clearedGroup: (month: string, group: string) => `已取消 ${month}「${group}」的目标，恢复按人数分摊。`,
    clearedGroupNone: (month: string, group: string) =>
      `${month}「${group}」没有单独设置的目标，仍按人数分摊。`,
    nowRamp: (goal: string) => `按计划 ${goal}`,
    nowNone: '无目标（早于起始月）',
    statsTitle: (month: string) => `${month}团队目标`,
    statsTeam: (goal: string, source: string, actual: string, percent: number) =>
      `**全队**　目标 ${goal}（${source}）　已完成 ${actual}（${percent}%）`,
    statsGroup: (group: string, goal: string, source: string, actual: string, percent: number) =>
      `**${group}**　目标 ${goal}（${source}）　已完成 ${actual}（${percent}%）`,
    needPerDay: (shortfall: string, days: number, perDay: string) =>
      `　还差 ${shortfall}，剩余 ${days} 个工作日，每天需 ${perDay}`,
    needNoDays: (shortfall: string) => `　还差 ${shortfall}，本月已没有剩余工作日`,
    needMet: '　已达成 ✅',
    statsNoGoal: (month: string, start: string) =>
      `${month}没有团队目标：目标从 ${start} 起算。经理可以用 \`/team goal\` 设置。`,
    digestTitle: (date: string) => `**团队目标晨报 · ${date}**`,
  },
  team: {
    unknownSubcommand: (word: string) => `\`/team\` 没有「${word}」这个子命令。`,
    usage: {
      add: '用法：`/team add @成员 组名 [级别] [角色] [入职日期] [新组]`，例如 `/team add @小王 一组 见习MO1`；组名有空格时加引号：`/team add @小王 "A 组" 见习MO1`；组还不存在时末尾加「新组」一并新建',
      move: '用法：`/team move @成员 组名`，例如 `/team move @小王 二组`',
      role: '用法：`/team role @成员 角色`，角色可选：专员、组长、经理、总监、管理员',
      leader: '用法：`/team leader 组名 @成员`，例如 `/team leader 一组 @老李`',
      channel: '用法：`/team channel team #频道`（PK 榜频道）或 `/team channel 组名 #频道`',
      left: '用法：`/team left @成员 [原因]`',
      'group-add': '用法：`/team group add 组名`',
      'target-set':
        '用法：`/team target 级别|all 周期 指标 数值 [from 日期]`，例如 `/team target 客户经理MO1 月 业绩 25万 from 2026-12-01`；查看：`/team target 客户经理MO1`',
      'limit-set':
        '用法：`/team limit 呼出 2000`（每日上限）、`/team limit median 3`（中位数倍数）、`/team limit unit 1000`（业绩单位检查）；查看：`/team limit`',
      'calendar-set':
        '用法：`/team calendar` 查看；`/team calendar 2027-01-01 holiday`（或 workday、clear）；`/team calendar saturdays on|off`',
      'pk-set': '用法：`/team pk` 查看；`/team pk 意向 5`、`/team pk 业绩 20`（每 ¥10,000 的分值）',
      'schedule-set': '用法：`/team schedule` 查看；`/team schedule daily-pk 18:30`',
      image:
        '用法：`/team image` 查看；`/team image off`（或 on）关闭或打开战报图片；`/team image 喜报 10万` 单日业绩达到 10万 也发喜报；`/team image 喜报 off` 只为首单发喜报',
      'level-set': '用法：`/team level @成员 级别 原因`，例如 `/team level @小王 客户经理MO2 表现突出`',
      hold: '用法：`/team hold @成员 原因`（本季度评估保持级别不变）',
      release: '用法：`/team release @成员`',
      'pay-set':
        '用法：`/team pay 客户经理MO1` 查看；`/team pay all 底薪 2500 from 2027-01-01`；项目：底薪、目标、提成（1% 或 1% 超出 1.5%）、未达标扣、零业绩扣',
      export:
        '用法：`/team export pay 2026-11` 或 `/team export activity 2026-11-01 2026-11-30`（Excel 工作簿；加 `csv` 导出 CSV 文件）',
      wall: '用法：`/team wall` 获取办公室大屏链接；`/team wall reset` 作废旧链接并换一个新的',
      goal: '用法：`/team goal` 查看全年目标；`/team goal 2027-01 300万` 设置团队月目标；`/team goal 2027-01 一组 50万` 设置小组目标；`/team goal 2027-01 clear` 取消；`/team goal start 2026-10` 设置起始月',
    },
    help: [
      '**团队管理 `/team`**',
      '`/team list` 查看名单',
      '`/team group add 一组` 新建小组',
      '`/team add @成员 一组 见习MO1 [组长] [2026-11-20]` 添加成员（新人进入试用期）',
      '`/team move @成员 二组` 调组',
      '`/team role @成员 组长` 设置角色',
      '`/team leader 一组 @成员` 指定组长',
      '`/team channel team #pk榜` 设置 PK 榜频道；`/team channel 一组 #一组` 设置小组频道',
      '`/team left @成员 原因` 标记离职（历史记录保留）',
      '`/team target 客户经理MO1` 查看目标；`/team target 客户经理MO1 月 业绩 25万 from 2026-12-01` 修改目标',
      '`/team limit` 查看 /log 的检查上限；`/team limit 呼出 2000` 修改每日上限',
      '`/team today` 今日进度：谁没记录、谁未达标',
      '`/team calendar` 工作日历；`/team calendar 2027-01-01 holiday` 设置假期',
      '`/team pk` PK 计分；`/team schedule` 定时任务时间；`/team image` 战报/喜报图片',
      '`/team level @成员 客户经理MO2 原因` 手动调整级别；`/team hold @成员 原因` 季度评估保留',
      '`/team pay 客户经理MO1` 薪酬规则；`/team export pay 2026-11` 导出给 HR',
      '`/team goal` 全年团队业绩目标；`/team goal 2027-01 300万`、`/team goal 2027-01 一组 50万` 设置；`/team goal 2027-01 clear` 取消；`/team goal start 2026-10` 起始月',
      '`/team wall` 办公室大屏链接（只发给你）；`/team wall reset` 换新链接，旧链接立即失效',
    ].join('\n'),
    /** `/team add` named a group that does not exist: the refusal, and the same line with 新组 to create it. */
    newGroupOffer: (group: string, groups: string, meant: string, retype: string) =>
      [
        meant === ''
          ? `还没有「${group}」这个小组（现有：${groups || '暂无'}）。`
          : `没有名为「${group}」的小组，是不是「${meant}」？（现有：${groups}）`,
        meant === ''
          ? `要新建「${group}」并同时添加，在命令末尾加上「新组」再发一次：`
          : `如果确实要新建「${group}」，在命令末尾加上「新组」再发一次：`,
        retype,
      ].join('\n'),
    newGroupWord: '新组',
    newGroupButton: (group: string) => `新建「${group}」并添加`,
    added: (who: string, group: string, level: string, status: string) =>
      `已添加 ${who}：${group}，${level}，${status}。`,
    moved: (who: string, group: string) => `已把 ${who} 调到「${group}」。`,
    roleSet: (who: string, role: string) => `${who} 的角色已设为「${role}」。`,
    leaderSet: (who: string, group: string) => `${who} 现在是「${group}」的组长。`,
    teamChannelSet: (channel: string) => `PK 榜将发到 ${channel}。`,
    groupChannelSet: (group: string, channel: string) => `「${group}」的小组频道已设为 ${channel}。`,
    markedLeft: (who: string) => `已将 ${who} 标记为离职，历史记录都保留着。`,
    targetsTitle: (level: string) => `**${level} 的目标**`,
    targetLine: (period: string, figures: string) => `${period}：${figures}`,
    targetSet: (levels: string, period: string, metric: string, value: string, from: string) =>
      `已修改目标：${levels} ${period}${metric} ${value}，自 ${from} 起生效（之前的日子仍按原目标考核）。`,
    allLevels: '所有级别',
    limitsTitle: '**/log 的检查上限**',
    limitsCeiling: (figures: string) => `每日上限：${figures}`,
    limitsMedian: (factor: number) => `超过本人近 30 天中位数的 ${factor} 倍时请求确认（0 为关闭）`,
    limitsUnit: (amount: string) => `业绩低于 ${amount} 时提醒是否漏写「万」（0 为关闭）`,
    todayTitle: (date: string) => `今日进度 · ${date}`,
    wallTitle: '📺 **办公室大屏**（只发给你）',
    wallLink: (url: string) => `大屏链接：${url}`,
    wallRelative: (path: string) =>
      `大屏路径：\`${path}\`，它相对于机器人的地址（例如 https://机器人的域名${path}）。在环境变量里设置 \`ZHANBAO_PUBLIC_URL\`（如 https://zhanbao.example.com）并重启后，这里会给出完整链接。`,
    wallHow:
      '在电视的浏览器里打开并全屏（F11）：页面只读，有人记录后 2 秒内自动刷新，不显示薪酬和个人目标。链接后加 `?lang=en` 显示英文。',
    wallReset: '旧链接已作废，打开它的屏幕会显示「链接已失效」。',
    wallKeep: '链接相当于钥匙，只发给需要的人；泄露了就用 `/team wall reset` 换一个。',
    todayFunnel: (group: string, headcount: number, funnel: string) =>
      `**${group}**（${headcount} 人）\n${funnel}`,
    todayNotLogged: (who: string) => `未记录：${who}`,
    todayBehind: (who: string) => `未达标：${who}`,
    todayAllGood: '全组都已记录并达标。',
    todayApprovals: '待你审批：无',
    todayApprovalsWaiting: (who: string) => `待你审批入司：${who}（用 \`/probation\` 查看）`,
    calendarTitle: (from: string, to: string) => `**工作日历** ${from} – ${to}`,
    calendarSaturdays: (work: boolean) => (work ? '本团队周六上班。' : '本团队周六休息（调休补班除外）。'),
    calendarOff: (day: string, why: string) => `${day} 休息（${why}）`,
    calendarOn: (day: string, why: string) => `${day} 上班（${why}）`,
    calendarWhyOverride: '团队设置',
    calendarWhyWeekend: '周六上班',
    calendarWhyMakeUp: (festival: string) => `${festival}调休`,
    calendarNothing: '这 30 天都是普通的周一到周五工作日。',
    calendarKnown: (through: string) => `官方节假日数据到 ${through}。`,
    calendarUnknown: (from: string) =>
      `⚠️ ${from} 起的官方假期还没有公布，请用 \`/team calendar 日期 holiday|workday\` 设置。`,
    calendarSet: (day: string, override: string) => `已把 ${day} 设为${override}。`,
    calendarCleared: (day: string) => `已取消 ${day} 的团队设置，按官方日历计算。`,
    calendarHoliday: '休息日',
    calendarWorkday: '工作日',
    saturdaysSet: (work: boolean) => (work ? '已设置：周六上班。' : '已设置：周六休息。'),
    imageSettings: (enabled: boolean, threshold: string | undefined) =>
      [
        enabled ? '战报图片：**开**（PK榜和喜报附带图片）' : '战报图片：**关**（只发文字）',
        threshold === undefined ? '喜报：首单' : `喜报：首单，以及单日业绩达到 ${threshold}`,
      ].join('\n'),
    pkTitle: '**PK 计分规则**',
    pkLine: (metric: string, points: number) => `${metric}：每个 ${points} 分`,
    pkAmountLine: (points: number) => `业绩：每 ¥10,000 ${points} 分`,
    scheduleTitle: '**定时任务（团队时区）**',
    scheduleLine: (job: string, time: string) => `${job}　${time}`,
    jobNames: {
      'daily-warnings': '17:00 未达标提醒（工作日）',
      'daily-pk': '小组PK榜（工作日）',
      'morning-digest': '晨报：昨日未达标（工作日）',
      'weekly-pk': '周PK结果（每周最后一个工作日）',
      'monthly-pk': '月PK结果（每月最后一个工作日）',
      'calendar-check': '日历检查（每天）',
      'careers-daily': '试用期提醒、保护期到期、降级风险（每天）',
      'quarter-preview': '季度评估预览（季度最后一个工作日）',
      'quarter-review': '季度评估（季度第一个工作日）',
      'month-close': '月度结算（每月第一个工作日）',
    },
    groupAdded: (group: string) => `已新建小组「${group}」。`,
    listTitle: (team: string, count: number) => `${team} 名单（${count} 人在职）`,
    listEmpty: '名单还是空的。先用 `/team group add 一组` 建小组，再用 `/team add @成员 一组` 添加成员。',
    listGroupHeader: (group: string, leader: string, count: number) =>
      `**${group}**　组长：${leader}　${count} 人`,
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
