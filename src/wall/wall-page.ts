import type { WallView } from '../views/wall-view.ts';

/**
 * The wallboard's HTML: a frame with the first board embedded as JSON, which wall.js renders and
 * then replaces with each board the event stream sends. The script and style sheet are files of
 * their own (the page's CSP allows no inline code); asset paths are relative, so the page works
 * behind a proxy that serves the bot under a path prefix.
 */
export function wallPage(view: WallView): string {
  return `<!doctype html>
<html lang="${view.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(view.title)}</title>
<link rel="stylesheet" href="static/wall.css">
<script src="static/wall.js" defer></script>
</head>
<body>
<header class="top">
  <div class="brand"><span class="team" id="team">${escapeHtml(view.team)}</span><span class="sub">战报</span></div>
  <div class="meta"><span class="date" id="date">${escapeHtml(view.date)}</span><span class="clock" id="clock"></span><span class="live" id="live"></span></div>
</header>
<main class="grid">
  <section class="card pk"><h2 id="pk-title"></h2><div id="groups" class="groups"></div></section>
  <section class="card top10"><h2 id="top-title"></h2><ol id="members" class="members"></ol></section>
  <section class="card goal"><h2 id="goal-title"></h2><div class="goal-head"><div class="percent" id="goal-percent"></div><div class="goal-side"><div id="goal-actual" class="goal-actual"></div><div id="goal-target" class="goal-target"></div></div></div><div class="bar" id="goal-bar"><div class="fill" id="goal-fill"></div></div><div id="goal-need" class="need"></div></section>
  <section class="card news"><h2 id="news-title"></h2><ul id="news" class="news-list"></ul></section>
</main>
<script type="application/json" id="wall-data">${jsonForScript(view)}</script>
</body>
</html>
`;
}

/** The answer to an unknown or revoked link, in both languages (its reader's is unknown). */
export function notFoundPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>404</title>
<link rel="stylesheet" href="static/wall.css"></head>
<body class="gone"><main><h1>大屏链接已失效</h1><p>请经理在聊天里发送 <code>/team wall</code> 获取新链接。</p>
<h1 lang="en">This wallboard link is no longer valid</h1><p lang="en">Ask a manager for the new one: <code>/team wall</code>.</p></main></body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a script element: `<` escaped, so no name can end the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
