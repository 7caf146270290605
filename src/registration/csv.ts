// CSV as Excel opens it without an import dialog: UTF-8 with a byte-order mark (or Vietnamese
// comes out as mojibake), CRLF line ends, every cell quoted when it must be. A cell that a
// spreadsheet would run as a formula (=, +, -, @ first; what a user typed can start that way) is
// prefixed with an apostrophe, so an export never executes anything.
export const BOM = '\uFEFF';

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
