/**
 * A spreadsheet as neutral data, the way a reply is a `Message`: sheets of typed columns and
 * rows, built once in the reader's language and written to .xlsx by `src/xlsx/`. Pure.
 */

/**
 * How a column's cells are kept and shown. Money never becomes a float in the computation:
 * `yuan` cells are whole yuan, `fen` cells integer fen (the writer divides once, for the cell).
 * `day` cells are `YYYY-MM-DD` (or '' for none) and become real dates.
 */
export type ColumnKind = 'text' | 'count' | 'number' | 'yuan' | 'fen' | 'day';

export type SheetColumn = {
  /** The machine key (the CSV's column name), documented in the README. */
  key: string;
  /** What the reader sees in the header row. */
  header: string;
  kind: ColumnKind;
  /** The totals row sums this column. */
  total?: boolean;
};

export type SheetCell = string | number;

export type Sheet = {
  name: string;
  columns: readonly SheetColumn[];
  rows: ReadonlyArray<readonly SheetCell[]>;
  /** A last row labelled so, with a SUM for each `total` column (only when there are rows). */
  totalsLabel?: string;
};

export type Workbook = { sheets: readonly Sheet[] };

/** Excel refuses these in a sheet name, and names longer than 31 characters. */
const FORBIDDEN = /[\\/?*[\]:]/g;
const MAX_NAME = 31;

/**
 * Sheet names Excel accepts, in order: forbidden characters become `_`, a name is cut to 31
 * characters, a leading or trailing apostrophe is dropped, an empty name becomes `Sheet`, and a
 * name already taken (Excel compares without case) gets ` (2)`, ` (3)`… within the 31.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((raw) => {
    const clean =
      raw
        .replace(FORBIDDEN, '_')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet';
    let name = [...clean].slice(0, MAX_NAME).join('');
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = [...clean].slice(0, MAX_NAME - suffix.length).join('') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
