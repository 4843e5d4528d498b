// The playground page as a small WeCom (企业微信) client: each member's chat with the app 战报
// (应用消息), with the app's menu under it, and the group chats the team's group robots post
// into (read only: a robot posts into a group, it cannot read it). What a member types, a menu
// item or a card's button becomes the callback WeCom would send: the server seals it (AES and
// msg_signature, as WeCom does) and the page posts it to /wecom/events, which reaches the app's
// own receiver. The app's messages arrive on the event stream of the 企业微信 side.

import { $, el, posterImage, toast } from './dom.js';
import {
  avatar,
  chromeWords,
  connectEvents,
  emptyChat,
  jobButtons,
  languageButtons,
  navButton,
  timeOf,
  whoPicker,
} from './im-common.js';
import { arrivalOf, getJson, loadDirectory, person, postJson, state, words } from './state.js';
import { renderWeComMarkdown } from './wecom-markdown.js';

const chatOf = (userId) => `wwChat.${userId}`;
const ownerOfChat = (conversation) =>
  conversation?.startsWith('wwChat.') ? conversation.slice('wwChat.'.length) : undefined;
const isObserving = (conversation) =>
  ownerOfChat(conversation) !== undefined && ownerOfChat(conversation) !== state.me;
const app = () => state.session.app;
const group = (id) => state.directory.channels.find((c) => c.id === id);
const names = { person: (id) => person(id)?.name };

let directoryRefresh;
function refreshDirectorySoon() {
  clearTimeout(directoryRefresh);
  directoryRefresh = setTimeout(async () => {
    await loadDirectory();
    draw();
  }, 150);
}

// ---------------------------------------------------------------- sending

/** One action of the member (a text, a menu click, a card click), sealed by the server, posted as WeCom posts it. */
async function act(action) {
  const w = words();
  const sealed = await postJson('/playground/messages', { ...action, userId: state.me });
  if (sealed.status === 409) return toast(w.wecom.cardDone, 'warn');
  if (sealed.status !== 200) return toast(w.requestFailed(sealed.status), 'warn');
  const { query, body } = sealed.body.callback;
  const answer = await fetch(`/wecom/events?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
    body,
  });
  if (answer.status !== 200) toast(w.requestFailed(answer.status), 'warn');
}

// ---------------------------------------------------------------- drawing

function cardNode(entry, readonly) {
  const info = entry.wecom;
  const card = info.card ?? {};
  const node = el('div', 'ww-card');
  node.append(el('div', 'ww-card-source', app().name));
  node.append(el('div', 'ww-card-title', card.main_title?.title ?? ''));
  if (card.sub_title_text) {
    const sub = el('div', 'ww-card-subtitle');
    for (const [index, line] of card.sub_title_text.split('\n').entries()) {
      if (index > 0) sub.append(document.createElement('br'));
      sub.append(document.createTextNode(line));
    }
    node.append(sub);
  }
  const row = el('div', 'ww-card-buttons');
  if (info.replaceName !== undefined) {
    // update_template_card replaces the buttons with one greyed button saying what happened.
    const done = el('button', 'ww-card-button done', info.replaceName);
    done.type = 'button';
    done.disabled = true;
    row.append(done);
  } else {
    for (const button of card.button_list ?? []) {
      const style = button.style === 1 ? ' primary' : button.style === 3 ? ' danger' : '';
      const node = el('button', `ww-card-button${style}`, button.text);
      node.type = 'button';
      node.disabled = readonly;
      node.addEventListener('click', () => {
        for (const other of row.querySelectorAll('button')) other.disabled = true;
        act({ kind: 'card', ts: entry.ts, key: button.key }).catch((error) => toast(String(error), 'warn'));
      });
      row.append(node);
    }
  }
  node.append(row);
  return node;
}

function messageNode(entry, readonly) {
  const w = words();
  const fromApp = entry.user === app().userId;
  const inGroup = ownerOfChat(entry.conversation) === undefined;
  const mine = entry.user === state.me && !readonly;
  const author = fromApp
    ? inGroup
      ? w.wecom.robotName
      : app().name
    : (person(entry.user)?.name ?? entry.user);
  const meta = el('div', 'meta', el('span', 'author', author));
  if (fromApp) meta.append(el('span', 'ww-badge', inGroup ? w.wecom.robotBadge : w.wecom.appBadge));
  meta.append(el('time', '', timeOf(entry.ts)));
  const info = entry.wecom ?? { msgtype: 'text' };
  const content =
    info.msgtype === 'template_card'
      ? cardNode(entry, readonly)
      : el(
          'div',
          `ww-bubble${fromApp && info.msgtype === 'markdown' ? ' markdown' : ''}`,
          ...(entry.text === ''
            ? []
            : [renderWeComMarkdown(entry.text, { names }, info.msgtype === 'markdown')]),
        );
  for (const file of entry.files ?? []) {
    if (/\.png$/i.test(file.name)) {
      content.append(posterImage(`/playground/wecom/files/${encodeURIComponent(file.id)}`, file.title));
      continue;
    }
    const link = el('a', 'file-card', el('span', 'file-icon', '📄'), el('strong', '', file.name));
    link.href = `/playground/wecom/files/${encodeURIComponent(file.id)}`;
    link.download = file.name;
    content.append(link);
  }
  const node = el(
    'article',
    `ww-message${mine ? ' mine' : ''}`,
    avatar(author, fromApp, inGroup ? '🤖' : '战'),
    el('div', 'body', meta, content),
  );
  node.dataset.ts = entry.ts;
  return node;
}

/** The sub-menu open, by its item's name: kept while replies redraw the chat. */
let openSubmenu;

/** The app's menu (menu/create), under the chat as WeCom shows it; a sub-menu opens above its item. */
function menuBar(disabled, shown) {
  const bar = $('ww-menu');
  const items = state.session.menu ?? [];
  // The menu belongs to the app's chat; a group chat has none.
  bar.hidden = items.length === 0 || !shown;
  bar.replaceChildren(
    ...items.map((item) => {
      const cell = el('div', 'ww-menu-item');
      const button = el('button', '', item.sub_button ? `☰ ${item.name}` : item.name);
      button.type = 'button';
      button.disabled = disabled;
      if (item.key) button.dataset.menuKey = item.key;
      cell.append(button);
      if (item.sub_button) {
        const popup = el('div', 'ww-submenu');
        popup.hidden = disabled || openSubmenu !== item.name;
        for (const sub of item.sub_button) {
          const subButton = el('button', '', sub.name);
          subButton.type = 'button';
          subButton.dataset.menuKey = sub.key;
          subButton.addEventListener('click', () => {
            openSubmenu = undefined;
            popup.hidden = true;
            act({ kind: 'menu', key: sub.key }).catch((error) => toast(String(error), 'warn'));
          });
          popup.append(subButton);
        }
        cell.append(popup);
        button.addEventListener('click', () => {
          openSubmenu = popup.hidden ? item.name : undefined;
          popup.hidden = !popup.hidden;
        });
      } else {
        button.addEventListener('click', () =>
          act({ kind: 'menu', key: item.key }).catch((error) => toast(String(error), 'warn')),
        );
      }
      return cell;
    }),
  );
}

function conversation() {
  const w = words();
  const current = state.current;
  const observing = isObserving(current);
  const owner = ownerOfChat(current);
  $('conversation-title').textContent =
    owner === undefined
      ? w.wecom.groupTitle(group(current)?.name ?? '')
      : owner === state.me
        ? w.wecom.chatTitle(app().name)
        : `${person(owner)?.name ?? owner} ↔ ${app().name}`;
  $('tabs').replaceChildren();
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const messages = [...(state.messages.get(current)?.values() ?? [])].sort(
    (a, b) => arrivalOf(a) - arrivalOf(b),
  );
  const readonly = observing || owner === undefined;
  list.replaceChildren(
    ...(messages.length === 0
      ? [owner === undefined ? el('div', 'empty', el('p', '', w.wecom.emptyGroup)) : emptyChat()]
      : messages.map((m) => messageNode(m, observing))),
  );
  if (list.dataset.shown !== current || atBottom) list.scrollTop = list.scrollHeight;
  list.dataset.shown = current;
  $('command').disabled = readonly;
  $('send').disabled = readonly;
  $('command').placeholder = owner === undefined ? w.wecom.placeholderGroup : w.wecom.placeholderChat;
  menuBar(readonly, owner !== undefined);
  const note = observing
    ? w.wecom.viewOnly(person(owner)?.name ?? '')
    : owner === undefined
      ? w.wecom.groupHint
      : '';
  $('composer-note').textContent = note;
  $('composer-note').hidden = note === '';
}

function sidebar() {
  const w = words();
  const nav = (id, label, extraClass) => navButton(id, label, openConversation, extraClass);
  $('dms').replaceChildren(nav(chatOf(state.me), app().name, 'bot-dm'));
  $('channels').replaceChildren(...state.directory.channels.map((c) => nav(c.id, c.name, 'ww-group')));
  const others = [...state.messages.entries()]
    .filter(([id, list]) => ownerOfChat(id) !== undefined && id !== chatOf(state.me) && list.size > 0)
    .map(([id]) => ({ id, name: person(ownerOfChat(id))?.name ?? ownerOfChat(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  $('other-dms').replaceChildren(
    ...(others.length === 0
      ? [el('li', 'nav-empty', w.wecom.noOthersChats)]
      : others.map((o) => nav(o.id, o.name))),
  );
  $('jobs').replaceChildren(...jobButtons());
}

function draw() {
  const w = words();
  chromeWords({
    groups: w.wecom.groups,
    chat: w.wecom.appChat,
    others: w.wecom.othersChats,
    footer: w.wecom.footer,
  });
  whoPicker({ withId: true });
  sidebar();
  conversation();
}

function onMessage(message) {
  if (message.user === app().userId) refreshDirectorySoon();
  sidebar();
  if (message.conversation === state.current) conversation();
}

function openConversation(id) {
  state.current = id;
  state.unread.delete(id);
  localStorage.setItem('zhanbao.wecom.conversation', id);
  sidebar();
  conversation();
  if (!$('command').disabled) $('command').focus();
}

async function actAs(userId) {
  const previous = chatOf(state.me);
  state.me = userId;
  localStorage.setItem('zhanbao.wecom.me', userId);
  if (state.current === previous) state.current = chatOf(userId);
  await loadDirectory();
  draw();
}

export async function startWeCom() {
  document.body.classList.add('wecom');
  state.session = await getJson('/playground/session');
  const menu = el('div', 'ww-menu');
  menu.id = 'ww-menu';
  $('composer').insertBefore(menu, $('footer'));
  await loadDirectory();
  const people = state.directory.people;
  const saved = localStorage.getItem('zhanbao.wecom.me');
  const agent = people.find((p) => p.role === 'agent' && p.status === 'active');
  state.me = person(saved) ? saved : (agent ?? people.find((p) => p.kind !== 'bot'))?.id;
  await loadDirectory();
  const savedConversation = localStorage.getItem('zhanbao.wecom.conversation');
  const usable =
    savedConversation &&
    (ownerOfChat(savedConversation) === undefined
      ? group(savedConversation)
      : savedConversation === chatOf(state.me));
  state.current = usable ? savedConversation : chatOf(state.me);

  $('who').addEventListener('change', (event) => actAs(event.target.value));
  languageButtons(draw);
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('command').value.trim();
    if (text === '') return;
    $('command').value = '';
    act({ kind: 'text', text }).catch((error) => toast(String(error), 'warn'));
  });
  draw();
  connectEvents('/playground/wecom/events', { draw, onMessage, refreshDirectory: refreshDirectorySoon });
}
