// The office wallboard: renders the board embedded in the page, then every board the event stream
// sends. Text only (textContent): names and labels are never read as markup.

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderGroups(view) {
  const rows = view.groups.map((g) => {
    const row = el('div', `group rank-${Math.min(g.rank, 4)}`);
    row.append(
      el('span', 'badge', g.badge),
      el('span', 'name', g.name),
      el('span', 'stat main', ''),
      el('span', 'stat', ''),
      el('span', 'stat', ''),
      el('span', 'stat', ''),
    );
    const [, , perCapita, points, amount, headcount] = row.children;
    perCapita.append(el('b', '', g.perCapita), el('small', '', view.labels.perCapita));
    points.append(el('b', '', g.points), el('small', '', view.labels.points));
    amount.append(el('b', '', g.amount), el('small', '', view.labels.amount));
    headcount.append(el('b', '', g.headcount), el('small', '', view.labels.headcount));
    return row;
  });
  $('groups').replaceChildren(...rows);
}

/** Calls and intents, and 业绩 when there is any: the line under a name stays short. */
function figuresOf(view, s) {
  const parts = [`${view.labels.calls} ${s.calls}`, `${view.labels.intents} ${s.intents}`];
  if (s.amount !== '¥0') parts.push(s.amount);
  return parts.join(' · ');
}

function renderMembers(view) {
  if (view.top.length === 0) {
    $('members').replaceChildren(el('li', 'empty', view.labels.noScores));
    return;
  }
  const rows = view.top.map((s) => {
    const row = el('li', `member rank-${Math.min(s.rank, 4)}`);
    const who = el('span', 'who');
    who.append(el('span', 'name', s.name), el('span', 'figures', figuresOf(view, s)));
    row.append(el('span', 'badge', s.badge), who, el('span', 'points', s.points));
    return row;
  });
  $('members').replaceChildren(...rows);
}

function renderGoal(view) {
  const goal = view.goal;
  const hasGoal = typeof goal.percent === 'number';
  $('goal-title').textContent = goal.title;
  $('goal-percent').textContent = hasGoal ? `${goal.percent}%` : '';
  $('goal-bar').hidden = !hasGoal;
  $('goal-fill').style.width = `${hasGoal ? Math.min(100, goal.percent) : 0}%`;
  $('goal-actual').textContent = goal.actual;
  $('goal-target').textContent = goal.target;
  $('goal-need').textContent = goal.need;
}

function renderNews(view) {
  const items =
    view.news.length === 0 ? [el('li', 'empty', view.labels.noNews)] : view.news.map((n) => el('li', '', n));
  $('news').replaceChildren(...items);
}

function render(view) {
  document.title = view.title;
  $('team').textContent = view.team;
  $('date').textContent = view.date;
  $('pk-title').textContent = view.labels.groupPk;
  $('top-title').textContent = view.labels.topMembers;
  $('news-title').textContent = view.labels.news;
  renderGroups(view);
  renderMembers(view);
  renderGoal(view);
  renderNews(view);
  document.body.dataset.updated = String(Date.now());
}

function tick() {
  const now = new Date();
  $('clock').textContent = now.toLocaleTimeString(document.documentElement.lang, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

function connect(view) {
  const live = $('live');
  const source = new EventSource(`${location.pathname.replace(/\/$/, '')}/events${location.search}`);
  source.addEventListener('open', () => {
    live.textContent = view.labels.live;
    live.className = 'live on';
  });
  source.addEventListener('board', (event) => {
    view = JSON.parse(event.data);
    render(view);
  });
  // The link was reset: reloading shows the page that says so.
  source.addEventListener('revoked', () => {
    source.close();
    location.reload();
  });
  source.addEventListener('error', () => {
    live.textContent = view.labels.reconnecting;
    live.className = 'live off';
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const view = JSON.parse($('wall-data').textContent);
  render(view);
  tick();
  setInterval(tick, 10_000);
  connect(view);
});
