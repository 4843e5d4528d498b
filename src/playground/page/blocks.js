// Block Kit, rendered well enough to read and to use: header, section (text, fields, accessory),
// context, divider, actions, image (as its alt text: the page loads nothing from elsewhere),
// rich_text (its text), and in modals the input blocks. Interactive elements call
// `ctx.onAction(action)` with the action object Slack would put in a block_actions payload.

import { el } from './dom.js';
import { renderMrkdwn, renderText } from './mrkdwn.js';

function plain(textObject) {
  return textObject?.text ?? '';
}

function actionTs() {
  return (Date.now() / 1000).toFixed(6);
}

function optionsOf(element) {
  if (Array.isArray(element.options)) return element.options;
  if (Array.isArray(element.option_groups))
    return element.option_groups.flatMap((group) => group.options ?? []);
  return [];
}

function button(element, blockId, ctx) {
  const node = el('button', `bk-button ${element.style ?? ''}`.trim(), plain(element.text));
  node.type = 'button';
  node.addEventListener('click', async () => {
    if (
      element.confirm &&
      !window.confirm(`${plain(element.confirm.title)}\n\n${plain(element.confirm.text)}`)
    )
      return;
    node.disabled = true;
    try {
      await ctx.onAction({
        type: 'button',
        action_id: element.action_id,
        block_id: blockId,
        text: element.text,
        ...(element.value === undefined ? {} : { value: element.value }),
        ...(element.style === undefined ? {} : { style: element.style }),
        action_ts: actionTs(),
      });
    } finally {
      node.disabled = false;
    }
  });
  return node;
}

function select(element, blockId, ctx, interactive) {
  const node = document.createElement('select');
  node.className = 'bk-select';
  node.dataset.actionId = element.action_id ?? '';
  const placeholder = document.createElement('option');
  placeholder.value = '';
  placeholder.textContent = plain(element.placeholder) || ctx.words.choose;
  node.append(placeholder);
  for (const option of optionsOf(element)) {
    const item = document.createElement('option');
    item.value = option.value;
    item.textContent = plain(option.text);
    node.append(item);
  }
  if (element.initial_option) node.value = element.initial_option.value;
  if (interactive) {
    node.addEventListener('change', () => {
      const option = optionsOf(element).find((o) => o.value === node.value);
      ctx.onAction({
        type: 'static_select',
        action_id: element.action_id,
        block_id: blockId,
        selected_option: option ?? null,
        action_ts: actionTs(),
      });
    });
  }
  return node;
}

function datepicker(element, blockId, ctx, interactive) {
  const node = document.createElement('input');
  node.type = 'date';
  node.className = 'bk-input';
  if (element.initial_date) node.value = element.initial_date;
  if (interactive) {
    node.addEventListener('change', () =>
      ctx.onAction({
        type: 'datepicker',
        action_id: element.action_id,
        block_id: blockId,
        selected_date: node.value || null,
        action_ts: actionTs(),
      }),
    );
  }
  return node;
}

/** An interactive element outside an input block: a click or a choice is sent at once. */
function interactiveElement(element, blockId, ctx) {
  switch (element.type) {
    case 'button':
      return button(element, blockId, ctx);
    case 'static_select':
      return select(element, blockId, ctx, true);
    case 'datepicker':
      return datepicker(element, blockId, ctx, true);
    case 'image':
      return el('span', 'bk-image', `🖼 ${element.alt_text ?? ''}`);
    default:
      return el('span', 'bk-unsupported', `[${element.type}]`);
  }
}

/** The element of an input block: its value is read when the modal is submitted (readInputs). */
function inputElement(element) {
  let node;
  switch (element.type) {
    case 'plain_text_input':
      node = document.createElement(element.multiline ? 'textarea' : 'input');
      if (element.max_length) node.maxLength = element.max_length;
      if (element.initial_value) node.value = element.initial_value;
      break;
    case 'number_input':
      node = document.createElement('input');
      node.type = 'number';
      node.step = element.is_decimal_allowed ? 'any' : '1';
      if (element.min_value !== undefined) node.min = element.min_value;
      if (element.max_value !== undefined) node.max = element.max_value;
      if (element.initial_value !== undefined) node.value = element.initial_value;
      node.inputMode = element.is_decimal_allowed ? 'decimal' : 'numeric';
      break;
    case 'static_select':
      node = select(element, '', { words: {} }, false);
      break;
    case 'datepicker':
      node = datepicker(element, '', {}, false);
      break;
    default:
      return el('span', 'bk-unsupported', `[${element.type}]`);
  }
  if (element.placeholder && 'placeholder' in node) node.placeholder = plain(element.placeholder);
  node.classList.add(node.tagName === 'SELECT' ? 'bk-select' : 'bk-input');
  node.dataset.inputType = element.type;
  node.dataset.actionId = element.action_id ?? '';
  return node;
}

function richText(block) {
  const text = (block.elements ?? [])
    .flatMap((section) => section.elements ?? [])
    .map((item) => item.text ?? (item.type === 'user' ? `@${item.user_id}` : ''))
    .join('');
  return el('div', 'bk-section', text);
}

function renderBlock(block, index, ctx) {
  const blockId = block.block_id ?? `b${index}`;
  switch (block.type) {
    case 'header':
      return el('h3', 'bk-header', plain(block.text));
    case 'divider':
      return el('hr', 'bk-divider');
    case 'section': {
      const main = el('div', 'bk-section-main');
      if (block.text) main.append(renderText(block.text, ctx.names, 'div'));
      if (Array.isArray(block.fields) && block.fields.length > 0) {
        main.append(
          el('div', 'bk-fields', ...block.fields.map((field) => renderText(field, ctx.names, 'div'))),
        );
      }
      const section = el('div', 'bk-section', main);
      if (block.accessory)
        section.append(el('div', 'bk-accessory', interactiveElement(block.accessory, blockId, ctx)));
      return section;
    }
    case 'context':
      return el(
        'div',
        'bk-context',
        ...(block.elements ?? []).map((item) =>
          item.type === 'image'
            ? el('span', 'bk-image', `🖼 ${item.alt_text ?? ''}`)
            : renderText(item, ctx.names),
        ),
      );
    case 'actions':
      return el(
        'div',
        'bk-actions',
        ...(block.elements ?? []).map((item) => interactiveElement(item, blockId, ctx)),
      );
    case 'image':
      return el('div', 'bk-image', `🖼 ${block.alt_text ?? plain(block.title)}`);
    case 'rich_text':
      return richText(block);
    case 'input': {
      const label = el('label', 'bk-label', plain(block.label));
      const input = inputElement(block.element ?? {});
      const id = `input-${blockId}`;
      input.id = id;
      label.htmlFor = id;
      if (block.optional) label.append(el('span', 'bk-optional', ctx.words.optional ?? ''));
      const wrapper = el('div', 'bk-input-block', label, input);
      wrapper.dataset.blockId = blockId;
      wrapper.dataset.optional = block.optional ? 'true' : 'false';
      if (block.hint) wrapper.append(el('div', 'bk-hint', plain(block.hint)));
      wrapper.append(el('div', 'bk-error'));
      return wrapper;
    }
    default:
      return el('div', 'bk-unsupported', `[${block.type}]`);
  }
}

/** Renders a list of blocks; `ctx` = { names, words, onAction(action) }. */
export function renderBlocks(blocks, ctx) {
  return el('div', 'blocks', ...blocks.map((block, index) => renderBlock(block, index, ctx)));
}

/** A message: its blocks, or its text when it has none (Slack's fallback). */
export function renderMessageBody(message, ctx) {
  if (Array.isArray(message.blocks) && message.blocks.length > 0) return renderBlocks(message.blocks, ctx);
  return renderMrkdwn(message.text ?? '', ctx.names);
}

/**
 * The state of a modal's input blocks as view_submission carries it, and the ids of required
 * inputs left empty (which Slack's client refuses to send).
 */
export function readInputs(root) {
  const values = {};
  const missing = [];
  for (const wrapper of root.querySelectorAll('.bk-input-block')) {
    const blockId = wrapper.dataset.blockId;
    const input = wrapper.querySelector('[data-input-type]');
    if (!input) continue;
    const type = input.dataset.inputType;
    const actionId = input.dataset.actionId;
    const raw = input.value;
    let value;
    if (type === 'datepicker') value = { type, selected_date: raw || null };
    else if (type === 'static_select') {
      const option =
        raw === ''
          ? null
          : { text: { type: 'plain_text', text: input.selectedOptions[0]?.textContent ?? raw }, value: raw };
      value = { type, selected_option: option };
    } else value = { type, value: raw === '' ? null : raw };
    values[blockId] = { [actionId]: value };
    if (raw === '' && wrapper.dataset.optional !== 'true') missing.push(blockId);
  }
  return { values, missing };
}
