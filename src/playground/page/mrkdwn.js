// Slack's mrkdwn, rendered to DOM nodes (never to HTML strings, so nothing in a message can inject
// markup): *bold*, _italic_, ~strike~, `code`, ```blocks```, <@U…> people, <#C…> channels, links,
// the three escaped entities, and line breaks. Enough to read what the bot writes.

const INLINE = /(`[^`\n]+`)|(<[^<>\n]+>)|(\*[^*\n]+\*)|(_[^_\n]+_)|(~[^~\n]+~)/g;
const WRAPPERS = { '*': 'strong', _: 'em', '~': 's' };

/** Markers count at word edges only (not in snake_case or 2*3*4); any non-ASCII-word char is an edge. */
function isEdge(char) {
  return char === undefined || !/[A-Za-z0-9]/.test(char);
}

function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function appendText(parent, text) {
  const lines = decode(text).split('\n');
  lines.forEach((line, index) => {
    if (index > 0) parent.append(document.createElement('br'));
    if (line !== '') parent.append(document.createTextNode(line));
  });
}

/** `<@U123|name>`, `<#C123|name>`, `<!here>`, `<https://…|text>`. */
function angle(inner, names) {
  const [target, label] = inner.split('|');
  if (target.startsWith('@')) {
    const span = document.createElement('span');
    span.className = 'mention';
    span.textContent = `@${names.person(target.slice(1)) ?? label ?? target.slice(1)}`;
    return span;
  }
  if (target.startsWith('#')) {
    const span = document.createElement('span');
    span.className = 'mention channel';
    span.textContent = `#${names.channel(target.slice(1)) ?? label ?? target.slice(1)}`;
    return span;
  }
  if (target.startsWith('!')) {
    const span = document.createElement('span');
    span.className = 'mention';
    span.textContent = `@${label ?? target.slice(1).split('^')[0]}`;
    return span;
  }
  if (/^(https?:|mailto:)/.test(target)) {
    const link = document.createElement('a');
    link.href = target;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = decode(label ?? target);
    return link;
  }
  return document.createTextNode(decode(`<${inner}>`));
}

function renderInline(parent, text, names) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole] = match;
    const start = match.index;
    const marker = whole[0];
    const wrapped = marker in WRAPPERS;
    if (wrapped && !(isEdge(text[start - 1]) && isEdge(text[start + whole.length]))) continue;
    appendText(parent, text.slice(last, start));
    if (marker === '`') {
      const code = document.createElement('code');
      code.textContent = decode(whole.slice(1, -1));
      parent.append(code);
    } else if (marker === '<') {
      parent.append(angle(whole.slice(1, -1), names));
    } else {
      const element = document.createElement(WRAPPERS[marker]);
      renderInline(element, whole.slice(1, -1), names);
      parent.append(element);
    }
    last = start + whole.length;
  }
  appendText(parent, text.slice(last));
}

/**
 * Renders `text` into a new element. `names.person(id)` and `names.channel(id)` give display
 * names for mentions (undefined when unknown).
 */
export function renderMrkdwn(text, names, tag = 'div') {
  const root = document.createElement(tag);
  root.className = 'mrkdwn';
  const parts = text.split('```');
  parts.forEach((part, index) => {
    if (index % 2 === 1 && index < parts.length - 1) {
      const pre = document.createElement('pre');
      pre.textContent = decode(part.replace(/^\n/, ''));
      root.append(pre);
    } else {
      renderInline(root, index % 2 === 1 ? `\`\`\`${part}` : part, names);
    }
  });
  return root;
}

/** plain_text objects: shown as written (Slack would turn :emoji: codes into pictures). */
export function renderText(textObject, names, tag = 'span') {
  if (textObject === undefined || textObject === null) return document.createElement(tag);
  if (textObject.type === 'mrkdwn') return renderMrkdwn(textObject.text ?? '', names, tag);
  const element = document.createElement(tag);
  element.textContent = textObject.text ?? '';
  return element;
}
