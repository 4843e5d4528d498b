// The playground page: a small Slack client for one workspace (or, switched to 钉钉, the DingTalk
// client in dingtalk-app.js; to 企业微信, the WeCom client in wecom-app.js). It acts as whoever is picked in
// "I am", sends what they type to the bot as Slack would (slack.js, sending.js), and shows what
// the bot posts as it arrives (server-sent events from /playground/events).

import { $, el, toast } from './dom.js';
import { wordsFor } from './i18n.js';
import { createModals } from './modal.js';
import { createView } from './render.js';
import { createSending } from './sending.js';
import { createSlackSender } from './slack.js';
import {
  dmOf,
  getJson,
  isVisible,
  loadDirectory,
  me,
  names,
  person,
  postJson,
  remember,
  state,
  words,
} from './state.js';

const view = createView({
  openConversation,
  openTab,
  messageAction: (message, action) => sending.messageAction(message, action),
  homeAction: (home, action) => sending.homeAction(home, action),
  runJob: (job, button) => sending.runJob(job, button),
});

const sending = createSending({
  redrawConversation: view.conversation,
  directoryChanged: refreshDirectorySoon,
});

const modals = createModals({
  root: $('modal-root'),
  names,
  words,
  sender: () => state.sender,
  rememberTrigger: (id) => state.triggers.add(id),
  forget: (viewId) => postJson('/playground/views/closed', { viewId }),
});

let directoryRefresh;
/** Commands can change the roster (/team add …); the directory follows shortly after a reply. */
function refreshDirectorySoon() {
  clearTimeout(directoryRefresh);
  directoryRefresh = setTimeout(async () => {
    await loadDirectory();
    view.all();
  }, 150);
}

// ---------------------------------------------------------------- events from the bot

function applyEvent(event) {
  switch (event.type) {
    case 'snapshot':
      state.messages = new Map();
      for (const message of [...event.messages].sort((a, b) => Number(a.ts) - Number(b.ts)))
        remember(message);
      state.homes = event.homes;
      view.all();
      return;
    case 'message': {
      const { message } = event;
      remember(message);
      if (isVisible(message) && message.conversation !== state.current) {
        state.unread.set(message.conversation, (state.unread.get(message.conversation) ?? 0) + 1);
      }
      if (message.ephemeralTo === state.me || !message.conversation.startsWith('D')) refreshDirectorySoon();
      view.sidebar();
      if (message.conversation === state.current) view.conversation();
      return;
    }
    case 'message-changed':
      remember(event.message);
      if (event.message.conversation === state.current) view.conversation();
      return;
    case 'message-deleted':
      state.messages.get(event.conversation)?.delete(event.ts);
      if (event.conversation === state.current) view.conversation();
      return;
    case 'view-opened':
      if (state.triggers.delete(event.view.triggerId)) modals.open(event.view, me());
      return;
    case 'view-updated':
      modals.update(event.view);
      return;
    case 'home-published':
      state.homes[event.userId] = event.view;
      if (event.userId === state.me && state.tab === 'home') view.conversation();
      return;
    case 'directory-changed':
      refreshDirectorySoon();
      return;
  }
}

function connect() {
  const source = new EventSource('/playground/events');
  source.addEventListener('open', () => {
    $('connection').hidden = true;
  });
  // EventSource reconnects by itself; the snapshot it gets then brings the page up to date.
  source.addEventListener('error', () => {
    $('connection').hidden = false;
  });
  source.addEventListener('message', (event) => applyEvent(JSON.parse(event.data)));
}

// ---------------------------------------------------------------- navigation

function openConversation(conversation) {
  state.current = conversation;
  state.tab = 'messages';
  state.unread.delete(conversation);
  localStorage.setItem('zhanbao.conversation', conversation);
  view.sidebar();
  view.conversation();
  $('command').focus();
}

function openTab(tab) {
  state.tab = tab;
  // As Slack does each time the tab is opened: the bot answers with views.publish.
  if (tab === 'home') state.sender.appHomeOpened({ person: me() });
  view.conversation();
}

async function actAs(userId) {
  const previousDm = dmOf(state.me);
  state.me = userId;
  localStorage.setItem('zhanbao.me', userId);
  modals.closeAll();
  // Following the person: from the DM of the one before to one's own.
  if (state.current === previousDm) state.current = dmOf(userId);
  await loadDirectory();
  view.all();
}

async function setLanguage(next) {
  await postJson('/playground/locale', { userId: state.me, locale: next });
  await loadDirectory();
  view.all();
}

function defaultPerson() {
  const people = state.directory.people;
  const agent = people.find((p) => p.role === 'agent' && p.status === 'active');
  return (agent ?? people.find((p) => p.kind !== 'bot') ?? people[0])?.id;
}

// ---------------------------------------------------------------- start

/** The Slack | 钉钉 | 企业微信 switch: the choice is kept, and the page starts again as the other client. */
function messengerSwitch() {
  const kept = localStorage.getItem('zhanbao.messenger');
  const saved = kept === 'dingtalk' || kept === 'wecom' ? kept : 'slack';
  for (const button of document.querySelectorAll('[data-messenger]')) {
    button.setAttribute('aria-pressed', String(button.dataset.messenger === saved));
    button.addEventListener('click', () => {
      if (button.dataset.messenger === saved) return;
      localStorage.setItem('zhanbao.messenger', button.dataset.messenger);
      location.reload();
    });
  }
  return saved;
}

async function start() {
  state.messenger = messengerSwitch();
  if (state.messenger === 'dingtalk') {
    const { startDingTalk } = await import('./dingtalk-app.js');
    return startDingTalk();
  }
  if (state.messenger === 'wecom') {
    const { startWeCom } = await import('./wecom-app.js');
    return startWeCom();
  }
  state.session = await getJson('/playground/session');
  try {
    state.sender = createSlackSender(state.session);
  } catch {
    document.body.prepend(el('p', 'fatal', wordsFor(state.session.defaultLocale).insecure));
    return;
  }
  await loadDirectory();
  const saved = localStorage.getItem('zhanbao.me');
  state.me = person(saved) ? saved : defaultPerson();
  await loadDirectory();
  const savedConversation = localStorage.getItem('zhanbao.conversation');
  const usable =
    savedConversation && (!savedConversation.startsWith('D') || savedConversation === dmOf(state.me));
  state.current = usable ? savedConversation : dmOf(state.me);

  $('who').addEventListener('change', (event) => actAs(event.target.value));
  for (const button of document.querySelectorAll('[data-locale]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.locale));
  }
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const line = $('command').value;
    if (line.trim() === '') return;
    $('command').value = '';
    sending.command(line).catch((error) => toast(String(error), 'warn'));
  });
  view.all();
  connect();
}

start().catch((error) => {
  document.body.prepend(el('p', 'fatal', String(error)));
});
