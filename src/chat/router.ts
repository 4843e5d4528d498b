import { parseLeaveCommand } from '../commands/leave-command.ts';
import { parseLogCommand } from '../commands/log-command.ts';
import { parseOrgCommand, parseTeamAdminCommand } from '../commands/org-command.ts';
import { parsePayCommand } from '../commands/pay-command.ts';
import { parseProbationCommand } from '../commands/probation-command.ts';
import { parseRankCommand } from '../commands/rank-command.ts';
import { parseStatsCommand } from '../commands/stats-command.ts';
import { parseTeamCommand } from '../commands/team-command.ts';
import { tokenize } from '../commands/tokens.ts';
import type { Day } from '../domain/days.ts';
import { foldName } from '../domain/names.ts';
import { isDomainError } from '../errors.ts';
import { type Locale, localeOf, type Messages, messagesFor } from '../i18n/index.ts';
import type { EntrySource } from '../store/activity-repository.ts';
import { getRanking, getWins } from '../usecases/get-ranking.ts';
import { ALL_PERIODS, getGroupStats, getMemberStats } from '../usecases/get-stats.ts';
import { logActivity } from '../usecases/log-activity.ts';
import { showLevel } from '../usecases/manage-levels.ts';
import { getMemberPay, getTeamPay, monthOfDay } from '../usecases/pay-statements.ts';
import { runProbationCommand } from '../usecases/run-probation-command.ts';
import { runTeamCommand } from '../usecases/run-team-command.ts';
import { setLanguage } from '../usecases/set-language.ts';
import { getTeamGoalStats } from '../usecases/team-goals.ts';
import { todayForUser } from '../usecases/today.ts';
import { buildLevelReply } from '../views/careers-view.ts';
import { buildGoalStatsReply } from '../views/goal-view.ts';
import { buildLogProblemsReply } from '../views/log-view.ts';
import { conversationLink } from '../views/markup.ts';
import { type Message, textMessage } from '../views/message.ts';
import { buildMemberPayReply, buildTeamPayReply } from '../views/pay-view.ts';
import { buildBoardReply, buildWinsReply } from '../views/pk-view.ts';
import { buildGroupStatsReply, buildMemberStatsReply } from '../views/stats-view.ts';
import { buildNewGroupOffer, buildTeamReply, buildTeamUsageReply } from '../views/team-view.ts';
import type { ChatDeps } from './chat-deps.ts';
import { messagesForPerson } from './language.ts';
import { replyToLeave } from './leave-replies.ts';
import { replyToLog } from './log-replies.ts';
import { replyToOrg, replyToOrgRank } from './org-replies.ts';
import { replyToProbation } from './probation-replies.ts';
import { replyOrError } from './reply-or-error.ts';

/**
 * The one command router: whatever messenger delivered it, what a person typed reaches the same
 * use cases here. An adapter only turns its wire format into a ChatRequest (who, where, the text
 * with mentions as `<@id>` tokens, a delivery key) and renders the ChatReply back.
 */
export const COMMAND_NAMES = [
  'log',
  'stats',
  'rank',
  'pay',
  'level',
  'team',
  'probation',
  'leave',
  'org',
  'lang',
  'help',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Chinese words people type instead of the English command names (without a slash). */
const ALIASES: Readonly<Record<string, CommandName>> = {
  记录: 'log',
  战报: 'stats',
  统计: 'stats',
  排行: 'rank',
  排名: 'rank',
  薪酬: 'pay',
  工资: 'pay',
  级别: 'level',
  团队: 'team',
  试用期: 'probation',
  请假: 'leave',
  总部: 'org',
  分部: 'org',
  语言: 'lang',
  帮助: 'help',
  '?': 'help',
  '？': 'help',
};

/** `/log 120 calls`, `log 120 calls`, `记录 呼出120`: the command and the rest of the text. */
export function parseChatText(text: string): { command: CommandName; args: string } | undefined {
  const match = /^\s*\/?(\S+)\s*([\s\S]*)$/.exec(text);
  if (match === null) return undefined;
  const word = (match[1] ?? '').toLowerCase();
  const command = COMMAND_NAMES.find((name) => name === word) ?? ALIASES[word];
  return command === undefined ? undefined : { command, args: (match[2] ?? '').trim() };
}

export type Place = { kind: 'direct' } | { kind: 'group'; conversationId: string };

export type ChatRequest = {
  actorId: string;
  command: CommandName;
  args: string;
  /** Unique per delivery (Slack trigger_id, DingTalk msgId): a log delivered twice counts once. */
  deliveryKey: string;
  place: Place;
  /** Recorded on a log entry: which messenger's command it came from. */
  source: EntrySource;
};

/**
 * Who may see a reply: the asker only, or everyone in the conversation. Every answer about a
 * person (figures, pay, level, refusals) is private, like Slack's ephemeral replies; only help
 * is for the conversation. An adapter without private replies in groups sends a private one
 * directly to the asker.
 */
export type Visibility = 'private' | 'conversation';

export type ChatReply =
  | { kind: 'message'; message: Message; visibility: Visibility; locale: Locale }
  /** `/log` alone: a form where the messenger has one; `message` says how to log by text. */
  | { kind: 'log-form'; today: Day; message: Message; locale: Locale };

/** True when the text is `/log` alone, which Slack answers by opening its form at once. */
export function isLogFormRequest(args: string): boolean {
  const parsed = parseLogCommand(args);
  return parsed.ok && parsed.command.kind === 'form';
}

export async function routeCommand(deps: ChatDeps, request: ChatRequest): Promise<ChatReply> {
  const m = await messagesForPerson(deps, request.actorId);
  if (request.command === 'log' && isLogFormRequest(request.args)) {
    const today = await todayForUser(deps, request.actorId);
    return { kind: 'log-form', today, message: textMessage(m.log.textForm), locale: localeOf(m) };
  }
  const visibility: Visibility = request.command === 'help' ? 'conversation' : 'private';
  const message = await replyOrError(
    deps,
    m,
    { user: request.actorId, what: `/${request.command}` },
    async () => {
      const scoped = await withTeamScope(deps, request);
      return answer(scoped.deps, m, scoped.request);
    },
  );
  return { kind: 'message', message, visibility, locale: localeOf(m) };
}

async function answer(deps: ChatDeps, m: Messages, request: ChatRequest): Promise<Message> {
  const { actorId, args } = request;
  switch (request.command) {
    case 'help':
      return textMessage(m.chat.help.join('\n'));
    case 'lang': {
      const locale = parseLocaleWord(args);
      if (locale === undefined) return textMessage(m.chat.langUsage);
      return textMessage(messagesFor(await setLanguage(deps, { actorId, locale })).chat.langSet);
    }
    case 'log': {
      const parsed = parseLogCommand(args);
      if (!parsed.ok) return buildLogProblemsReply(m, parsed.problems);
      if (parsed.command.kind === 'help' || parsed.command.kind === 'form') return textMessage(m.log.help);
      const outcome = await logActivity(deps, {
        command: parsed.command,
        source: request.source,
        confirmed: parsed.command.kind !== 'undo' && parsed.command.confirmed === true,
        actorId,
        requestKey: request.deliveryKey,
      });
      return replyToLog(deps, m, outcome, args);
    }
    case 'stats': {
      const parsed = parseStatsCommand(args);
      if (!parsed.ok) return textMessage(m.stats.usage(parsed.word));
      const stats = parsed.command;
      if (stats.kind === 'team') return buildGoalStatsReply(m, await getTeamGoalStats(deps, { actorId }));
      if (stats.kind === 'group') {
        const group = await getGroupStats(deps, {
          actorId,
          groupName: stats.groupName,
          period: stats.period ?? 'month',
        });
        return buildGroupStatsReply(m, group);
      }
      const periods = stats.period === undefined ? ALL_PERIODS : [stats.period];
      return buildMemberStatsReply(
        m,
        await getMemberStats(deps, { actorId, memberRef: stats.memberRef, periods }),
      );
    }
    case 'rank': {
      const parsed = parseRankCommand(args);
      if (!parsed.ok) return textMessage(m.pk.usage(parsed.word));
      if (parsed.command.kind === 'help') return textMessage(m.pk.help);
      if (parsed.command.kind === 'org') return replyToOrgRank(deps, m, actorId, parsed.command.rest);
      if (parsed.command.kind === 'wins') {
        const { wins, names } = await getWins(deps, { actorId, period: parsed.command.period });
        return buildWinsReply(m, parsed.command.period, names, wins);
      }
      const { board, viewerId } = await getRanking(deps, { actorId, period: parsed.command.period });
      return buildBoardReply(m, board, {
        late: false,
        result: false,
        showBehind: false,
        ...(viewerId === undefined ? {} : { viewerId }),
      });
    }
    case 'pay': {
      const parsed = parsePayCommand(args);
      if (parsed === undefined) return textMessage(m.pay.usage);
      if (parsed.kind === 'team') {
        const month = parsed.month ?? monthOfDay(await todayForUser(deps, actorId));
        return buildTeamPayReply(m, await getTeamPay(deps, { actorId, month }));
      }
      const options = parsed.memberRef === undefined ? {} : { memberRef: parsed.memberRef };
      return buildMemberPayReply(m, await getMemberPay(deps, { actorId, ...options }));
    }
    case 'level': {
      const tokens = tokenize(args);
      const [first] = tokens;
      if (tokens.length > 1 || (first !== undefined && first.kind !== 'member'))
        return textMessage(m.level.usage);
      const memberRef = first?.kind === 'member' ? first.id : undefined;
      return buildLevelReply(
        m,
        await showLevel(deps, { actorId, ...(memberRef === undefined ? {} : { memberRef }) }),
      );
    }
    case 'org': {
      // `/org channel` typed inside a group chat, with no channel named, binds that chat.
      const here = request.place.kind === 'group' && ['channel', '频道'].includes(args.trim().toLowerCase());
      const parsed = parseOrgCommand(
        here && request.place.kind === 'group'
          ? `${args} ${conversationLink(request.place.conversationId)}`
          : args,
      );
      if (parsed === undefined) return textMessage(m.org.usage);
      return replyToOrg(deps, m, actorId, parsed);
    }
    case 'team': {
      const admin = parseTeamAdminCommand(args);
      if (admin === 'usage') return textMessage(m.org.usage);
      if (admin !== undefined) return replyToOrg(deps, m, actorId, admin);
      const parsed = parseTeamCommand(withPlace(args, request.place));
      if (!parsed.ok) return buildTeamUsageReply(m, parsed);
      const command = parsed.command;
      try {
        return buildTeamReply(m, await runTeamCommand(deps, actorId, command));
      } catch (error) {
        if (command.kind !== 'add' || !isDomainError(error) || error.code !== 'group-not-found') throw error;
        const { group = '', groups = '', meant = '' } = error.params;
        return buildNewGroupOffer(
          m,
          { group: String(group), groups: String(groups), meant: String(meant) },
          command,
        );
      }
    }
    case 'leave': {
      const parsed = parseLeaveCommand(args);
      if (!parsed.ok) return textMessage(m.leave.usage);
      return replyToLeave(deps, m, actorId, parsed.command);
    }
    case 'probation': {
      const parsed = parseProbationCommand(args);
      if (parsed === undefined) return textMessage(m.probation.usage);
      return replyToProbation(deps, m, await runProbationCommand(deps, actorId, parsed));
    }
  }
}

/**
 * `/team channel team` (or `… 一组`) typed inside a group chat, with no channel named, binds
 * that chat: where a messenger has no way to name a chat in text (DingTalk, WeCom), this is how
 * a team or a group gets its channel.
 */
function withPlace(args: string, place: Place): string {
  if (place.kind !== 'group') return args;
  const words = tokenize(args);
  const [verb] = words;
  const bindsHere =
    words.length === 2 && verb?.kind === 'word' && (verb.text === 'channel' || verb.text === '频道');
  return bindsHere ? `${args} ${conversationLink(place.conversationId)}` : args;
}

/**
 * Which team the request is about, for org admins (src/usecases/context.ts identifyActor): a word
 * `@二部` naming a team (taken out of the text), else the team whose channel the command was
 * typed in. The chat's team is looked up only when an org admin's request asks for it.
 */
async function withTeamScope(
  deps: ChatDeps,
  request: ChatRequest,
): Promise<{ deps: ChatDeps; request: ChatRequest }> {
  const words = request.args.split(/\s+/);
  const candidates = words.filter((w) => /^[@＠][^<\s]/.test(w));
  let named: number | undefined;
  let args = request.args;
  if (candidates.length > 0) {
    const teams = await deps.store.roster.teams();
    for (const word of candidates) {
      const team = teams.find((t) => foldName(t.name) === foldName(word.slice(1)));
      if (team === undefined) continue;
      named = team.id;
      args = words.filter((w) => w !== word).join(' ');
      break;
    }
  }
  const place = request.place;
  const teamScope = async () => {
    if (named !== undefined) return { teamId: named, named: true };
    if (place.kind !== 'group') return undefined;
    const teamId = await deps.store.roster.teamOfChannel(place.conversationId);
    return teamId === undefined ? undefined : { teamId, named: false };
  };
  return { deps: { ...deps, teamScope }, request: { ...request, args } };
}

function parseLocaleWord(args: string): Locale | undefined {
  const word = args.trim().toLowerCase();
  if (['en', 'english', '英文', '英语'].includes(word)) return 'en';
  if (['zh', 'zh-cn', '中文', '简体中文', 'chinese', 'cn'].includes(word)) return 'zh-CN';
  return undefined;
}
