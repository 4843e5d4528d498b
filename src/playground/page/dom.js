// Small DOM helpers shared by the page's modules. Text always goes in as text nodes, never as HTML.

export const $ = (id) => document.getElementById(id);

export function el(tag, className, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** A short note in the corner; a click or six seconds dismiss it. */
export function toast(text, kind = 'info') {
  const node = el('div', `toast ${kind}`, text);
  node.setAttribute('role', 'status');
  $('toasts').append(node);
  node.addEventListener('click', () => node.remove());
  setTimeout(() => node.remove(), 6000);
}

/** A posted image (a 战报 or 喜报 poster), shown in the conversation as the messenger shows it. */
export function posterImage(src, alt) {
  const image = document.createElement('img');
  image.className = 'poster-image';
  image.src = src;
  image.alt = alt;
  image.loading = 'lazy';
  return image;
}
