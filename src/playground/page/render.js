// Drawing the page from the state: the top bar, the sidebar, and the open conversation (or the
// Home tab). Everything is redrawn from the state, so no view can drift from what arrived.

import { renderBlocks, renderMessageBody } from './blocks.js';
import { $, el, posterImage } from './dom.js';
import {
  arrivalOf,
  conversationName,
  dmOf,
  isObserving,
  isVisible,
  locale,
  names,
  ownerOfDm,
  person,
  state,
  words,
} from './state.js';

/** `handlers`: { openConversation(id), openTab(tab), messageAction(message, action), homeAction(view, action), runJob(job, button) } */
export function createView(handlers) {
  const timeFormat = () =>
    new Intl.DateTimeFormat(locale(), {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZone: state.directory.team.timezone,
    });

  function avatar(name, isBot) {
    const node = el('div', `avatar${isBot ? ' bot' : ''}`, isBot ? '战' : (name ?? '?').slice(0, 1));
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  function message(entry, replies, readonly) {
    const w = words();
    const isBot = entry.user === state.session.bot.userId;
    const author = isBot ? state.session.bot.name : (person(entry.user)?.name ?? entry.user);
    const meta = el('div', 'meta', el('span', 'author', author));
    if (isBot) meta.append(el('span', 'app-badge', 'APP'));
    meta.append(el('time', '', timeFormat().format(new Date(Number(entry.ts) * 1000))));
    if (entry.edited) meta.append(el('span', 'edited', w.edited));
    const body = el('div', 'body', meta);
    if (entry.ephemeralTo !== undefined) {
      const owner =
        entry.ephemeralTo === state.me
          ? w.onlyYou
          : w.onlyVisibleTo(person(entry.ephemeralTo)?.name ?? entry.ephemeralTo);
      body.append(el('div', 'ephemeral-note', `👁 ${owner}`));
    }
    const onAction = (action) => handlers.messageAction(entry, action);
    body.append(renderMessageBody(entry, { names, words: w, onAction }));
    for (const file of entry.files ?? []) body.append(fileCard(file));
    if (replies.length > 0) {
      const thread = el('div', 'thread', el('div', 'thread-count', w.replies(replies.length)));
      for (const reply of replies) thread.append(message(reply, [], readonly));
      body.append(thread);
    }
    const ephemeral = entry.ephemeralTo !== undefined ? ' ephemeral' : '';
    const node = el('article', `message${ephemeral}`, avatar(author, isBot), body);
    node.dataset.ts = entry.ts;
    if (readonly)
      for (const control of node.querySelectorAll('button, select, input')) control.disabled = true;
    return node;
  }

  /** A shared file (an export): its title, name and size, downloaded from the stand-in. */
  function fileCard(file) {
    if (/\.png$/i.test(file.name))
      return posterImage(`/playground/files/${encodeURIComponent(file.id)}`, file.title);
    const size = file.size < 1024 ? `${file.size} B` : `${(file.size / 1024).toFixed(1)} KB`;
    const below = file.title === file.name ? size : `${file.name} · ${size}`;
    const details = el('span', 'file-details', el('strong', '', file.title), el('span', '', below));
    const link = el('a', 'file-card', el('span', 'file-icon', '📄'), details);
    link.href = `/playground/files/${encodeURIComponent(file.id)}`;
    link.download = file.name;
    return link;
  }

  function echo(entry) {
    const w = words();
    const who = person(entry.person)?.name ?? entry.person;
    const meta = el('div', 'meta', el('span', 'author', who));
    const body = el('div', 'body', meta, el('code', 'command-line', entry.text));
    if (entry.error) body.append(el('div', 'echo-error', entry.error));
    if (entry.reply) body.append(renderMessageBody(entry.reply, { names, words: w, onAction: () => {} }));
    return el('article', 'message echo', avatar(who, false), body);
  }

  function empty() {
    const w = words();
    const chips = el('div', 'examples');
    for (const example of w.examples) {
      const chip = el('button', 'chip', example);
      chip.type = 'button';
      chip.addEventListener('click', () => {
        $('command').value = example;
        $('command').focus();
      });
      chips.append(chip);
    }
    return el('div', 'empty', el('p', '', w.empty), chips);
  }

  function home() {
    const view = state.homes[state.me];
    if (!view) return el('div', 'empty', el('p', '', words().homeLoading));
    const onAction = (action) => handlers.homeAction(view, action);
    return el('div', 'home', renderBlocks(view.blocks ?? [], { names, words: words(), onAction }));
  }

  function tabs(mine) {
    const w = words();
    const node = $('tabs');
    node.replaceChildren();
    if (!mine) return;
    for (const [tab, label] of [
      ['messages', w.messagesTab],
      ['home', w.homeTab],
    ]) {
      const button = el('button', 'tab', label);
      button.type = 'button';
      button.setAttribute('aria-pressed', String(state.tab === tab));
      button.addEventListener('click', () => handlers.openTab(tab));
      node.append(button);
    }
  }

  function messagesOf(conversation, observing) {
    const all = [...(state.messages.get(conversation)?.values() ?? [])].filter(isVisible);
    const replies = (parent) => all.filter((m) => m.threadTs === parent.ts && m.ts !== parent.ts);
    const top = all.filter((m) => m.threadTs === undefined || m.threadTs === m.ts);
    const items = [
      ...top.map((m) => ({ at: arrivalOf(m), node: () => message(m, replies(m), observing) })),
      ...state.echoes
        .filter((entry) => entry.conversation === conversation && (observing || entry.person === state.me))
        .map((entry) => ({ at: entry.arrival, node: () => echo(entry) })),
    ].sort((a, b) => a.at - b.at);
    return items.length === 0 ? [empty()] : items.map((item) => item.node());
  }

  function conversation() {
    const w = words();
    const current = state.current;
    const observing = isObserving(current);
    const mine = current === dmOf(state.me);
    const onHome = mine && state.tab === 'home';
    $('conversation-title').textContent = conversationName(current);
    tabs(mine);
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren(...(onHome ? [home()] : messagesOf(current, observing)));
    // A conversation opens at its latest message, the Home tab at its top; new messages keep the
    // view at the bottom only when the reader was already there.
    const shown = `${current} ${onHome ? 'home' : 'messages'}`;
    if (shown !== list.dataset.shown) list.scrollTop = onHome ? 0 : list.scrollHeight;
    else if (atBottom) list.scrollTop = list.scrollHeight;
    list.dataset.shown = shown;
    $('command').disabled = observing || onHome;
    $('send').disabled = observing || onHome;
    $('composer-note').textContent = observing ? w.viewOnly(person(ownerOfDm(current))?.name ?? '') : '';
    $('composer-note').hidden = !observing;
  }

  function navButton(id, label, extraClass = '') {
    const button = el('button', `nav-item ${extraClass}`.trim(), el('span', 'nav-label', label));
    button.type = 'button';
    button.dataset.conversation = id;
    if (id === state.current) button.setAttribute('aria-current', 'true');
    const unread = state.unread.get(id) ?? 0;
    if (unread > 0) button.append(el('span', 'badge', String(unread)));
    button.addEventListener('click', () => handlers.openConversation(id));
    return el('li', '', button);
  }

  function jobButton(job) {
    // Some catalogue labels start with the default time; the button shows the team's own time.
    const label = job.label.replace(/^\d{1,2}:\d{2}\s*/, '');
    const button = el('button', 'job', el('span', 'job-time', job.time), el('span', 'job-label', label));
    button.type = 'button';
    button.dataset.job = job.name;
    button.title = `${job.name}: ${label}`;
    button.addEventListener('click', () => handlers.runJob(job.name, button));
    return el('li', '', button);
  }

  function sidebar() {
    const w = words();
    const known = new Set(state.directory.channels.map((c) => c.id));
    const extra = [...state.messages.keys()].filter((id) => !id.startsWith('D') && !known.has(id));
    $('channels').replaceChildren(
      ...state.directory.channels.map((c) => navButton(c.id, `# ${c.name}`)),
      ...extra.map((id) => navButton(id, `# ${id}`)),
    );
    $('dms').replaceChildren(navButton(dmOf(state.me), state.session.bot.name, 'bot-dm'));
    const others = [...state.messages.entries()]
      .filter(([id, list]) => id.startsWith('D') && id !== dmOf(state.me) && list.size > 0)
      .map(([id]) => ({ id, name: person(ownerOfDm(id))?.name ?? ownerOfDm(id) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    $('other-dms').replaceChildren(
      ...(others.length === 0
        ? [el('li', 'nav-empty', w.noOthersDms)]
        : others.map((o) => navButton(o.id, o.name))),
    );
    $('jobs').replaceChildren(...state.directory.jobs.map(jobButton));
  }

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

  /** "I am": by group (leader first), then the managers and the director, then everyone else. */
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
    const select = $('who');
    select.replaceChildren(
      ...[...sections.entries()]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([label, people]) => {
          const group = document.createElement('optgroup');
          group.label = label;
          for (const p of people.sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3))) {
            const option = document.createElement('option');
            option.value = p.id;
            option.textContent = personLabel(p);
            group.append(option);
          }
          return group;
        }),
    );
    select.value = state.me;
  }

  function chrome() {
    const w = words();
    document.documentElement.lang = locale();
    document.title = w.title;
    for (const node of document.querySelectorAll('[data-words]')) node.textContent = w[node.dataset.words];
    $('command').placeholder = w.placeholder;
    $('send').textContent = w.send;
    for (const button of document.querySelectorAll('[data-locale]')) {
      button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
    }
    const { team, today } = state.directory;
    $('today').textContent = today ? `${team.name} · ${today}` : '';
  }

  return {
    conversation,
    sidebar,
    all() {
      if (!state.session) return;
      chrome();
      who();
      sidebar();
      conversation();
    },
  };
}
