import { describe, expect, it } from 'vitest';
import { createFontSource } from '../../src/images/fonts.ts';
import { POSTER_WIDTH, renderPoster } from '../../src/images/render-poster.ts';
import type { PkPoster } from '../../src/views/poster-view.ts';
import { posterText } from '../../src/views/poster-view.ts';
import { sampleGoodNewsPoster, samplePkPoster } from './sample-poster.ts';

/** Every string of a poster with each character replaced: what the tofu baseline draws. */
function replaceText(poster: PkPoster, by: (text: string) => string): PkPoster {
  return {
    ...poster,
    groups: poster.groups.map((g) => ({ ...g, name: by(g.name) })),
    top: poster.top.map((t) => ({ ...t, name: by(t.name), group: by(t.group) })),
  };
}

/** Pixels that differ between two renders of the same size (RGBA). */
function differing(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4)
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count += 1;
  return count;
}

describe('the poster renderer', () => {
  it('draws every character of Chinese group and member names, rare ones included: no tofu', async () => {
    const poster = samplePkPoster();
    const missing: string[] = [];
    const drawn = await renderPoster(poster, { onMissingGlyphs: (segment) => missing.push(segment) });
    // satori asks for another font for any run of text the loaded fonts have no glyph for.
    expect(missing).toEqual([]);
    expect(drawn.missing).toEqual([]);
    for (const rare of ['龑', '堃', '赟', '喆']) expect(posterText(poster)).toContain(rare);
    expect(drawn.width).toBe(POSTER_WIDTH);
    expect([...drawn.png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The same poster with the names drawn by nothing (a character no font has is left out):
    // the real names must put a good deal of ink on the cards, about 40 px of strokes a glyph.
    const blank = await renderPoster(replaceText(poster, (text) => '\u{E000}'.repeat([...text].length)));
    expect(blank.missing).toEqual(['\u{E000}']);
    expect(blank.height).toBe(drawn.height);
    const glyphs = [...poster.groups.map((g) => g.name), ...poster.top.flatMap((t) => [t.name, t.group])]
      .join('')
      .replace(/\s/g, '').length;
    expect(differing(drawn.pixels, blank.pixels)).toBeGreaterThan(glyphs * 40);
  });

  it('the check sees tofu: with the Latin cut alone, satori reports every Chinese run', async () => {
    const source = createFontSource();
    const latinOnly = { ...source, fontsFor: () => ({ fonts: source.fontsFor('0').fonts, missing: [] }) };
    const missing: string[] = [];
    await renderPoster(samplePkPoster(2), {
      fontSource: latinOnly,
      onMissingGlyphs: (segment) => missing.push(segment),
    });
    expect(missing.join('')).toContain('战报');
    expect(missing.join('')).toContain('龑');
  });

  it('leaves out what no font has (an emoji in a name) rather than draw a box', async () => {
    const poster = replaceText(samplePkPoster(3), (text) => (text === '一组' ? '一组🚀' : text));
    const missing: string[] = [];
    const drawn = await renderPoster(poster, { onMissingGlyphs: (segment) => missing.push(segment) });
    expect(drawn.missing).toEqual(['🚀']);
    expect(missing).toEqual([]);
  });

  it('draws the 喜报 with the member, the amount and the day', async () => {
    const missing: string[] = [];
    const drawn = await renderPoster(sampleGoodNewsPoster(), { onMissingGlyphs: (s) => missing.push(s) });
    expect(missing).toEqual([]);
    expect(drawn.height).toBeGreaterThan(600);
    expect(drawn.png.length).toBeGreaterThan(10_000);
  });

  it('reads each font file once, and only those the text needs', () => {
    const source = createFontSource();
    const first = source.fontsFor('战报 一组 王小明 12.5万');
    const held = source.heldBytes();
    const again = source.fontsFor('战报 一组 王小明 12.5万');
    expect(again.fonts.map((f) => f.data)).toEqual(first.fonts.map((f) => f.data));
    expect(again.fonts[0]?.data).toBe(first.fonts[0]?.data);
    expect(source.heldBytes()).toBe(held);
    // A dozen small cuts, far below the 1.6 MB chinese-simplified file.
    expect(held).toBeLessThan(1_000_000);
    expect(first.fonts.length).toBeLessThan(source.faces().length / 4);
  });
});
