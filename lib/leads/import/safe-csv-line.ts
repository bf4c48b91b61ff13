// One CSV line that a spreadsheet opens as text: cells that would start a formula get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCsvCell(value: string): string {
  const cell = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function safeCsvLine(cells: string[]): string {
  return cells.map(safeCsvCell).join(",") + "\r\n";
}
