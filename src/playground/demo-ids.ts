import type { DemoSummary } from '../demo/seed.ts';

/** The demo summary in the ids a messenger side gave the seeded rows (useDingTalkIds, useWeComIds). */
export function renameSummary(summary: DemoSummary, renamed: ReadonlyMap<string, string>): DemoSummary {
  const id = (old: string) => renamed.get(old) ?? old;
  const { people } = summary;
  return {
    ...summary,
    teamChannelId: id(summary.teamChannelId),
    groups: summary.groups.map((g) => ({ ...g, channelId: id(g.channelId), leader: id(g.leader) })),
    people: {
      director: id(people.director),
      managers: people.managers.map(id),
      leaders: people.leaders.map(id),
      agents: people.agents.map(id),
      probation: people.probation.map(id),
    },
  };
}
