import type { GoodNewsPoster, PkPoster, Poster, PosterGroup, PosterMember } from '../views/poster-view.ts';
import { posterText } from '../views/poster-view.ts';
import { createFontSource, type FontSource } from './fonts.ts';

/**
 * Draws a poster (src/views/poster-view.ts) as a PNG on the server: satori lays out a tree of
 * plain objects (no JSX, no browser) into SVG with the text as paths, resvg rasterises it.
 * satori and resvg are imported when the first image is drawn, and so is this module
 * (src/images/poster-image.ts): a process that never draws one never loads them. The imports are
 * dynamic here too because `npm start` bundles src/ with esbuild, which hoists a lazily bundled
 * module's static imports of packages to the top of the bundle, where they would load at start.
 */
export const POSTER_WIDTH = 750;

type Style = Record<string, string | number>;
/** A React-element-shaped object, which is all satori reads (`key` makes it one for the types). */
type Node = { type: string; key: null; props: { style: Style; children?: Child | Child[] } };
type Child = Node | string;

function box(style: Style, ...children: Child[]): Node {
  return { type: 'div', key: null, props: { style: { display: 'flex', ...style }, children } };
}

const RED = '#b3001b';
const DEEP_RED = '#6e0010';
const GOLD = '#ffd25e';
const PALE_GOLD = '#ffe9b0';
const CREAM = '#fff7e6';
const INK = '#5a0a0a';
const NUMBER_RED = '#d4001f';
const MUTED = '#8c5a3c';
const BADGES: Record<number, { fill: string; ink: string }> = {
  1: { fill: '#f6b400', ink: '#5a2d00' },
  2: { fill: '#c7ced6', ink: '#2f3a44' },
  3: { fill: '#d98a4a', ink: '#4a2000' },
};
const PLAIN_BADGE = { fill: '#f1dfc0', ink: INK };

function badge(rank: number, size: number): Node {
  const colours = BADGES[rank] ?? PLAIN_BADGE;
  return box(
    {
      width: size,
      height: size,
      borderRadius: size / 2,
      backgroundColor: colours.fill,
      color: colours.ink,
      fontSize: rank >= 10 ? size * 0.42 : size * 0.52,
      alignItems: 'center',
      justifyContent: 'center',
      flexShrink: 0,
    },
    String(rank),
  );
}

function card(title: string, ...rows: Node[]): Node {
  return box(
    {
      flexDirection: 'column',
      backgroundColor: CREAM,
      borderRadius: 24,
      padding: '18px 26px',
      border: `3px solid ${GOLD}`,
    },
    box({ fontSize: 28, color: RED, marginBottom: 4, letterSpacing: 2 }, title),
    ...rows,
  );
}

function groupRow(group: PosterGroup, last: boolean): Node {
  return box(
    {
      alignItems: 'center',
      padding: '9px 0',
      borderBottom: last ? 'none' : '2px solid #f1dfc0',
      opacity: group.empty ? 0.6 : 1,
    },
    badge(group.rank, 54),
    box(
      { flexDirection: 'column', flexGrow: 1, marginLeft: 20, minWidth: 0 },
      box({ fontSize: 34, color: INK, lineHeight: 1.2 }, group.name),
      box({ fontSize: 21, color: MUTED, marginTop: 2 }, group.detail),
    ),
    group.empty
      ? box({}, '')
      : box(
          { flexDirection: 'column', alignItems: 'flex-end', flexShrink: 0 },
          box({ fontSize: group.rank === 1 ? 60 : 50, color: NUMBER_RED, lineHeight: 1 }, group.perCapita),
          box({ fontSize: 19, color: MUTED, marginTop: 2 }, group.perCapitaLabel),
        ),
  );
}

function memberRow(member: PosterMember): Node {
  return box(
    { alignItems: 'center', padding: '6px 0' },
    badge(member.rank, 42),
    box({ fontSize: 30, color: INK, marginLeft: 18 }, member.name),
    box({ fontSize: 22, color: MUTED, marginLeft: 14, flexGrow: 1 }, member.group),
    box({ fontSize: 32, color: NUMBER_RED }, member.points),
  );
}

function header(banner: string, lines: string[]): Node {
  return box(
    { flexDirection: 'column', alignItems: 'center', marginBottom: 8 },
    box(
      {
        fontSize: banner.length > 4 ? 76 : 132,
        color: GOLD,
        letterSpacing: banner.length > 4 ? 4 : 24,
        lineHeight: 1.1,
        textShadow: `0 6px 0 ${DEEP_RED}`,
      },
      banner,
    ),
    ...lines.map((line, index) =>
      box(
        { fontSize: index === 0 ? 36 : 26, color: index === 0 ? '#ffffff' : PALE_GOLD, marginTop: 8 },
        line,
      ),
    ),
  );
}

function page(children: Node[], footer: string): Node {
  return box(
    {
      width: POSTER_WIDTH,
      boxSizing: 'border-box',
      flexDirection: 'column',
      padding: '36px 32px 22px',
      gap: 20,
      backgroundImage: `linear-gradient(180deg, ${RED} 0%, #8e0014 60%, ${DEEP_RED} 100%)`,
      fontFamily: 'inherit',
    },
    ...children,
    box({ justifyContent: 'center', fontSize: 22, color: PALE_GOLD, opacity: 0.8 }, footer),
  );
}

function pkTree(poster: PkPoster): Node {
  const parts: Node[] = [header(poster.banner, [poster.title, poster.team])];
  if (poster.goal !== undefined) {
    const goal = poster.goal;
    parts.push(
      card(
        goal.label,
        box(
          { alignItems: 'flex-end', justifyContent: 'space-between' },
          box({ fontSize: 52, color: NUMBER_RED, lineHeight: 1 }, goal.actual),
          box({ fontSize: 46, color: RED, lineHeight: 1 }, goal.percentText),
        ),
        box(
          { height: 22, borderRadius: 11, backgroundColor: '#f1dfc0', marginTop: 14 },
          box({
            width: `${Math.max(goal.percent, 2)}%`,
            height: 22,
            borderRadius: 11,
            backgroundImage: `linear-gradient(90deg, ${GOLD}, ${NUMBER_RED})`,
          }),
        ),
        box(
          { justifyContent: 'space-between', marginTop: 10, fontSize: 22, color: MUTED },
          box({}, goal.note),
          box({}, goal.target),
        ),
      ),
    );
  }
  const more =
    poster.moreGroups === undefined
      ? []
      : [box({ justifyContent: 'center', paddingTop: 10, fontSize: 22, color: MUTED }, poster.moreGroups)];
  parts.push(
    card(
      poster.groupsTitle,
      ...poster.groups.map((g, i) => groupRow(g, i === poster.groups.length - 1 && more.length === 0)),
      ...more,
    ),
  );
  if (poster.top.length > 0) parts.push(card(poster.topTitle, ...poster.top.map(memberRow)));
  return page(parts, poster.footer);
}

function goodNewsTree(poster: GoodNewsPoster): Node {
  return page(
    [
      header(poster.banner, [poster.headline]),
      box(
        {
          flexDirection: 'column',
          alignItems: 'center',
          backgroundColor: CREAM,
          borderRadius: 28,
          border: `4px solid ${GOLD}`,
          padding: '40px 28px',
        },
        box({ fontSize: 64, color: INK }, poster.name),
        box({ fontSize: 28, color: MUTED, marginTop: 8 }, poster.group === '' ? poster.team : poster.group),
        box({ fontSize: 112, color: NUMBER_RED, marginTop: 20, lineHeight: 1 }, poster.amount),
        box({ fontSize: 34, color: RED, marginTop: 28 }, poster.caption),
      ),
      box({ justifyContent: 'center', fontSize: 26, color: PALE_GOLD }, `${poster.team} · ${poster.date}`),
    ],
    poster.footer,
  );
}

/** The tree without the characters no font has (emoji in a name), so nothing is drawn as tofu. */
function withoutMissing(node: Node, missing: ReadonlySet<string>): Node {
  if (missing.size === 0) return node;
  const clean = (child: Child): Child =>
    typeof child === 'string'
      ? [...child].filter((c) => !missing.has(c)).join('')
      : withoutMissing(child, missing);
  const { children } = node.props;
  return {
    type: node.type,
    key: null,
    props: {
      style: node.props.style,
      ...(children === undefined
        ? {}
        : { children: Array.isArray(children) ? children.map(clean) : clean(children) }),
    },
  };
}

export type RenderedPoster = {
  png: Uint8Array;
  width: number;
  height: number;
  /** RGBA, row by row: for checks of what was drawn. */
  pixels: Uint8Array;
  /** Characters left out because no font has them. */
  missing: string[];
};

let fonts: FontSource | undefined;
let engines:
  | Promise<{ satori: typeof import('satori').default; Resvg: typeof import('@resvg/resvg-js').Resvg }>
  | undefined;

function loadEngines() {
  engines ??= Promise.all([import('satori'), import('@resvg/resvg-js')]).then(([s, r]) => ({
    satori: s.default,
    Resvg: r.Resvg,
  }));
  return engines;
}

/**
 * Renders a poster. `onMissingGlyphs` hears every run of text satori found no glyph for in the
 * loaded fonts (none, when the font choice is right; the tofu test listens).
 */
export async function renderPoster(
  poster: Poster,
  options: { onMissingGlyphs?: (segment: string) => void; fontSource?: FontSource } = {},
): Promise<RenderedPoster> {
  const { satori, Resvg } = await loadEngines();
  fonts ??= createFontSource();
  const source = options.fontSource ?? fonts;
  const chosen = source.fontsFor(posterText(poster));
  const tree = withoutMissing(
    poster.kind === 'pk' ? pkTree(poster) : goodNewsTree(poster),
    new Set(chosen.missing),
  );
  tree.props.style.fontFamily = chosen.fonts.map((f) => f.name).join(', ');
  const svg = await satori(tree, {
    width: POSTER_WIDTH,
    fonts: chosen.fonts,
    loadAdditionalAsset: async (_code: string, segment: string) => {
      options.onMissingGlyphs?.(segment);
      return [];
    },
  });
  const rendered = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return {
    png: rendered.asPng(),
    width: rendered.width,
    height: rendered.height,
    pixels: rendered.pixels,
    missing: chosen.missing,
  };
}
