export type TCsvValue = string | number | boolean | Date | null | undefined;
export type TCsvColumn<Row> = { header: string; value: (row: Row) => TCsvValue };

const NEEDS_QUOTES = /[",\r\n]/;
// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 text: a header row, CRLF line ends, fields with a comma, quote or line break quoted
 * with inner quotes doubled. Instants are ISO 8601 in UTC, missing values empty. Text that a
 * spreadsheet would run as a formula (names and labels come from users and the ERP) gets a
 * leading apostrophe; numbers are written as they are, negatives included.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly TCsvColumn<Row>[]): string {
  const lines = [columns.map((column) => formatField(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => formatField(column.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function formatField(value: TCsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
