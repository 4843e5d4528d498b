// Modals: what views.open shows, submitted as view_submission. Slack's answers to a submission are
// honoured: errors beside their fields (response_action: errors), update, push, clear; an empty
// answer closes the modal. Cancel sends view_closed when the view asks for it (notify_on_close).

import { readInputs, renderBlocks } from './blocks.js';
import { el } from './dom.js';
import { newTriggerId } from './slack.js';

export function createModals({ root, names, words, sender, rememberTrigger, forget }) {
  /** Open modals, the top one last: { id, view, person, node }. */
  const stack = [];

  function close(entry, { notify }) {
    const index = stack.indexOf(entry);
    if (index < 0) return;
    stack.splice(index, 1);
    entry.node.remove();
    forget(entry.id);
    if (notify && entry.view.notify_on_close) {
      sender().viewClosed({ person: entry.person, view: entry.view, viewId: entry.id });
    }
    stack.at(-1)?.node.classList.remove('hidden');
  }

  function showErrors(entry, errors) {
    for (const wrapper of entry.node.querySelectorAll('.bk-input-block')) {
      const message = errors[wrapper.dataset.blockId];
      wrapper.querySelector('.bk-error').textContent = message ?? '';
      wrapper.classList.toggle('invalid', message !== undefined);
      wrapper.querySelector('[data-input-type]')?.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    entry.node.querySelector('.bk-input-block.invalid [data-input-type]')?.focus();
  }

  async function submit(entry, form, status) {
    const w = words();
    const { values, missing } = readInputs(form);
    if (missing.length > 0)
      return showErrors(entry, Object.fromEntries(missing.map((id) => [id, w.required])));
    status.textContent = w.sending;
    const triggerId = newTriggerId();
    rememberTrigger(triggerId);
    const answer = await sender().viewSubmission({
      person: entry.person,
      view: entry.view,
      viewId: entry.id,
      values,
      triggerId,
    });
    status.textContent = '';
    if (answer.status !== 200) {
      status.textContent = w.requestFailed(answer.status);
      return;
    }
    const action = answer.json?.response_action;
    if (action === 'errors') return showErrors(entry, answer.json.errors ?? {});
    if (action === 'update') return render(entry, answer.json.view);
    if (action === 'push')
      return open({ id: `${entry.id}-pushed-${stack.length}`, view: answer.json.view }, entry.person);
    if (action === 'clear') {
      for (const open of [...stack]) close(open, { notify: false });
      return;
    }
    close(entry, { notify: false });
  }

  function render(entry, view) {
    entry.view = view;
    const w = words();
    const form = el('form', 'modal-body');
    form.noValidate = true;
    form.append(
      renderBlocks(view.blocks ?? [], {
        names,
        words: w,
        onAction: (action) => {
          const triggerId = newTriggerId();
          rememberTrigger(triggerId);
          return sender().viewAction({
            person: entry.person,
            view: entry.view,
            viewId: entry.id,
            values: readInputs(form).values,
            action,
            triggerId,
          });
        },
      }),
    );
    const status = el('p', 'modal-status');
    status.setAttribute('role', 'status');
    const title = el('h2', 'modal-title', view.title?.text ?? '');
    title.id = `modal-title-${entry.id}`;
    const cancel = el('button', 'secondary', view.close?.text ?? w.cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => close(entry, { notify: true }));
    const footer = el('footer', 'modal-footer', status, cancel);
    if (view.submit) {
      const submitButton = el('button', 'primary', view.submit.text ?? w.submit);
      submitButton.type = 'submit';
      footer.append(submitButton);
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      for (const button of form.querySelectorAll('button')) button.disabled = true;
      try {
        await submit(entry, form, status);
      } finally {
        for (const button of form.querySelectorAll('button')) button.disabled = false;
      }
    });
    const dialog = el('div', 'modal', el('header', 'modal-header', title), form);
    // The footer belongs to the form so that Enter and the submit button both submit.
    form.append(footer);
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(entry, { notify: true });
    });
    const node = el('div', 'modal-backdrop', dialog);
    if (entry.node) entry.node.replaceWith(node);
    else root.append(node);
    entry.node = node;
    node.querySelector('input, select, textarea, button')?.focus();
  }

  function open(stored, person) {
    stack.at(-1)?.node.classList.add('hidden');
    const entry = { id: stored.id, view: stored.view, person, node: undefined };
    stack.push(entry);
    render(entry, stored.view);
  }

  return {
    open,
    /** views.update from the bot: re-render the modal if it is open here. */
    update(stored) {
      const entry = stack.find((open) => open.id === stored.id);
      if (entry) render(entry, stored.view);
    },
    closeAll() {
      for (const entry of [...stack]) close(entry, { notify: false });
    },
  };
}
