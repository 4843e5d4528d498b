import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlocks, checkView, MAX_BLOCKS, messageTextWarning, type Surface } from './block-kit-rules.ts';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.ts';

const x = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (fields: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'go',
  text: plain('Go'),
  ...fields,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const input = (element: unknown, fields: Record<string, unknown> = {}) => ({
  type: 'input',
  label: plain('Calls'),
  element,
  ...fields,
});
const numberInput = { type: 'number_input', action_id: 'value', is_decimal_allowed: false };
const modal = (fields: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Log'),
  submit: plain('Save'),
  blocks: [section('hi')],
  ...fields,
});

/** Each rule once accepted at its limit and once refused past it: [rule, blocks, surface, error or ''] */
const blockCases: Array<[string, unknown, Surface, string]> = [
  ['blocks is an array', [section('a')], 'message', ''],
  ['blocks is not an array', { type: 'section' }, 'message', 'must provide an array [json-pointer:/blocks]'],
  ['50 blocks in a message', Array.from({ length: 50 }, () => section('a')), 'message', ''],
  [
    '51 blocks in a message',
    Array.from({ length: 51 }, () => section('a')),
    'message',
    'must be less than 51 items',
  ],
  ['100 blocks in a modal', Array.from({ length: 100 }, () => section('a')), 'modal', ''],
  [
    '101 blocks in a home tab',
    Array.from({ length: 101 }, () => section('a')),
    'home',
    'must be less than 101 items',
  ],
  ['a known block type', [{ type: 'divider' }], 'home', ''],
  [
    'a made-up block type',
    [{ type: 'sektion', text: mrkdwn('a') }],
    'message',
    'unsupported type: sektion [json-pointer:/blocks/0/type]',
  ],
  ['file block in a message', [{ type: 'file', external_id: 'f', source: 'remote' }], 'message', ''],
  [
    'file block in a modal',
    [{ type: 'file', external_id: 'f', source: 'remote' }],
    'modal',
    'unsupported type: file',
  ],
  ['mrkdwn text object', [section('a')], 'message', ''],
  [
    'made-up text type',
    [{ type: 'section', text: { type: 'markdown', text: 'a' } }],
    'message',
    'must be one of: plain_text, mrkdwn [json-pointer:/blocks/0/text/type]',
  ],
  ['emoji on plain_text', [{ type: 'section', text: { ...plain('a'), emoji: true } }], 'message', ''],
  [
    'emoji on mrkdwn',
    [{ type: 'section', text: { ...mrkdwn('a'), emoji: true } }],
    'message',
    'invalid additional property: emoji [json-pointer:/blocks/0/text/emoji]',
  ],
  [
    'empty text',
    [section('')],
    'message',
    'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
  ],
  ['section text of 3000', [section(x(3000))], 'message', ''],
  [
    'section text of 3001',
    [section(x(3001))],
    'message',
    'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
  ],
  ['section of fields only', [{ type: 'section', fields: [mrkdwn('a')] }], 'message', ''],
  [
    'section with neither',
    [{ type: 'section' }],
    'message',
    'must define either `text` or `fields` [json-pointer:/blocks/0]',
  ],
  [
    '10 fields of 2000',
    [{ type: 'section', fields: Array.from({ length: 10 }, () => mrkdwn(x(2000))) }],
    'message',
    '',
  ],
  [
    '11 fields',
    [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('a')) }],
    'message',
    'must be less than 11 items [json-pointer:/blocks/0/fields]',
  ],
  [
    'a field of 2001',
    [{ type: 'section', fields: [mrkdwn(x(2001))] }],
    'message',
    'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
  ],
  ['header of 150', [{ type: 'header', text: plain(x(150)) }], 'message', ''],
  [
    'header of 151',
    [{ type: 'header', text: plain(x(151)) }],
    'message',
    'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
  ],
  [
    'header in mrkdwn',
    [{ type: 'header', text: mrkdwn('a') }],
    'message',
    'must be one of: plain_text [json-pointer:/blocks/0/text/type]',
  ],
  [
    'context of 10',
    [{ type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('a')) }],
    'message',
    '',
  ],
  [
    'context of 11',
    [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('a')) }],
    'message',
    'must be less than 11 items [json-pointer:/blocks/0/elements]',
  ],
  [
    'actions of 25',
    [actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `b${i}` })))],
    'message',
    '',
  ],
  [
    'actions of 26',
    [actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })))],
    'message',
    'must be less than 26 items [json-pointer:/blocks/0/elements]',
  ],
  [
    'an input element in actions',
    [actions({ type: 'plain_text_input', action_id: 'a' })],
    'message',
    'unsupported type: plain_text_input [json-pointer:/blocks/0/elements/0/type]',
  ],
  ['button text of 75', [actions(button({ text: plain(x(75)) }))], 'message', ''],
  [
    'button text of 76',
    [actions(button({ text: plain(x(76)) }))],
    'message',
    'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
  ],
  [
    'button text in mrkdwn',
    [actions(button({ text: mrkdwn('Go') }))],
    'message',
    'must be one of: plain_text',
  ],
  ['action_id of 255', [actions(button({ action_id: x(255) }))], 'message', ''],
  [
    'action_id of 256',
    [actions(button({ action_id: x(256) }))],
    'message',
    'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
  ],
  ['value of 2000', [actions(button({ value: x(2000) }))], 'message', ''],
  [
    'value of 2001',
    [actions(button({ value: x(2001) }))],
    'message',
    'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
  ],
  ['url of 3000', [actions(button({ url: `https://a.example/${x(2982)}` }))], 'message', ''],
  [
    'url of 3001',
    [actions(button({ url: `https://a.example/${x(2983)}` }))],
    'message',
    'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]',
  ],
  ['style danger', [actions(button({ style: 'danger' }))], 'message', ''],
  [
    'style secondary',
    [actions(button({ style: 'secondary' }))],
    'message',
    'must be one of: primary, danger [json-pointer:/blocks/0/elements/0/style]',
  ],
  ['block_id of 255', [{ type: 'divider', block_id: x(255) }], 'message', ''],
  [
    'block_id of 256',
    [{ type: 'divider', block_id: x(256) }],
    'message',
    'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
  ],
  [
    'distinct block_ids',
    [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'b' },
    ],
    'message',
    '',
  ],
  [
    'a repeated block_id',
    [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'a' },
    ],
    'message',
    'duplicate block_id: a [json-pointer:/blocks/1/block_id]',
  ],
  ['input with label and element', [input(numberInput)], 'modal', ''],
  [
    'input without label',
    [{ type: 'input', element: numberInput }],
    'modal',
    'must provide an object [json-pointer:/blocks/0/label]',
  ],
  [
    'input label of 2001',
    [input(numberInput, { label: plain(x(2001)) })],
    'modal',
    'must be less than 2001 characters [json-pointer:/blocks/0/label/text]',
  ],
  [
    'input without element',
    [{ type: 'input', label: plain('a') }],
    'modal',
    'must provide an object [json-pointer:/blocks/0/element]',
  ],
  [
    'input with a button',
    [input(button())],
    'modal',
    'unsupported type: button [json-pointer:/blocks/0/element/type]',
  ],
  ['plain-text input in a message', [input({ type: 'plain_text_input', action_id: 'a' })], 'message', ''],
  [
    'number input in a message',
    [input(numberInput)],
    'message',
    'unsupported type: number_input [json-pointer:/blocks/0/element/type]',
  ],
  [
    'number input without is_decimal_allowed',
    [input({ type: 'number_input', action_id: 'v' })],
    'modal',
    'must provide a boolean [json-pointer:/blocks/0/element/is_decimal_allowed]',
  ],
  [
    'datepicker with a day',
    [input({ type: 'datepicker', action_id: 'v', initial_date: '2024-03-31' })],
    'modal',
    '',
  ],
  [
    'datepicker with a bad day',
    [input({ type: 'datepicker', action_id: 'v', initial_date: '31/03/2024' })],
    'modal',
    'must match the format YYYY-MM-DD',
  ],
  [
    'image with alt_text',
    [{ type: 'image', image_url: 'https://a.example/i.png', alt_text: 'a' }],
    'message',
    '',
  ],
  [
    'image without alt_text',
    [{ type: 'image', image_url: 'https://a.example/i.png' }],
    'message',
    'must provide a string [json-pointer:/blocks/0/alt_text]',
  ],
  ['rich_text with elements', [{ type: 'rich_text', elements: [] }], 'home', ''],
];

describe('checkBlocks', () => {
  it.each(blockCases)('%s', (_rule, blocks, surface, error) => {
    const errors = checkBlocks(blocks, surface);
    if (error === '') expect(errors).toEqual([]);
    else expect(errors.some((e) => e.startsWith('[ERROR] ') && e.includes(error))).toBe(true);
  });

  it('keeps the documented block counts', () => {
    expect(MAX_BLOCKS).toEqual({ message: 50, modal: 100, home: 100 });
  });
});

/** [rule, view, error or ''] */
const viewCases: Array<[string, unknown, string]> = [
  ['a modal', modal(), ''],
  ['a home tab', { type: 'home', blocks: [section('a')] }, ''],
  [
    'a made-up view type',
    { type: 'sheet', blocks: [] },
    'must be one of: modal, home [json-pointer:/view/type]',
  ],
  ['a title of 24', modal({ title: plain(x(24)) }), ''],
  [
    'a title of 25',
    modal({ title: plain(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/title/text]',
  ],
  ['no title', modal({ title: undefined }), 'must provide an object [json-pointer:/view/title]'],
  [
    'a mrkdwn title',
    modal({ title: mrkdwn('Log') }),
    'must be one of: plain_text [json-pointer:/view/title/type]',
  ],
  ['a submit of 24', modal({ submit: plain(x(24)) }), ''],
  [
    'a submit of 25',
    modal({ submit: plain(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/submit/text]',
  ],
  ['a close of 24', modal({ close: plain(x(24)) }), ''],
  [
    'a close of 25',
    modal({ close: plain(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/close/text]',
  ],
  ['an input with submit', modal({ blocks: [input(numberInput)] }), ''],
  [
    'an input without submit',
    modal({ submit: undefined, blocks: [input(numberInput)] }),
    '[json-pointer:/view/submit]',
  ],
  ['a callback_id of 255', modal({ callback_id: x(255) }), ''],
  [
    'a callback_id of 256',
    modal({ callback_id: x(256) }),
    'must be less than 256 characters [json-pointer:/view/callback_id]',
  ],
  ['private_metadata of 3000', modal({ private_metadata: x(3000) }), ''],
  [
    'private_metadata of 3001',
    modal({ private_metadata: x(3001) }),
    'must be less than 3001 characters [json-pointer:/view/private_metadata]',
  ],
  [
    'blocks checked for the modal',
    modal({ blocks: [{ type: 'file' }] }),
    'unsupported type: file [json-pointer:/view/blocks/0/type]',
  ],
];

describe('checkView', () => {
  it.each(viewCases)('%s', (_rule, view, error) => {
    const errors = checkView(view);
    if (error === '') expect(errors).toEqual([]);
    else expect(errors.some((e) => e.includes(error))).toBe(true);
  });
});

describe('messageTextWarning', () => {
  it.each([
    [40_000, false],
    [40_001, true],
  ])('a text of %i characters is truncated: %s', (length, warned) => {
    expect(messageTextWarning(x(length)) !== undefined).toBe(warned);
  });
});

describe('the fake Slack API refuses what Slack refuses', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${fake.url.replace(/\/api\/$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers invalid_blocks to a made-up block type in chat.postMessage, and records the refusal', async () => {
    const res = await post('/api/chat.postMessage', {
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'sektion' }],
    });
    const answer = await res.json();
    expect(answer).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['unsupported type: sektion [json-pointer:/blocks/0/type]'],
      response_metadata: { messages: ['[ERROR] unsupported type: sektion [json-pointer:/blocks/0/type]'] },
    });
    const call = fake.callsTo('chat.postMessage').at(-1);
    expect(call?.response).toEqual(answer);
    expect(call?.blockErrors).toEqual(['[ERROR] unsupported type: sektion [json-pointer:/blocks/0/type]']);
  });

  it('answers invalid_arguments to a modal with a title too long', async () => {
    const res = await post('/api/views.open', { trigger_id: 't', view: modal({ title: plain(x(25)) }) });
    expect(await res.json()).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: {
        messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
      },
    });
  });

  it('answers a response_url HTTP 400 invalid_blocks, as a webhook does', async () => {
    const res = await post('/response_url/r1', { text: 'hi', blocks: [{ type: 'sektion' }] });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('invalid_blocks');
    expect(fake.callsTo('response_url').at(-1)).toMatchObject({ status: 400, responseUrlId: 'r1' });
  });

  it('posts a text over 40,000 characters truncated, with the message_truncated warning', async () => {
    const res = await post('/api/chat.postMessage', { channel: 'C1', text: x(40_001) });
    const answer: unknown = await res.json();
    expect(answer).toMatchObject({
      ok: true,
      message: { text: x(40_000) },
      response_metadata: { warnings: ['message_truncated'] },
    });
  });

  it('accepts valid blocks as before', async () => {
    const res = await post('/api/chat.postMessage', { channel: 'C1', text: 'hi', blocks: [section('hi')] });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('makes waitFor reject with the reasons when the call it waits for was refused', async () => {
    const from = fake.calls.length;
    await post('/api/chat.update', { channel: 'C1', ts: '1.1', text: 'hi', blocks: [{ type: 'sektion' }] });
    await expect(fake.waitFor('chat.update', { fromIndex: from })).rejects.toThrow(
      /unsupported type: sektion/,
    );
  });
});
