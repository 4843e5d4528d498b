import { en } from './en.ts';
import { type Messages, zhCN } from './zh-CN.ts';

export type { Messages } from './zh-CN.ts';
export type Locale = 'zh-CN' | 'en';

const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/**
 * Maps a messenger's locale tag (Slack sends e.g. "zh-CN", "zh-TW", "en-US", "ja-JP") to one of
 * ours: any Chinese reads 简体中文, any English reads English, anything else the team default.
 */
export function localeFromTag(tag: string | undefined | null, fallback: Locale): Locale {
  if (!tag) return fallback;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return fallback;
}

/** The locale a catalogue is written in (its `locale` field is widened to string by `Messages`). */
export function localeOf(m: Messages): Locale {
  return m.locale === 'en' ? 'en' : 'zh-CN';
}
