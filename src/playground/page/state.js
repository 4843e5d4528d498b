// What the page knows: the session, the workspace directory, who it acts as, and every message
// the event stream delivered. Lookups that several modules need live here with the state.

import { wordsFor } from './i18n.js';

export const state = {
  /** 'slack', 'dingtalk' or 'wecom': which client the page plays (the switch in the header). */
  messenger: 'slack',
  session: undefined,
  sender: undefined,
  directory: {
    people: [],
    channels: [],
    groups: [],
    jobs: [],
    team: { name: '', timezone: 'Asia/Shanghai' },
    today: '',
  },
  me: undefined,
  /** The conversation shown: a channel id or a DM id (D + user id). */
  current: undefined,
  tab: 'messages',
  /** conversation id → Map(ts → message) */
  messages: new Map(),
  /** "conversation ts" → order of arrival, so that the page's own echoes interleave correctly. */
  arrival: new Map(),
  arrivals: 0,
  /** What this page typed: { conversation, person, text, arrival, error, reply } */
  echoes: [],
  homes: {},
  unread: new Map(),
  /** Trigger ids this page sent: a modal opened with one of them is meant for this page. */
  triggers: new Set(),
};

export const person = (id) => state.directory.people.find((p) => p.id === id);
export const me = () => person(state.me);
export const locale = () => me()?.locale ?? state.session?.defaultLocale ?? 'zh-CN';
export const words = () => wordsFor(locale());
export const dmOf = (userId) => `D${userId}`;
export const ownerOfDm = (conversation) =>
  conversation?.startsWith('D') ? conversation.slice(1) : undefined;

export const names = {
  person: (id) => person(id)?.name,
  channel: (id) =>
    state.directory.channels.find((c) => c.id === id)?.name ??
    (ownerOfDm(id) ? person(ownerOfDm(id))?.name : undefined),
};

export function conversationName(id) {
  const owner = ownerOfDm(id);
  if (owner === undefined) return `# ${names.channel(id) ?? id}`;
  if (owner === state.me) return state.session.bot.name;
  return `${person(owner)?.name ?? owner} ↔ ${state.session.bot.name}`;
}

/** Someone else's DM with the bot is shown read-only, with their ephemeral messages too. */
export const isObserving = (conversation) =>
  ownerOfDm(conversation) !== undefined && ownerOfDm(conversation) !== state.me;

export function isVisible(message) {
  if (message.ephemeralTo === undefined) return true;
  return isObserving(message.conversation)
    ? ownerOfDm(message.conversation) === message.ephemeralTo
    : message.ephemeralTo === state.me;
}

export function remember(message) {
  const key = `${message.conversation} ${message.ts}`;
  if (!state.arrival.has(key)) {
    state.arrivals += 1;
    state.arrival.set(key, state.arrivals);
  }
  const list = state.messages.get(message.conversation) ?? new Map();
  list.set(message.ts, message);
  state.messages.set(message.conversation, list);
}

export const arrivalOf = (message) => state.arrival.get(`${message.conversation} ${message.ts}`) ?? 0;

/** A line this page typed, shown where it was typed (Slack does not show slash commands; we do). */
export function echo(conversation, text, error) {
  state.arrivals += 1;
  const entry = { conversation, person: state.me, text, arrival: state.arrivals, error };
  state.echoes.push(entry);
  return entry;
}

/** The 钉钉 and 企业微信 sides' page endpoints are the Slack side's below /playground/<messenger>/. */
export const endpoint = (path) =>
  state.messenger === 'slack' ? path : path.replace(/^\/playground\//, `/playground/${state.messenger}/`);

export async function getJson(path) {
  const response = await fetch(endpoint(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

export async function postJson(path, body) {
  const response = await fetch(endpoint(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function loadDirectory() {
  const asked = locale();
  state.directory = await getJson(`/playground/directory?locale=${encodeURIComponent(asked)}`);
  // Labels follow the language of the person acting, which the answer itself may tell us first.
  if (locale() !== asked) {
    state.directory = await getJson(`/playground/directory?locale=${encodeURIComponent(locale())}`);
  }
}
