import { BOLD_PATTERN, CONVERSATION_PATTERN, MENTION_PATTERN } from '../views/markup.ts';
import type { Button, Message } from '../views/message.ts';

/**
 * A neutral message with buttons as a WeCom button_interaction template card
 * (developer.work.weixin.qq.com/document/path/90236 "模板卡片消息", 101032 "模板卡片类型"):
 * the summary's first line is the main title (kept under 26 characters), the rest of its text the
 * sub-title (under 112), and at most 6 buttons, each a callback button (`type` 0) whose `key`
 * carries the neutral action and value (at most 1,024 bytes). A message whose buttons do not fit
 * gets no card: the caller sends the text form, which says what to type.
 */
const TITLE_CHARS = 26;
const SUBTITLE_CHARS = 112;
const MAX_BUTTONS = 6;
const KEY_BYTES = 1024;
const SEPARATOR = '|';

export function toWeComCard(
  message: Message,
  options: { taskId: string; names: ReadonlyMap<string, string> },
): Record<string, unknown> | undefined {
  const buttons = (message.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
  if (buttons.length === 0 || buttons.length > MAX_BUTTONS) return undefined;
  const keys = buttons.map(buttonKey);
  if (keys.some((key) => Buffer.byteLength(key, 'utf8') > KEY_BYTES)) return undefined;
  const texts = (message.blocks ?? []).flatMap((b) =>
    b.kind === 'text' || b.kind === 'note' ? [b.text] : [],
  );
  const [title = '', ...rest] = plain(
    [message.text.split('\n')[0] ?? '', ...texts].join('\n'),
    options.names,
  ).split('\n');
  const body = rest.filter((line) => line.trim() !== '' && line !== title).join('\n');
  return {
    card_type: 'button_interaction',
    main_title: { title: clip(title, TITLE_CHARS) },
    ...(body === '' ? {} : { sub_title_text: clip(body, SUBTITLE_CHARS) }),
    task_id: options.taskId,
    button_list: buttons.map((button, index) => ({
      type: 0,
      text: clip(button.label, 10),
      style: button.style === 'danger' ? 3 : button.style === 'primary' ? 1 : 2,
      key: keys[index],
    })),
  };
}

/** The action and value a card button carried, back from its `EventKey`. */
export function readButtonKey(key: string): { action: string; value: string } | undefined {
  const at = key.indexOf(SEPARATOR);
  if (at <= 0) return undefined;
  return { action: key.slice(0, at), value: key.slice(at + 1) };
}

function buttonKey(button: Button): string {
  return `${button.action}${SEPARATOR}${button.value}`;
}

function plain(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(BOLD_PATTERN, '$1')
    .replace(MENTION_PATTERN, (_token, id: string) => names.get(id) ?? id)
    .replace(CONVERSATION_PATTERN, '')
    .replace(/`/g, '');
}

function clip(text: string, chars: number): string {
  const all = [...text];
  return all.length <= chars ? text : `${all.slice(0, chars - 1).join('')}…`;
}
