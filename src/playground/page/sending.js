// What the person acting does: type a command, click a button, run a job. Commands go to the
// bot as Slack sends them (slack.js); the replies come back on the event stream.

import { toast } from './dom.js';
import { newTriggerId } from './slack.js';
import { echo, me, names, postJson, state, words } from './state.js';

const ESCAPES = [
  [/&/g, '&amp;'],
  [/</g, '&lt;'],
  [/>/g, '&gt;'],
];
const TRAILING_PUNCTUATION = /[，。、,.;；:：!！?？)）]+$/;

async function replaceAsync(text, pattern, replace) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replace(...match));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

function newTrigger() {
  const triggerId = newTriggerId();
  state.triggers.add(triggerId);
  return triggerId;
}

/**
 * `redrawConversation()` after the page's own echo changes; `directoryChanged()` when the
 * workspace may have new people or channels.
 */
export function createSending({ redrawConversation, directoryChanged }) {
  /**
   * What Slack does to a command's text (the manifest asks for escaped mentions): &, < and > are
   * escaped, `@name` becomes `<@U…|name>` and `#channel` becomes `<#C…|channel>`. A name nobody
   * has joins the workspace, as if the admin had invited them, so that `/team add @新同事` works.
   */
  async function slackify(text) {
    let out = ESCAPES.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
    out = await replaceAsync(out, /(^|\s)@([^\s@#<>|]+)/g, async (_whole, lead, raw) => {
      const name = raw.replace(TRAILING_PUNCTUATION, '');
      const known = state.directory.people.find((p) => p.name === name || p.id === name);
      const id = known?.id ?? (await postJson('/playground/people', { name })).body.id;
      return `${lead}<@${id}|${name}>${raw.slice(name.length)}`;
    });
    out = await replaceAsync(out, /(^|\s)#([^\s@#<>|]+)/g, async (_whole, lead, raw) => {
      const name = raw.replace(TRAILING_PUNCTUATION, '');
      const known = state.directory.channels.find((c) => c.name === name || c.id === name);
      const id = known?.id ?? (await postJson('/playground/channels', { name })).body.id;
      return `${lead}<#${id}|${name}>${raw.slice(name.length)}`;
    });
    if (out !== text) directoryChanged();
    return out;
  }

  return {
    async command(line) {
      const w = words();
      const conversation = state.current;
      const [command] = line.trim().split(/\s+/);
      if (!command.startsWith('/')) return toast(w.notACommand, 'warn');
      if (!state.session.commands.includes(command)) {
        echo(conversation, line, w.unknownCommand(command, state.session.commands.join(' ')));
        return redrawConversation();
      }
      const entry = echo(conversation, line);
      redrawConversation();
      const answer = await state.sender.command({
        person: me(),
        channel: { id: conversation, name: names.channel(conversation) ?? conversation },
        command,
        text: await slackify(line.trim().slice(command.length).trim()),
        triggerId: newTrigger(),
      });
      if (answer.status !== 200) entry.error = w.requestFailed(answer.status);
      // An ack with a body is shown to the sender only, as Slack shows a command's immediate answer.
      else if (answer.text !== '') entry.reply = answer.json ?? { text: answer.text };
      redrawConversation();
    },

    async messageAction(message, action) {
      const answer = await state.sender.messageAction({
        person: me(),
        channel: {
          id: message.conversation,
          name: names.channel(message.conversation) ?? message.conversation,
        },
        message,
        action,
        triggerId: newTrigger(),
      });
      if (answer.status !== 200) toast(words().requestFailed(answer.status), 'warn');
    },

    async homeAction(view, action) {
      const answer = await state.sender.viewAction({
        person: me(),
        view,
        viewId: `VHOME${state.me}`,
        values: {},
        action,
        triggerId: newTrigger(),
      });
      if (answer.status !== 200) toast(words().requestFailed(answer.status), 'warn');
    },

    async runJob(job, button) {
      const w = words();
      button.disabled = true;
      button.classList.add('running');
      try {
        const { status, body } = await postJson('/playground/jobs', { job });
        if (status !== 200) return toast(w.requestFailed(status), 'warn');
        if (body.status === 'done') {
          toast(w.jobDone(job, body.posts, body.failures.length), body.failures.length ? 'warn' : 'ok');
        } else if (body.status === 'not-due') toast(w.jobNotDue(job));
        else if (body.status === 'skipped') toast(w.jobSkipped(job));
        else toast(w.jobFailed(job), 'warn');
      } finally {
        button.disabled = false;
        button.classList.remove('running');
      }
    },
  };
}
