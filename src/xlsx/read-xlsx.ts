/** A sheet's non-empty rows as text, each with its row number in the sheet (the header is row 1). */
export type SheetRows = { name: string; rows: Array<{ line: number; cells: string[] }> };

/** An .xlsx file is a zip archive: it starts with the local file header `PK\x03\x04`. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads every worksheet of an .xlsx file as text, the way a CSV would have held it: a date cell
 * as `YYYY-MM-DD`, a number as its digits, a formula as its stored result, rich text as its
 * plain text. Throws when the bytes are not a workbook. exceljs is loaded on first use.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRows[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer (JSZip reads one); a copy gives exactly these bytes.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook.worksheets.map((ws) => {
    const rows: SheetRows['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(textOf(row.getCell(c).value));
      if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    });
    return { name: ws.name, rows };
  });
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return textOf(value.result);
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if ('text' in value) return textOf(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}
