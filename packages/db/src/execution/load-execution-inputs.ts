import type { TReportedMachineState } from "@gemba/domain/events/canonical-events";
import type { TStopClassification } from "@gemba/domain/execution/derive-state-intervals";
import type { TExecutionSettings } from "@gemba/domain/execution/execution-settings";
import type { TStateSignal } from "@gemba/domain/execution/machine-episodes";
import type { TCountEvent, TIdealCycleAt, TScrapEvent } from "@gemba/domain/execution/oee";
import { buildReasonLookup, type TReasonLookup } from "@gemba/domain/execution/reason-lookup";
import type { ReasonDefinition } from "@gemba/domain/reasons/default-reasons";
import type pg from "pg";

export type TWorkCenterContext = {
  workCenterId: string;
  site: { id: string; timeZone: string };
  settings: TExecutionSettings;
  reasons: TReasonLookup;
};

/** A stop can outlast a refresh window by this much and still be judged on its whole length. */
const SIGNAL_LOOKBACK_MS = 24 * 3_600_000;

export async function loadWorkCenterContext(
  client: pg.PoolClient,
  workCenterId: string,
): Promise<TWorkCenterContext | null> {
  const { rows } = await client.query<{
    siteId: string;
    timeZone: string;
    microStopThresholdSeconds: number;
    unknownTimeoutSeconds: number;
  }>(
    `SELECT s.id AS "siteId", s."timeZone", wc."microStopThresholdSeconds", wc."unknownTimeoutSeconds"
       FROM "WorkCenter" wc JOIN "Line" l ON l.id = wc."lineId" JOIN "Area" a ON a.id = l."areaId" JOIN "Site" s ON s.id = a."siteId"
      WHERE wc.id = $1`,
    [workCenterId],
  );
  const row = rows[0];
  if (!row) return null;
  const reasons = await client.query<{
    code: string;
    appliesTo: string;
    lossCategory: string | null;
    excludedFromPlannedTime: boolean;
  }>(`SELECT code, "appliesTo", "lossCategory", "excludedFromPlannedTime" FROM "ReasonCode"`);
  return {
    workCenterId,
    site: { id: row.siteId, timeZone: row.timeZone },
    settings: {
      microStopThresholdMs: row.microStopThresholdSeconds * 1000,
      unknownTimeoutMs: row.unknownTimeoutSeconds * 1000,
    },
    reasons: buildReasonLookup(
      reasons.rows.map((reason) => ({
        code: reason.code,
        appliesTo: reason.appliesTo as ReasonDefinition["appliesTo"],
        lossCategory: reason.lossCategory as ReasonDefinition["lossCategory"],
        excludedFromPlannedTime: reason.excludedFromPlannedTime,
      })),
    ),
  };
}

export type TExecutionInputs = {
  signals: TStateSignal[];
  heartbeats: number[];
  counts: TCountEvent[];
  scrap: TScrapEvent[];
  classifications: TStopClassification[];
  idealCycleAt: TIdealCycleAt;
};

/**
 * Everything the derivation of [from, to) needs from one work center's events. Heartbeats are
 * thinned in SQL (a busy machine sends thousands of events an hour; only silences longer than the
 * unknown timeout matter, and their edges are kept exactly).
 */
export async function loadExecutionInputs(
  client: pg.PoolClient,
  context: TWorkCenterContext,
  from: number,
  to: number,
): Promise<TExecutionInputs> {
  const wc = context.workCenterId;
  const fromDate = new Date(from);
  const toDate = new Date(to);
  const lookback = new Date(from - SIGNAL_LOOKBACK_MS);

  const signals = await client.query<{ time: Date; state: string; reasonCode: string | null }>(
    `(SELECT "eventTime" AS time, payload->>'state' AS state, payload->>'reasonCode' AS "reasonCode" FROM "Event"
       WHERE "workCenterId" = $1 AND kind = 'machine.state' AND "eventTime" < $2 ORDER BY "eventTime" DESC LIMIT 1)
     UNION ALL
     (SELECT "eventTime", payload->>'state', payload->>'reasonCode' FROM "Event"
       WHERE "workCenterId" = $1 AND kind = 'machine.state' AND "eventTime" >= $2 AND "eventTime" < $3)
     UNION ALL
     (SELECT "eventTime", payload->>'state', payload->>'reasonCode' FROM "Event"
       WHERE "workCenterId" = $1 AND kind = 'machine.state' AND "eventTime" >= $3 ORDER BY "eventTime" LIMIT 1)`,
    [wc, lookback, toDate],
  );

  // The first and last event of every slot of half the timeout: any two kept neighbours are either
  // real neighbours (exact gap edges) or at most one timeout apart, so no false silence appears.
  const slotMs = Math.max(1, Math.floor(context.settings.unknownTimeoutMs / 2));
  const heartbeats = await client.query<{ first: Date; last: Date }>(
    `WITH seen AS (
       (SELECT "eventTime" AS t FROM "Event" WHERE "workCenterId" = $1 AND "eventTime" < $2 ORDER BY "eventTime" DESC LIMIT 1)
       UNION ALL
       (SELECT "eventTime" FROM "Event" WHERE "workCenterId" = $1 AND "eventTime" >= $2 AND "eventTime" < $3)
     )
     SELECT min(t) AS first, max(t) AS last FROM seen GROUP BY floor(extract(epoch FROM t) * 1000 / $4)`,
    [wc, new Date(from - context.settings.unknownTimeoutMs), toDate, slotMs],
  );

  // Count and scrap events report units made up to their time: one on a bucket edge closes the earlier bucket.
  const counts = await client.query<{
    time: Date;
    total: number;
    good: number;
    quantity: number;
    reasonCode: string | null;
    kind: string;
  }>(
    `SELECT "eventTime" AS time, kind,
            COALESCE((payload->>'total')::int, 0) AS total, COALESCE((payload->>'good')::int, 0) AS good,
            COALESCE((payload->>'quantity')::int, 0) AS quantity, payload->>'reasonCode' AS "reasonCode"
       FROM "Event"
      WHERE "workCenterId" = $1 AND kind IN ('production.count', 'production.scrap') AND "eventTime" > $2 AND "eventTime" <= $3`,
    [wc, fromDate, toDate],
  );

  const classifications = await client.query<{
    stopStart: Date;
    reasonCode: string;
    classifiedAt: Date;
    by: string | null;
  }>(
    `SELECT "stopStart", "reasonCode", "classifiedAt", "classifiedById" AS by FROM "DowntimeClassification"
      WHERE "workCenterId" = $1 AND "stopStart" >= $2 AND "stopStart" < $3`,
    [wc, lookback, toDate],
  );

  const runs = await client.query<{ startedAt: Date; completedAt: Date | null; idealCycleTimeSeconds: number }>(
    `SELECT o."startedAt", o."completedAt", p."idealCycleTimeSeconds" FROM "ProductionOrder" o
       JOIN "Product" p ON p.id = o."productId"
      WHERE o."workCenterId" = $1 AND o."startedAt" IS NOT NULL AND o."startedAt" < $3
        AND (o."completedAt" IS NULL OR o."completedAt" > $2)
      ORDER BY o."startedAt"`,
    [wc, fromDate, toDate],
  );

  return {
    signals: signals.rows
      .filter((row) => row.state !== null)
      .map((row) => ({
        time: row.time.getTime(),
        state: row.state as TReportedMachineState,
        ...(row.reasonCode ? { reasonCode: row.reasonCode } : {}),
      })),
    heartbeats: heartbeats.rows.flatMap((row) => [row.first.getTime(), row.last.getTime()]),
    counts: counts.rows
      .filter((row) => row.kind === "production.count")
      .map((row) => ({ time: row.time.getTime(), total: row.total, good: row.good })),
    scrap: counts.rows
      .filter((row) => row.kind === "production.scrap")
      .map((row) => ({
        time: row.time.getTime(),
        quantity: row.quantity,
        reasonCode: row.reasonCode ?? "UNSPECIFIED",
      })),
    classifications: classifications.rows.map((row) => ({
      stopStart: row.stopStart.getTime(),
      reasonCode: row.reasonCode,
      classifiedAt: row.classifiedAt.getTime(),
      ...(row.by ? { by: row.by } : {}),
    })),
    idealCycleAt: idealCycleLookup(runs.rows),
  };
}

/** The ideal cycle (seconds) of the order running at a time: the latest started one not yet completed then. */
function idealCycleLookup(
  runs: readonly { startedAt: Date; completedAt: Date | null; idealCycleTimeSeconds: number }[],
): TIdealCycleAt {
  const spans = runs.map((run) => ({
    start: run.startedAt.getTime(),
    end: run.completedAt?.getTime() ?? Number.POSITIVE_INFINITY,
    seconds: run.idealCycleTimeSeconds,
  }));
  return (time) => {
    for (let index = spans.length - 1; index >= 0; index -= 1) {
      const span = spans[index];
      // A count at the completion instant still belongs to the order it completes.
      if (span && span.start < time && time <= span.end) return span.seconds;
    }
    return null;
  };
}
