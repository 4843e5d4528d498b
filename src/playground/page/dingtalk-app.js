// The playground page as a small DingTalk client: each person's 1:1 chat with the robot (机器人单聊)
// and the group chats the robot is in. What a person types is shown in the chat and, when it is
// for the robot (every 1:1 message; in a group, one that @-s the robot), goes to the bot as
// DingTalk's signed HTTP callback (dingtalk-sender.js). The robot's messages arrive on the event
// stream of the 钉钉 side (/playground/dingtalk/events), rendered from DingTalk markdown.

import { createDingTalkSender } from './dingtalk-sender.js';
import { $, el, toast } from './dom.js';
import { renderDingTalkMarkdown } from './dtmarkdown.js';
import { wordsFor } from './i18n.js';
import {
  arrivalOf,
  getJson,
  loadDirectory,
  locale,
  person,
  postJson,
  remember,
  state,
  words,
} from './state.js';

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

async function runJob(job, button) {
  const w = words();
  button.disabled = true;
  try {
    const { status, body } = await postJson('/playground/jobs', { job });
    if (status !== 200) return toast(w.requestFailed(status), 'warn');
    if (body.status === 'done')
      toast(w.jobDone(job, body.posts, body.failures.length), body.failures.length ? 'warn' : 'ok');
    else if (body.status === 'not-due') toast(w.jobNotDue(job));
    else if (body.status === 'skipped') toast(w.jobSkipped(job));
    else toast(w.jobFailed(job), 'warn');
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- drawing

function avatar(name, isRobot) {
  const node = el('div', `avatar${isRobot ? ' bot' : ''}`, isRobot ? '战' : (name ?? '?').slice(0, 1));
  node.setAttribute('aria-hidden', 'true');
  return node;
}

function messageNode(entry, readonly) {
  const w = words();
  const isRobot = entry.user === robot().userId;
  const mine = entry.user === state.me && !readonly;
  const author = isRobot ? robot().name : (person(entry.user)?.name ?? entry.user);
  const meta = el('div', 'meta', el('span', 'author', author));
  if (isRobot) meta.append(el('span', 'dt-robot-badge', w.dingtalk.robotBadge));
  const time = new Intl.DateTimeFormat(locale(), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: state.directory.team.timezone,
  });
  meta.append(el('time', '', time.format(new Date(Number(entry.ts) * 1000))));
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
    ...(messages.length === 0 ? [empty()] : messages.map((m) => messageNode(m, observing))),
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

function empty() {
  const chips = el('div', 'examples');
  for (const example of words().examples) {
    const chip = el('button', 'chip', example);
    chip.type = 'button';
    chip.addEventListener('click', () => {
      $('command').value = example;
      $('command').focus();
    });
    chips.append(chip);
  }
  return el('div', 'empty', el('p', '', words().empty), chips);
}

function navButton(id, label, extraClass = '') {
  const button = el('button', `nav-item ${extraClass}`.trim(), el('span', 'nav-label', label));
  button.type = 'button';
  button.dataset.conversation = id;
  if (id === state.current) button.setAttribute('aria-current', 'true');
  const unread = state.unread.get(id) ?? 0;
  if (unread > 0) button.append(el('span', 'badge', String(unread)));
  button.addEventListener('click', () => openConversation(id));
  return el('li', '', button);
}

function sidebar() {
  const w = words();
  $('dms').replaceChildren(navButton(chatOf(state.me), robot().name, 'bot-dm'));
  $('channels').replaceChildren(...state.directory.channels.map((c) => navButton(c.id, c.name, 'dt-group')));
  const others = [...state.messages.entries()]
    .filter(([id, list]) => ownerOfChat(id) !== undefined && id !== chatOf(state.me) && list.size > 0)
    .map(([id]) => ({ id, name: person(ownerOfChat(id))?.name ?? ownerOfChat(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  $('other-dms').replaceChildren(
    ...(others.length === 0
      ? [el('li', 'nav-empty', w.dingtalk.noOthersChats)]
      : others.map((o) => navButton(o.id, o.name))),
  );
  $('jobs').replaceChildren(
    ...state.directory.jobs.map((job) => {
      const label = job.label.replace(/^\d{1,2}:\d{2}\s*/, '');
      const button = el('button', 'job', el('span', 'job-time', job.time), el('span', 'job-label', label));
      button.type = 'button';
      button.dataset.job = job.name;
      button.title = `${job.name}: ${label}`;
      button.addEventListener('click', () => runJob(job.name, button));
      return el('li', '', button);
    }),
  );
}

/** As in the Slack page: name, role, level for those who compete, probation. */
function personLabel(p) {
  const w = words();
  if (p.kind === 'admin') return `${p.name} · ${w.admin}`;
  if (p.kind === 'guest') return `${p.name} · ${w.notOnRoster}`;
  const competes = p.role === 'agent' || p.role === 'leader';
  const parts = [
    p.name,
    p.roleLabel,
    competes ? p.levelLabel : '',
    p.status === 'probation' ? p.statusLabel : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function who() {
  const w = words();
  const sections = new Map();
  for (const p of state.directory.people) {
    if (p.kind === 'bot') continue;
    const label =
      p.kind === 'guest' ? w.others : p.kind === 'admin' || p.group === null ? w.management : p.group;
    sections.set(label, [...(sections.get(label) ?? []), p]);
  }
  const rank = (label) => {
    const index = state.directory.groups.indexOf(label);
    return index >= 0 ? index : label === w.management ? 1000 : 1001;
  };
  const order = { leader: 0, director: 0, agent: 1, manager: 1, admin: 2 };
  $('who').replaceChildren(
    ...[...sections.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([label, people]) => {
        const optgroup = document.createElement('optgroup');
        optgroup.label = label;
        for (const p of people.sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3))) {
          const option = document.createElement('option');
          option.value = p.id;
          option.textContent = personLabel(p);
          optgroup.append(option);
        }
        return optgroup;
      }),
  );
  $('who').value = state.me;
}

function chrome() {
  const w = words();
  document.documentElement.lang = locale();
  document.title = w.title;
  for (const node of document.querySelectorAll('[data-words]')) node.textContent = w[node.dataset.words];
  $('channels-heading').textContent = w.dingtalk.groups;
  $('dms-heading').textContent = w.dingtalk.robotChat;
  $('others-heading').textContent = w.dingtalk.othersChats;
  $('footer').textContent = w.dingtalk.footer;
  $('send').textContent = w.send;
  for (const button of document.querySelectorAll('[data-locale]'))
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
  const { team, today } = state.directory;
  $('today').textContent = today ? `${team.name} · ${today}` : '';
}

function draw() {
  chrome();
  who();
  sidebar();
  conversation();
}

// ---------------------------------------------------------------- events and navigation

function applyEvent(event) {
  if (event.type === 'snapshot') {
    state.messages = new Map();
    for (const message of [...event.messages].sort((a, b) => Number(a.ts) - Number(b.ts))) remember(message);
    return draw();
  }
  if (event.type === 'directory-changed') return refreshDirectorySoon();
  if (event.type !== 'message') return;
  const { message } = event;
  remember(message);
  if (message.conversation !== state.current)
    state.unread.set(message.conversation, (state.unread.get(message.conversation) ?? 0) + 1);
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
  for (const button of document.querySelectorAll('[data-locale]')) {
    button.addEventListener('click', async () => {
      await postJson('/playground/locale', { userId: state.me, locale: button.dataset.locale });
      await loadDirectory();
      draw();
    });
  }
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('command').value.trim();
    if (text === '') return;
    $('command').value = '';
    send(text).catch((error) => toast(String(error), 'warn'));
  });
  draw();
  const source = new EventSource('/playground/dingtalk/events');
  source.addEventListener('open', () => {
    $('connection').hidden = true;
  });
  source.addEventListener('error', () => {
    $('connection').hidden = false;
  });
  source.addEventListener('message', (event) => applyEvent(JSON.parse(event.data)));
}
