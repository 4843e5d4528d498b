import type { ErrorParams } from '../errors.ts';
import type { Messages } from './zh-CN.ts';

const p = (params: ErrorParams, key: string): string => String(params[key] ?? '');
const PAY_LINES_EN: Record<string, string> = {
  base: 'Base',
  'base-pro-rata': 'Base (pro rata for the days employed)',
  'cut-below-target': 'Cut: target missed',
  'cut-at-zero': 'Cut: no 业绩',
  commission: 'Commission',
  adjustment: 'Adjustment',
};
const REASONS_EN: Record<string, string> = {
  hired: 'hired',
  import: 'imported',
  'probation-passed': 'probation passed',
  'quarter-promotion': 'quarter promotion',
  'quarter-demotion': 'quarter demotion',
  manual: 'set by hand',
};
const METRIC_EN: Record<string, string> = {
  calls: 'calls',
  effective: 'effective calls',
  intents: 'intents',
  followUps: 'follow-ups',
  appointments: 'appointments',
  visits: 'visits',
  amount: 'amount',
};
const metricEn = (metric: string): string => METRIC_EN[metric] ?? metric;
const ITEM_EN: Record<string, string> = {
  culture: 'Company culture',
  process: 'Sales process',
  skills: 'Sales skills',
  product: 'Product introduction',
  drill: 'Pass-through drill',
};
const itemEn = (item: string): string => ITEM_EN[item] ?? item;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const en = {
  locale: 'en',
  errors: {
    'not-permitted': () => 'Sorry, only a manager, the director or an admin can do that.',
    'not-on-roster': () =>
      'You are not on the team roster yet. Ask your manager to add you with `/team add`.',
    'member-not-found': (x: ErrorParams) =>
      `${p(x, 'who')} is not on the roster. Add them first with \`/team add ${p(x, 'who')} GROUP\`.`,
    'member-exists': (x: ErrorParams) =>
      `${p(x, 'who')} is already on the roster (${p(x, 'group')}). Use \`/team move\` to change their group.`,
    'member-left': (x: ErrorParams) => `${p(x, 'who')} has left the team, so this cannot be done for them.`,
    'group-not-found': (x: ErrorParams) =>
      `There is no group called "${p(x, 'group')}"${p(x, 'meant') ? ` — did you mean "${p(x, 'meant')}"?` : '.'} Groups: ${p(x, 'groups') || '(none yet)'}. Create it with \`/team group add ${p(x, 'group')}\`.`,
    'group-exists': (x: ErrorParams) => `The group "${p(x, 'group')}" already exists.`,
    'unknown-level': (x: ErrorParams) =>
      `I do not know the level "${p(x, 'level')}". Write it like trainee-mo1, account-mo2, senior-mo3, principal-mo1 or the code (P1, A2, S3, E1).`,
    'unknown-role': (x: ErrorParams) =>
      `I do not know the role "${p(x, 'role')}". Roles: agent, leader, manager, director, admin.`,
    'bad-day': (x: ErrorParams) => `"${p(x, 'day')}" is not a date I can use; write it like 2026-11-27.`,
    'bad-command': (x: ErrorParams) => `I did not understand "${p(x, 'text')}".`,
    'leader-of-other-group': (x: ErrorParams) =>
      `${p(x, 'who')} already leads "${p(x, 'group')}"; give that group another leader first.`,
    'log-not-your-member': (x: ErrorParams) =>
      `You can only log for members of your own group; ${p(x, 'who')} is not one of them.`,
    'log-bad-date': () => 'That date does not exist; check the month and day, e.g. `/log 11-27 120 calls`.',
    'log-future-day': (x: ErrorParams) => `${p(x, 'day')} has not come yet, so nothing can be logged for it.`,
    'log-day-too-old': (x: ErrorParams) =>
      `${p(x, 'day')} is more than ${p(x, 'window')} days ago; only your leader or manager can log for it now.`,
    'log-nothing-to-undo': (x: ErrorParams) => `There is nothing to undo on ${p(x, 'day')}.`,
    'log-negative-total': (x: ErrorParams) =>
      `That would make the day's ${metricEn(p(x, 'metric'))} ${p(x, 'value')}, and a total cannot be below 0. Nothing was saved.`,
    'log-effective-above-calls': (x: ErrorParams) =>
      `Effective calls (${p(x, 'effective')}) cannot be more than calls (${p(x, 'calls')}). Log the calls first, e.g. \`/log ${p(x, 'effective')} calls\`. Nothing was saved.`,
    'stats-not-your-member': (x: ErrorParams) =>
      `You can only see your own figures or your group's; ${p(x, 'who')} is not in your group.`,
    'probation-not-found': (x: ErrorParams) => `${p(x, 'who')} has no probation record.`,
    'probation-not-your-member': (x: ErrorParams) =>
      `Only the leader of ${p(x, 'who')} or a manager can work on their probation.`,
    'probation-decided': (x: ErrorParams) =>
      `This probation was already ${p(x, 'outcome') === 'approved' ? 'approved' : 'rejected'} by ${p(x, 'who')}; nothing was changed.`,
    'probation-item-done': (x: ErrorParams) => `"${itemEn(p(x, 'item'))}" is already done.`,
    'probation-drill-first': () =>
      'The pass-through drill can be ticked only after the four trainings (culture, sales process, sales skills, product) are done.',
    'probation-managers-only': () => 'Only a manager or the director can decide a probation.',
    'probation-self': () => 'You cannot decide your own probation.',
    'probation-items-open': (x: ErrorParams) =>
      `${p(x, 'who')} has not finished every training item, so they cannot be approved yet. You can extend or reject.`,
    'probation-extend-days': () => 'Extend by a whole number of days from 1 to 30.',
    'level-not-your-member': (x: ErrorParams) =>
      `You can only see your own level or your group's; ${p(x, 'who')} is not in your group.`,
    'pay-not-permitted': () => 'Pay is visible only to the member, the managers and the director.',
    'month-closed': (x: ErrorParams) =>
      `${p(x, 'month')} is closed; only a manager can correct it (as an adjustment on a later statement). Please ask your manager.`,
    'leave-not-your-member': (x: ErrorParams) =>
      `You can ask for leave for yourself; a leader for their group, a manager for anyone (${p(x, 'who')} is not yours).`,
    'leave-range-order': (x: ErrorParams) =>
      `The last day ${p(x, 'to')} is before the first day ${p(x, 'from')}; write the first day first, e.g. \`/leave 12-03 12-05\`.`,
    'leave-too-long': () =>
      'One leave request covers at most 31 days; send a longer absence as several requests.',
    'leave-too-old': () =>
      'Leave can be recorded at most 7 days after the fact; ask a manager for anything older.',
    'leave-overlap': (x: ErrorParams) =>
      `There is already leave on those days (#${p(x, 'id')}, ${p(x, 'from')} to ${p(x, 'to')}). To change it, \`/leave cancel ${p(x, 'from')}\` first.`,
    'leave-not-found': (x: ErrorParams) =>
      `There is no leave request #${p(x, 'id')}. Send \`/leave\` to see them.`,
    'leave-self': () => 'You cannot approve your own leave; it has gone to the person above you.',
    'leave-not-approver': () =>
      "This leave is decided by the member's leader or a manager (a manager's leave by the director).",
    'leave-decided': (x: ErrorParams) =>
      `This leave request was already ${({ approved: 'approved', rejected: 'turned down', cancelled: 'cancelled' } as Record<string, string>)[p(x, 'outcome')] ?? 'decided'} by ${p(x, 'who')}; nothing was changed.`,
    'leave-none-on-day': (x: ErrorParams) =>
      `There is no leave to cancel on ${p(x, 'day')}. Send \`/leave\` to see yours.`,
    'team-not-yours': () => 'You can see and work on your own team only.',
    'team-exists': (x: ErrorParams) =>
      `There is already a team called "${p(x, 'team')}"; choose another name.`,
    'team-not-found': (x: ErrorParams) =>
      `There is no team called "${p(x, 'team')}". Teams: ${p(x, 'teams')}.`,
    'org-admins-only': () =>
      'Sorry, this needs an org admin (ZHANBAO_ADMINS, or someone added with `/org admin add`).',
    'bad-month': (x: ErrorParams) => `"${p(x, 'month')}" is not a month I can use; write it like 2026-11.`,
    'bad-goal-amount': (x: ErrorParams) =>
      `A goal of ${p(x, 'amount')} will not do: write whole yuan from 1 to 2,000,000,000, e.g. \`300万\` or \`¥3,000,000\`.`,
  },
  chat: {
    help: [
      '**What Zhanbao can do**',
      '`/log 120 calls 80 effective 8 intents 5 follow-ups 2 appointments 200k` log today (`/log help` for more)',
      '`/stats` my figures (today, week, month, quarter)　`/stats group` my group　`/stats team` the team goal',
      "`/rank` today's group PK and the top 10　`/rank week`, `/rank month`, `/rank wins`",
      '`/level` my level and the quarter so far　`/pay` my pay (sent to you only)',
      '`/team` roster administration (leaders, managers)　`/probation` probation',
      '`/leave 12-03` ask for leave　`/leave` upcoming leave',
      '`/lang 中文` 切换为中文　`/lang en` English',
      'The slash is optional: `log 120 calls` works too.',
    ],
    thisGroup: 'this group',
    typeCommand: (label: string, command: string) =>
      `${label}: send "${command}" with … replaced by the reason`,
    needsReason:
      'Extending or rejecting needs a reason: send `/probation extend @member DAYS REASON` or `/probation reject @member REASON`.',
    cardDone: 'Done',
    menu: { log: 'Log', stats: 'My figures', rank: 'Ranking', help: 'Help', more: 'More' },
    langUsage: 'Write `/lang en` or `/lang 中文`.',
    langSet: "OK, I'll speak English with you from now on.",
    unknown: (word: string) => `There is no command "${word}". Send \`help\` to see what I can do.`,
    sentPrivately: (who: string) => `${who} I sent you the answer in a private chat.`,
  },
  common: {
    somethingWrong:
      'Sorry, something went wrong and nothing was changed. Please try again; if it keeps happening, tell your admin.',
    noGroup: 'No group',
    none: 'none',
  },
  metrics: {
    calls: 'calls',
    effective: 'effective',
    intents: 'intents',
    followUps: 'follow-ups',
    appointments: 'appointments',
    visits: 'visits',
    amount: 'amount',
  },
  conversion: {
    line: (steps: string) => `Conversion: ${steps}`,
    perVisit: (yuan: string) => `amount per visit ${yuan}`,
    teamTitle: '**Team conversion**',
  },
  periods: { day: 'Today', week: 'This week', month: 'This month', quarter: 'This quarter' },
  periodNames: { day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' },
  date: (month: number, day: number) => `${MONTHS[month - 1] ?? month} ${day}`,
  log: {
    example: 'For example: `/log 120 calls 80 effective 8 intents 5 followups 2 appointments amount 200000`',
    problems: {
      'unknown-word': (token: string) => `I did not understand '${token}'.`,
      'number-without-metric': (token: string) =>
        `What is '${token}'? Put the metric next to the number, e.g. ${token} calls.`,
      'metric-without-number': (metric: string, token: string) =>
        `'${token}' needs a number, e.g. 8 ${metric}.`,
      'repeated-metric': (metric: string) => `${metric} is given twice; give each metric once.`,
      'not-whole-number': (metric: string, token: string) => `${metric} '${token}' is not a whole number.`,
      'too-large': (metric: string, token: string) => `${metric} '${token}' is too large.`,
      'bad-date': (token: string) => `'${token}' is not a date I can use; write 11-27 or 2026-11-27.`,
      'no-metrics': () => 'There is nothing to log.',
      'conflicting-modifiers': (token: string) =>
        `'${token}' conflicts with what comes before it (one date, one @member, one set/undo).`,
    },
    help: [
      '**Log your work with `/log`**',
      '`/log 120 calls 80 effective 8 intents 5 followups 2 appointments` adds to today',
      '`/log 2 visits` (or `2 showed`) logs the customers who came in today',
      '`/log amount 350000`, `/log deal 20w`, `/log 200k` and the Chinese `/log 呼出120 意向8 业绩20万` work too',
      "`/log set 150 calls` makes today's calls 150",
      "`/log undo` removes today's last entry",
      '`/log yesterday 3 intents`, `/log 11-27 100 calls` log for an earlier day (up to 7 days back)',
      '`/log @member 30 calls` leaders and managers log for their members',
      '`/log` alone opens a form.',
    ].join('\n'),
    confirmWord: 'confirm',
    textForm:
      'Fill in your numbers and send me this line (leave out what you have none of):\n`/log calls effective intents follow-ups appointments visits amount`\nfor example `/log 120 calls 80 effective 8 intents 200k`; `/log help` for more ways to write it.',
    recorded: (who: string, date: string, change: string) => `Logged for ${who}, ${date}: ${change}`,
    recordedSet: (who: string, date: string, change: string) => `Set ${who}'s figures for ${date}: ${change}`,
    recordedUndo: (who: string, date: string, change: string) =>
      `Undid ${who}'s last entry of ${date}: ${change}`,
    duplicate: (who: string, date: string) =>
      `Already logged (a repeated request counts once). ${who}, ${date}:`,
    totalsTitle: (date: string) => `**Totals for ${date}**`,
    confirmTitle: 'Please check these figures; nothing is saved until you confirm:',
    confirmButton: 'Confirm and save',
    cancelButton: 'Cancel',
    cancelled: 'Cancelled; nothing was saved.',
    warnings: {
      'above-ceiling': (metric: string, value: string, ceiling: string) =>
        `${metric} ${value} is above the daily ceiling of ${ceiling}.`,
      'above-median': (metric: string, value: string, median: string) =>
        `${metric} ${value} is far above your own 30-day median of ${median}.`,
      'amount-unit': (amount: string, suggested: string) =>
        `An amount of ${amount} looks small; did you mean ${suggested}? If so, cancel and log e.g. \`/log amount 200000\` or \`/log 业绩20万\`.`,
      'intents-above-effective': (intents: string, effective: string) =>
        `${intents} intents is more than ${effective} effective calls.`,
      'appointments-above-pipeline': (appointments: string, pipeline: string) =>
        `${appointments} appointments is more than intents plus follow-ups (${pipeline}).`,
      'visits-above-appointments': (visits: string, booked: string) =>
        `${visits} visits is more than yesterday's appointments for today plus today's appointments (${booked}).`,
    },
    form: {
      title: 'Log activity',
      submit: 'Log',
      cancel: 'Cancel',
      day: 'Day',
      dayHint: 'Today or up to 7 days back',
      intro: "Fill in only what you want to log; it is added to the day's totals.",
      notAWholeNumber: 'Enter 0 or a whole number.',
      visitsHint: 'Booked customers who came in that day',
      amountHint: 'In yuan (e.g. 200000)',
      nothingEntered: 'Enter at least one figure.',
    },
  },
  stats: {
    usage: (word: string) =>
      `I did not understand '${word}'. Try \`/stats\`, \`/stats week\`, \`/stats @member month\`, \`/stats group GroupA\` or \`/stats team\`.`,
    title: (who: string) => `Progress of ${who}`,
    noTarget: 'no target',
    groupTitle: (group: string, period: string, headcount: number) =>
      `${group}, ${period.toLowerCase()} (${headcount} people)`,
    groupTotals: '**Totals**',
    groupPerCapita: '**Per person**',
    groupMembers: '**Members**',
    noGroup: 'You are not in a group yet.',
    homeTitle: 'My Zhanbao',
    homeNotOnRoster: 'You are not on the team roster yet. Ask your manager to add you with `/team add`.',
    homeHint: 'Log with `/log`, see your progress with `/stats`.',
  },
  pk: {
    dailyTitle: (date: string) => `Group PK · ${date}`,
    weekTitle: (from: string, to: string) => `This week's PK · ${from} – ${to}`,
    weekResultTitle: (from: string, to: string) => `Weekly PK result · ${from} – ${to}`,
    monthTitle: (month: number) => `PK of ${MONTHS[month - 1] ?? month}`,
    monthResultTitle: (month: number) => `PK result of ${MONTHS[month - 1] ?? month}`,
    quarterTitle: (key: string) => `PK of ${key}`,
    late: '(Posted late: this did not go out at its time.)',
    groupLine: (
      medal: string,
      name: string,
      perCapita: string,
      points: string,
      headcount: number,
      equivalent: string | undefined,
    ) =>
      `${medal} **${name}**  ${perCapita} per person  ${points} in all  ${headcount} ${headcount === 1 ? 'person' : 'people'}${equivalent === undefined ? '' : `, ${equivalent} full-time`}`,
    emptyGroup: (name: string) => `  **${name}**  nobody on duty`,
    topTitle: '**Top 10**',
    nobodyScored: 'Nobody has scored yet: the first `/log` tops the list.',
    memberLine: (rank: number, who: string, points: string) => `${rank}. ${who}  ${points} points`,
    yourPlace: (rank: number, points: string, total: number) =>
      `Your place: ${rank} of ${total}, ${points} points`,
    behindTitle: '**Behind target**',
    behindLine: (group: string, who: string) => `${group}: ${who}`,
    allMet: 'Everyone met their targets 👏',
    winner: (names: string) => `🏆 Winner: ${names}`,
    noGroups: 'No groups compete yet. Create one with `/team group add GroupA`.',
    weights: (text: string) => `Points: ${text}`,
    groupPost: (name: string, rank: number, count: number, perCapita: string) =>
      `**${name}** is number ${rank} of ${count} today, ${perCapita} points per person.`,
    groupGap: (above: string, gap: string) => `${gap} per person behind "${above}".`,
    groupFirst: 'In the lead, keep it up!',
    correctionTitle: (who: string, date: string) =>
      `Correction: ${who} logged late for ${date}; the board has been updated.`,
    correctionLine: (name: string, fromRank: number, toRank: number, fromPc: string, toPc: string) =>
      `${name}: #${fromRank} → #${toRank} (${fromPc} → ${toPc} per person)`,
    winsTitle: (period: string) => `**${period} winners**`,
    winsLine: (name: string, wins: number, current: number, longest: number) =>
      `${name}: ${wins} wins, current streak ${current}, longest ${longest}`,
    noWins: 'No winners recorded yet.',
    usage: (word: string) =>
      `I did not understand '${word}'. Try \`/rank\`, \`/rank week\`, \`/rank month\`, \`/rank quarter\`, \`/rank wins\` or \`/rank help\`.`,
    help: [
      '**How the group PK is counted `/rank`**',
      '`/rank` today  `/rank week`, `/rank month`, `/rank quarter`  `/rank wins` the winners',
      "A member's points = each figure × its weight (see and change them with `/team pk`); a group's total is the sum over its members on duty.",
      'Per person = the total ÷ the full-time people. Each member counts by the days they were on duty: on duty all period counts 1; joining on the 3rd day of the week, or 2 days of leave, counts only the days on duty (3 of 5 days = 0.6).',
      'So "2 people, 0.7 full-time" means the two members were on duty for about 0.7 of one person\'s days, and per person divides by 0.7: a group with new hires is not punished.',
      'Approved leave days are not on duty; a member who logs on a leave day competes that day.',
      'Groups rank by points per person; ties by total 业绩, then total intents.',
    ].join('\n'),
  },
  visits: {
    // Short: WeCom shows at most 26 characters of a card's title.
    question: (booked: number) =>
      booked === 1 ? 'Did your booking show?' : `How many of your ${booked} showed?`,
    hint: (date: string) => `Booked for ${date}; one tap logs the visits (once).`,
    more: (cap: number, command: string) => `More than ${cap}: send \`${command}\`.`,
    command: (day: string, count: string) => `/log set ${day} ${count} visits`,
  },
  nudges: {
    notLogged: (date: string, minutes: number) =>
      `You have not logged anything today (${date}); the PK board goes out in ${minutes} minutes. Log with \`/log\`, e.g. \`/log 120 calls 8 intents\`.`,
    behind: (date: string, missing: string, minutes: number) =>
      `${date}: still missing for today's targets: ${missing}. The PK board goes out in ${minutes} minutes.`,
    leaderFirst: (group: string, perCapita: string, minutes: number) =>
      `**${group}** leads with ${perCapita} points per person. ${minutes} minutes left, hold on!`,
    leaderBehind: (
      group: string,
      rank: number,
      perCapita: string,
      above: string,
      gap: string,
      intents: number,
      minutes: number,
    ) =>
      `**${group}** is number ${rank} with ${perCapita} points per person, ${gap} per person behind "${above}" (about ${intents} intents for the group); ${minutes} minutes left.`,
    leaderNotLogged: (who: string) => `Not logged yet: ${who}`,
    leaderAllLogged: 'Everyone in the group has logged.',
    digestTitle: (group: string, date: string) => `**${group}**: members behind target on ${date}:`,
    digestLine: (who: string, missing: string) => `${who}  missing ${missing}`,
    digestNothing: 'nothing logged',
    escalationTitle: (days: number, from: string, to: string) =>
      `These members missed their targets ${days} working days running (${from} – ${to}):`,
    escalationLine: (who: string, group: string) => `${who} (${group})`,
    calendarWarning: (unknownFrom: string, knownThrough: string) =>
      `Calendar: the official holidays are known only up to ${knownThrough}; from ${unknownFrom} on, holidays and make-up working days are not published yet. When they are, set them with \`/team calendar 2027-01-01 holiday\` and \`/team calendar 2027-02-07 workday\`; until then those days count as ordinary weekdays.`,
    monthFiguresTitle: (month: number) => `**Figures of ${MONTHS[month - 1] ?? month} against target**`,
    monthFiguresLine: (who: string, amount: string, target: string, percent: string, intents: string) =>
      `${who}  amount ${amount}/${target} (${percent})  intents ${intents}`,
  },
  wall: {
    pageTitle: (team: string) => `${team} · Wallboard`,
    groupPk: "Today's group PK",
    topMembers: 'Top 10 today',
    rank: '#',
    group: 'Group',
    member: 'Name',
    perCapita: 'Per head',
    points: 'Points',
    memberPoints: 'Points',
    headcount: 'People',
    goal: (month: number) => `Team goal, ${MONTHS[month - 1] ?? month}`,
    goalTarget: (goal: string) => `Goal ${goal}`,
    goalNeed: (days: number, perDay: string) =>
      `${days} working day${days === 1 ? '' : 's'} left: ${perDay} a day`,
    goalNoDays: (shortfall: string) => `${shortfall} short, no working day left this month`,
    goalMet: 'Goal met this month ✅',
    noGoal: 'No team goal this month',
    news: 'Good news',
    noNews: "Today's first deal is on its way…",
    topDeal: (who: string, amount: string) => `💰 Biggest deal today: ${who} ${amount}`,
    noScores: 'Nobody has logged yet today: the first /log tops the board',
    live: 'Live',
    reconnecting: 'Connection lost, reconnecting…',
    updatedAt: (time: string) => `Updated ${time}`,
  },
  poster: {
    pkBanner: 'PK RESULTS',
    goodNewsBanner: 'GOOD NEWS',
    groupsTitle: 'Group ranking',
    moreGroups: (count: number) =>
      `${count} more ${count === 1 ? 'group' : 'groups'}: the text board ranks them all`,
    perCapita: 'pts / person',
    groupDetail: (points: string, headcount: number) =>
      `${points} pts in all · ${headcount} ${headcount === 1 ? 'person' : 'people'}`,
    emptyGroup: 'nobody on duty today',
    topTitle: (count: number) => `Top ${count}`,
    points: (value: string) => `${value} pts`,
    goalLabel: "This month's team goal",
    goalOf: (goal: string) => `goal ${goal}`,
    goalMet: (surplus: string) => `Goal made, ${surplus} above it`,
    goalShort: (shortfall: string) => `${shortfall} short`,
    goalPerDay: (perDay: string, days: number) =>
      `${perDay} a day for the ${days} working day${days === 1 ? '' : 's'} left`,
    money: (yuan: number) => `¥${new Intl.NumberFormat('en-US').format(yuan)}`,
    firstDeal: 'First deal',
    bigDeal: 'Big deal',
    cheer: 'Congratulations! Keep it up!',
    footer: '战报 Zhanbao',
  },
  milestones: {
    firstDeal: (who: string, amount: string) => `🎉 Congratulations ${who} on the first deal: ${amount}!`,
    bigDeal: (who: string, amount: string) => `🎉 Good news! ${who} closed a big deal today: ${amount}`,
    personalBest: (who: string, points: string, previous: string) =>
      `🔥 ${who} set a personal best: ${points} points today (best before: ${previous})`,
    winStreak: (group: string, streak: number) => `🏆 ${group} won the PK ${streak} times in a row!`,
  },
  org: {
    usage: [
      '**Several teams `/org`** (org admins)',
      '`/org` every team  `/team create Team B` a new team  `/team rename New name` (managers too)',
      '`/org move @member "Team B" A1` to another team (history kept)',
      '`/org admin add @someone`, `/org admin remove @someone`  `/org channel #hq` where the branch PK goes',
      "An org admin names the team a command is about with `@Team B`; inside a team's chat, that team.",
      '`/rank org` the branch PK (today; `/rank org month`)',
    ].join('\n'),
    created: (team: string) =>
      `Team "${team}" created. Next: \`/team add @member GroupName trainee mo1 @${team}\`, or let its manager do it.`,
    renamed: (from: string, to: string) => `Team "${from}" is now "${to}".`,
    listTitle: '**Every team**',
    listLine: (team: string, headcount: number, groups: number, directors: string, channel: string) =>
      `**${team}**  ${headcount} ${headcount === 1 ? 'person' : 'people'}  ${groups} ${groups === 1 ? 'group' : 'groups'}  director: ${directors}  PK channel: ${channel}`,
    noDirector: 'none',
    noChannel: 'none',
    orgChannel: (channel: string) => `Branch PK channel: ${channel}`,
    admins: (names: string) => `Org admins: ${names}`,
    adminAdded: (who: string) => `${who} is now an org admin.`,
    adminAlready: (who: string) => `${who} already is an org admin.`,
    adminRemoved: (who: string) => `${who} is no longer an org admin.`,
    adminNotOne: (who: string) => `${who} was not an org admin.`,
    adminConfigured: (who: string) =>
      `${who} is in ZHANBAO_ADMINS and stays an org admin (change the environment to remove them).`,
    channelSet: (channel: string) => `The branch PK now goes to ${channel}.`,
    moved: (who: string, from: string, to: string, group: string) =>
      `Moved ${who} from "${from}" to "${to}"${group === '' ? ' (no group)' : `, group "${group}"`}; their levels, figures and pay history stay with them.`,
    boardTitle: (period: string, date: string) => `Branch PK · ${period} · ${date}`,
    boardLine: (medal: string, team: string, perCapita: string, amount: string, people: string) =>
      `${medal} **${team}**  ${perCapita} per person  业绩 ${amount} per person  ${people}`,
    people: (headcount: number, equivalent: string | undefined) =>
      `${headcount} ${headcount === 1 ? 'person' : 'people'}${equivalent === undefined ? '' : `, ${equivalent} full-time`}`,
    emptyTeam: (team: string) => `  **${team}**  nobody on duty`,
    yourPlace: (team: string, rank: number, count: number) => `"${team}" is number ${rank} of ${count} teams`,
    scoring: 'Every team is scored with the default weights; per person counts the days on duty.',
  },
  leave: {
    types: {
      personal: 'personal leave',
      sick: 'sick leave',
      annual: 'annual leave',
      compensatory: 'time off in lieu',
    },
    statuses: {
      pending: 'waiting for approval',
      approved: 'approved',
      rejected: 'turned down',
      cancelled: 'cancelled',
    },
    span: (from: string, to: string, days: number) =>
      from === to ? `${from} (1 day)` : `${from} to ${to} (${days} days)`,
    requested: (who: string, span: string, type: string, approvers: string) =>
      `Leave asked for ${who}: ${span}, ${type}; waiting for ${approvers} to approve.`,
    approvedNow: (who: string, span: string, type: string) =>
      `Leave recorded for ${who}: ${span}, ${type} (approved).`,
    probationMoved: (days: number, deadline: string) =>
      `The probation deadline moves by ${days} ${days === 1 ? 'day' : 'days'}, to ${deadline}.`,
    requestTitle: (who: string) => `${who} asks for leave`,
    requestLine: (span: string, type: string, reason: string) =>
      `${span}, ${type}${reason === '' ? '' : `. Reason: ${reason}`}`,
    requestBy: (who: string) => `Sent by ${who}`,
    approve: 'Approve',
    reject: 'Turn down',
    decided: (who: string, span: string, approve: boolean, by: string) =>
      approve
        ? `✅ ${by} approved the leave of ${who} (${span}).`
        : `❌ ${by} turned down the leave of ${who} (${span}).`,
    decidedNote: (note: string) => `Note: ${note}`,
    cancelled: (who: string, span: string) => `Cancelled the leave of ${who} (${span}).`,
    listTitle: '**Leave** (from today)',
    listLine: (id: number, who: string, span: string, type: string, status: string) =>
      `#${id}  ${who}  ${span}  ${type}  ${status}`,
    decideHint:
      'Decide a waiting one with its buttons, or send `/leave approve ID` or `/leave reject ID reason`.',
    none: 'No leave from today on. To ask: `/leave 12-03` or `/leave 12-03 12-05 sick fever`.',
    onLeaveToday: (names: string) => `On leave today: ${names}`,
    loggedOnLeave: (day: string) => `Note: ${day} is one of your leave days; this log counts as usual.`,
    usage: [
      '**Leave `/leave`**',
      '`/leave 12-03` one day (personal leave); `/leave 12-03 12-05 sick fever` several days, with a type and a reason',
      'Types: personal, sick, annual, comp (time off in lieu); days: today, tomorrow, 12-03, 2026-12-03',
      '`/leave` upcoming leave　`/leave cancel 12-04` cancel the leave on that day',
      '`/leave @member 12-03 sick` a leader or manager asks for a member (approved at once)',
      "An agent's leave is approved by their leader, a leader's by a manager, a manager's by the director.",
      'On a leave day there is no reminder, no not-logged or behind list, no PK headcount; week, month and quarter targets are pro-rated by the days present.',
    ].join('\n'),
  },
  probation: {
    items: {
      culture: 'Company culture',
      process: 'Sales process',
      skills: 'Sales skills',
      product: 'Product introduction',
      drill: 'Pass-through drill',
    },
    checklistTitle: (who: string, deadline: string) => `Probation training of ${who} (due ${deadline})`,
    done: '✅',
    open: '⬜',
    tick: (item: string) => `Done: ${item}`,
    ticked: (who: string, item: string) => `Ticked "${item}" for ${who}.`,
    allDone: 'All five items are done; the managers have been asked to sign off.',
    signoffTitle: (who: string) => `${who} has finished the probation training. Please decide:`,
    approve: 'Approve',
    extend: 'Extend',
    reject: 'Reject',
    approved: (who: string, by: string) =>
      `✅ ${who} was approved by ${by} and has joined; the protection period starts.`,
    rejected: (who: string, by: string, reason: string) =>
      `❌ ${who} did not pass probation (${by}): ${reason}`,
    extended: (who: string, days: number, deadline: string) =>
      `Extended the probation of ${who} by ${days} days; the new deadline is ${deadline}.`,
    extendTitle: 'Extend probation',
    rejectTitle: 'Reject probation',
    daysLabel: 'Days to add',
    reasonLabel: 'Reason',
    submit: 'OK',
    cancel: 'Cancel',
    reminderLeader: (who: string, open: string) =>
      `Reminder: today is day 5 of ${who}'s probation; still open: ${open}.`,
    reminderManagers: (who: string) => `Reminder: today is the probation deadline of ${who}; please decide.`,
    reminderDirector: (who: string, deadline: string) =>
      `Reminder: the probation of ${who} ended on ${deadline} and is still not decided.`,
    statusLine: (who: string, day: number, deadline: string, items: string) =>
      `${who}  day ${day}, due ${deadline}  ${items}`,
    noneOpen: 'No probation is open.',
    listTitle: '**Open probations**',
    usage:
      'Usage: `/probation` to see them; `/probation tick @member culture`; `/probation approve @member`; `/probation extend @member 3 reason`; `/probation reject @member reason`',
  },
  level: {
    title: (who: string, level: string) => `${who} is **${level}**`,
    progress: (quarter: string, amount: string, target: string) => `${quarter} amount ${amount}/${target}`,
    needed: (amount: string, days: number) => `Still needed: ${amount} in ${days} working days`,
    met: "This quarter's target is met 🎉",
    ifMet: (level: string) => `Met: promoted to ${level}`,
    ifMetTop: 'Met: already at the top, recorded as met',
    ifMissed: (level: string) => `Missed: down to ${level}`,
    ifMissedProtected: 'Missed: no demotion during the protection period',
    ifMissedBottom: 'Missed: stays Trainee MO1, reviewed by the managers',
    atRisk: '⚠️ At risk of demotion',
    protectedUntil: (day: string) => `Protected until ${day} (exclusive)`,
    held: (reason: string) => `A manager holds this quarter's review: ${reason}`,
    onProbation: 'On probation; quarter reviews start after joining.',
    historyTitle: '**Level history**',
    historyLine: (at: string, from: string, to: string, reason: string, by: string) =>
      `${at}  ${from} → ${to}  ${reason}${by}`,
    reason: (code: string): string => REASONS_EN[code] ?? code,
    by: (who: string) => ` (${who})`,
    set: (who: string, from: string, to: string) => `Changed the level of ${who} from ${from} to ${to}.`,
    heldSet: (who: string, quarter: string) =>
      `Holding ${who} out of the ${quarter} review (the level stays).`,
    heldReleased: (who: string, quarter: string) => `Released the hold on ${who} for ${quarter}.`,
    usage: 'Usage: `/level` for yourself; `/level @member`',
    previewTitle: (quarter: string, day: string) =>
      `**Preview of the ${quarter} review** (applied on ${day}; hold someone with \`/team hold @member reason\`)`,
    resultsTitle: (quarter: string) => `**${quarter} review results**`,
    resultLine: (who: string, outcome: string, amount: string, target: string) =>
      `${who}  ${outcome}  amount ${amount}/${target}`,
    outcomes: {
      promoted: (from: string, to: string) => `promoted ${from} → ${to}`,
      demoted: (from: string, to: string) => `demoted ${from} → ${to}`,
      'met-at-top': (from: string) => `met, stays ${from} (top)`,
      'flag-for-review': (from: string) => `missed, stays ${from}, for the managers to review`,
      protected: (from: string) => `missed, protected, stays ${from}`,
      held: (from: string) => `held by a manager, stays ${from}`,
      skipped: (from: string) => `not reviewed (${from})`,
    },
    yourResult: (quarter: string, outcome: string, amount: string, target: string) =>
      `Your ${quarter} review: ${outcome}. Amount ${amount}, target ${target}.`,
    flagsTitle: (quarter: string) =>
      `**${quarter}: members for the managers to review** (Trainee MO1 who missed):`,
    protectionEnding: (who: string, day: string) =>
      `Reminder: the protection period of ${who} ends on ${day}; after it, a missed quarter means a demotion.`,
    risk: (who: string, amount: string, target: string, days: number) =>
      `⚠️ ${who} has ${amount} this quarter, less than two thirds of the ${target} target: at risk of demotion. ${days} working days left.`,
  },
  pay: {
    title: (who: string, month: string, closed: boolean) =>
      `Pay statement of ${who}, ${month}${closed ? ' (closed)' : ' (this month so far, not closed)'}`,
    line: (code: string): string => PAY_LINES_EN[code] ?? code,
    amount: (amount: string, target: string, met: boolean) =>
      `Amount ${amount} / target ${target}${met ? ' (met)' : ' (missed)'}`,
    total: (total: string) => `**Total ${total}**`,
    rule: (level: string, version: string) => `By the pay rule of ${level} (version ${version})`,
    defaultRule: 'default',
    notEmployed: (month: string) => `Not employed in ${month}: no statement.`,
    noClosed: 'No month has been closed yet.',
    teamTitle: (month: string, closed: boolean, count: number) =>
      `**Team pay, ${month}**${closed ? ' (closed)' : ' (not closed, current figures)'}  ${count} people`,
    teamLine: (who: string, amount: string, total: string) => `${who}  amount ${amount}  pay ${total}`,
    teamTotal: (total: string) => `**Total ${total}**`,
    ruleTitle: (level: string) => `**Pay rule of ${level}**`,
    ruleLines: (base: string, target: string, commission: string, cut: string, zero: string) =>
      `base ${base}; monthly target ${target}; commission ${commission}; cut below target ${cut}; cut at zero ${zero}`,
    tier: (rate: string, from: string) => `${rate} (from ${from})`,
    ruleSet: (levels: string, from: string) =>
      `Changed the pay rule of ${levels} from ${from} on; closed months are not affected.`,
    exportSent: (file: string, rows: number) =>
      `Sent ${file} (${rows} ${rows === 1 ? 'row' : 'rows'}) to your direct messages.`,
    usage: 'Usage: `/pay` for yourself; `/pay @member`; `/pay team 2026-11`',
  },
  workbook: {
    summary: 'Summary',
    noGroup: 'No group',
    totals: 'Total',
    columns: {
      month: 'Month',
      slack_user_id: 'User ID',
      user_id: 'User ID',
      name: 'Name',
      group: 'Group',
      level: 'Level',
      role: 'Role',
      status: 'Status',
      amount_yuan: 'Sales (¥)',
      target_yuan: 'Target (¥)',
      target_met: 'Target met',
      base: 'Base',
      cuts: 'Cuts',
      commission: 'Commission',
      adjustments: 'Adjustments',
      total: 'Total pay',
      rule_version: 'Rule version',
      day: 'Day',
      calls: 'Calls',
      effective: 'Effective',
      intents: 'Intents',
      follow_ups: 'Follow-ups',
      appointments: 'Appointments',
      visits: 'Visits',
      hired_on: 'Hired on',
      joined_on: 'Joined on',
      people: 'People',
      on_probation: 'On probation',
      active: 'Active',
      left: 'Left',
    },
  },
  roles: { agent: 'agent', leader: 'leader', manager: 'manager', director: 'director', admin: 'admin' },
  statuses: { probation: 'on probation', active: 'active', left: 'left' },
  goals: {
    month: (year: number, month: number) => `${MONTHS[month - 1] ?? month} ${year}`,
    sources: { ramp: 'plan', override: 'set by a manager', share: 'share by headcount' },
    header: (goal: string, actual: string, percent: number) =>
      `🎯 Team goal this month ${goal}　done ${actual} (${percent}%)`,
    headerNeed: (shortfall: string, days: number, perDay: string) =>
      `${shortfall} to go, ${days} working ${days === 1 ? 'day' : 'days'} left: ${perDay} a day`,
    headerNoDays: (shortfall: string) => `No working day left this month; ${shortfall} short`,
    headerMet: (surplus: string) => `This month's goal is made 🎉 (${surplus} above it)`,
    resultMet: (month: string, goal: string, actual: string, surplus: string) =>
      `🎯 Team goal for ${month} ${goal}: ✅ made! ${actual} done, ${surplus} above it`,
    resultMissed: (month: string, goal: string, actual: string, percent: number, shortfall: string) =>
      `🎯 Team goal for ${month} ${goal}: ❌ missed, ${actual} done (${percent}%), ${shortfall} short`,
    yearTitle: (year: number) => `**Team goals for ${year}**`,
    rampText: (ramp: string, mature: string) => `the first three months ${ramp}, then ${mature} a month`,
    startCreated: (start: string, ramp: string) =>
      `Counted from ${start} (the month the team was created): ${ramp}.`,
    startSet: (start: string, ramp: string) => `Counted from ${start} (set by a manager): ${ramp}.`,
    yearLine: (month: string, goal: string, source: string, result: string) =>
      `${month}　goal ${goal} (${source})　${result}`,
    yearNoGoal: (month: string) => `${month}　no goal (before the start month)`,
    yearGroups: (groups: string) => `　group goals: ${groups}`,
    stateMet: (actual: string, percent: number) => `✅ made ${actual} (${percent}%)`,
    stateMissed: (actual: string, percent: number) => `❌ missed ${actual} (${percent}%)`,
    stateRunning: (actual: string, percent: number) => `so far ${actual} (${percent}%)`,
    stateAhead: '',
    yearHint:
      'To change: `/team goal 2027-01 3000000`, `/team goal 2027-01 GroupA 500k`, `/team goal 2027-01 clear`, `/team goal start 2026-10`',
    startDone: (start: string, first: string) =>
      `Done: team goals now count from ${start}, which is month 1 (goal ${first}). A goal a manager set for a month still comes first.`,
    setTeam: (month: string, goal: string) => `The team goal for ${month} is now ${goal}.`,
    setTeamWas: (month: string, goal: string, previous: string) =>
      `The team goal for ${month} is now ${goal} (it was ${previous}).`,
    setGroup: (month: string, group: string, goal: string) =>
      `The goal of ${group} for ${month} is now ${goal}; the other groups share the rest of the team goal by headcount.`,
    clearedTeam: (month: string, now: string) =>
      `Removed the team goal a manager set for ${month}; it is now ${now}.`,
    clearedTeamNone: (month: string, now: string) => `No manager set a team goal for ${month}; it is ${now}.`,
    clearedGroup: (month: string, group: string) =>
      `Removed the goal of ${group} for ${month}; it takes its share by headcount again.`,
    clearedGroupNone: (month: string, group: string) =>
      `${group} has no goal of its own for ${month}; it takes its share by headcount.`,
    nowRamp: (goal: string) => `${goal} as planned`,
    nowNone: 'no goal (before the start month)',
    statsTitle: (month: string) => `Team goal, ${month}`,
    statsTeam: (goal: string, source: string, actual: string, percent: number) =>
      `**Team**　goal ${goal} (${source})　done ${actual} (${percent}%)`,
    statsGroup: (group: string, goal: string, source: string, actual: string, percent: number) =>
      `**${group}**　goal ${goal} (${source})　done ${actual} (${percent}%)`,
    needPerDay: (shortfall: string, days: number, perDay: string) =>
      `　${shortfall} to go, ${days} working ${days === 1 ? 'day' : 'days'} left: ${perDay} a day`,
    needNoDays: (shortfall: string) => `　${shortfall} short, no working day left this month`,
    needMet: '　made ✅',
    statsNoGoal: (month: string, start: string) =>
      `${month} has no team goal: goals count from ${start}. A manager can set one with \`/team goal\`.`,
    digestTitle: (date: string) => `**Team goal, morning of ${date}**`,
  },
  team: {
    unknownSubcommand: (word: string) => `\`/team\` has no subcommand "${word}".`,
    usage: {
      add: 'Usage: `/team add @member GROUP [LEVEL] [ROLE] [HIRED-ON] [new-group]`, e.g. `/team add @alice "Team A" trainee-mo1`; add `new-group` to create a group that does not exist yet',
      move: 'Usage: `/team move @member GROUP`, e.g. `/team move @wang GroupB`',
      role: 'Usage: `/team role @member ROLE`; roles: agent, leader, manager, director, admin',
      leader: 'Usage: `/team leader GROUP @member`, e.g. `/team leader GroupA @li`',
      channel: 'Usage: `/team channel team #channel` (the PK board) or `/team channel GROUP #channel`',
      left: 'Usage: `/team left @member [reason]`',
      'group-add': 'Usage: `/team group add GROUP`',
      'target-set':
        'Usage: `/team target LEVEL|all PERIOD METRIC VALUE [from DAY]`, e.g. `/team target A1 month amount 250000 from 2026-12-01`; to see: `/team target A1`',
      'limit-set':
        'Usage: `/team limit calls 2000` (daily ceiling), `/team limit median 3` (median factor), `/team limit unit 1000` (amount unit check); to see: `/team limit`',
      'calendar-set':
        'Usage: `/team calendar` to see it; `/team calendar 2027-01-01 holiday` (or workday, clear); `/team calendar saturdays on|off`',
      'pk-set':
        'Usage: `/team pk` to see the points; `/team pk intents 5`, `/team pk amount 20` (points per ¥10,000)',
      'schedule-set': 'Usage: `/team schedule` to see the times; `/team schedule daily-pk 18:30`',
      image:
        'Usage: `/team image` to see; `/team image off` (or on) turns the 战报 images off or on; `/team image 喜报 10万` also gives a day of ¥100,000 or more its 喜报; `/team image 喜报 off` for first deals only',
      'level-set':
        'Usage: `/team level @member LEVEL reason`, e.g. `/team level @wang A2 outstanding quarter`',
      hold: "Usage: `/team hold @member reason` (the level stays in this quarter's review)",
      release: 'Usage: `/team release @member`',
      'pay-set':
        'Usage: `/team pay A1` to see it; `/team pay all base 2500 from 2027-01-01`; parts: base, target, commission (1% or 1% above 1.5%), cut, zero',
      export:
        'Usage: `/team export pay 2026-11` or `/team export activity 2026-11-01 2026-11-30` (an Excel workbook; add `csv` for a CSV file)',
      wall: 'Usage: `/team wall` gives the link of the office wallboard; `/team wall reset` revokes it and makes a new one',
      goal: "Usage: `/team goal` shows the year; `/team goal 2027-01 3000000` (or `300万`) sets the team goal of a month; `/team goal 2027-01 GroupA 500k` a group's; `/team goal 2027-01 clear` removes one; `/team goal start 2026-10` sets the start month",
    },
    help: [
      '**Team administration `/team`**',
      '`/team list` shows the roster',
      '`/team group add Team A` creates a group',
      '`/team add @member "Team A" trainee-mo1 [leader] [2026-11-20]` adds a member (new hires start on probation)',
      '`/team move @member GroupB` moves a member',
      '`/team role @member leader` sets a role',
      '`/team leader GroupA @member` makes someone a group leader',
      '`/team channel team #pk-board` sets the PK channel; `/team channel GroupA #group-a` a group channel',
      '`/team left @member reason` marks someone as left (history is kept)',
      '`/team target A1` shows targets; `/team target A1 month amount 250000 from 2026-12-01` changes one',
      '`/team limit` shows the checks of /log; `/team limit calls 2000` changes a daily ceiling',
      '`/team today` today so far: who has not logged, who is behind',
      '`/team calendar` the working days; `/team calendar 2027-01-01 holiday` sets a day off',
      '`/team pk` PK points; `/team schedule` the times of the scheduled jobs; `/team image` the 战报/喜报 images',
      '`/team level @member A2 reason` sets a level by hand; `/team hold @member reason` holds a quarter review',
      '`/team pay A1` shows the pay rule; `/team export pay 2026-11` exports for HR',
      "`/team goal` the year's team goals; `/team goal 2027-01 300万`, `/team goal 2027-01 GroupA 500k` set one; `/team goal 2027-01 clear` removes it; `/team goal start 2026-10` the start month",
      '`/team wall` the office wallboard link (sent to you only); `/team wall reset` a new link, the old one stops working',
    ].join('\n'),
    newGroupOffer: (group: string, groups: string, meant: string, retype: string) =>
      [
        meant === ''
          ? `There is no group "${group}" yet (groups: ${groups || 'none'}).`
          : `There is no group called "${group}" — did you mean "${meant}"? (groups: ${groups})`,
        meant === ''
          ? `To create "${group}" and add them in one step, send the same line with \`new-group\` at the end:`
          : `If you do mean a new group "${group}", send the same line with \`new-group\` at the end:`,
        retype,
      ].join('\n'),
    newGroupWord: 'new-group',
    newGroupButton: (group: string) => `Create "${group}" and add`,
    added: (who: string, group: string, level: string, status: string) =>
      `Added ${who}: ${group}, ${level}, ${status}.`,
    moved: (who: string, group: string) => `Moved ${who} to "${group}".`,
    roleSet: (who: string, role: string) => `${who} is now a ${role}.`,
    leaderSet: (who: string, group: string) => `${who} now leads "${group}".`,
    teamChannelSet: (channel: string) => `The PK board will be posted to ${channel}.`,
    groupChannelSet: (group: string, channel: string) => `The channel of "${group}" is now ${channel}.`,
    markedLeft: (who: string) => `Marked ${who} as left; their history is kept.`,
    targetsTitle: (level: string) => `**Targets of ${level}**`,
    targetLine: (period: string, figures: string) => `${period}: ${figures}`,
    targetSet: (levels: string, period: string, metric: string, value: string, from: string) =>
      `Target changed: ${levels}, ${period.toLowerCase()} ${metric} ${value}, from ${from} on (earlier days keep their targets).`,
    allLevels: 'every level',
    limitsTitle: '**The checks of /log**',
    limitsCeiling: (figures: string) => `Daily ceiling: ${figures}`,
    limitsMedian: (factor: number) =>
      `Ask to confirm above ${factor} × the member's own 30-day median (0 turns it off)`,
    limitsUnit: (amount: string) =>
      `Ask whether 万 was meant when an amount is below ${amount} (0 turns it off)`,
    todayTitle: (date: string) => `Today so far · ${date}`,
    wallTitle: '📺 **Office wallboard** (sent to you only)',
    wallLink: (url: string) => `Wallboard link: ${url}`,
    wallRelative: (path: string) =>
      `Wallboard path: \`${path}\`, relative to the bot's address (e.g. https://your-bot-host${path}). Set \`ZHANBAO_PUBLIC_URL\` (such as https://zhanbao.example.com) in the environment and restart, and this reply gives the full link.`,
    wallHow:
      "Open it in the TV's browser, full screen (F11): it is read-only, refreshes within 2 seconds of a log, and shows no pay and no one's targets. Add `?lang=en` for English.",
    wallReset: 'The old link is revoked: a screen that opens it shows "link no longer valid".',
    wallKeep:
      'The link works like a key: give it only to who needs it; if it leaks, `/team wall reset` makes a new one.',
    todayFunnel: (group: string, headcount: number, funnel: string) =>
      `**${group}** (${headcount} people)\n${funnel}`,
    todayNotLogged: (who: string) => `Not logged: ${who}`,
    todayBehind: (who: string) => `Behind target: ${who}`,
    todayAllGood: 'Everyone has logged and met their targets.',
    todayApprovals: 'Waiting for your approval: nothing',
    todayApprovalsWaiting: (who: string) => `Waiting for your sign-off: ${who} (see \`/probation\`)`,
    calendarTitle: (from: string, to: string) => `**Working days** ${from} – ${to}`,
    calendarSaturdays: (work: boolean) =>
      work
        ? 'The team works on Saturdays.'
        : 'The team does not work on Saturdays (except official make-up days).',
    calendarOff: (day: string, why: string) => `${day} off (${why})`,
    calendarOn: (day: string, why: string) => `${day} working (${why})`,
    calendarWhyOverride: 'team setting',
    calendarWhyWeekend: 'Saturday work',
    calendarWhyMakeUp: (festival: string) => `make-up day for ${festival}`,
    calendarNothing: 'These 30 days are ordinary Monday-to-Friday weeks.',
    calendarKnown: (through: string) => `The official holidays are known up to ${through}.`,
    calendarUnknown: (from: string) =>
      `⚠️ The official holidays from ${from} on are not published yet; set them with \`/team calendar DAY holiday|workday\`.`,
    calendarSet: (day: string, override: string) => `${day} is now a ${override}.`,
    calendarCleared: (day: string) => `Removed the team's setting for ${day}; the official calendar applies.`,
    calendarHoliday: 'day off',
    calendarWorkday: 'working day',
    saturdaysSet: (work: boolean) =>
      work ? 'Saturdays are now working days.' : 'Saturdays are now days off.',
    imageSettings: (enabled: boolean, threshold: string | undefined) =>
      [
        enabled
          ? '战报 images: **on** (the PK boards and 喜报 come with a picture)'
          : '战报 images: **off** (text only)',
        threshold === undefined
          ? '喜报: first deals'
          : `喜报: first deals, and a day's amount of ${threshold} or more`,
      ].join('\n'),
    pkTitle: '**PK points**',
    pkLine: (metric: string, points: number) => `${metric}: ${points} each`,
    pkAmountLine: (points: number) => `amount: ${points} per ¥10,000`,
    scheduleTitle: "**Scheduled jobs (the team's time zone)**",
    scheduleLine: (job: string, time: string) => `${job}  ${time}`,
    jobNames: {
      'daily-warnings': 'behind-target warnings (working days)',
      'daily-pk': 'group PK board (working days)',
      'morning-digest': "morning digest of yesterday's misses (working days)",
      'weekly-pk': "week's PK result (last working day of the week)",
      'monthly-pk': "month's PK result (last working day of the month)",
      'calendar-check': 'calendar check (every day)',
      'careers-daily': 'probation reminders, protection ending, demotion risk (every day)',
      'quarter-preview': 'quarter review preview (last working day of the quarter)',
      'quarter-review': 'quarter review (first working day of the quarter)',
      'month-close': 'month close of pay (first working day of the month)',
    },
    groupAdded: (group: string) => `Created the group "${group}".`,
    listTitle: (team: string, count: number) => `${team} roster (${count} active)`,
    listEmpty:
      'The roster is empty. Create a group with `/team group add GroupA`, then add members with `/team add @member GroupA`.',
    listGroupHeader: (group: string, leader: string, count: number) =>
      `**${group}**  leader: ${leader}  ${count} people`,
    listMember: (who: string, level: string, role: string, status: string) =>
      `${who}  ${level}  ${role}  ${status}`,
    listLeftCount: (count: number) => `${count} more have left (history kept).`,
  },
} satisfies Messages;
