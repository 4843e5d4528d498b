import type { Clock } from '../clock.ts';

/**
 * What the playground's stand-in for Slack remembers: every message per conversation (the team
 * channel, each group channel, each member's DM with the bot), the open modals and each member's
 * Home tab. Every change is also an event, which the page receives as it happens (events.ts) and
 * tests await with `waitFor`. In memory on purpose: like Slack's own history, it is not the bot's
 * data; a restart starts with empty conversations and the same database.
 */
/** A file shared in a message (the bot's exports): its bytes are fetched from /playground/files/<id>. */
export type SharedFile = { id: string; name: string; title: string; size: number };

export type StoredMessage = {
  conversation: string;
  ts: string;
  /** Who wrote it: the bot's user id for everything the bot sends. */
  user: string;
  text: string;
  blocks: unknown[] | undefined;
  /** Set on replies in a thread: the ts of the thread's first message. */
  threadTs: string | undefined;
  /** An ephemeral message is shown to this user only. */
  ephemeralTo: string | undefined;
  edited: boolean;
  files?: SharedFile[];
  /**
   * In the 钉钉 playground: how DingTalk would show it (`text` is then markdown or plain text, not
   * mrkdwn), its notification title, and the people @-mentioned (the bot's `at.atUserIds`, or
   * whom a person @-ed).
   */
  dingtalk?: { msgtype: 'text' | 'markdown' | 'file' | 'image'; title?: string; atUserIds: string[] };
  /**
   * In the 企业微信 playground: how WeCom would show it (`text` is then WeCom markdown or plain
   * text); for a template card the card as sent, its response_code, and the replace_name its
   * buttons were greyed with once the bot updated it.
   */
  wecom?: WeComShown;
};

export type WeComShown = {
  msgtype: 'text' | 'markdown' | 'template_card' | 'file' | 'image';
  card?: Record<string, unknown>;
  responseCode?: string;
  replaceName?: string;
};

export type StoredView = {
  id: string;
  /** The trigger that opened it: the page that sent that trigger shows the modal. */
  triggerId: string;
  view: Record<string, unknown>;
  hash: string;
};

export type PlaygroundEvent =
  | { type: 'message'; message: StoredMessage }
  | { type: 'message-changed'; message: StoredMessage }
  | { type: 'message-deleted'; conversation: string; ts: string }
  | { type: 'view-opened'; view: StoredView }
  | { type: 'view-updated'; view: StoredView }
  | { type: 'home-published'; userId: string; view: Record<string, unknown> }
  | { type: 'directory-changed' };

export type Snapshot = {
  messages: StoredMessage[];
  views: StoredView[];
  homes: Record<string, Record<string, unknown>>;
};

type Listener = (event: PlaygroundEvent) => void;

/** A long-running playground keeps this many messages per conversation, like a scrollback. */
const DEFAULT_KEEP = 500;
/** Modals a page opened and never closed, and shared files, are forgotten beyond these counts. */
const KEEP_VIEWS = 100;
const KEEP_FILES = 100;

/** Drops the oldest entries of a Map (insertion order) beyond `limit`. */
function trim<K, V>(map: Map<K, V>, limit: number): void {
  for (const key of map.keys()) {
    if (map.size <= limit) return;
    map.delete(key);
  }
}

export type Conversations = ReturnType<typeof createConversations>;

export function createConversations(options: { clock: Clock; keepPerConversation?: number }) {
  const keep = options.keepPerConversation ?? DEFAULT_KEEP;
  const byConversation = new Map<string, StoredMessage[]>();
  const views = new Map<string, StoredView>();
  const homes = new Map<string, Record<string, unknown>>();
  const files = new Map<string, SharedFile & { bytes: Buffer }>();
  const listeners = new Set<Listener>();
  let lastMicros = 0;
  let viewSeq = 0;

  const emit = (event: PlaygroundEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  // Slack's ts is "seconds.micros" and unique per channel; strictly increasing here even when the
  // clock stands still (tests use a fixed clock) so that order and identity never clash.
  const nextTs = () => {
    lastMicros = Math.max(options.clock.now().getTime() * 1000, lastMicros + 1);
    return `${Math.floor(lastMicros / 1_000_000)}.${String(lastMicros % 1_000_000).padStart(6, '0')}`;
  };

  const subscribe = (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  const find = (conversation: string, ts: string) =>
    byConversation.get(conversation)?.find((message) => message.ts === ts);

  return {
    post(input: Omit<StoredMessage, 'ts' | 'edited'>): StoredMessage {
      const message: StoredMessage = { ...input, ts: nextTs(), edited: false };
      const list = byConversation.get(message.conversation) ?? [];
      list.push(message);
      if (list.length > keep) list.splice(0, list.length - keep);
      byConversation.set(message.conversation, list);
      emit({ type: 'message', message });
      return message;
    },

    /** Replaces a message's content, as chat.update and response_url's replace_original do. */
    update(
      conversation: string,
      ts: string,
      content: { text: string; blocks: unknown[] | undefined; wecom?: WeComShown },
    ): StoredMessage | undefined {
      const message = find(conversation, ts);
      if (message === undefined) return undefined;
      message.text = content.text;
      message.blocks = content.blocks;
      if (content.wecom !== undefined) message.wecom = content.wecom;
      message.edited = true;
      emit({ type: 'message-changed', message });
      return message;
    },

    remove(conversation: string, ts: string): boolean {
      const list = byConversation.get(conversation);
      const index = list?.findIndex((message) => message.ts === ts) ?? -1;
      if (list === undefined || index < 0) return false;
      list.splice(index, 1);
      emit({ type: 'message-deleted', conversation, ts });
      return true;
    },

    message: find,

    messages(conversation: string): readonly StoredMessage[] {
      return byConversation.get(conversation) ?? [];
    },

    openView(triggerId: string, view: Record<string, unknown>): StoredView {
      viewSeq += 1;
      const stored = { id: `VPLAY${String(viewSeq).padStart(6, '0')}`, triggerId, view, hash: `h${viewSeq}` };
      views.set(stored.id, stored);
      trim(views, KEEP_VIEWS);
      emit({ type: 'view-opened', view: stored });
      return stored;
    },

    updateView(id: string, view: Record<string, unknown>): StoredView | undefined {
      const stored = views.get(id);
      if (stored === undefined) return undefined;
      viewSeq += 1;
      const updated = { ...stored, view, hash: `h${viewSeq}` };
      views.set(id, updated);
      emit({ type: 'view-updated', view: updated });
      return updated;
    },

    viewByExternalId(externalId: string): StoredView | undefined {
      return [...views.values()].find((stored) => stored.view.external_id === externalId);
    },

    /** The page closed the modal (submitted or cancelled): forget it. */
    closeView(id: string): void {
      views.delete(id);
    },

    keepFile(file: SharedFile & { bytes: Buffer }): void {
      files.set(file.id, file);
      trim(files, KEEP_FILES);
    },

    file(id: string): (SharedFile & { bytes: Buffer }) | undefined {
      return files.get(id);
    },

    publishHome(userId: string, view: Record<string, unknown>): void {
      homes.set(userId, view);
      emit({ type: 'home-published', userId, view });
    },

    /** Something the page lists (people, channels) changed outside a message. */
    directoryChanged(): void {
      emit({ type: 'directory-changed' });
    },

    snapshot(): Snapshot {
      return {
        messages: [...byConversation.values()].flat(),
        views: [...views.values()],
        homes: Object.fromEntries(homes),
      };
    },

    subscribe,

    /**
     * Resolves with the first event that matches: among what is already there (each stored
     * message, open modal and Home tab, as the event that made it), else from now on. So a test
     * never sleeps and never misses a reply that came before it started waiting.
     */
    waitFor(match: (event: PlaygroundEvent) => boolean, timeoutMs = 10_000): Promise<PlaygroundEvent> {
      const present: PlaygroundEvent[] = [
        ...[...byConversation.values()].flat().map((message) => ({ type: 'message' as const, message })),
        ...[...views.values()].map((view) => ({ type: 'view-opened' as const, view })),
        ...[...homes].map(([userId, view]) => ({ type: 'home-published' as const, userId, view })),
      ];
      const found = present.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`playground: no matching event within ${timeoutMs}ms`));
        }, timeoutMs);
        const unsubscribe = subscribe((event) => {
          if (!match(event)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(event);
        });
      });
    },
  };
}
