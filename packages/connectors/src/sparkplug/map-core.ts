import { createHash } from "node:crypto";
import {
  REPORTED_MACHINE_STATES,
  type TCanonicalEvent,
  type TReportedMachineState,
  ZReportedMachineState,
} from "@gemba/domain/events/canonical-events";
import { z } from "zod";
import type { TMetricValue } from "./payload";

const workCenterId = z.uuid().meta({ title: "Work center", widget: "workCenter" });
const reasonCode = z
  .string()
  .min(1)
  .max(64)
  .meta({ title: "Reason code", description: "From the plant's reason tree, e.g. FAIL_HYD or JAM." });

/** What a matched signal becomes; shared by Sparkplug metric rules and UNS topic rules. */
export const ZMappingTarget = z.discriminatedUnion("as", [
  z
    .object({
      as: z.literal("state").meta({ title: "Maps to" }),
      workCenterId,
      /** Raw value (as text: "1", "true", "Faulted") → state; without an entry, state names are accepted as sent. */
      states: z.record(z.string(), ZReportedMachineState).default({}).meta({
        title: "State values",
        description:
          'Value sent → state (e.g. 1 → RUNNING, "Faulted" → DOWN). Empty: the names RUNNING, IDLE, DOWN, PLANNED_STOP are accepted as sent.',
      }),
      reasonCode: reasonCode
        .optional()
        .meta({ description: "Reason given to every stop this signal reports (optional)." }),
    })
    .meta({ title: "Machine state" }),
  z
    .object({ as: z.literal("count_total").meta({ title: "Maps to" }), workCenterId })
    .meta({ title: "Part count (total)" }),
  z
    .object({ as: z.literal("count_good").meta({ title: "Maps to" }), workCenterId })
    .meta({ title: "Part count (good)" }),
  z
    .object({
      as: z.literal("scrap").meta({ title: "Maps to" }),
      workCenterId,
      reasonCode,
      /** PLC scrap counters are usually cumulative; some lines publish each rejected batch instead. */
      counter: z.enum(["cumulative", "increment"]).default("cumulative").meta({
        title: "Counter",
        description:
          "cumulative: a running total (the usual PLC counter); increment: each value is a new batch of scrap.",
      }),
    })
    .meta({ title: "Scrap" }),
  z
    .object({
      as: z.literal("telemetry").meta({ title: "Maps to" }),
      workCenterId,
      tag: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .meta({ title: "Tag", description: "Name in Gemba; the signal's own name when empty." }),
      unit: z.string().max(32).optional().meta({ title: "Unit", description: "e.g. bar, °C, rpm." }),
    })
    .meta({ title: "Telemetry (numeric value)" }),
]);
export type TMappingTarget = z.infer<typeof ZMappingTarget>;

/** One value of one signal, as both mappers see it. */
export type TObservation = {
  /** Identifies the signal (counter baselines are kept per signal), e.g. "sp:group/node/device:metric". */
  signalKey: string;
  name: string;
  value: TMetricValue;
  timestamp: Date;
  /** Identifies the message carrying the value (seq, body hash), so a redelivery yields the same key. */
  messageKey: string;
};
export type TMappingProblem = { signal: string; reason: string };
export type TMappingOutcome = { events: TCanonicalEvent[]; problems: TMappingProblem[] };

const MAX_DEDUPE_KEY = 300;
const dedupeKeyFor = (observation: TObservation, suffix: string): string => {
  const key = `${observation.signalKey}@${observation.timestamp.getTime()}#${observation.messageKey}${suffix}`;
  // Tag paths can be long; a hash keeps the key within the column while staying deterministic.
  return key.length <= MAX_DEDUPE_KEY ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
};

const valueText = (value: TMetricValue): string | undefined =>
  typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean"
    ? String(value)
    : undefined;

const toNumber = (value: TMetricValue): number | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
  if (typeof value === "boolean") return value ? 1 : 0;
  return undefined;
};

const toCount = (value: TMetricValue): number | undefined => {
  const count = toNumber(typeof value === "boolean" ? null : value);
  return count !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
};

const isReportedState = (value: string): value is TReportedMachineState =>
  (REPORTED_MACHINE_STATES as readonly string[]).includes(value);

type TPendingCount = { total: number; good: number; first: TObservation };

/**
 * Turns matched observations into canonical events. Keeps the last value of every cumulative counter,
 * so one mapper must see all messages of its signals in order (one per host session).
 */
export function createEventMapper(options: { sourceId: string; targets: readonly TMappingTarget[] }) {
  const baselines = new Map<string, number>();
  const hasGood = new Set(options.targets.filter((t) => t.as === "count_good").map((t) => t.workCenterId));
  const hasTotal = new Set(options.targets.filter((t) => t.as === "count_total").map((t) => t.workCenterId));
  // Good units counted but not yet covered by a total: good must never exceed total in one event.
  const carriedGood = new Map<string, number>();

  /** Delta since the last value; a smaller value means the counter was reset (PLC restart, shift roll-over). */
  const counterDelta = (key: string, value: number): number => {
    const previous = baselines.get(key);
    baselines.set(key, value);
    if (previous === undefined) return 0; // The first value after a (re)start is only a baseline.
    return value >= previous ? value - previous : value;
  };

  const mapBatch = (batch: ReadonlyArray<{ observation: TObservation; target: TMappingTarget }>): TMappingOutcome => {
    const events: TCanonicalEvent[] = [];
    const problems: TMappingProblem[] = [];
    const pending = new Map<string, TPendingCount>();
    const envelope = (observation: TObservation, target: TMappingTarget, suffix = "") => ({
      workCenterId: target.workCenterId,
      eventTime: observation.timestamp,
      sourceId: options.sourceId,
      dedupeKey: dedupeKeyFor(observation, suffix),
    });

    for (const { observation, target } of batch) {
      const problem = (reason: string) => problems.push({ signal: observation.name, reason });
      if (target.as === "state") {
        const text = valueText(observation.value);
        const mapped = text === undefined ? undefined : (target.states[text] ?? text.toUpperCase());
        if (mapped === undefined || !isReportedState(mapped)) {
          problem(`value ${text ?? "(not scalar)"} is not a known machine state`);
          continue;
        }
        const payload =
          target.reasonCode === undefined ? { state: mapped } : { state: mapped, reasonCode: target.reasonCode };
        events.push({ kind: "machine.state", ...envelope(observation, target, ":state"), payload });
      } else if (target.as === "telemetry") {
        const value = toNumber(observation.value);
        if (value === undefined) {
          problem("telemetry value is not a finite number");
          continue;
        }
        const payload = { tag: target.tag ?? observation.name, value, ...(target.unit ? { unit: target.unit } : {}) };
        events.push({ kind: "telemetry", ...envelope(observation, target, ":telemetry"), payload });
      } else {
        const count = toCount(observation.value);
        if (count === undefined) {
          problem(`counter value ${valueText(observation.value) ?? "(not scalar)"} is not a non-negative integer`);
          continue;
        }
        if (target.as === "scrap") {
          const quantity =
            target.counter === "increment" ? count : counterDelta(`${observation.signalKey}|scrap`, count);
          if (quantity > 0) {
            const payload = { quantity, reasonCode: target.reasonCode };
            events.push({ kind: "production.scrap", ...envelope(observation, target, ":scrap"), payload });
          }
          continue;
        }
        const delta = counterDelta(`${observation.signalKey}|${target.as}|${target.workCenterId}`, count);
        const entry = pending.get(target.workCenterId) ?? { total: 0, good: 0, first: observation };
        if (target.as === "count_total") entry.total += delta;
        else entry.good += delta;
        pending.set(target.workCenterId, entry);
      }
    }

    for (const [id, entry] of pending) {
      // Without a good counter every unit counts as good (scrap arrives as its own event), and vice versa.
      const total = hasTotal.has(id) ? entry.total : entry.good;
      const goodAvailable = hasGood.has(id) ? entry.good + (carriedGood.get(id) ?? 0) : total;
      const good = Math.min(goodAvailable, total);
      carriedGood.set(id, goodAvailable - good);
      if (total === 0) continue;
      const payload = { total, good };
      events.push({
        kind: "production.count",
        workCenterId: id,
        eventTime: entry.first.timestamp,
        sourceId: options.sourceId,
        dedupeKey: dedupeKeyFor(entry.first, `:count:${id}`),
        payload,
      });
    }
    return { events, problems };
  };

  return { mapBatch };
}
export type TEventMapper = ReturnType<typeof createEventMapper>;
