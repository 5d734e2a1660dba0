import type { TErpOrderRecord, TErpProductRecord } from "@gemba/db/erp/erp-records";
import { AppError } from "@gemba/domain/errors";
import {
  matchColumns,
  ORDER_COLUMNS,
  PRODUCT_COLUMNS,
  type TColumnMatch,
  type TColumnSpec,
  type TOrderField,
  type TProductField,
} from "./csv-columns";
import { readCsvTable, type TCsvDelimiter, type TCsvRow } from "./csv-table";
import {
  parseCsvDate,
  parseCsvNumber,
  parseCsvStatus,
  slashedDateEvidence,
  type TParsed,
  type TValueContext,
} from "./csv-values";
import { normalizeKey, validateRecord, ZErpOrderRecord, ZErpProductRecord } from "./record-schemas";

export type TCsvKind = "orders" | "products";

export type TCsvOptions = {
  /** Order of day and month in dates like 03/04/2026; auto lets the file's own dates decide. */
  dateFormat: "auto" | "DMY" | "MDY";
  /** Zone of dates without an offset, usually the plant's. */
  timeZone: string;
  /** Change time of orders in a file without a "last changed" column (the upload time). */
  now?: Date;
};

/** A line that was not imported, with the values as read (header → value) so the admin can fix it. */
export type TCsvRejectedLine = { line: number; reason: string; payload: Record<string, string> };

export type TCsvParseResult<T> = {
  delimiter: TCsvDelimiter;
  /** Which header was read as which field. */
  columns: Partial<Record<string, string>>;
  records: TCsvRecordLine<T>[];
  rejected: TCsvRejectedLine[];
};

export type TCsvRecordLine<T> = { line: number; record: T; payload: Record<string, string> };

const KIND_NOUN: Record<TCsvKind, string> = { orders: "An orders file", products: "A products file" };

type TSheet<F extends string> = {
  table: ReturnType<typeof readCsvTable>;
  headers: string[];
  match: TColumnMatch<F>;
  dataRows: TCsvRow[];
};

function readSheet<F extends string>(text: string, kind: TCsvKind, specs: readonly TColumnSpec<F>[]): TSheet<F> {
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The file is empty.");
  const table = readCsvTable(text);
  const header = table.rows[0];
  const headerProblem = table.problems.find((problem) => header === undefined || problem.line < header.line);
  if (header === undefined || headerProblem) {
    throw new AppError(
      "BAD_REQUEST",
      `The header line of the file cannot be read: ${headerProblem?.reason ?? "no lines"}.`,
    );
  }
  const headers = header.fields.map((field) => field.trim());
  const match = matchColumns(headers, specs);
  if (match.missing.length > 0) {
    const required = specs.filter((spec) => spec.required).map((spec) => spec.label);
    const other = kind === "orders" ? PRODUCT_COLUMNS : ORDER_COLUMNS;
    const looksLikeOther = matchColumns(headers, other).missing.length === 0;
    throw new AppError(
      "BAD_REQUEST",
      [
        `No column for ${match.missing.map((spec) => spec.label.replace(/ \(.*\)$/, "")).join(", ")}.`,
        `${KIND_NOUN[kind]} needs a header line with the columns ${required.join("; ")}.`,
        `Found: ${headers.map((name) => `"${name}"`).join(", ") || "nothing"} (read with "${table.delimiter === "\t" ? "tab" : table.delimiter}" as the delimiter).`,
        looksLikeOther ? `This looks like a ${kind === "orders" ? "products" : "orders"} file: upload it as such.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
  return { table, headers, match, dataRows: table.rows.slice(1) };
}

function payloadOf(headers: readonly string[], row: TCsvRow): Record<string, string> {
  const payload: Record<string, string> = {};
  row.fields.forEach((value, index) => {
    payload[headers[index] || `column ${index + 1}`] = value;
  });
  return payload;
}

function brokenLines<F extends string>(sheet: TSheet<F>): TCsvRejectedLine[] {
  return sheet.table.problems
    .filter((problem) => problem.line > (sheet.table.rows[0]?.line ?? 0))
    .map((problem) => ({ line: problem.line, reason: problem.reason, payload: { raw: problem.raw } }));
}

/** Reads a row's cells by field: undefined when the file has no such column, "" for an empty cell. */
function cellReader<F extends string>(sheet: TSheet<F>, row: TCsvRow) {
  const problems: string[] = [];
  const cell = (field: F): string | undefined => {
    const index = sheet.match.index.get(field);
    return index === undefined ? undefined : (row.fields[index] ?? "").trim();
  };
  const header = (field: F) => sheet.headers[sheet.match.index.get(field) ?? -1] ?? field;
  /** Runs a parser on a non-empty cell; a failure is noted as `Header "value" problem`. */
  const parse = <T>(field: F, parser: (text: string) => TParsed<T>): T | undefined => {
    const text = cell(field);
    if (text === undefined || text === "") return undefined;
    const parsed = parser(text);
    if (parsed.ok) return parsed.value;
    problems.push(`${header(field)} "${text}" ${parsed.problem}`);
    return undefined;
  };
  const required = (field: F): string | undefined => {
    const text = cell(field);
    if (text === "" || text === undefined) problems.push(`${header(field)} is empty`);
    return text || undefined;
  };
  return { cell, header, parse, required, problems };
}

const DATE_FIELDS: readonly TOrderField[] = [
  "dueAt",
  "plannedStart",
  "releasedAt",
  "startedAt",
  "completedAt",
  "lastChangedAt",
];

/** In auto mode the file decides day/month order, if any of its slashed dates gives it away (13/04 or 04/13). */
function dayMonthOrder(sheet: TSheet<TOrderField>, dateFormat: TCsvOptions["dateFormat"]): "DMY" | "MDY" | null {
  if (dateFormat !== "auto") return dateFormat;
  const seen = new Set<"DMY" | "MDY">();
  for (const row of sheet.dataRows) {
    for (const field of DATE_FIELDS) {
      const index = sheet.match.index.get(field);
      const evidence = index === undefined ? null : slashedDateEvidence(row.fields[index] ?? "");
      if (evidence) seen.add(evidence);
    }
  }
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

/**
 * Later lines win over earlier ones with the same key (files are often appended to); the earlier
 * lines are reported, not silently dropped.
 */
function keepLastPerKey<T>(records: TCsvRecordLine<T>[], key: (record: T) => string, noun: string) {
  const lastLine = new Map<string, number>();
  for (const entry of records) lastLine.set(key(entry.record), entry.line);
  const kept: TCsvRecordLine<T>[] = [];
  const dropped: TCsvRejectedLine[] = [];
  for (const entry of records) {
    const last = lastLine.get(key(entry.record));
    if (last === entry.line) kept.push(entry);
    else {
      const reason = `${noun} ${key(entry.record)} appears again on line ${last}; that line is the one imported`;
      dropped.push({ line: entry.line, reason, payload: entry.payload });
    }
  }
  return { kept, dropped };
}

export function parseOrdersCsv(text: string, options: TCsvOptions): TCsvParseResult<TErpOrderRecord> {
  const sheet = readSheet(text, "orders", ORDER_COLUMNS);
  const now = options.now ?? new Date();
  const context: TValueContext = {
    delimiter: sheet.table.delimiter,
    dayMonth: dayMonthOrder(sheet, options.dateFormat),
    timeZone: options.timeZone,
  };
  const date = (text: string) => parseCsvDate(text, context);
  const rejected = brokenLines(sheet);
  const records: TCsvRecordLine<TErpOrderRecord>[] = [];

  for (const row of sheet.dataRows) {
    const read = cellReader(sheet, row);
    const externalId = read.required("externalId");
    const sku = read.required("sku");
    read.required("quantity");
    const quantity = read.parse("quantity", (value) => {
      const parsed = parseCsvNumber(value, context.delimiter);
      if (!parsed.ok || Number.isInteger(parsed.value)) return parsed;
      return { ok: false, problem: "is not a whole number of units (Gemba counts pieces)" };
    });
    read.required("dueAt");
    const dueAt = read.parse("dueAt", (value) => parseCsvDate(value, context, { endOfDay: true }));
    // Optional columns: absent keeps what Gemba has, an empty cell says "none".
    const optionalDate = (field: TOrderField) => (read.cell(field) === "" ? null : read.parse(field, date));
    const workCenter = read.cell("workCenter");
    const candidate = {
      externalId: externalId === undefined ? undefined : normalizeKey(externalId),
      sku: sku === undefined ? undefined : normalizeKey(sku),
      quantity,
      status: read.parse("status", parseCsvStatus),
      plannedStart: optionalDate("plannedStart"),
      dueAt,
      releasedAt: optionalDate("releasedAt"),
      startedAt: optionalDate("startedAt"),
      completedAt: optionalDate("completedAt"),
      erpWorkCenter: workCenter === undefined ? undefined : workCenter || null,
      lastChangedAt: read.parse("lastChangedAt", date) ?? now,
    };
    const payload = payloadOf(sheet.headers, row);
    if (read.problems.length > 0) {
      rejected.push({ line: row.line, reason: read.problems.join("; "), payload });
      continue;
    }
    const labels = Object.fromEntries(ORDER_COLUMNS.map((spec) => [spec.field, read.header(spec.field)]));
    const valid = validateRecord(ZErpOrderRecord, withoutUndefined(candidate), labels);
    if (!valid.ok) rejected.push({ line: row.line, reason: valid.reason, payload });
    else records.push({ line: row.line, record: valid.record, payload });
  }

  const { kept, dropped } = keepLastPerKey(records, (record) => record.externalId, "order");
  rejected.push(...dropped);
  return finish(sheet, kept, rejected);
}

export function parseProductsCsv(text: string): TCsvParseResult<TErpProductRecord> {
  const sheet = readSheet(text, "products", PRODUCT_COLUMNS);
  const rejected = brokenLines(sheet);
  const records: TCsvRecordLine<TErpProductRecord>[] = [];
  const factor = sheet.match.factor.get("idealCycleTimeSeconds") ?? 1;

  for (const row of sheet.dataRows) {
    const read = cellReader<TProductField>(sheet, row);
    const sku = read.required("sku");
    const name = read.required("name");
    const cycle = read.parse("idealCycleTimeSeconds", (value) => parseCsvNumber(value, sheet.table.delimiter));
    const payload = payloadOf(sheet.headers, row);
    if (read.problems.length > 0) {
      rejected.push({ line: row.line, reason: read.problems.join("; "), payload });
      continue;
    }
    const candidate = {
      sku: sku === undefined ? undefined : normalizeKey(sku),
      name,
      idealCycleTimeSeconds: cycle === undefined ? undefined : cycle * factor,
    };
    const labels = Object.fromEntries(PRODUCT_COLUMNS.map((spec) => [spec.field, read.header(spec.field)]));
    const valid = validateRecord(ZErpProductRecord, withoutUndefined(candidate), labels);
    if (!valid.ok) rejected.push({ line: row.line, reason: valid.reason, payload });
    else records.push({ line: row.line, record: valid.record, payload });
  }

  const { kept, dropped } = keepLastPerKey(records, (record) => record.sku, "material");
  rejected.push(...dropped);
  return finish(sheet, kept, rejected);
}

function finish<F extends string, T>(
  sheet: TSheet<F>,
  records: TCsvRecordLine<T>[],
  rejected: TCsvRejectedLine[],
): TCsvParseResult<T> {
  const columns: Partial<Record<string, string>> = {};
  for (const [field, index] of sheet.match.index) columns[field] = sheet.headers[index];
  return { delimiter: sheet.table.delimiter, columns, records, rejected: rejected.sort((a, b) => a.line - b.line) };
}

/** Drops undefined fields so the strict record schema sees only what the file said. */
function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
