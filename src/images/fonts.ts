import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The poster's fonts: Noto Sans SC bold from @fontsource/noto-sans-sc, which ships the font cut
 * into ~100 WOFF files by unicode-range (Google Fonts' slicing: each numbered file holds a few
 * hundred characters, grouped by frequency). Only the files whose range covers a character of the
 * poster are read, so a poster costs a few hundred KB of font instead of the 1.6 MB
 * chinese-simplified cut, and a rare name character (龑, 堃, 赟) outside that cut is covered too.
 *
 * Each file gets its own family name on purpose: satori keeps one font per family, weight and
 * style (FontLoader.get picks the best match and drops the rest), so a hundred files under the one
 * name "Noto Sans SC" left it with the first file only, and every other character came out as
 * tofu, digits included. Under distinct names every file is a fallback that satori searches in
 * order for each character.
 */
export type FontFace = { file: string; family: string; ranges: ReadonlyArray<readonly [number, number]> };

/** A font as satori takes it; `data` is the same Buffer on every render, so satori's parse is cached. */
export type PosterFont = { name: string; data: Buffer; weight: 700; style: 'normal' };

const require = createRequire(import.meta.url);

/** Parses the @font-face rules of a fontsource CSS file: the WOFF file and unicode-range of each. */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const rule of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = rule[1] ?? '';
    const file = /url\(\.\/(files\/[^)]+\.woff)\)\s*format\('woff'\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (file === undefined || range === undefined) continue;
    const ranges = range.split(',').flatMap((part): Array<readonly [number, number]> => {
      const match = /^U\+([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part.trim());
      if (match === null) return [];
      const from = Number.parseInt(match[1] ?? '', 16);
      return [[from, match[2] === undefined ? from : Number.parseInt(match[2], 16)]];
    });
    const family = `zb-${/noto-sans-sc-([a-z0-9-]+?)-700-normal/.exec(file)?.[1] ?? faces.length}`;
    faces.push({ file, family, ranges });
  }
  // Latin first: satori tries families in order, and digits and Latin letters should come from
  // the Latin cut (the numbered cuts hold full-width forms and CJK punctuation).
  return faces.sort((a, b) => Number(b.family === 'zb-latin') - Number(a.family === 'zb-latin'));
}

function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

const WHITESPACE = /\s/u;

/**
 * Which faces the text needs (in the CSS's order, Latin first) and which of its characters no face
 * covers (emoji, for one: Noto Sans SC has none), so the caller can leave those out.
 */
export function facesFor(faces: readonly FontFace[], text: string): { faces: FontFace[]; missing: string[] } {
  const needed = new Set<FontFace>();
  const missing = new Set<string>();
  for (const char of new Set(text)) {
    if (WHITESPACE.test(char)) continue;
    const codePoint = char.codePointAt(0) ?? 0;
    const face = faces.find((f) => covers(f, codePoint));
    if (face === undefined) missing.add(char);
    else needed.add(face);
  }
  const latin = faces.find((f) => f.family === 'zb-latin');
  if (latin !== undefined) needed.add(latin);
  return { faces: faces.filter((f) => needed.has(f)), missing: [...missing] };
}

/**
 * The package's faces and their files, read once each and kept: a poster a day reads the same
 * dozen files, and satori caches its parse of a font by the identity of its Buffer.
 */
export function createFontSource(packageDir = fontsourceDir()) {
  let faces: FontFace[] | undefined;
  const files = new Map<string, Buffer>();
  const allFaces = () => {
    faces ??= parseFontFaces(readFileSync(join(packageDir, '700.css'), 'utf8'));
    return faces;
  };
  return {
    faces: allFaces,
    /** The fonts for this text, and the characters none of them has. */
    fontsFor(text: string): { fonts: PosterFont[]; missing: string[] } {
      const chosen = facesFor(allFaces(), text);
      const fonts = chosen.faces.map((face): PosterFont => {
        let data = files.get(face.file);
        if (data === undefined) {
          data = readFileSync(join(packageDir, face.file));
          files.set(face.file, data);
        }
        return { name: face.family, data, weight: 700, style: 'normal' };
      });
      return { fonts, missing: chosen.missing };
    },
    /** Bytes of font files held, for the memory check. */
    heldBytes: () => [...files.values()].reduce((sum, b) => sum + b.length, 0),
  };
}

export type FontSource = ReturnType<typeof createFontSource>;

function fontsourceDir(): string {
  return dirname(require.resolve('@fontsource/noto-sans-sc/700.css'));
}
