import { addDays, isoWeekdayOf, MS_PER_MINUTE, utcToZoned, zonedToUtc } from "../calendar/zoned-time";
import type { TRuleConditions, TRuleTrigger } from "./rule-definition";

/**
 * Whether a rule fires for a signal: pure, shared by the worker's engine and the editor's dry run,
 * so "would fire" in the editor and "fired" on the floor are the same decision.
 */

/** What the conditions of a rule are checked against; null where the signal does not say. */
export type TSignalContext = {
  workCenterId: string | null;
  lineId: string | null;
  shiftName: string | null;
  productId: string | null;
  reasonCode: string | null;
  /** Site-local time of the signal. */
  local: { weekday: number /* 1..7 ISO */; minuteOfDay: number } | null;
};

/** Names for ids, so a failed condition reads "not on line Press shop" instead of a uuid. */
export type TConditionLabels = {
  workCenters?: Readonly<Record<string, string>>;
  lines?: Readonly<Record<string, string>>;
  products?: Readonly<Record<string, string>>;
};

export type TConditionOutcome = { ok: true } | { ok: false; failed: string };

type TEventTrigger = Extract<TRuleTrigger, { kind: "EVENT" }>;
type TMetricTrigger = Extract<TRuleTrigger, { kind: "METRIC_THRESHOLD" }>;
type TScheduleTrigger = Extract<TRuleTrigger, { kind: "SCHEDULE" }>;
type TStateDurationTrigger = Extract<TRuleTrigger, { kind: "STATE_DURATION" }>;

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** "06:30" → 390. The rule schema has already checked the format. */
export function parseTimeOfDay(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function listOf(ids: readonly string[], labels: Readonly<Record<string, string>> | undefined): string {
  return ids.map((id) => labels?.[id] ?? id).join(", ");
}

function weekdayList(weekdays: readonly number[]): string {
  return [...weekdays]
    .sort((a, b) => a - b)
    .map((day) => WEEKDAY_NAMES[day - 1] ?? String(day))
    .join(", ");
}

/** One list condition: empty means any; otherwise the value must be known and in the list. */
function checkList(
  allowed: readonly string[],
  value: string | null,
  what: string,
  labels?: Readonly<Record<string, string>>,
): TConditionOutcome {
  if (allowed.length === 0) return { ok: true };
  if (value === null) return { ok: false, failed: `no ${what} known (needs ${listOf(allowed, labels)})` };
  if (allowed.includes(value)) return { ok: true };
  const shown = labels?.[value] ?? value;
  return { ok: false, failed: `not ${whatPreposition(what)} ${listOf(allowed, labels)} (was ${shown})` };
}

function whatPreposition(what: string): string {
  if (what === "line") return "on line";
  if (what === "work center") return "at work center";
  if (what === "shift") return "in shift";
  if (what === "product") return "making product";
  return `with ${what}`;
}

/**
 * Whether a local time lies in a window "from"–"to" (from inclusive, to exclusive; may wrap midnight;
 * from = to is the whole day). Weekdays name the day the window opens, so "22:00–06:00 Mon" covers
 * Monday night into Tuesday morning.
 */
export function inTimeWindow(
  window: NonNullable<TRuleConditions["timeWindow"]>,
  local: { weekday: number; minuteOfDay: number },
): boolean {
  const from = parseTimeOfDay(window.from);
  const to = parseTimeOfDay(window.to);
  let openedOn = local.weekday;
  let inside: boolean;
  if (from === to) inside = true;
  else if (from < to) inside = local.minuteOfDay >= from && local.minuteOfDay < to;
  else {
    inside = local.minuteOfDay >= from || local.minuteOfDay < to;
    // After midnight, the window opened the day before.
    if (local.minuteOfDay < to) openedOn = local.weekday === 1 ? 7 : local.weekday - 1;
  }
  return inside && (window.weekdays.length === 0 || window.weekdays.includes(openedOn));
}

/** Every condition must hold; the first that does not is named in words. */
export function conditionsHold(
  conditions: TRuleConditions,
  context: TSignalContext,
  labels: TConditionLabels = {},
): TConditionOutcome {
  const checks = [
    checkList(conditions.workCenterIds, context.workCenterId, "work center", labels.workCenters),
    checkList(conditions.lineIds, context.lineId, "line", labels.lines),
    checkList(conditions.shiftNames, context.shiftName, "shift"),
    checkList(conditions.productIds, context.productId, "product", labels.products),
    checkList(conditions.reasonCodes, context.reasonCode, "reason"),
  ];
  for (const check of checks) if (!check.ok) return check;
  const window = conditions.timeWindow;
  if (window) {
    const days = window.weekdays.length > 0 ? ` on ${weekdayList(window.weekdays)}` : "";
    const span = `${window.from}–${window.to}${days}`;
    if (!context.local) return { ok: false, failed: `local time unknown (needs ${span})` };
    if (!inTimeWindow(window, context.local)) return { ok: false, failed: `outside ${span}` };
  }
  return { ok: true };
}

/** The value at a dotted path of a JSON payload ("type", "detail.code"), or undefined. */
export function payloadValueAt(payload: unknown, path: string): unknown {
  let current: unknown = payload;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The event is of one of the trigger's kinds and every payload match holds (strict equality). */
export function eventMatchesTrigger(trigger: TEventTrigger, event: { kind: string; payload: unknown }): boolean {
  if (!trigger.eventKinds.includes(event.kind)) return false;
  return trigger.payloadMatches.every((match) => payloadValueAt(event.payload, match.path) === match.equals);
}

function beyond(trigger: TMetricTrigger, value: number): boolean {
  return trigger.direction === "ABOVE" ? value > trigger.threshold : value < trigger.threshold;
}

/**
 * Fires on crossing the threshold, not on every reading beyond it: the value is beyond and the
 * previous one was not (a first reading beyond, with nothing before, counts as a crossing).
 */
export function metricCrosses(trigger: TMetricTrigger, previous: number | null, value: number): boolean {
  if (!Number.isFinite(value) || !beyond(trigger, value)) return false;
  return previous === null || !Number.isFinite(previous) || !beyond(trigger, previous);
}

/**
 * The instants (UTC ms, ascending) in (fromMs, toMs] at which a scheduled rule is due, reading its
 * times as wall-clock times in the site's zone. A time inside a spring-forward gap is moved past
 * the gap (it still happens once); one repeated by a fall-back happens at its first occurrence.
 */
export function scheduleDueTimes(trigger: TScheduleTrigger, fromMs: number, toMs: number, timeZone: string): number[] {
  if (!(toMs > fromMs)) return [];
  const minutes = [...new Set(trigger.times.map(parseTimeOfDay))];
  const due = new Set<number>();
  // A day either side covers every offset a zone can have.
  const first = addDays(utcToZoned(fromMs, timeZone), -1);
  const last = addDays(utcToZoned(toMs, timeZone), 1);
  for (let date = first; ; date = addDays(date, 1)) {
    if (trigger.weekdays.includes(isoWeekdayOf(date))) {
      for (const minute of minutes) {
        const at = zonedToUtc(date, minute, timeZone).getTime();
        if (at > fromMs && at <= toMs) due.add(at);
      }
    }
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
  }
  return [...due].sort((a, b) => a - b);
}

/**
 * When a stretch of a state has lasted long enough to fire a STATE_DURATION rule (UTC ms), or null
 * when it never does: another state, already classified when only unclassified stops count, or
 * ended before the duration was reached.
 */
export function stateDurationDueAt(
  trigger: TStateDurationTrigger,
  stretch: { state: string; start: number; end: number | null; unclassified: boolean },
): number | null {
  if (stretch.state !== trigger.state) return null;
  if (trigger.unclassifiedOnly && !stretch.unclassified) return null;
  const due = stretch.start + trigger.minutes * MS_PER_MINUTE;
  if (stretch.end !== null && stretch.end < due) return null;
  return due;
}

/** The placeholders a rule's texts may use; always replaced, with "—" when the signal has no value. */
export const TEMPLATE_PLACEHOLDERS = [
  "workCenter",
  "line",
  "state",
  "minutes",
  "reason",
  "value",
  "rule",
  "checklist",
  "step",
  "insight",
] as const;

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/**
 * Fills "{workCenter} down for {minutes} min". A known placeholder without a value becomes "—";
 * an unknown one ("{workcentre}") stays as written so the author sees the typo.
 */
export function renderTemplate(text: string, values: Record<string, string | number | null | undefined>): string {
  return text.replace(/\{([A-Za-z][\w]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value !== null && value !== undefined && value !== "") return String(value);
    return KNOWN.has(name) || Object.hasOwn(values, name) ? "—" : whole;
  });
}
