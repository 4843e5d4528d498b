import type { HomeView } from '@slack/types';
import type { Messages } from '../../i18n/index.ts';
import type { MemberStats } from '../../usecases/get-stats.ts';
import { type Block, divider, heading, note, textBlock } from '../../views/message.ts';
import { periodBlocks } from '../../views/stats-view.ts';
import { toSlackBlocks } from '../render.ts';

/** The App Home tab: the same picture as `/stats` (today, week, month and quarter). */
export function buildHomeView(m: Messages, stats: MemberStats | undefined): HomeView {
  const blocks: Block[] = [heading(m.stats.homeTitle)];
  if (stats === undefined) {
    blocks.push(textBlock(m.stats.homeNotOnRoster));
  } else {
    for (const p of stats.periods) blocks.push(...periodBlocks(m, p), divider);
    blocks.push(note(m.stats.homeHint));
  }
  return { type: 'home', blocks: toSlackBlocks(blocks) };
}
