import { type Day, FIRST_DAY } from '../domain/days.ts';
import { memberPoints, streaks } from '../domain/pk.ts';
import type { MemberView } from '../store/roster-repository.ts';
import { imageSettingsFrom, pkWeightsFrom } from '../store/settings-repository.ts';
import type { Store } from '../store/store.ts';
import type { MilestoneNews } from './messenger.ts';

/** A group's third PK win in a row is news (once: the claim is keyed by the streak's last period). */
export const WIN_STREAK_NEWS = 3;
/** A personal best means little before a member has this many logged days. */
export const PERSONAL_BEST_MIN_DAYS = 5;

/**
 * Groups whose streak of wins reached three with the period just recorded (a period in which
 * nobody scored has no winner), claimed so that each streak is announced once.
 */
export async function winStreakNews(
  store: Store,
  teamId: number,
  period: 'day' | 'week' | 'month',
  periodKey: string,
): Promise<MilestoneNews[]> {
  const winners = await store.pk.winners(teamId, period);
  const last = winners.at(-1)?.period;
  if (last === undefined || last !== periodKey) return [];
  const groups = await store.roster.groups(teamId);
  const news: MilestoneNews[] = [];
  for (const streak of streaks(winners)) {
    if (streak.currentStreak !== WIN_STREAK_NEWS) continue;
    const group = groups.find((g) => g.id === streak.groupId);
    if (group === undefined) continue;
    const claimed = await store.pk.claimMilestone({
      teamId,
      kind: 'win-streak',
      subjectKey: `group:${group.id}`,
      key: `${period}:${last}`,
      detail: { streak: streak.currentStreak },
    });
    if (claimed) news.push({ kind: 'win-streak', groupName: group.name, streak: streak.currentStreak });
  }
  return news;
}

/**
 * After a member's log: their first deal ever, a day whose 业绩 reached the team's 喜报 threshold
 * (`/team image 喜报 10万`; not on the first deal's day, which has its own news), or a day with
 * more PK points than any earlier day (with at least five earlier logged days). Each is claimed in
 * the store, so it is announced once (a big day once per member and day).
 */
export async function memberMilestoneNews(
  store: Store,
  member: MemberView,
  day: Day,
): Promise<MilestoneNews[]> {
  const news: MilestoneNews[] = [];
  const history = await store.activity.memberDailyTotals(member.id, FIRST_DAY, day);
  const today = history.find((h) => h.day === day);
  if (today === undefined) return news;
  const earlier = history.filter((h) => h.day < day);
  if (today.totals.amount > 0 && earlier.every((h) => h.totals.amount <= 0)) {
    const claimed = await store.pk.claimMilestone({
      teamId: member.teamId,
      kind: 'first-deal',
      subjectKey: `member:${member.id}`,
      key: 'first',
      detail: { day, amount: today.totals.amount },
    });
    if (claimed) news.push({ kind: 'first-deal', member, amount: today.totals.amount });
  }
  const settings = await store.settings.teamSettings(member.teamId);
  const threshold = imageSettingsFrom(settings).dealThreshold;
  // The day of the first deal has that news (its 喜报) already, however big the day grows.
  const firstDealDay = history.find((h) => h.totals.amount > 0)?.day;
  if (threshold !== undefined && firstDealDay !== day && today.totals.amount >= threshold) {
    const claimed = await store.pk.claimMilestone({
      teamId: member.teamId,
      kind: 'big-deal',
      subjectKey: `member:${member.id}`,
      key: day,
      detail: { amount: today.totals.amount, threshold },
    });
    if (claimed) news.push({ kind: 'big-deal', member, amount: today.totals.amount, threshold });
  }
  if (earlier.length >= PERSONAL_BEST_MIN_DAYS) {
    const weights = pkWeightsFrom(settings);
    const points = memberPoints(today.totals, weights);
    const previous = Math.max(...earlier.map((h) => memberPoints(h.totals, weights)));
    if (previous > 0 && points > previous) {
      const claimed = await store.pk.claimMilestone({
        teamId: member.teamId,
        kind: 'personal-best',
        subjectKey: `member:${member.id}`,
        key: day,
        detail: { points, previous },
      });
      if (claimed) news.push({ kind: 'personal-best', member, points, previous });
    }
  }
  return news;
}
