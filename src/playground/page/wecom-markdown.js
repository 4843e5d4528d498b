// WeCom's markdown (developer.work.weixin.qq.com/document/path/90236 "markdown消息"), rendered to
// DOM nodes (never HTML strings), as the WeCom client shows it: # … ###### headings, **bold**,
// `code`, > quotes, [label](url) links, <font color="info|comment|warning">…</font> (green, grey,
// orange), and a group robot's <@userid> mentions as @name. Nothing else is markup: a line break
// is a line break.

const INLINE =
  /(\*\*[^*\n]+\*\*)|(`[^`\n]+`)|(\[[^\]\n]+\]\([^)\s]+\))|(<font color="(info|comment|warning)">(.*?)<\/font>)|(<@([^>\s]+)>)/g;

function renderInline(parent, text, options) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, bold, code, anchor, font, color, coloured, mention, userId] = match;
    parent.append(document.createTextNode(text.slice(last, match.index)));
    if (bold) {
      const strong = document.createElement('strong');
      renderInline(strong, whole.slice(2, -2), options);
      parent.append(strong);
    } else if (code) {
      const node = document.createElement('code');
      node.textContent = whole.slice(1, -1);
      parent.append(node);
    } else if (anchor) {
      const split = whole.lastIndexOf('](');
      const url = whole.slice(split + 2, -1);
      const link = document.createElement('a');
      if (/^https?:/.test(url)) {
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
      renderInline(link, whole.slice(1, split), options);
      parent.append(link);
    } else if (font) {
      const span = document.createElement('span');
      span.className = `ww-font-${color}`;
      renderInline(span, coloured, options);
      parent.append(span);
    } else if (mention) {
      const span = document.createElement('span');
      span.className = 'ww-mention';
      span.textContent = `@${options.names.person(userId) ?? userId}`;
      parent.append(span);
    }
    last = match.index + whole.length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

/** `options`: { names: { person(id) } }. `markdown` false: plain text, line breaks kept. */
export function renderWeComMarkdown(text, options, markdown = true) {
  const root = document.createElement('div');
  root.className = 'ww-markdown';
  let paragraph;
  let quote;
  const lineInto = (parent, line) => {
    if (parent.childNodes.length > 0) parent.append(document.createElement('br'));
    if (markdown) renderInline(parent, line, options);
    else parent.append(document.createTextNode(line));
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const heading = markdown ? /^(#{1,6})\s+(.*)$/.exec(line) : null;
    if (markdown && line === '') {
      paragraph = undefined;
      quote = undefined;
    } else if (heading) {
      paragraph = undefined;
      quote = undefined;
      const node = root.appendChild(document.createElement(`h${Math.min(6, heading[1].length + 1)}`));
      renderInline(node, heading[2], options);
    } else if (markdown && line.startsWith('>')) {
      paragraph = undefined;
      quote ??= root.appendChild(document.createElement('blockquote'));
      lineInto(quote, line.replace(/^>\s?/, ''));
    } else {
      quote = undefined;
      paragraph ??= root.appendChild(document.createElement('p'));
      lineInto(paragraph, line);
    }
  }
  return root;
}
