import { describe, expect, it } from 'vitest';
import { facesFor, parseFontFaces } from '../../src/images/fonts.ts';

const CSS = `
/* noto-sans-sc-[116]-700-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-weight: 700;
  src: url(./files/noto-sans-sc-116-700-normal.woff2) format('woff2'), url(./files/noto-sans-sc-116-700-normal.woff) format('woff');
  unicode-range: U+4e00-4e01,U+7ec4,U+6218;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/noto-sans-sc-21-700-normal.woff2) format('woff2'), url(./files/noto-sans-sc-21-700-normal.woff) format('woff');
  unicode-range: U+9f91;
}
@font-face {
  font-family: 'Noto Sans SC';
  src: url(./files/noto-sans-sc-latin-700-normal.woff2) format('woff2'), url(./files/noto-sans-sc-latin-700-normal.woff) format('woff');
  unicode-range: U+0000-00FF,U+2000-206F;
}
`;

describe('font subsets by unicode-range', () => {
  const faces = parseFontFaces(CSS);

  it('reads each rule into its WOFF file, a family of its own and its ranges, Latin first', () => {
    expect(faces.map((f) => [f.family, f.file])).toEqual([
      ['zb-latin', 'files/noto-sans-sc-latin-700-normal.woff'],
      ['zb-116', 'files/noto-sans-sc-116-700-normal.woff'],
      ['zb-21', 'files/noto-sans-sc-21-700-normal.woff'],
    ]);
    expect(faces[1]?.ranges).toEqual([
      [0x4e00, 0x4e01],
      [0x7ec4, 0x7ec4],
      [0x6218, 0x6218],
    ]);
  });

  it.each([
    ['一组', ['zb-latin', 'zb-116'], []],
    ['龑 12', ['zb-latin', 'zb-21'], []],
    ['战', ['zb-latin', 'zb-116'], []],
    ['ok', ['zb-latin'], []],
    ['一🚀', ['zb-latin', 'zb-116'], ['🚀']],
    ['', ['zb-latin'], []],
  ])('%j needs %j and lacks %j', (text, families, missing) => {
    const chosen = facesFor(faces, text);
    expect(chosen.faces.map((f) => f.family)).toEqual(families);
    expect(chosen.missing).toEqual(missing);
  });

  it('parses the package CSS: about a hundred cuts, each with ranges', async () => {
    const { createFontSource } = await import('../../src/images/fonts.ts');
    const all = createFontSource().faces();
    expect(all.length).toBeGreaterThan(90);
    expect(new Set(all.map((f) => f.family)).size).toBe(all.length);
    expect(all.every((f) => f.ranges.length > 0)).toBe(true);
  });
});
