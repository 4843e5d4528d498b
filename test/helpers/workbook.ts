import ExcelJS from 'exceljs';

/** A worksheet as a test reads it back: header texts, data rows, the totals row and the view. */
export type ReadSheet = {
  name: string;
  sheet: ExcelJS.Worksheet;
  header: string[];
  /** Rows between the header and the totals row, as raw exceljs values. */
  rows: unknown[][];
  totals: unknown[] | undefined;
};

/** Opens .xlsx bytes with exceljs, the way Excel or a finance script would. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** Every sheet, split into header, data rows and (when `totalsLabel` is in column A) the totals row. */
export async function readSheets(bytes: Uint8Array, totalsLabel?: string): Promise<ReadSheet[]> {
  const workbook = await readWorkbook(bytes);
  return workbook.worksheets.map((sheet) => {
    const all: unknown[][] = [];
    sheet.eachRow((row) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(row.getCell(c).value ?? null);
      all.push(cells);
    });
    const [header = [], ...rest] = all;
    const last = rest.at(-1);
    const hasTotals = totalsLabel !== undefined && last !== undefined && last[0] === totalsLabel;
    return {
      name: sheet.name,
      sheet,
      header: header.map(String),
      rows: hasTotals ? rest.slice(0, -1) : rest,
      totals: hasTotals ? last : undefined,
    };
  });
}

/** A cell as the CSV writes it: a date as YYYY-MM-DD, anything else as its text. */
export function asCsvText(value: unknown, fen = false): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return '';
  if (fen && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

/** Magic number of a zip archive (an .xlsx file): what a binary upload must keep intact. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
