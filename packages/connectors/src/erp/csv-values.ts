import type { OrderStatus } from "@gemba/db/generated/prisma/enums";
import { zonedToUtc } from "@gemba/domain/calendar/zoned-time";
import type { TCsvDelimiter } from "./csv-table";

/** How values of one file are read: the delimiter hints at the locale of its numbers. */
export type TValueContext = {
  delimiter: TCsvDelimiter;
  /** Order of day and month in slashed dates; null when the file leaves it open. */
  dayMonth: "DMY" | "MDY" | null;
  timeZone: string;
};

export type TParsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): TParsed<T> => ({ ok: true, value });
const fail = <T>(problem: string): TParsed<T> => ({ ok: false, problem });

/**
 * Numbers as spreadsheets export them: 1500, 1,500.5, 1.500,5 (German), 1'500 (Swiss), 12,5.
 * With both separators the last one is the decimal mark. With only one, a semicolon file
 * (European Excel) reads "1.500" as fifteen hundred and "12,5" as twelve and a half; a comma
 * file reads "1,500" as fifteen hundred.
 */
export function parseCsvNumber(text: string, delimiter: TCsvDelimiter): TParsed<number> {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  if (!/^[+-]?[\d.,]+$/.test(compact) || !/\d/.test(compact)) return fail("is not a number");
  const lastDot = compact.lastIndexOf(".");
  const lastComma = compact.lastIndexOf(",");
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    normalized = compact.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    const grouped = /^[+-]?\d{1,3}(,\d{3})+$/.test(compact) && delimiter !== ";";
    normalized = grouped ? compact.replace(/,/g, "") : compact.replace(",", ".");
  } else {
    const grouped = /^[+-]?\d{1,3}(\.\d{3})+$/.test(compact) && delimiter === ";";
    normalized = grouped ? compact.replace(/\./g, "") : compact;
  }
  const value = Number(normalized);
  return Number.isFinite(value) && (normalized.match(/\./g)?.length ?? 0) <= 1 ? ok(value) : fail("is not a number");
}

type TDateParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
  offsetMinutes: number | null;
};

const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?`;
const OFFSET = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}${OFFSET}$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function timeParts(match: RegExpExecArray, from: number) {
  const hasTime = match[from] !== undefined;
  let hour = Number(match[from] ?? 0);
  const meridiem = match[from + 3]?.toLowerCase();
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  return { hasTime, hour, minute: Number(match[from + 1] ?? 0), second: Number(match[from + 2] ?? 0) };
}

function offsetMinutes(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === "Z") return 0;
  const digits = text.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
}

/** For a slashed date: which reading its own numbers force (a part above 12 cannot be a month). */
export function slashedDateEvidence(text: string): "DMY" | "MDY" | null {
  const match = SLASHED.exec(text.trim());
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first > 12 && second <= 12) return "DMY";
  if (second > 12 && first <= 12) return "MDY";
  return null;
}

function dateParts(text: string, dayMonth: "DMY" | "MDY" | null): TParsed<TDateParts> {
  let match = ISO.exec(text);
  if (match) {
    return ok({
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
      ...timeParts(match, 4),
      offsetMinutes: offsetMinutes(match[8]),
    });
  }
  match = YMD_SLASH.exec(text);
  if (match)
    return ok({
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
      ...timeParts(match, 4),
      offsetMinutes: null,
    });
  match = DOTTED.exec(text);
  if (match)
    return ok({
      year: fullYear(match[3] ?? ""),
      month: Number(match[2]),
      day: Number(match[1]),
      ...timeParts(match, 4),
      offsetMinutes: null,
    });
  match = COMPACT.exec(text);
  if (match)
    return ok({
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
      hasTime: false,
      hour: 0,
      minute: 0,
      second: 0,
      offsetMinutes: null,
    });
  match = SLASHED.exec(text);
  if (match) {
    const order = slashedDateEvidence(text) ?? dayMonth;
    if (order === null) {
      return fail(
        "could be day/month or month/day: set the date format in the connector settings, or write 2026-11-24",
      );
    }
    const [day, month] = order === "DMY" ? [match[1], match[2]] : [match[2], match[1]];
    return ok({
      year: fullYear(match[3] ?? ""),
      month: Number(month),
      day: Number(day),
      ...timeParts(match, 4),
      offsetMinutes: null,
    });
  }
  return fail("is not a date (write e.g. 2026-11-24, 2026-11-24 14:30 or 24.11.2026)");
}

/**
 * A date or date-time as spreadsheets and ERPs export it. Without an offset it is read in the
 * context's time zone (the plant's). A date without a time is the start of that day, or its last
 * second for `endOfDay` (a due date of 24.11. means "by the end of the 24th").
 */
export function parseCsvDate(
  text: string,
  context: TValueContext,
  options: { endOfDay?: boolean } = {},
): TParsed<Date> {
  const parts = dateParts(text.trim(), context.dayMonth);
  if (!parts.ok) return parts;
  const { year, month, day, hour, minute, second, hasTime, offsetMinutes: offset } = parts.value;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return fail("is not a valid calendar date or time");
  }
  if (offset !== null) return ok(new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000));
  const date = { year, month, day };
  if (!hasTime && options.endOfDay) return ok(new Date(zonedToUtc(date, 24 * 60, context.timeZone).getTime() - 1_000));
  return ok(new Date(zonedToUtc(date, hour * 60 + minute, context.timeZone).getTime() + second * 1_000));
}

const STATUS_WORDS: Record<string, OrderStatus> = {
  planned: "PLANNED",
  created: "PLANNED",
  crtd: "PLANNED",
  open: "PLANNED",
  new: "PLANNED",
  geplant: "PLANNED",
  eroeffnet: "PLANNED",
  released: "RELEASED",
  rel: "RELEASED",
  ready: "RELEASED",
  freigegeben: "RELEASED",
  inprogress: "IN_PROGRESS",
  started: "IN_PROGRESS",
  running: "IN_PROGRESS",
  active: "IN_PROGRESS",
  wip: "IN_PROGRESS",
  pcnf: "IN_PROGRESS",
  partiallyconfirmed: "IN_PROGRESS",
  gestartet: "IN_PROGRESS",
  inarbeit: "IN_PROGRESS",
  completed: "COMPLETED",
  complete: "COMPLETED",
  done: "COMPLETED",
  finished: "COMPLETED",
  closed: "COMPLETED",
  confirmed: "COMPLETED",
  technicallycompleted: "COMPLETED",
  teco: "COMPLETED",
  cnf: "COMPLETED",
  dlv: "COMPLETED",
  clsd: "COMPLETED",
  abgeschlossen: "COMPLETED",
  fertig: "COMPLETED",
  cancelled: "CANCELLED",
  canceled: "CANCELLED",
  deleted: "CANCELLED",
  dlfl: "CANCELLED",
  dlt: "CANCELLED",
  storniert: "CANCELLED",
  geloescht: "CANCELLED",
};

// An SAP system status line lists several statuses ("REL  PCNF PRC  SETC"): the furthest one counts.
const PRECEDENCE: readonly OrderStatus[] = ["CANCELLED", "COMPLETED", "IN_PROGRESS", "RELEASED", "PLANNED"];

/** Lower case, umlauts spelled out, letters and digits only: "Fällig am" and "faellig_am" match. */
export const foldText = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z0-9]/g, "");

/** Gemba's statuses, common words (English, German) and SAP system status codes. */
export function parseCsvStatus(text: string): TParsed<OrderStatus> {
  const whole = STATUS_WORDS[foldText(text)];
  if (whole) return ok(whole);
  const found = new Set(
    text
      .split(/[\s,;/]+/)
      .map((token) => STATUS_WORDS[foldText(token)])
      .filter((status): status is OrderStatus => status !== undefined),
  );
  const status = PRECEDENCE.find((candidate) => found.has(candidate));
  return status
    ? ok(status)
    : fail(
        "is not a known status (planned, released, in progress, completed, cancelled, or SAP's CRTD/REL/PCNF/CNF/TECO/DLFL)",
      );
}
