/**
 * Text from users (names, cities, disciplines) goes into CSV and XLSX cells that spreadsheet
 * programs may read as a formula when it starts with =, +, -, @, a tab or a carriage return
 * (CSV injection). Such text gets a leading apostrophe, which Excel and LibreOffice show as plain
 * text. Numbers are written as numbers and never pass through here.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A row of cells with every text cell made inert; numbers, dates and empty cells as they are. */
export function inertCells<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, typeof cell === 'string' ? inertText(cell) : cell])) as T;
}
