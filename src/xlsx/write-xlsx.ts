import type { ColumnKind, Sheet, SheetCell, SheetColumn, Workbook } from '../views/workbook.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Excel number formats: ¥ for money (two decimals for fen), real dates for days. */
const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  number: undefined,
  yuan: '"¥"#,##0',
  fen: '"¥"#,##0.00',
  day: 'yyyy-mm-dd',
};
// Above exceljs's default of 9, which it leaves out of the file (Excel then shows its own 8.43).
const MIN_WIDTH = 10;
const MAX_WIDTH = 40;

/**
 * Writes a neutral workbook as .xlsx: a bold header row, frozen, with a filter; each column's
 * format from its kind; a totals row of SUM formulas whose results are also stored, so a reader
 * that does not recalculate (a phone's preview, a parser) still shows them. exceljs is loaded
 * here, on first use, so that the bot does not carry it while it is not exporting.
 */
export async function writeXlsx(book: Workbook): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhanbao 战报';
  for (const sheet of book.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ key: c.key, header: c.header, width: widthOf(sheet, c, i) }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map((cell, i) => cellValue(sheet.columns[i], cell)));
      formatRow(sheet.columns, (i) => row.getCell(i + 1));
    }
    if (sheet.totalsLabel !== undefined && sheet.rows.length > 0) {
      const last = sheet.rows.length + 1;
      const row = ws.addRow(
        sheet.columns.map((c, i) => {
          if (i === 0) return sheet.totalsLabel;
          if (c.total !== true) return null;
          const letter = ws.getColumn(i + 1).letter;
          const total = sheet.rows.reduce((sum, cells) => sum + numberOf(cells[i]), 0);
          return {
            formula: `SUM(${letter}2:${letter}${last})`,
            result: c.kind === 'fen' ? total / 100 : total,
          };
        }),
      );
      row.font = { bold: true };
      formatRow(sheet.columns, (i) => row.getCell(i + 1));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function formatRow(columns: readonly SheetColumn[], cell: (i: number) => { numFmt: string }): void {
  columns.forEach((c, i) => {
    const format = FORMATS[c.kind];
    if (format !== undefined) cell(i).numFmt = format;
  });
}

/** Fen become yuan only here, once, as the cell's value; days become UTC midnights (Excel's serials). */
function cellValue(
  column: SheetColumn | undefined,
  cell: SheetCell | undefined,
): string | number | Date | null {
  if (cell === undefined || cell === '') return null;
  if (column?.kind === 'fen' && typeof cell === 'number') return cell / 100;
  if (column?.kind === 'day' && typeof cell === 'string') {
    const [y, m, d] = cell.split('-').map(Number);
    if (y !== undefined && m !== undefined && d !== undefined) return new Date(Date.UTC(y, m - 1, d));
  }
  return cell;
}

function numberOf(cell: SheetCell | undefined): number {
  return typeof cell === 'number' ? cell : 0;
}

/** Wide enough for the header and the longest value; a CJK character takes two widths. */
function widthOf(sheet: Sheet, column: SheetColumn, index: number): number {
  if (column.kind === 'day') return 12;
  const shown = (cell: SheetCell | undefined): string => {
    if (typeof cell !== 'number') return String(cell ?? '');
    const value = column.kind === 'fen' ? cell / 100 : cell;
    // Room for ¥, the thousands commas and the decimals.
    return `¥${value.toLocaleString('en-US', { minimumFractionDigits: column.kind === 'fen' ? 2 : 0 })}`;
  };
  const widest = Math.max(
    displayWidth(column.header),
    ...sheet.rows.map((cells) => displayWidth(shown(cells[index]))),
    ...(index === 0 && sheet.totalsLabel !== undefined ? [displayWidth(sheet.totalsLabel)] : []),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(char) ? 2 : 1;
  return width;
}
