// DingTalk's robot markdown, rendered to DOM nodes (never HTML strings): headings (# … ######),
// **bold**, *italic*, > quotes, ---, lists (- and 1.), links [label](url), and @userId mentions
// (shown as @name, as the DingTalk client shows the people in at.atUserIds). A line break in the
// text is a line break on screen, as in the DingTalk client. `dtmd://dingtalkclient/sendMessage?
// content=…` links are what the client sends as the reader when clicked: `onSendMessage(text)`.

const INLINE = /(\*\*[^*\n]+\*\*)|(\[[^\]\n]+\]\([^)\s]+\))|(@[^\s@*[\]()]+)|(\*[^*\n]+\*)/g;
const SEND_MESSAGE = 'dtmd://dingtalkclient/sendMessage?';

/** The text a dtmd sendMessage link sends, or undefined for any other URL. */
export function sendMessageContent(url) {
  if (!url.startsWith(SEND_MESSAGE)) return undefined;
  return new URLSearchParams(url.slice(SEND_MESSAGE.length)).get('content') ?? undefined;
}

function link(label, url, options) {
  const content = sendMessageContent(url);
  if (content !== undefined) {
    const button = document.createElement('a');
    button.className = 'dt-send-link';
    button.href = '#';
    button.title = options.linkTitle(content);
    button.dataset.content = content;
    renderInline(button, label, options);
    button.addEventListener('click', (event) => {
      event.preventDefault();
      options.onSendMessage(content);
    });
    return button;
  }
  const anchor = document.createElement('a');
  if (/^https?:/.test(url)) {
    anchor.href = url;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
  }
  renderInline(anchor, label, options);
  return anchor;
}

function mention(token, options) {
  const id = token.slice(1);
  const name = options.atUserIds.includes(id) ? options.names.person(id) : undefined;
  if (name === undefined && !options.mentionNames.includes(id)) return document.createTextNode(token);
  const span = document.createElement('span');
  span.className = 'dt-mention';
  span.textContent = `@${name ?? id}`;
  return span;
}

function renderInline(parent, text, options) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, bold, anchor, at, italic] = match;
    parent.append(document.createTextNode(text.slice(last, match.index)));
    if (bold) {
      const strong = document.createElement('strong');
      renderInline(strong, whole.slice(2, -2), options);
      parent.append(strong);
    } else if (anchor) {
      const split = whole.lastIndexOf('](');
      parent.append(link(whole.slice(1, split), whole.slice(split + 2, -1), options));
    } else if (at) {
      parent.append(mention(whole, options));
    } else if (italic) {
      const em = document.createElement('em');
      renderInline(em, whole.slice(1, -1), options);
      parent.append(em);
    }
    last = match.index + whole.length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}

function lineInto(parent, line, options) {
  if (parent.childNodes.length > 0) parent.append(document.createElement('br'));
  renderInline(parent, line, options);
}

/**
 * `options`: { names: { person(id) }, atUserIds: ids whose `@id` is a mention, mentionNames: names
 * typed as `@name` that are mentions (a person's own message), linkTitle(text), onSendMessage(text) }.
 */
export function renderDingTalkMarkdown(text, options, markdown = true) {
  const root = document.createElement('div');
  root.className = 'dt-markdown';
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  let paragraph;
  let list;
  let quote;
  const close = () => {
    paragraph = undefined;
    list = undefined;
    quote = undefined;
  };
  for (const line of lines) {
    if (!markdown) {
      paragraph ??= root.appendChild(document.createElement('p'));
      lineInto(paragraph, line, options);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|(\d+)\.)\s+(.*)$/.exec(line);
    if (line === '') {
      close();
    } else if (heading) {
      close();
      const node = root.appendChild(document.createElement(`h${Math.min(6, heading[1].length + 1)}`));
      renderInline(node, heading[2], options);
    } else if (/^(-{3,}|\*{3,})$/.test(line)) {
      close();
      root.append(document.createElement('hr'));
    } else if (line.startsWith('>')) {
      if (quote === undefined) {
        close();
        quote = root.appendChild(document.createElement('blockquote'));
      }
      lineInto(quote, line.replace(/^>\s?/, ''), options);
    } else if (item) {
      const ordered = item[1] !== undefined;
      if (list === undefined || (list.tagName === 'OL') !== ordered) {
        close();
        list = root.appendChild(document.createElement(ordered ? 'ol' : 'ul'));
        if (ordered) list.start = Number(item[1]);
      }
      renderInline(list.appendChild(document.createElement('li')), item[2], options);
    } else {
      if (paragraph === undefined) {
        close();
        paragraph = root.appendChild(document.createElement('p'));
      }
      lineInto(paragraph, line, options);
    }
  }
  return root;
}
