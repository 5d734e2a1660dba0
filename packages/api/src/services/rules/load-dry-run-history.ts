import { METRIC_LOOKBACK_MS } from "@gemba/db/automation/evaluate-events";
import { loadCalendarInTx } from "@gemba/db/execution/load-calendar-in-tx";
import type { Tx } from "@gemba/db/tenant-scope";
import type {
  TDryRunChecklistFailure,
  TDryRunEvent,
  TDryRunHistory,
  TDryRunOrder,
  TDryRunStatePiece,
} from "@gemba/domain/automation/dry-run";
import type { TRuleDefinition } from "@gemba/domain/automation/rule-definition";
import type { TLoadedLabels } from "./rule-references";

export const DRY_RUN_WINDOW_MS = 24 * 3_600_000;
/** Events scanned at most: keeps a dry run on a busy plant to a second or two. */
export const DRY_RUN_EVENT_CAP = 200_000;
const MINUTE_MS = 60_000;

type TEventRow = { id: string; kind: string; eventTime: Date; workCenterId: string | null; payload: unknown };

/**
 * The last 24 hours of the tenant's history that a rule's trigger listens to, shaped for the
 * pure dry run. Only what the trigger needs is read (events of its kinds, stops of its state,
 * failed checklist steps), newest first and capped, inside the caller's tenant transaction.
 */
export async function loadDryRunHistory(
  tx: Tx,
  tenantId: string,
  definition: TRuleDefinition,
  context: { now: number; ruleName: string; labels: TLoadedLabels; eventCap?: number },
): Promise<
  TDryRunHistory & { capped: boolean; scanned: { events: number; statePieces: number; checklistSteps: number } }
> {
  const to = context.now;
  const from = to - DRY_RUN_WINDOW_MS;
  const cap = context.eventCap ?? DRY_RUN_EVENT_CAP;
  const trigger = definition.trigger;
  const [sites, workCenters] = await Promise.all([
    tx.site.findMany({ select: { id: true, timeZone: true } }),
    tx.workCenter.findMany({
      select: {
        id: true,
        code: true,
        lineId: true,
        line: { select: { name: true, area: { select: { siteId: true } } } },
      },
    }),
  ]);
  const calendars = await Promise.all(
    sites.map(async (site) => {
      const segments = await loadCalendarInTx(tx, { siteId: site.id, timeZone: site.timeZone }, from, to);
      const shifts = segments.flatMap((segment) =>
        segment.shift ? [{ name: segment.shift.name, start: segment.start, end: segment.end }] : [],
      );
      return { id: site.id, timeZone: site.timeZone, shifts };
    }),
  );

  const notes: string[] = [];
  let events: TDryRunEvent[] = [];
  let metricBefore: Record<string, { value: number; at: number }> = {};
  let capped = false;
  if (trigger.kind === "EVENT" || trigger.kind === "METRIC_THRESHOLD") {
    const rows =
      trigger.kind === "EVENT"
        ? await tx.$queryRaw<TEventRow[]>`
            SELECT id::text AS id, kind, "eventTime", "workCenterId", payload FROM "Event"
             WHERE "tenantId" = ${tenantId}::uuid AND "eventTime" > ${new Date(from)} AND "eventTime" <= ${new Date(to)}
               AND kind = ANY(${trigger.eventKinds}::text[])
             ORDER BY "eventTime" DESC, id DESC LIMIT ${cap + 1}`
        : await tx.$queryRaw<TEventRow[]>`
            SELECT id::text AS id, kind, "eventTime", "workCenterId", payload FROM "Event"
             WHERE "tenantId" = ${tenantId}::uuid AND "eventTime" > ${new Date(from)} AND "eventTime" <= ${new Date(to)}
               AND kind = 'telemetry' AND payload->>'tag' = ${trigger.tag}
             ORDER BY "eventTime" DESC, id DESC LIMIT ${cap + 1}`;
    const kept = rows.slice(0, cap);
    if (rows.length > cap) {
      capped = true;
      const oldest = kept[kept.length - 1]?.eventTime;
      notes.push(
        `Only the newest ${cap.toLocaleString("en-US")} matching events were replayed` +
          (oldest ? ` (back to ${oldest.toISOString()})` : "") +
          "; earlier ones in the 24 hours were not checked.",
      );
    }
    events = kept.map((row) => ({
      id: row.id,
      kind: row.kind,
      eventTime: row.eventTime.getTime(),
      workCenterId: row.workCenterId,
      payload: row.payload,
    }));
    if (trigger.kind === "METRIC_THRESHOLD") {
      const oldest = kept[kept.length - 1]?.eventTime ?? new Date(to);
      // The engine's rule: a reading longer ago than its lookback is no "previous value".
      const earlier = await tx.$queryRaw<{ workCenterId: string | null; value: number; eventTime: Date }[]>`
        SELECT DISTINCT ON ("workCenterId") "workCenterId", (payload->>'value')::float8 AS value, "eventTime"
          FROM "Event"
         WHERE "tenantId" = ${tenantId}::uuid AND kind = 'telemetry' AND payload->>'tag' = ${trigger.tag}
           AND jsonb_typeof(payload->'value') = 'number'
           AND "eventTime" < ${oldest} AND "eventTime" >= ${new Date(oldest.getTime() - METRIC_LOOKBACK_MS)}
         ORDER BY "workCenterId", "eventTime" DESC, id DESC`;
      metricBefore = Object.fromEntries(
        earlier.map((row) => [row.workCenterId ?? "", { value: row.value, at: row.eventTime.getTime() }]),
      );
    }
  }

  let statePieces: TDryRunStatePiece[] = [];
  if (trigger.kind === "STATE_DURATION") {
    // A stop that reached its duration inside the window began at most `minutes` before it; a
    // day's margin more lets a stop cut into pieces be joined back from its real start.
    const earliestEnd = new Date(from - trigger.minutes * MINUTE_MS - DRY_RUN_WINDOW_MS);
    const [rows, newest] = await Promise.all([
      tx.stateInterval.findMany({
        where: { state: trigger.state, end: { gt: earliestEnd }, start: { lt: new Date(to) } },
        orderBy: [{ workCenterId: "asc" }, { start: "asc" }],
        select: { workCenterId: true, state: true, start: true, end: true, reasonCode: true, unclassified: true },
      }),
      // Each work center's newest piece is still going, as the engine sees it.
      tx.stateInterval.groupBy({ by: ["workCenterId"], _max: { start: true } }),
    ]);
    const newestStart = new Map(newest.map((row) => [row.workCenterId, row._max.start?.getTime()]));
    statePieces = rows.map((row) => ({
      ...row,
      start: row.start.getTime(),
      end: row.end.getTime(),
      ongoing: newestStart.get(row.workCenterId) === row.start.getTime(),
    }));
  }

  const checklistFailures = trigger.kind === "CHECKLIST_FAILED" ? await loadChecklistFailures(tx, from, to) : [];
  const orders = definition.conditions.productIds.length > 0 ? await loadOrders(tx, from, to) : [];

  return {
    from,
    to,
    ruleName: context.ruleName,
    sites: calendars,
    workCenters: workCenters.map((workCenter) => ({
      id: workCenter.id,
      code: workCenter.code,
      lineId: workCenter.lineId,
      lineName: workCenter.line.name,
      siteId: workCenter.line.area.siteId,
    })),
    events,
    statePieces,
    checklistFailures,
    orders,
    metricBefore,
    metricLookbackMs: METRIC_LOOKBACK_MS,
    labels: context.labels,
    notes,
    capped,
    scanned: { events: events.length, statePieces: statePieces.length, checklistSteps: checklistFailures.length },
  };
}

async function loadOrders(tx: Tx, from: number, to: number): Promise<TDryRunOrder[]> {
  const rows = await tx.productionOrder.findMany({
    where: {
      workCenterId: { not: null },
      status: { not: "CANCELLED" },
      startedAt: { not: null, lte: new Date(to) },
      OR: [{ completedAt: null }, { completedAt: { gte: new Date(from) } }],
    },
    select: { workCenterId: true, productId: true, startedAt: true, completedAt: true },
  });
  return rows.flatMap((row) =>
    row.workCenterId && row.startedAt
      ? [
          {
            workCenterId: row.workCenterId,
            productId: row.productId,
            start: row.startedAt.getTime(),
            end: row.completedAt?.getTime() ?? null,
          },
        ]
      : [],
  );
}

type TStepRow = {
  runId: string;
  stepId: string;
  templateId: string;
  templateName: string;
  workCenterId: string;
  recordedAt: Date;
  value: unknown;
  steps: unknown;
};

async function loadChecklistFailures(tx: Tx, from: number, to: number): Promise<TDryRunChecklistFailure[]> {
  const rows = await tx.$queryRaw<TStepRow[]>`
    SELECT r."runId", r."stepId", run."templateId", t.name AS "templateName", run."workCenterId",
           r."recordedAt", r.value, v.steps
      FROM "ChecklistStepResult" r
      JOIN "ChecklistRun" run ON run."tenantId" = r."tenantId" AND run.id = r."runId"
      JOIN "ChecklistTemplate" t ON t."tenantId" = run."tenantId" AND t.id = run."templateId"
      JOIN "ChecklistTemplateVersion" v
        ON v."tenantId" = run."tenantId" AND v."templateId" = run."templateId" AND v.version = run.version
     WHERE (r.failed OR r."outOfLimit") AND r."recordedAt" > ${new Date(from)} AND r."recordedAt" <= ${new Date(to)}
     ORDER BY r."recordedAt" DESC LIMIT 5000`;
  return rows.map((row) => {
    const step = Array.isArray(row.steps)
      ? (row.steps as { id?: unknown; title?: unknown; input?: { unit?: unknown } }[]).find(
          (entry) => entry.id === row.stepId,
        )
      : undefined;
    const unit = typeof step?.input?.unit === "string" ? step.input.unit : null;
    return {
      runId: row.runId,
      stepId: row.stepId,
      templateId: row.templateId,
      templateName: row.templateName,
      workCenterId: row.workCenterId,
      stepTitle: typeof step?.title === "string" ? step.title : row.stepId,
      valueText: answerText(row.value, unit),
      at: row.recordedAt.getTime(),
    };
  });
}

/** The answer as people read it: "84.2 mm", "fail", "not checked". */
function answerText(value: unknown, unit: string | null): string {
  const answer = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof answer.number === "number") return unit ? `${answer.number} ${unit}` : String(answer.number);
  if (answer.pass === false) return "fail";
  if (answer.pass === true) return "pass";
  if (answer.checked === false) return "not checked";
  if (typeof answer.text === "string") return answer.text;
  return "no answer";
}
