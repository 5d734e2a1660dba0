import { conditionsHold, eventMatchesTrigger, metricCrosses } from "@gemba/domain/automation/match-rule";
import type { TRuleTrigger } from "@gemba/domain/automation/rule-definition";
import { summarizeEvent } from "@gemba/domain/decisions/event-summary";
import type pg from "pg";
import type { TFiring, TTurnedAway } from "./firing";
import type { TLoadedRule } from "./load-rules";
import type { SignalContextLoader, TWorkCenterFacts } from "./signal-context";

type TStoredEvent = { id: string; workCenterId: string | null; kind: string; eventTime: Date; payload: unknown };
type TMetricTrigger = Extract<TRuleTrigger, { kind: "METRIC_THRESHOLD" }>;

/**
 * A reading older than this before the first new one does not count as "the previous value": a
 * tag silent for longer starts afresh (its first reading beyond the threshold is a crossing). It
 * also bounds the index range Postgres scans for a rare tag.
 */
export const METRIC_LOOKBACK_MS = 60 * 60_000;

const text = (payload: unknown, key: string): string | null => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
};
const numeric = (payload: unknown, key: string): number | null => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

export async function loadSignalEvents(client: pg.ClientBase, eventIds: readonly string[]): Promise<TStoredEvent[]> {
  const { rows } = await client.query<TStoredEvent>(
    `SELECT id::text AS id, "workCenterId", kind, "eventTime", payload FROM "Event"
      WHERE id = ANY($1::bigint[]) ORDER BY "eventTime", id`,
    [eventIds],
  );
  return rows;
}

/**
 * The value each telemetry reading followed, per work center and tag, from the stored events
 * themselves: the reading just before it in event time. Postgres is the only source, so the answer
 * is the same after a restart and whichever worker or batch order processed the events.
 */
async function previousReadings(
  client: pg.ClientBase,
  readings: readonly TStoredEvent[],
): Promise<Map<string, number | null>> {
  const groups = new Map<string, TStoredEvent[]>();
  for (const event of readings) {
    const key = `${event.workCenterId}|${text(event.payload, "tag")}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const previous = new Map<string, number | null>();
  for (const group of groups.values()) {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const { rows } = await client.query<{ id: string; eventTime: Date; value: unknown }>(
      `(SELECT id::text AS id, "eventTime", payload->'value' AS value FROM "Event"
         WHERE "workCenterId" = $1 AND kind = 'telemetry' AND payload->>'tag' = $2
           AND "eventTime" < $3 AND "eventTime" >= $4
         ORDER BY "eventTime" DESC, id DESC LIMIT 1)
       UNION ALL
       (SELECT id::text AS id, "eventTime", payload->'value' AS value FROM "Event"
         WHERE "workCenterId" = $1 AND kind = 'telemetry' AND payload->>'tag' = $2
           AND "eventTime" >= $3 AND "eventTime" <= $5)`,
      [
        first.workCenterId,
        text(first.payload, "tag"),
        first.eventTime,
        new Date(first.eventTime.getTime() - METRIC_LOOKBACK_MS),
        last.eventTime,
      ],
    );
    const ordered = rows
      .map((row) => ({ ...row, time: row.eventTime.getTime(), big: BigInt(row.id) }))
      .sort((a, b) => a.time - b.time || (a.big < b.big ? -1 : a.big > b.big ? 1 : 0));
    let before: number | null = null;
    for (const row of ordered) {
      previous.set(row.id, before);
      before = typeof row.value === "number" && Number.isFinite(row.value) ? row.value : before;
    }
  }
  return previous;
}

type TCandidate = {
  rule: TLoadedRule;
  event: TStoredEvent;
  summary: string;
  values: Record<string, string | number | null>;
};

/** Every rule firing (and every candidate its conditions turned away) for the events of one signal. */
export async function evaluateEvents(
  client: pg.ClientBase,
  loader: SignalContextLoader,
  rules: readonly TLoadedRule[],
  events: readonly TStoredEvent[],
): Promise<{ firings: TFiring[]; turnedAway: TTurnedAway[] }> {
  const metricRules = rules.filter((rule) => rule.definition.trigger.kind === "METRIC_THRESHOLD");
  const metricTags = new Set(metricRules.map((rule) => (rule.definition.trigger as TMetricTrigger).tag));
  const readings = events.filter(
    (event) =>
      event.kind === "telemetry" &&
      event.workCenterId !== null &&
      metricTags.has(text(event.payload, "tag") ?? "") &&
      numeric(event.payload, "value") !== null,
  );
  const previous = readings.length > 0 ? await previousReadings(client, readings) : new Map<string, number | null>();
  await loader.preloadWorkCenters(events.map((event) => event.workCenterId));

  const candidates: TCandidate[] = [];
  for (const event of events) {
    const code = (await loader.workCenter(event.workCenterId))?.code ?? "Plant";
    for (const rule of rules) {
      const trigger = rule.definition.trigger;
      if (trigger.kind === "EVENT" && eventMatchesTrigger(trigger, event)) {
        candidates.push({
          rule,
          event,
          summary: `${code}: ${summarizeEvent(event.kind, event.payload)}`,
          values: {
            state: text(event.payload, "state"),
            value: numeric(event.payload, "value"),
            reason: text(event.payload, "reasonCode"),
          },
        });
      }
      if (trigger.kind === "METRIC_THRESHOLD" && event.kind === "telemetry") {
        const value = numeric(event.payload, "value");
        if (text(event.payload, "tag") !== trigger.tag || value === null) continue;
        if (!metricCrosses(trigger, previous.get(event.id) ?? null, value)) continue;
        const unit = text(event.payload, "unit");
        const direction = trigger.direction === "ABOVE" ? "above" : "below";
        candidates.push({
          rule,
          event,
          summary: `${code}: ${trigger.tag} ${unit ? `${value} ${unit}` : value}, ${direction} ${trigger.threshold}`,
          values: { value },
        });
      }
    }
  }

  const firings: TFiring[] = [];
  const turnedAway: TTurnedAway[] = [];
  for (const candidate of candidates) {
    const { event, rule } = candidate;
    const reasonCode = text(event.payload, "reasonCode");
    const { context, workCenter } = await loader.contextFor({
      workCenterId: event.workCenterId,
      at: event.eventTime.getTime(),
      reasonCode,
    });
    const signalKey = `event:${event.id}`;
    const outcome = conditionsHold(rule.definition.conditions, context, labelsOf(workCenter));
    if (!outcome.ok) {
      turnedAway.push({ ruleId: rule.id, signalKey, failed: outcome.failed });
      continue;
    }
    firings.push({
      rule,
      signalKey,
      signalKind: event.kind,
      workCenterId: event.workCenterId,
      orderId: null,
      triggeredAt: event.eventTime,
      summary: candidate.summary,
      context,
      values: baseValues(rule, workCenter, candidate.values),
      evidence: { kind: "EVENT", ref: event.id, label: candidate.summary.slice(0, 200) },
    });
  }
  return { firings, turnedAway };
}

/** Names for the work center and line a condition message may mention. */
export function labelsOf(workCenter: TWorkCenterFacts | null) {
  return workCenter
    ? {
        workCenters: { [workCenter.id]: workCenter.code },
        lines: { [workCenter.lineId]: workCenter.lineName },
      }
    : {};
}

/** The placeholders every firing fills: where, which rule; the signal adds its own. */
export function baseValues(
  rule: TLoadedRule,
  workCenter: TWorkCenterFacts | null,
  values: Record<string, string | number | null>,
): Record<string, string | number | null> {
  return { workCenter: workCenter?.code ?? null, line: workCenter?.lineName ?? null, rule: rule.name, ...values };
}
