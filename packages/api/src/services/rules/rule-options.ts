import type { Tx } from "@gemba/db/tenant-scope";
import { EXECUTION_STATES } from "@gemba/domain/automation/rule-definition";
import { CANONICAL_EVENT_KINDS, OPERATOR_ACTIVITY_TYPES } from "@gemba/domain/events/canonical-events";

const DAY_MS = 86_400_000;

/**
 * What the rule editor offers in its pickers, from the plant itself: work centers and lines,
 * the calendar's shift names, products, reason codes, checklists, webhook endpoints (names only,
 * never secrets), recent decisions and the telemetry tags machines actually sent lately.
 */
export async function getRuleOptions(tx: Tx, tenantId: string, now = Date.now()) {
  const [workCenters, lines, shifts, products, reasons, templates, endpoints, decisions, tags] = await Promise.all([
    tx.workCenter.findMany({
      orderBy: [{ code: "asc" }],
      select: { id: true, code: true, name: true, lineId: true },
    }),
    tx.line.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    tx.shift.findMany({ distinct: ["name"], orderBy: { name: "asc" }, select: { name: true } }),
    tx.product.findMany({ orderBy: { sku: "asc" }, select: { id: true, sku: true, name: true } }),
    tx.reasonCode.findMany({
      orderBy: [{ label: "asc" }],
      select: { code: true, label: true, active: true, appliesTo: true },
    }),
    tx.checklistTemplate.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    tx.webhookEndpoint.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, enabled: true } }),
    tx.decision.findMany({
      orderBy: { decidedAt: "desc" },
      take: 50,
      select: { id: true, title: true, decidedAt: true },
    }),
    tx.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT payload->>'tag' AS tag FROM "Event"
       WHERE "tenantId" = ${tenantId}::uuid AND kind = 'telemetry' AND "eventTime" > ${new Date(now - DAY_MS)}
         AND payload->>'tag' IS NOT NULL
       ORDER BY 1 LIMIT 200`,
  ]);
  return {
    workCenters,
    lines,
    shiftNames: shifts.map((shift) => shift.name),
    products,
    reasons,
    checklistTemplates: templates,
    webhookEndpoints: endpoints,
    decisions,
    telemetryTags: tags.map((row) => row.tag),
    eventKinds: CANONICAL_EVENT_KINDS,
    operatorActivityTypes: OPERATOR_ACTIVITY_TYPES,
    states: EXECUTION_STATES,
  };
}

export type TRuleOptions = Awaited<ReturnType<typeof getRuleOptions>>;
