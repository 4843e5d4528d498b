import type { LevelCode } from '../domain/levels.ts';
import { parseLevel } from '../domain/levels.ts';
import { METRICS, type Metric } from '../domain/metrics.ts';
import type { Role } from '../domain/roles.ts';
import { parseRole } from '../domain/roles.ts';
import type { Period } from '../domain/targets.ts';
import { type CalendarOverride, parseCalendarOverride } from '../domain/working-days.ts';
import { isJobName, type JobName } from '../jobs/job.ts';
import type { ExportFormat, ExportRequest } from '../usecases/exports.ts';
import { parseLogCommand } from './log-command.ts';
import { type PayRuleCommand, parsePayRuleCommand, parseYuan } from './pay-command.ts';
import { isOneOf, nameOf, type Token, tokenize } from './tokens.ts';

/**
 * Grammar of `/team`, the roster administration command (English or Chinese words):
 *
 *   /team list | 名单                               the roster by group, with levels
 *   /team add @user [组名] [级别] [角色] [入职日期] [新组]   add a member (any order after @user);
 *                                                  新组 (new-group) creates the group if it is new
 *   /team move @user 组名 | 调组                    move a member to another group
 *   /team role @user 角色 | 角色                    set role: agent 专员, leader 组长, manager 经理, director 总监, admin 管理员
 *   /team leader 组名 @user | 组长                  make @user the leader of a group
 *   /team channel team|组名 #channel | 频道          the team's PK channel or a group's channel
 *   /team left @user [原因] | 离职                  mark as left (history is kept)
 *   /team group add 组名 | 小组 新建 组名             create a group
 *   /team target [级别]                             the targets of a level (default 客户经理MO1)
 *   /team target 级别|all 周期 指标 数值 [from 日期]    change a target from a day on (default today);
 *                                                  周期: day 日 · week 周 · month 月 · quarter 季度;
 *                                                  指标 and 数值 as in /log (`业绩 25万`, `150 calls`)
 *   /team limit                                     the sanity limits of /log
 *   /team limit 指标 数值 | median 倍数 | unit 元      a daily ceiling, the median factor, the 业绩 unit check
 *   /team today | 今日                               live funnel of my scope: who has not logged, who is behind
 *   /team calendar [日期 holiday|workday|clear]       the working-day calendar and its overrides · 日历
 *   /team calendar saturdays on|off                  whether the team works on Saturdays
 *   /team pk [指标 分值]                              the PK points per metric (业绩: per ¥10,000)
 *   /team schedule [任务 HH:mm]                       the local time of each scheduled job · 时间
 *   /team image [on|off] | image 喜报 金额|off          战报/喜报 images on or off; a 喜报 from this 业绩 · 图片
 *   /team level @user 级别 原因…                      set a level by hand (lands in the level history) · 级别
 *   /team hold @user 原因… | release @user             hold a member out of this quarter's review, or release · 保留 取消保留
 *   /team pay [级别] | /team pay 级别|all 项目 数值 [from 日期]   the pay rule (see pay-command.ts) · 薪酬
 *   /team export pay YYYY-MM | export activity FROM TO [csv]  Excel workbooks (or CSV) for HR, to my DM · 导出
 *   /team goal [YYYY]                                the year's monthly 业绩 goals · 团队目标 业绩目标
 *   /team goal start YYYY-MM                         the month the plan's ramp starts from · 开始
 *   /team goal YYYY-MM [组名] 金额 | clear             a month's goal for the team or one group
 *                                                  (金额 as in /log: 300万, ¥3,000,000, 3000000)
 *   /team wall [reset] | 大屏 [重置]                    the office wallboard's link (privately); reset revokes it
 *   /team help | 帮助
 *
 * Levels are read by `parseLevel` (见习MO1, 客户经理MO2, senior mo3, senior-mo3, S2); days are
 * YYYY-MM-DD. A group name is quoted ("Team A", “一组”, 「A组」) or written as its words standing
 * together (`/team group add Team A`, `/team add @li Team A A1`): in `add`, the words that are not a
 * level, role, day or 新组; in `move`, `leader`, `channel` and `group add`, all but the mention.
 */
export type TeamCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | {
      kind: 'add';
      memberRef: string;
      groupName?: string;
      level?: LevelCode;
      role?: Role;
      hiredOn?: string;
      /** `新组`: create the group when it does not exist yet. */
      newGroup?: true;
    }
  | { kind: 'move'; memberRef: string; groupName: string }
  | { kind: 'role'; memberRef: string; role: Role }
  | { kind: 'leader'; memberRef: string; groupName: string }
  | { kind: 'channel'; groupName: string | undefined; channelRef: string }
  | { kind: 'left'; memberRef: string; reason?: string }
  | { kind: 'group-add'; groupName: string }
  | { kind: 'target-show'; level: LevelCode | undefined }
  | {
      kind: 'target-set';
      level: LevelCode | 'all';
      period: Period;
      metric: Metric;
      value: number;
      from?: string;
    }
  | { kind: 'limit-show' }
  | { kind: 'limit-set'; setting: Metric | 'median' | 'unit'; value: number }
  | { kind: 'today' }
  | { kind: 'calendar-show' }
  | { kind: 'calendar-set'; day: string; override: CalendarOverride | 'clear' }
  | { kind: 'calendar-saturdays'; work: boolean }
  | { kind: 'pk-show' }
  | { kind: 'pk-set'; metric: Metric; points: number }
  | { kind: 'schedule-show' }
  | { kind: 'schedule-set'; job: JobName; time: string }
  | { kind: 'image-show' }
  | { kind: 'image-set'; enabled: boolean }
  | { kind: 'image-threshold'; amount: number | undefined }
  | { kind: 'level-set'; memberRef: string; level: LevelCode; reason: string }
  | { kind: 'hold'; memberRef: string; reason: string }
  | { kind: 'release'; memberRef: string }
  | { kind: 'pay'; command: PayRuleCommand }
  | { kind: 'export'; request: ExportRequest; format: ExportFormat }
  | { kind: 'goal-show'; year?: number }
  | { kind: 'goal-start'; month: string }
  | { kind: 'goal-set'; month: string; groupName?: string; amount: number }
  | { kind: 'goal-clear'; month: string; groupName?: string }
  | { kind: 'wall'; reset: boolean };

export type TeamSubcommand =
  | Exclude<
      TeamCommand['kind'],
      | 'help'
      | 'list'
      | 'target-show'
      | 'limit-show'
      | 'today'
      | 'calendar-show'
      | 'calendar-saturdays'
      | 'pk-show'
      | 'schedule-show'
      | 'image-show'
      | 'image-set'
      | 'image-threshold'
      | 'pay'
      | 'goal-show'
      | 'goal-start'
      | 'goal-set'
      | 'goal-clear'
      | 'wall'
    >
  | 'pay-set'
  | 'goal'
  | 'wall'
  | 'image';

export type TeamParse =
  | { ok: true; command: TeamCommand }
  | { ok: false; problem: 'unknown-subcommand'; word: string }
  | { ok: false; problem: 'usage'; subcommand: TeamSubcommand };

type Verb =
  | 'help'
  | 'list'
  | 'add'
  | 'move'
  | 'role'
  | 'leader'
  | 'channel'
  | 'left'
  | 'group'
  | 'target'
  | 'limit'
  | 'today'
  | 'calendar'
  | 'pk'
  | 'schedule'
  | 'image'
  | 'level'
  | 'hold'
  | 'release'
  | 'pay'
  | 'export'
  | 'goal'
  | 'wall';

const SUBCOMMANDS: Record<string, Verb> = {
  help: 'help',
  帮助: 'help',
  '?': 'help',
  list: 'list',
  ls: 'list',
  名单: 'list',
  列表: 'list',
  add: 'add',
  添加: 'add',
  新增: 'add',
  move: 'move',
  调组: 'move',
  role: 'role',
  角色: 'role',
  leader: 'leader',
  组长: 'leader',
  channel: 'channel',
  频道: 'channel',
  left: 'left',
  leave: 'left',
  离职: 'left',
  group: 'group',
  小组: 'group',
  target: 'target',
  targets: 'target',
  目标: 'target',
  limit: 'limit',
  today: 'today',
  今日: 'today',
  今天: 'today',
  calendar: 'calendar',
  日历: 'calendar',
  pk: 'pk',
  schedule: 'schedule',
  image: 'image',
  images: 'image',
  图片: 'image',
  海报: 'image',
  level: 'level',
  级别: 'level',
  hold: 'hold',
  保留: 'hold',
  release: 'release',
  pay: 'pay',
  薪酬: 'pay',
  export: 'export',
  导出: 'export',
  取消保留: 'release',
  时间: 'schedule',
  定时: 'schedule',
  limits: 'limit',
  上限: 'limit',
  goal: 'goal',
  goals: 'goal',
  团队目标: 'goal',
  业绩目标: 'goal',
  wall: 'wall',
  wallboard: 'wall',
  大屏: 'wall',
  看板: 'wall',
};

const RESET_WORDS = ['reset', 'new', 'revoke', '重置', '更换', '换'];

const TEAM_WORDS = ['team', '团队', '全队'];
/** The word that creates the group named in `/team add` when it does not exist yet. */
const NEW_GROUP_WORDS = ['新组', '新建小组', 'new-group', 'newgroup', '+group'];
const GROUP_ADD_WORDS = ['add', 'new', 'create', '新建', '添加'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `/team export … csv` asks for the CSV; `xlsx` or `excel` say the default out loud. */
const FORMAT_WORDS = new Set(['csv', 'xlsx', 'excel']);

export function parseTeamCommand(text: string): TeamParse {
  const [first, ...rest] = tokenize(text);
  if (first === undefined) return { ok: true, command: { kind: 'list' } };
  const kind = first.kind === 'word' ? SUBCOMMANDS[first.text] : undefined;
  if (kind === undefined) return { ok: false, problem: 'unknown-subcommand', word: first.raw };
  switch (kind) {
    case 'help':
    case 'list':
      return { ok: true, command: { kind } };
    case 'add':
      return parseAdd(rest);
    case 'move':
      return withMemberAndName(rest, 'move', (memberRef, groupName) => ({
        kind: 'move',
        memberRef,
        groupName,
      }));
    case 'role':
      return withMemberAndWord(rest, 'role', (memberRef, word) => {
        const role = parseRole(word);
        return role === undefined ? undefined : { kind: 'role', memberRef, role };
      });
    case 'leader':
      return withMemberAndName(rest, 'leader', (memberRef, groupName) => ({
        kind: 'leader',
        memberRef,
        groupName,
      }));
    case 'channel':
      return parseChannel(rest);
    case 'left':
      return parseLeft(rest);
    case 'group':
      return parseGroup(rest);
    case 'target':
      return parseTarget(rest);
    case 'limit':
      return parseLimit(rest);
    case 'today':
      return rest.length === 0
        ? { ok: true, command: { kind: 'today' } }
        : { ok: false, problem: 'unknown-subcommand', word: rest.map((t) => t.raw).join(' ') };
    case 'calendar':
      return parseCalendar(rest);
    case 'pk':
      return parsePk(rest);
    case 'schedule':
      return parseSchedule(rest);
    case 'image':
      return parseImage(rest);
    case 'level': {
      const [member, levelWord, ...reason] = rest;
      const level = levelWord?.kind === 'word' ? parseLevel(levelWord.raw) : undefined;
      if (member?.kind !== 'member' || level === undefined || reason.length === 0) return usage('level-set');
      return {
        ok: true,
        command: {
          kind: 'level-set',
          memberRef: member.id,
          level,
          reason: reason.map((t) => t.raw).join(' '),
        },
      };
    }
    case 'hold': {
      const [member, ...reason] = rest;
      if (member?.kind !== 'member' || reason.length === 0) return usage('hold');
      return {
        ok: true,
        command: { kind: 'hold', memberRef: member.id, reason: reason.map((t) => t.raw).join(' ') },
      };
    }
    case 'pay': {
      const command = parsePayRuleCommand(rest.map((t) => t.raw));
      return command === undefined ? usage('pay-set') : { ok: true, command: { kind: 'pay', command } };
    }
    case 'export': {
      // An Excel workbook unless a `csv` word asks for the CSV (anywhere after `export`).
      const words = rest.map((t) => t.raw);
      const format: ExportFormat = words.some((w) => w.toLowerCase() === 'csv') ? 'csv' : 'xlsx';
      const [what, first, second, ...extra] = words.filter((w) => !FORMAT_WORDS.has(w.toLowerCase()));
      if (what === 'pay' && first !== undefined && second === undefined)
        return { ok: true, command: { kind: 'export', request: { kind: 'pay', month: first }, format } };
      if (what === 'activity' && first !== undefined && second !== undefined && extra.length === 0) {
        return {
          ok: true,
          command: { kind: 'export', request: { kind: 'activity', from: first, to: second }, format },
        };
      }
      return usage('export');
    }
    case 'goal':
      return parseGoal(rest);
    case 'wall': {
      const [word, ...extra] = rest;
      if (word === undefined) return { ok: true, command: { kind: 'wall', reset: false } };
      if (word.kind !== 'word' || !isOneOf(word.text, RESET_WORDS) || extra.length > 0) return usage('wall');
      return { ok: true, command: { kind: 'wall', reset: true } };
    }
    case 'release': {
      const [member, ...extra] = rest;
      if (member?.kind !== 'member' || extra.length > 0) return usage('release');
      return { ok: true, command: { kind: 'release', memberRef: member.id } };
    }
  }
}

function usage(subcommand: TeamSubcommand): TeamParse {
  return { ok: false, problem: 'usage', subcommand };
}

/**
 * `/team add @user 组名 级别 角色 入职日期`, the words after @user in any order. A level may be two
 * words (`senior mo2`, `见习 MO1`); the words that are none of level, role, day or 新组 are the
 * group's name, so `Team A` needs no quotes as long as its words stand together.
 */
function parseAdd(tokens: Token[]): TeamParse {
  const member = tokens.find((t) => t.kind === 'member');
  if (member === undefined) return usage('add');
  const command: Extract<TeamCommand, { kind: 'add' }> = { kind: 'add', memberRef: member.id };
  const name: Token[] = [];
  let nameEnded = false;
  const keyword = () => {
    if (name.length > 0) nameEnded = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === member) {
      keyword();
      continue;
    }
    if (token?.kind !== 'word') return usage('add');
    if (token.quoted !== true) {
      const next = tokens[i + 1];
      const twoWordLevel =
        command.level === undefined &&
        next?.kind === 'word' &&
        next.quoted !== true &&
        parseLevel(token.raw) === undefined
          ? parseLevel(`${token.raw} ${next.raw}`)
          : undefined;
      const level = twoWordLevel ?? parseLevel(token.raw);
      const role = parseRole(token.raw);
      if (level !== undefined && command.level === undefined) {
        command.level = level;
        if (twoWordLevel !== undefined) i++;
        keyword();
        continue;
      }
      if (role !== undefined && command.role === undefined) {
        command.role = role;
        keyword();
        continue;
      }
      if (DAY.test(token.raw) && command.hiredOn === undefined) {
        command.hiredOn = token.raw;
        keyword();
        continue;
      }
      if (isOneOf(token.text, NEW_GROUP_WORDS) && command.newGroup === undefined) {
        command.newGroup = true;
        keyword();
        continue;
      }
    }
    if (nameEnded) return usage('add');
    name.push(token);
  }
  const groupName = nameOf(name);
  if (name.length > 0 && groupName === undefined) return usage('add');
  if (groupName !== undefined) command.groupName = groupName;
  if (command.newGroup === true && groupName === undefined) return usage('add');
  return { ok: true, command };
}

/** `@user 组名` or `组名 @user`: one member and a name (several words, or quoted). */
function withMemberAndName(
  tokens: Token[],
  subcommand: TeamSubcommand,
  build: (memberRef: string, name: string) => TeamCommand | undefined,
): TeamParse {
  const members = tokens.filter((t) => t.kind === 'member');
  const [member] = members;
  const at = member === undefined ? -1 : tokens.indexOf(member);
  // The member stands first or last, so the name's words are together.
  if (member === undefined || members.length !== 1 || (at !== 0 && at !== tokens.length - 1))
    return usage(subcommand);
  const name = nameOf(tokens.filter((t) => t !== member));
  const command = name === undefined ? undefined : build(member.id, name);
  return command === undefined ? usage(subcommand) : { ok: true, command };
}

/** `@user word` or `word @user`, exactly two tokens. */
function withMemberAndWord(
  tokens: Token[],
  subcommand: TeamSubcommand,
  build: (memberRef: string, word: string) => TeamCommand | undefined,
): TeamParse {
  const member = tokens.find((t) => t.kind === 'member');
  const word = tokens.find((t) => t.kind === 'word');
  if (tokens.length !== 2 || member === undefined || word === undefined) return usage(subcommand);
  const command = build(member.id, word.raw);
  return command === undefined ? usage(subcommand) : { ok: true, command };
}

function parseChannel(tokens: Token[]): TeamParse {
  const channels = tokens.filter((t) => t.kind === 'channel');
  const [channel] = channels;
  const at = channel === undefined ? -1 : tokens.indexOf(channel);
  if (channel === undefined || channels.length !== 1 || (at !== 0 && at !== tokens.length - 1))
    return usage('channel');
  const words = tokens.filter((t) => t !== channel);
  const [only] = words;
  const name = nameOf(words);
  if (name === undefined) return usage('channel');
  const team =
    words.length === 1 && only?.kind === 'word' && only.quoted !== true && isOneOf(only.text, TEAM_WORDS);
  return {
    ok: true,
    command: { kind: 'channel', groupName: team ? undefined : name, channelRef: channel.id },
  };
}

function parseLeft(tokens: Token[]): TeamParse {
  const [member, ...reason] = tokens;
  if (member?.kind !== 'member') return usage('left');
  const text = reason.map((t) => t.raw).join(' ');
  return {
    ok: true,
    command:
      text === ''
        ? { kind: 'left', memberRef: member.id }
        : { kind: 'left', memberRef: member.id, reason: text },
  };
}

function parseGroup(tokens: Token[]): TeamParse {
  const [verb, ...nameWords] = tokens;
  const name = nameOf(nameWords);
  if (verb?.kind !== 'word' || !isOneOf(verb.text, GROUP_ADD_WORDS) || name === undefined) {
    return usage('group-add');
  }
  return { ok: true, command: { kind: 'group-add', groupName: name } };
}

const PERIOD_WORDS: Record<string, Period> = {
  day: 'day',
  daily: 'day',
  日: 'day',
  每日: 'day',
  week: 'week',
  weekly: 'week',
  周: 'week',
  month: 'month',
  monthly: 'month',
  月: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  季度: 'quarter',
};
const ALL_WORDS = ['all', '全部', '所有'];
const FROM_WORDS = ['from', '从', '自'];

function parseTarget(tokens: Token[]): TeamParse {
  const words = tokens.map((t) => t.raw);
  if (words.length === 0) return { ok: true, command: { kind: 'target-show', level: undefined } };
  const [levelWord = '', periodWord = '', ...rest] = words;
  const level = ALL_WORDS.includes(levelWord.toLowerCase()) ? 'all' : parseLevel(levelWord);
  if (words.length === 1 && level !== undefined && level !== 'all')
    return { ok: true, command: { kind: 'target-show', level } };
  const period = PERIOD_WORDS[periodWord.toLowerCase()];
  let from: string | undefined;
  const fromAt = rest.findIndex((w) => FROM_WORDS.includes(w.toLowerCase()));
  if (fromAt >= 0) {
    from = rest[fromAt + 1];
    if (from === undefined || !DAY.test(from) || fromAt + 2 !== rest.length) return usage('target-set');
    rest.splice(fromAt);
  }
  const figure = singleFigure(rest.join(' '));
  if (level === undefined || period === undefined || figure === undefined) return usage('target-set');
  return {
    ok: true,
    command: { kind: 'target-set', level, period, ...figure, ...(from === undefined ? {} : { from }) },
  };
}

function parseLimit(tokens: Token[]): TeamParse {
  if (tokens.length === 0) return { ok: true, command: { kind: 'limit-show' } };
  const [first, second, ...extra] = tokens.map((t) => t.raw);
  const setting =
    first?.toLowerCase() === 'median' || first === '中位数'
      ? 'median'
      : first?.toLowerCase() === 'unit' || first === '单位'
        ? 'unit'
        : undefined;
  if (setting !== undefined) {
    if (second === undefined || !/^\d{1,9}$/.test(second) || extra.length > 0) return usage('limit-set');
    return { ok: true, command: { kind: 'limit-set', setting, value: Number(second) } };
  }
  const figure = singleFigure(tokens.map((t) => t.raw).join(' '));
  if (figure === undefined) return usage('limit-set');
  return { ok: true, command: { kind: 'limit-set', setting: figure.metric, value: figure.value } };
}

/** One metric with its value, written as in /log (`业绩 25万`, `150 calls`). */
function singleFigure(text: string): { metric: Metric; value: number } | undefined {
  const parsed = parseLogCommand(text);
  if (!parsed.ok || parsed.command.kind !== 'add' || parsed.command.memberRef !== undefined) return undefined;
  if (parsed.command.day.kind !== 'relative' || parsed.command.day.daysAgo !== 0) return undefined;
  const entries = Object.entries(parsed.command.values);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) return undefined;
  const metric = METRICS.find((m) => m === entry[0]);
  return metric === undefined ? undefined : { metric, value: entry[1] };
}

const SATURDAY_WORDS = ['saturdays', 'saturday', '周六', '星期六'];
const ON_WORDS = ['on', 'yes', '上班', '开'];
const OFF_WORDS = ['off', 'no', '休息', '关'];
const CLEAR_WORDS = ['clear', 'remove', '取消', '清除'];

function parseCalendar(tokens: Token[]): TeamParse {
  const words = tokens.map((t) => t.raw);
  const [first, second, ...extra] = words;
  if (first === undefined) return { ok: true, command: { kind: 'calendar-show' } };
  if (second === undefined || extra.length > 0) return usage('calendar-set');
  if (SATURDAY_WORDS.includes(first.toLowerCase())) {
    const on = ON_WORDS.includes(second.toLowerCase());
    if (!on && !OFF_WORDS.includes(second.toLowerCase())) return usage('calendar-set');
    return { ok: true, command: { kind: 'calendar-saturdays', work: on } };
  }
  if (!DAY.test(first)) return usage('calendar-set');
  const override = CLEAR_WORDS.includes(second.toLowerCase()) ? 'clear' : parseCalendarOverride(second);
  if (override === undefined) return usage('calendar-set');
  return { ok: true, command: { kind: 'calendar-set', day: first, override } };
}

function parsePk(tokens: Token[]): TeamParse {
  if (tokens.length === 0) return { ok: true, command: { kind: 'pk-show' } };
  const figure = singleFigure(tokens.map((t) => t.raw).join(' '));
  if (figure === undefined) return usage('pk-set');
  return { ok: true, command: { kind: 'pk-set', metric: figure.metric, points: figure.value } };
}

function parseSchedule(tokens: Token[]): TeamParse {
  const words = tokens.map((t) => t.raw);
  if (words.length === 0) return { ok: true, command: { kind: 'schedule-show' } };
  const [job, time, ...extra] = words;
  if (job === undefined || !isJobName(job) || time === undefined || !TIME.test(time) || extra.length > 0) {
    return usage('schedule-set');
  }
  return { ok: true, command: { kind: 'schedule-set', job, time: time.padStart(5, '0') } };
}

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

const GOOD_NEWS_WORDS = ['喜报', 'deal', 'deals', 'threshold', '门槛'];

function parseImage(tokens: Token[]): TeamParse {
  const words = tokens.map((t) => t.raw);
  const [first, ...rest] = words;
  if (first === undefined) return { ok: true, command: { kind: 'image-show' } };
  const word = first.toLowerCase();
  if (rest.length === 0 && (ON_WORDS.includes(word) || OFF_WORDS.includes(word)))
    return { ok: true, command: { kind: 'image-set', enabled: ON_WORDS.includes(word) } };
  if (!GOOD_NEWS_WORDS.includes(word) || rest.length === 0) return usage('image');
  const [value = ''] = rest;
  if (
    rest.length === 1 &&
    (OFF_WORDS.includes(value.toLowerCase()) || CLEAR_WORDS.includes(value.toLowerCase()))
  )
    return { ok: true, command: { kind: 'image-threshold', amount: undefined } };
  const amount = goalAmount(rest);
  if (amount === undefined || amount <= 0) return usage('image');
  return { ok: true, command: { kind: 'image-threshold', amount } };
}

const GOAL_START_WORDS = ['start', 'from', '开始', '起始', '起点', '从'];
const YEAR = /^\d{4}$/;
/** A month as typed: 2027-01 or 2027-1 (the use case then refuses 2027-13 with the right message). */
const LOOSE_MONTH = /^(\d{4})-(\d{1,2})$/;
/** Unit words typed apart from their number (`300 万`). */
const AMOUNT_UNITS = ['万', '万元', '元', 'w', 'k', '千'];

function monthWord(word: string | undefined): string | undefined {
  const match = word === undefined ? null : LOOSE_MONTH.exec(word);
  if (match === null) return undefined;
  return `${match[1]}-${(match[2] ?? '').padStart(2, '0')}`;
}

/** A goal amount in whole yuan, as people write money elsewhere: 300万, 300万元, ¥3,000,000, 3000000. */
function goalAmount(words: readonly string[]): number | undefined {
  const last = words.at(-1);
  const joined =
    words.length === 2 && last !== undefined && AMOUNT_UNITS.includes(last.toLowerCase())
      ? words.join('')
      : words.length === 1
        ? words[0]
        : undefined;
  if (joined === undefined) return undefined;
  return parseYuan(joined.replace(/万元$/, '万'));
}

function parseGoal(tokens: Token[]): TeamParse {
  const words = tokens.map((t) => t.raw);
  const [first, ...rest] = words;
  if (tokens.some((t) => t.kind !== 'word')) return usage('goal');
  if (first === undefined) return { ok: true, command: { kind: 'goal-show' } };
  if (YEAR.test(first) && rest.length === 0)
    return { ok: true, command: { kind: 'goal-show', year: Number(first) } };
  if (GOAL_START_WORDS.includes(first.toLowerCase())) {
    const [month, ...extra] = rest;
    const start = monthWord(month);
    if (start === undefined || extra.length > 0) return usage('goal');
    return { ok: true, command: { kind: 'goal-start', month: start } };
  }
  const month = monthWord(first);
  if (month === undefined || rest.length === 0) return usage('goal');
  const last = rest.at(-1) ?? '';
  if (CLEAR_WORDS.includes(last.toLowerCase()) || last === '删除') {
    const groupName = rest.length > 1 ? rest.slice(0, -1).join(' ') : undefined;
    return {
      ok: true,
      command:
        groupName === undefined ? { kind: 'goal-clear', month } : { kind: 'goal-clear', month, groupName },
    };
  }
  const teamAmount = goalAmount(rest);
  if (teamAmount !== undefined) return { ok: true, command: { kind: 'goal-set', month, amount: teamAmount } };
  // A group's goal: the name's words, then the amount (one word, or a number and its unit).
  const split = [1, 2]
    .map((n) => ({ name: rest.slice(0, -n).join(' '), amount: goalAmount(rest.slice(-n)) }))
    .find((s) => s.name !== '' && s.amount !== undefined);
  if (split === undefined || split.amount === undefined) return usage('goal');
  const { name: groupName, amount } = split;
  return { ok: true, command: { kind: 'goal-set', month, groupName, amount } };
}
