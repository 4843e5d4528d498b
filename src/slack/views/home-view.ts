import type { HomeView, KnownBlock } from '@slack/types';
import type { Messages } from '../../i18n/index.ts';
import type { MemberStats } from '../../usecases/get-stats.ts';
import { context, divider, header, section } from './blocks.ts';
import { periodBlocks } from './stats-view.ts';

/** The App Home tab: the same picture as `/stats` (today, week, month and quarter). */
export function buildHomeView(m: Messages, stats: MemberStats | undefined): HomeView {
  const blocks: KnownBlock[] = [header(m.stats.homeTitle)];
  if (stats === undefined) {
    blocks.push(section(m.stats.homeNotOnRoster));
  } else {
    for (const p of stats.periods) blocks.push(...periodBlocks(m, p), divider);
    blocks.push(context(m.stats.homeHint));
  }
  return { type: 'home', blocks };
}
