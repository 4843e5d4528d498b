// The playground page as a small DingTalk client: each person's 1:1 chat with the robot (机器人单聊)
// and the group chats the robot is in. What a person types is shown in the chat and, when it is
// for the robot (every 1:1 message; in a group, one that @-s the robot), goes to the bot as
// DingTalk's signed HTTP callback (dingtalk-sender.js). The robot's messages arrive on the event
// stream of the 钉钉 side (/playground/dingtalk/events), rendered from DingTalk markdown.

import { createDingTalkSender } from './dingtalk-sender.js';
import { $, el, posterImage, toast } from './dom.js';
import { renderDingTalkMarkdown } from './dtmarkdown.js';
import { wordsFor } from './i18n.js';
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

const chatOf = (userId) => `cidChat.${userId}`;
const ownerOfChat = (conversation) =>
  conversation?.startsWith('cidChat.') ? conversation.slice('cidChat.'.length) : undefined;
const isObserving = (conversation) =>
  ownerOfChat(conversation) !== undefined && ownerOfChat(conversation) !== state.me;
const robot = () => state.session.robot;
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

/**
 * `text` typed (or sent by a link) as the person acting into the open chat. In a group the page
 * adds the robot's mention when it is missing, unless `asIs` (a dtmd link sends exactly its text).
 */
async function send(text, { asIs = false } = {}) {
  const w = words();
  const conversation = state.current;
  const mention = `@${robot().name}`;
  const inGroup = ownerOfChat(conversation) === undefined;
  const needsMention = inGroup && !asIs && !text.split(/\s+/).includes(mention);
  const line = needsMention ? `${mention} ${text}` : text;
  const typed = await postJson('/playground/messages', { userId: state.me, conversation, text: line });
  if (typed.status !== 200) return toast(w.requestFailed(typed.status), 'warn');
  if (!typed.body.forRobot) return toast(w.dingtalk.notForRobot(robot().name));
  const answer = await state.sender.deliver(typed.body.callback);
  if (answer.status !== 200) toast(w.requestFailed(answer.status), 'warn');
}

// ---------------------------------------------------------------- drawing

function messageNode(entry, readonly) {
  const w = words();
  const isRobot = entry.user === robot().userId;
  const mine = entry.user === state.me && !readonly;
  const author = isRobot ? robot().name : (person(entry.user)?.name ?? entry.user);
  const meta = el('div', 'meta', el('span', 'author', author));
  if (isRobot) meta.append(el('span', 'dt-robot-badge', w.dingtalk.robotBadge));
  meta.append(el('time', '', timeOf(entry.ts)));
  const info = entry.dingtalk ?? { msgtype: 'text', atUserIds: [] };
  const atNames = [robot().name, ...info.atUserIds.map((id) => person(id)?.name).filter(Boolean)];
  const bubble = el('div', `dt-bubble${isRobot && info.msgtype === 'markdown' ? ' card' : ''}`);
  if (entry.text !== '') {
    bubble.append(
      renderDingTalkMarkdown(
        entry.text,
        {
          names,
          atUserIds: info.atUserIds,
          mentionNames: isRobot ? [] : atNames,
          linkTitle: w.dingtalk.sendLink,
          onSendMessage: (text) => (readonly ? undefined : send(text, { asIs: true })),
        },
        info.msgtype === 'markdown',
      ),
    );
  }
  for (const file of entry.files ?? []) {
    if (/\.png$/i.test(file.name)) {
      bubble.append(posterImage(`/playground/dingtalk/files/${encodeURIComponent(file.id)}`, file.title));
      continue;
    }
    const link = el('a', 'file-card', el('span', 'file-icon', '📄'), el('strong', '', file.name));
    link.href = `/playground/dingtalk/files/${encodeURIComponent(file.id)}`;
    link.download = file.name;
    bubble.append(link);
  }
  const node = el(
    'article',
    `dt-message${mine ? ' mine' : ''}`,
    avatar(author, isRobot),
    el('div', 'body', meta, bubble),
  );
  node.dataset.ts = entry.ts;
  return node;
}

function conversation() {
  const w = words();
  const current = state.current;
  const observing = isObserving(current);
  const owner = ownerOfChat(current);
  $('conversation-title').textContent =
    owner === undefined
      ? w.dingtalk.groupTitle(group(current)?.name ?? current)
      : owner === state.me
        ? w.dingtalk.chatTitle(robot().name)
        : `${person(owner)?.name ?? owner} ↔ ${robot().name}`;
  $('tabs').replaceChildren();
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const messages = [...(state.messages.get(current)?.values() ?? [])].sort(
    (a, b) => arrivalOf(a) - arrivalOf(b),
  );
  list.replaceChildren(
    ...(messages.length === 0 ? [emptyChat()] : messages.map((m) => messageNode(m, observing))),
  );
  if (list.dataset.shown !== current || atBottom) list.scrollTop = list.scrollHeight;
  list.dataset.shown = current;
  $('command').disabled = observing;
  $('send').disabled = observing;
  $('command').placeholder = owner === undefined ? w.dingtalk.placeholderGroup : w.dingtalk.placeholderChat;
  const note = observing
    ? w.dingtalk.viewOnly(person(owner)?.name ?? '')
    : owner === undefined
      ? w.dingtalk.groupHint(robot().name)
      : '';
  $('composer-note').textContent = note;
  $('composer-note').hidden = note === '';
}

function sidebar() {
  const w = words();
  const nav = (id, label, extraClass) => navButton(id, label, openConversation, extraClass);
  $('dms').replaceChildren(nav(chatOf(state.me), robot().name, 'bot-dm'));
  $('channels').replaceChildren(...state.directory.channels.map((c) => nav(c.id, c.name, 'dt-group')));
  const others = [...state.messages.entries()]
    .filter(([id, list]) => ownerOfChat(id) !== undefined && id !== chatOf(state.me) && list.size > 0)
    .map(([id]) => ({ id, name: person(ownerOfChat(id))?.name ?? ownerOfChat(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  $('other-dms').replaceChildren(
    ...(others.length === 0
      ? [el('li', 'nav-empty', w.dingtalk.noOthersChats)]
      : others.map((o) => nav(o.id, o.name))),
  );
  $('jobs').replaceChildren(...jobButtons());
}

function chrome() {
  const w = words();
  chromeWords({
    groups: w.dingtalk.groups,
    chat: w.dingtalk.robotChat,
    others: w.dingtalk.othersChats,
    footer: w.dingtalk.footer,
  });
}

function draw() {
  chrome();
  whoPicker();
  sidebar();
  conversation();
}

// ---------------------------------------------------------------- events and navigation

function onMessage(message) {
  // A reply may follow a roster change (/team add …): the names in the page follow it.
  if (message.user === robot().userId) refreshDirectorySoon();
  sidebar();
  if (message.conversation === state.current) conversation();
}

function openConversation(id) {
  state.current = id;
  state.unread.delete(id);
  localStorage.setItem('zhanbao.dingtalk.conversation', id);
  sidebar();
  conversation();
  $('command').focus();
}

async function actAs(userId) {
  const previous = chatOf(state.me);
  state.me = userId;
  localStorage.setItem('zhanbao.dingtalk.me', userId);
  if (state.current === previous) state.current = chatOf(userId);
  await loadDirectory();
  draw();
}

export async function startDingTalk() {
  document.body.classList.add('dingtalk');
  state.session = await getJson('/playground/session');
  try {
    state.sender = createDingTalkSender(state.session);
  } catch {
    document.body.prepend(el('p', 'fatal', wordsFor(state.session.defaultLocale).insecure));
    return;
  }
  await loadDirectory();
  const people = state.directory.people;
  const saved = localStorage.getItem('zhanbao.dingtalk.me');
  const agent = people.find((p) => p.role === 'agent' && p.status === 'active');
  state.me = person(saved) ? saved : (agent ?? people.find((p) => p.kind !== 'bot'))?.id;
  await loadDirectory();
  const savedConversation = localStorage.getItem('zhanbao.dingtalk.conversation');
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
    send(text).catch((error) => toast(String(error), 'warn'));
  });
  draw();
  connectEvents('/playground/dingtalk/events', { draw, onMessage, refreshDirectory: refreshDirectorySoon });
}
