import { describe, expect, it } from 'vitest';
import { SECTION_TEXT_LIMIT, toSlack } from '../../src/slack/render.ts';
import { actions, heading, note, textBlock, textMessage } from '../../src/views/message.ts';

describe('toSlack', () => {
  it('escapes what people typed, keeping the neutral mentions', () => {
    const slack = toSlack(
      textMessage('**<!channel> & Co**  <@U1> 调到 <#C2>，原因：<https://x.example|点我> a>b'),
    );
    expect(slack.text).toBe(
      '*&lt;!channel&gt; &amp; Co*  <@U1> 调到 <#C2>，原因：&lt;https://x.example|点我&gt; a&gt;b',
    );
    expect(slack.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: slack.text } }]);
  });

  it('turns neutral **bold** into mrkdwn *bold* and keeps mentions', () => {
    expect(
      toSlack({ text: '**合计** <@U1>', blocks: [textBlock('**合计** <@U1>'), note('**注**')] }),
    ).toEqual({
      text: '*合计* <@U1>',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*合计* <@U1>' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '*注*' }] },
      ],
    });
  });

  it('writes a heading as plain text and buttons with their action ids and values', () => {
    const out = toSlack({
      text: 't',
      blocks: [
        heading('**PK**'),
        actions('b', [{ action: 'go', label: 'Go', value: 'v', style: 'primary', command: '/x' }]),
      ],
    });
    expect(out.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'PK', emoji: true } },
      {
        type: 'actions',
        block_id: 'b',
        elements: [
          {
            type: 'button',
            action_id: 'go',
            style: 'primary',
            text: { type: 'plain_text', text: 'Go' },
            value: 'v',
          },
        ],
      },
    ]);
  });

  it('splits long text into sections between lines, each within the limit', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i} ${'x'.repeat(40)}`);
    const out = toSlack({ text: 'board', blocks: [textBlock(lines.join('\n'))] });
    const texts = (out.blocks ?? []).map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(texts.join('\n')).toBe(lines.join('\n'));
  });
});
