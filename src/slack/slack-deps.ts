import type { ChatDeps } from '../chat/chat-deps.ts';

/** What the Slack listeners receive: the shared chat deps (the adapter fills in its own parts). */
export type SlackDeps = ChatDeps;
