/**
 * Splits an uploaded CSV file into rows with the line each starts on. Written out rather than
 * using csv-parse because a plant's file with one broken line must still import the rest:
 * csv-parse gives up on everything after a stray or unclosed quote, and reports the line a
 * record ends on, not the one it starts on. This reader reports the broken record and carries on
 * at the next line.
 *
 * Understood: a byte order mark, Excel's `sep=;` first line, comma / semicolon / tab / pipe
 * delimiters (detected from the header line), quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR line ends, blank lines.
 */

export type TCsvDelimiter = "," | ";" | "\t" | "|";

export type TCsvRow = { line: number; fields: string[] };
export type TCsvProblem = { line: number; reason: string; raw: string };
export type TCsvTable = { delimiter: TCsvDelimiter; rows: TCsvRow[]; problems: TCsvProblem[] };

const DELIMITERS: readonly TCsvDelimiter[] = [";", ",", "\t", "|"];
const RAW_PREVIEW = 200;

const isLineBreak = (char: string | undefined) => char === "\n" || char === "\r";

/** Counts delimiter candidates outside quotes in the first non-blank line; the most frequent wins, semicolon on a tie. */
export function detectDelimiter(text: string): TCsvDelimiter {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const counts = new Map<TCsvDelimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as TCsvDelimiter)) {
      counts.set(char as TCsvDelimiter, (counts.get(char as TCsvDelimiter) ?? 0) + 1);
    }
  }
  let best: TCsvDelimiter = ",";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

export function readCsvTable(text: string): TCsvTable {
  let source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let firstLine = 1;
  let delimiter: TCsvDelimiter | undefined;
  const hint = /^sep=(.)[ \t]*(\r\n|\n|\r)/i.exec(source);
  if (hint && DELIMITERS.includes(hint[1] as TCsvDelimiter)) {
    delimiter = hint[1] as TCsvDelimiter;
    source = source.slice(hint[0].length);
    firstLine = 2;
  }
  delimiter ??= detectDelimiter(source);
  return { delimiter, ...tokenize(source, delimiter, firstLine) };
}

type TScan = { rows: TCsvRow[]; problems: TCsvProblem[] };

function tokenize(source: string, delimiter: string, firstLine: number): TScan {
  const scan: TScan = { rows: [], problems: [] };
  const length = source.length;
  let i = 0;
  let line = firstLine;

  /** Index just past the line break ending the physical line that contains `from`. */
  const endOfLine = (from: number): number => {
    let j = from;
    while (j < length && !isLineBreak(source[j])) j += 1;
    if (source[j] === "\r" && source[j + 1] === "\n") return j + 2;
    return Math.min(j + 1, length);
  };
  const report = (startLine: number, start: number, end: number, reason: string) => {
    scan.problems.push({
      line: startLine,
      reason,
      raw: source
        .slice(start, end)
        .replace(/\r?\n|\r/g, " ")
        .slice(0, RAW_PREVIEW),
    });
  };

  while (i < length) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let broken = false;

    for (;;) {
      const char = source[i];
      if (i >= length || isLineBreak(char)) {
        fields.push(field);
        if (i < length) i += char === "\r" && source[i + 1] === "\n" ? 2 : 1;
        line += 1;
        break;
      }
      if (char === delimiter) {
        fields.push(field);
        field = "";
        i += 1;
        continue;
      }
      if (char !== '"' || field !== "") {
        // A quote inside an unquoted field is kept as text, as Excel does.
        field += char;
        i += 1;
        continue;
      }
      // A quoted field: doubled quotes are one quote; line breaks belong to the field.
      i += 1;
      let closed = false;
      while (i < length) {
        const inner = source[i];
        if (inner === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (isLineBreak(inner)) {
          field += "\n";
          i += inner === "\r" && source[i + 1] === "\n" ? 2 : 1;
          line += 1;
          continue;
        }
        field += inner;
        i += 1;
      }
      if (!closed) {
        // Resume on the line after the one the record started on: only this record is lost.
        const resume = endOfLine(start);
        report(startLine, start, resume, `a quote opened on line ${startLine} is never closed`);
        i = resume;
        line = startLine + 1;
        broken = true;
        break;
      }
      while (source[i] === " " || (source[i] === "\t" && delimiter !== "\t")) i += 1;
      if (i < length && source[i] !== delimiter && !isLineBreak(source[i])) {
        const resume = endOfLine(i);
        report(startLine, start, resume, `unexpected text after the closing quote of column ${fields.length + 1}`);
        i = resume;
        line += 1;
        broken = true;
        break;
      }
    }

    if (!broken && fields.some((value) => value.trim() !== "")) scan.rows.push({ line: startLine, fields });
  }
  return scan;
}
