/**
 * What Slack refuses in Block Kit, as far as our bot can send it: a pure checker for the fake Web API.
 *
 * Pure (data in, error strings out) so that the fake can answer like Slack and the rules have table tests.
 * Each error reads like Slack's own `response_metadata.messages` entries:
 * `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`.
 *
 * Every limit below comes from Slack's reference pages (cited beside it). Where Slack only *truncates* (a
 * message's `text` past 40,000 characters) there is no error here: see `messageTextWarning`.
 * Fields this file does not know are let through: it refuses what Slack documents, never guesses more.
 */

export type Surface = 'message' | 'modal' | 'home';

export const BLOCK_KIT_DOCS = {
  blocks: 'https://api.slack.com/reference/block-kit/blocks',
  elements: 'https://api.slack.com/reference/block-kit/block-elements',
  text: 'https://docs.slack.dev/reference/block-kit/composition-objects/text-object',
  section: 'https://docs.slack.dev/reference/block-kit/blocks/section-block',
  header: 'https://docs.slack.dev/reference/block-kit/blocks/header-block',
  context: 'https://docs.slack.dev/reference/block-kit/blocks/context-block',
  actions: 'https://docs.slack.dev/tools/node-slack-sdk/reference/types/interfaces/ActionsBlock',
  input: 'https://docs.slack.dev/reference/block-kit/blocks/input-block',
  button: 'https://docs.slack.dev/reference/block-kit/block-elements/button-element',
  modal: 'https://docs.slack.dev/reference/views/modal-views',
  truncation: 'https://api.slack.com/changelog/2018-04-truncating-really-long-messages',
} as const;

/** Blocks per surface: "up to 50 blocks in each message, and 100 blocks in modals or Home tabs" (BLOCK_KIT_DOCS.blocks). */
export const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

/** A message's `text` is truncated (not refused) past this many characters (BLOCK_KIT_DOCS.truncation). */
export const MESSAGE_TEXT_LIMIT = 40_000;

const ALL: readonly Surface[] = ['message', 'modal', 'home'];

/** "Available in surfaces" of each block type (BLOCK_KIT_DOCS.blocks; markdown/table/context_actions: messages only). */
const BLOCK_SURFACES: Record<string, readonly Surface[]> = {
  actions: ALL,
  context: ALL,
  divider: ALL,
  header: ALL,
  image: ALL,
  input: ALL,
  rich_text: ALL,
  section: ALL,
  video: ALL,
  file: ['message'],
  markdown: ['message'],
  table: ['message'],
  context_actions: ['message'],
};

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
] as const;
const MULTI_SELECTS = SELECTS.map((type) => `multi_${type}`);

/** "Available in surfaces" of each block element (BLOCK_KIT_DOCS.elements, the table at the top of the page). */
const ELEMENT_SURFACES: Record<string, readonly Surface[]> = {
  button: ALL,
  checkboxes: ALL,
  datepicker: ALL,
  datetimepicker: ['modal', 'message'],
  email_text_input: ['modal'],
  file_input: ['modal'],
  image: ALL,
  number_input: ['modal'],
  overflow: ALL,
  plain_text_input: ALL,
  radio_buttons: ALL,
  rich_text_input: ['modal', 'home'],
  timepicker: ALL,
  url_text_input: ['modal'],
  workflow_button: ['message'],
  ...Object.fromEntries([...SELECTS, ...MULTI_SELECTS].map((type) => [type, ALL])),
};

/** "Works with block types" of each element (BLOCK_KIT_DOCS.elements): which may sit where. */
const ACTIONS_ELEMENTS = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'workflow_button',
  ...SELECTS,
]);
const SECTION_ACCESSORIES = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'image',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  ...SELECTS,
  ...MULTI_SELECTS,
]);
const INPUT_ELEMENTS = new Set([
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  ...SELECTS,
  ...MULTI_SELECTS,
]);

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects errors as Slack words them, each with the JSON pointer of the offending value. */
class Report {
  readonly errors: string[] = [];
  add(pointer: string, message: string): void {
    this.errors.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }
}

/** A string no longer than `max` characters (Slack counts UTF-16 code units, as String#length does). */
function checkString(report: Report, value: unknown, pointer: string, max: number, required = false): void {
  if (value === undefined) {
    if (required) report.add(pointer, 'must provide a string');
    return;
  }
  if (typeof value !== 'string') report.add(pointer, 'must be a string');
  else if (value.length > max) report.add(pointer, `must be less than ${max + 1} characters`);
}

/**
 * A text object (BLOCK_KIT_DOCS.text): type `plain_text` or `mrkdwn`, `text` of 1 to 3,000 characters (or the
 * field's own lower `max`), `emoji` only on plain_text, `verbatim` only on mrkdwn.
 */
function checkText(
  report: Report,
  value: unknown,
  pointer: string,
  { max = 3000, plainOnly = false }: { max?: number; plainOnly?: boolean } = {},
): void {
  if (!isRecord(value)) {
    report.add(pointer, 'must provide an object');
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    report.add(`${pointer}/type`, `must be one of: ${allowed.join(', ')}`);
    return;
  }
  if (typeof value.text !== 'string') report.add(`${pointer}/text`, 'must provide a string');
  else if (value.text.length === 0) report.add(`${pointer}/text`, 'must be more than 0 characters');
  else if (value.text.length > max) report.add(`${pointer}/text`, `must be less than ${max + 1} characters`);
  if (value.type === 'mrkdwn' && value.emoji !== undefined) {
    report.add(`${pointer}/emoji`, 'invalid additional property: emoji');
  }
  if (value.type === 'plain_text' && value.verbatim !== undefined) {
    report.add(`${pointer}/verbatim`, 'invalid additional property: verbatim');
  }
}

function checkArray(
  report: Report,
  value: unknown,
  pointer: string,
  max: number,
): value is readonly unknown[] {
  if (!Array.isArray(value)) {
    report.add(pointer, 'must provide an array');
    return false;
  }
  if (value.length === 0) report.add(pointer, 'must provide at least 1 item');
  if (value.length > max) report.add(pointer, `must be less than ${max + 1} items`);
  return true;
}

/** One block element in a place that accepts `allowed` types, on `surface`. */
function checkElement(
  report: Report,
  value: unknown,
  pointer: string,
  surface: Surface,
  allowed: ReadonlySet<string>,
): void {
  if (!isRecord(value)) {
    report.add(pointer, 'must provide an object');
    return;
  }
  const type = value.type;
  if (typeof type !== 'string' || !allowed.has(type) || !ELEMENT_SURFACES[type]?.includes(surface)) {
    report.add(`${pointer}/type`, `unsupported type: ${String(type)}`);
    return;
  }
  // Every interactive element: "Maximum length for this field is 255 characters" (BLOCK_KIT_DOCS.elements).
  if (type !== 'image') checkString(report, value.action_id, `${pointer}/action_id`, 255);
  switch (type) {
    case 'button':
      // BLOCK_KIT_DOCS.button: text plain_text ≤75, value ≤2000, url ≤3000, style primary | danger.
      checkText(report, value.text, `${pointer}/text`, { max: 75, plainOnly: true });
      checkString(report, value.value, `${pointer}/value`, 2000);
      checkString(report, value.url, `${pointer}/url`, 3000);
      if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') {
        report.add(`${pointer}/style`, 'must be one of: primary, danger');
      }
      break;
    case 'image':
      // BLOCK_KIT_DOCS.elements#image: alt_text is required; image_url ≤3000 unless a slack_file is given.
      checkString(report, value.alt_text, `${pointer}/alt_text`, 2000, true);
      if (value.slack_file === undefined)
        checkString(report, value.image_url, `${pointer}/image_url`, 3000, true);
      break;
    case 'number_input':
      // BLOCK_KIT_DOCS.elements#number: is_decimal_allowed is required.
      if (typeof value.is_decimal_allowed !== 'boolean') {
        report.add(`${pointer}/is_decimal_allowed`, 'must provide a boolean');
      }
      break;
    case 'datepicker':
      // BLOCK_KIT_DOCS.elements#datepicker: initial_date is YYYY-MM-DD.
      if (
        value.initial_date !== undefined &&
        !(typeof value.initial_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.initial_date))
      ) {
        report.add(`${pointer}/initial_date`, 'must match the format YYYY-MM-DD');
      }
      break;
    default:
      break;
  }
  if (value.placeholder !== undefined) {
    checkText(report, value.placeholder, `${pointer}/placeholder`, { max: 150, plainOnly: true });
  }
}

function checkBlock(report: Report, block: unknown, pointer: string, surface: Surface): void {
  if (!isRecord(block)) {
    report.add(pointer, 'must provide an object');
    return;
  }
  const type = block.type;
  if (typeof type !== 'string' || !BLOCK_SURFACES[type]?.includes(surface)) {
    report.add(`${pointer}/type`, `unsupported type: ${String(type)}`);
    return;
  }
  checkString(report, block.block_id, `${pointer}/block_id`, 255);
  switch (type) {
    case 'section':
      // BLOCK_KIT_DOCS.section: text 1..3000, or fields (≤10, each ≤2000); one of the two is required.
      if (block.text === undefined && block.fields === undefined) {
        report.add(pointer, 'must define either `text` or `fields`');
      }
      if (block.text !== undefined) checkText(report, block.text, `${pointer}/text`, { max: 3000 });
      if (block.fields !== undefined && checkArray(report, block.fields, `${pointer}/fields`, 10)) {
        block.fields.forEach((field, i) => {
          checkText(report, field, `${pointer}/fields/${i}`, { max: 2000 });
        });
      }
      if (block.accessory !== undefined) {
        checkElement(report, block.accessory, `${pointer}/accessory`, surface, SECTION_ACCESSORIES);
      }
      break;
    case 'header':
      // BLOCK_KIT_DOCS.header: a plain_text text object of at most 150 characters.
      checkText(report, block.text, `${pointer}/text`, { max: 150, plainOnly: true });
      break;
    case 'context':
      // BLOCK_KIT_DOCS.context: image elements and text objects, at most 10.
      if (checkArray(report, block.elements, `${pointer}/elements`, 10)) {
        block.elements.forEach((element, i) => {
          const at = `${pointer}/elements/${i}`;
          if (isRecord(element) && element.type === 'image') {
            checkElement(report, element, at, surface, new Set(['image']));
          } else {
            checkText(report, element, at);
          }
        });
      }
      break;
    case 'actions':
      // BLOCK_KIT_DOCS.actions: at most 25 interactive elements.
      if (checkArray(report, block.elements, `${pointer}/elements`, 25)) {
        block.elements.forEach((element, i) => {
          checkElement(report, element, `${pointer}/elements/${i}`, surface, ACTIONS_ELEMENTS);
        });
      }
      break;
    case 'input':
      // BLOCK_KIT_DOCS.input: label (plain_text ≤2000) and element required; hint plain_text ≤2000.
      checkText(report, block.label, `${pointer}/label`, { max: 2000, plainOnly: true });
      if (block.element === undefined) report.add(`${pointer}/element`, 'must provide an object');
      else checkElement(report, block.element, `${pointer}/element`, surface, INPUT_ELEMENTS);
      if (block.hint !== undefined) {
        checkText(report, block.hint, `${pointer}/hint`, { max: 2000, plainOnly: true });
      }
      break;
    case 'image':
      // BLOCK_KIT_DOCS.blocks#image: alt_text ≤2000 required; image_url ≤3000 unless slack_file; title plain_text ≤2000.
      checkString(report, block.alt_text, `${pointer}/alt_text`, 2000, true);
      if (block.slack_file === undefined)
        checkString(report, block.image_url, `${pointer}/image_url`, 3000, true);
      if (block.title !== undefined) {
        checkText(report, block.title, `${pointer}/title`, { max: 2000, plainOnly: true });
      }
      break;
    case 'rich_text':
      if (!Array.isArray(block.elements)) report.add(`${pointer}/elements`, 'must provide an array');
      break;
    default:
      break;
  }
}

/**
 * Checks a `blocks` array as Slack would for `surface`; empty when Slack would accept it.
 * `root` is the pointer of the array in the request (`/blocks` for chat.*, `/view/blocks` for views.*).
 */
export function checkBlocks(blocks: unknown, surface: Surface, root = '/blocks'): string[] {
  const report = new Report();
  if (!Array.isArray(blocks)) {
    report.add(root, 'must provide an array');
    return report.errors;
  }
  // Slack accepts an empty `blocks` (the message falls back to `text`), so only the upper bound applies.
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) report.add(root, `must be less than ${max + 1} items`);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    checkBlock(report, block, `${root}/${i}`, surface);
    // block_id "should be unique for each message and each iteration of a message" (BLOCK_KIT_DOCS.section et al.).
    if (isRecord(block) && typeof block.block_id === 'string') {
      if (seen.has(block.block_id)) {
        report.add(`${root}/${i}/block_id`, `duplicate block_id: ${block.block_id}`);
      }
      seen.add(block.block_id);
    }
  });
  return report.errors;
}

/**
 * Checks a view for views.open / views.update / views.push (modal) or views.publish (home) (BLOCK_KIT_DOCS.modal):
 * title plain_text ≤24 (required), submit and close plain_text ≤24, submit required with an input block,
 * callback_id ≤255, private_metadata ≤3000, blocks as `checkBlocks` for the view's surface.
 */
export function checkView(view: unknown): string[] {
  const report = new Report();
  if (!isRecord(view)) {
    report.add('/view', 'must provide an object');
    return report.errors;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    report.add('/view/type', 'must be one of: modal, home');
    return report.errors;
  }
  checkString(report, view.callback_id, '/view/callback_id', 255);
  checkString(report, view.private_metadata, '/view/private_metadata', 3000);
  if (view.type === 'modal') {
    checkText(report, view.title, '/view/title', { max: 24, plainOnly: true });
    if (view.submit !== undefined)
      checkText(report, view.submit, '/view/submit', { max: 24, plainOnly: true });
    if (view.close !== undefined) checkText(report, view.close, '/view/close', { max: 24, plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      report.add('/view/submit', 'must provide `submit` when the view has an input block');
    }
  }
  return [...report.errors, ...checkBlocks(view.blocks, view.type, '/view/blocks')];
}

/** Slack's warning when a message's `text` is over 40,000 characters: it posts the first 40,000 (BLOCK_KIT_DOCS.truncation). */
export function messageTextWarning(text: unknown): string | undefined {
  return typeof text === 'string' && text.length > MESSAGE_TEXT_LIMIT
    ? '[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.'
    : undefined;
}

/** Slack's `errors` entries are the `[ERROR] ` messages without that prefix. */
export function withoutSeverity(message: string): string {
  return message.replace(/^\[ERROR\] /, '');
}
