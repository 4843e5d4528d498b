// What the 钉钉 and 企业微信 pages share: both are a chat client of one robot or app, with the
// same "I am" picker, the people's labels, the job buttons, the sidebar entries, the empty-chat
// examples and the event stream of their side. Each page keeps only what its messenger shows.

import { $, el, toast } from './dom.js';
import { loadDirectory, locale, postJson, remember, state, words } from './state.js';

export function avatar(name, isBot, botMark = '战') {
  const node = el('div', `avatar${isBot ? ' bot' : ''}`, isBot ? botMark : (name ?? '?').slice(0, 1));
  node.setAttribute('aria-hidden', 'true');
  return node;
}

export function timeOf(ts) {
  const time = new Intl.DateTimeFormat(locale(), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: state.directory.team.timezone,
  });
  return time.format(new Date(Number(ts) * 1000));
}

export async function runJob(job, button) {
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

export function jobButtons() {
  return state.directory.jobs.map((job) => {
    const label = job.label.replace(/^\d{1,2}:\d{2}\s*/, '');
    const button = el('button', 'job', el('span', 'job-time', job.time), el('span', 'job-label', label));
    button.type = 'button';
    button.dataset.job = job.name;
    button.title = `${job.name}: ${label}`;
    button.addEventListener('click', () => runJob(job.name, button));
    return el('li', '', button);
  });
}

export function navButton(id, label, open, extraClass = '') {
  const button = el('button', `nav-item ${extraClass}`.trim(), el('span', 'nav-label', label));
  button.type = 'button';
  button.dataset.conversation = id;
  if (id === state.current) button.setAttribute('aria-current', 'true');
  const unread = state.unread.get(id) ?? 0;
  if (unread > 0) button.append(el('span', 'badge', String(unread)));
  button.addEventListener('click', () => open(id));
  return el('li', '', button);
}

export function emptyChat() {
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

/** The "I am" picker, by group, leaders first; `withId` adds the userid (WeCom's 账号). */
export function whoPicker({ withId = false } = {}) {
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
          option.textContent = withId ? `${personLabel(p)} (${p.id})` : personLabel(p);
          optgroup.append(option);
        }
        return optgroup;
      }),
  );
  $('who').value = state.me;
}

/** The page's own words in the header and footer; `headings` names the sidebar's sections. */
export function chromeWords(headings) {
  const w = words();
  document.documentElement.lang = locale();
  document.title = w.title;
  for (const node of document.querySelectorAll('[data-words]')) node.textContent = w[node.dataset.words];
  $('channels-heading').textContent = headings.groups;
  $('dms-heading').textContent = headings.chat;
  $('others-heading').textContent = headings.others;
  $('footer').textContent = headings.footer;
  $('send').textContent = w.send;
  for (const button of document.querySelectorAll('[data-locale]'))
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
  const { team, today } = state.directory;
  $('today').textContent = today ? `${team.name} · ${today}` : '';
}

/** The language buttons: the person's language as /lang sets it, then everything redrawn. */
export function languageButtons(draw) {
  for (const button of document.querySelectorAll('[data-locale]')) {
    button.addEventListener('click', async () => {
      await postJson('/playground/locale', { userId: state.me, locale: button.dataset.locale });
      await loadDirectory();
      draw();
    });
  }
}

/**
 * The side's event stream: the snapshot, then each message as it comes. `onMessage(message,
 * changed)` draws it; the sidebar's unread counts are kept here.
 */
export function connectEvents(path, { draw, onMessage, refreshDirectory }) {
  const source = new EventSource(path);
  source.addEventListener('open', () => {
    $('connection').hidden = true;
  });
  source.addEventListener('error', () => {
    $('connection').hidden = false;
  });
  source.addEventListener('message', (event) => {
    const data = JSON.parse(event.data);
    if (data.type === 'snapshot') {
      state.messages = new Map();
      for (const message of [...data.messages].sort((a, b) => Number(a.ts) - Number(b.ts))) remember(message);
      return draw();
    }
    if (data.type === 'directory-changed') return refreshDirectory();
    if (data.type !== 'message' && data.type !== 'message-changed') return;
    remember(data.message);
    const changed = data.type === 'message-changed';
    if (!changed && data.message.conversation !== state.current)
      state.unread.set(data.message.conversation, (state.unread.get(data.message.conversation) ?? 0) + 1);
    onMessage(data.message, changed);
  });
}
