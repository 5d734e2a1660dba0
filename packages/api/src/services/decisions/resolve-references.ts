import type { Tx } from "@gemba/db/tenant-scope";
import { downtimeRef, type TDecisionLinkKind } from "@gemba/domain/decisions/decision-kinds";
import { summarizeEvent } from "@gemba/domain/decisions/event-summary";
import { formatSpan } from "@gemba/domain/decisions/why-timeline";
import { AppError } from "@gemba/domain/errors";
import type { TDecisionSituation, TEvidenceLink } from "./decision-inputs";
import { formatPlantTime, plantTimeZone } from "./plant-time";

/**
 * Everything a decision points at is looked up under row-level security before it is stored:
 * an id of another plant (or a typo) is "not found" with a sentence naming what, never a link
 * to nothing. Labels are written here, from what was found, so they read the same for everyone.
 */
export type TResolvedLink = { kind: TDecisionLinkKind; ref: string; label: string };

export type TResolvedWorkCenter = { id: string; code: string; name: string; lineId: string; timeZone: string };

const WORK_CENTER_SELECT = {
  id: true,
  code: true,
  name: true,
  lineId: true,
  line: { select: { area: { select: { site: { select: { timeZone: true } } } } } },
} as const;

type TWorkCenterRow = {
  id: string;
  code: string;
  name: string;
  lineId: string;
  line: { area: { site: { timeZone: string } } };
};

function flatten(row: TWorkCenterRow): TResolvedWorkCenter {
  return { id: row.id, code: row.code, name: row.name, lineId: row.lineId, timeZone: row.line.area.site.timeZone };
}

export async function resolveWorkCenter(tx: Tx, workCenterId: string): Promise<TResolvedWorkCenter> {
  const row = await tx.workCenter.findFirst({ where: { id: workCenterId }, select: WORK_CENTER_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "This work center does not exist in your plant.");
  return flatten(row);
}

const stateWords: Record<string, string> = {
  DOWN: "down",
  IDLE: "idle",
  PLANNED_STOP: "in a planned stop",
  UNKNOWN: "silent",
  NO_SHIFT: "outside shifts",
  RUNNING: "running",
};

export type TResolvedStop = {
  workCenter: TResolvedWorkCenter;
  stopStart: Date;
  end: Date;
  state: string;
  reasonCode: string | null;
  link: TResolvedLink;
};

/** A stop on a work center's timeline, with a label such as "PRS-7 down from Nov 24, 11:30, 29 min, no reason yet". */
export async function resolveStop(tx: Tx, tenantId: string, workCenterId: string, stopStartText: string) {
  const workCenter = await resolveWorkCenter(tx, workCenterId);
  const stopStart = new Date(stopStartText);
  const where = { workCenterId, stopStart };
  const [first, last] = await Promise.all([
    tx.stateInterval.findFirst({ where, orderBy: { start: "asc" }, select: { start: true } }),
    tx.stateInterval.findFirst({
      where,
      orderBy: { start: "desc" },
      select: { end: true, state: true, reasonCode: true },
    }),
  ]);
  if (!first || !last) {
    throw new AppError(
      "NOT_FOUND",
      `The ${workCenter.code} stop of ${formatPlantTime(stopStart, workCenter.timeZone)} is not on its timeline. Reload and pick it again.`,
    );
  }
  const reason = last.reasonCode
    ? await tx.reasonCode.findUnique({
        where: { tenantId_code: { tenantId, code: last.reasonCode } },
        select: { label: true },
      })
    : null;
  const reasonText = last.reasonCode ? (reason?.label ?? last.reasonCode) : "no reason yet";
  const label = `${workCenter.code} ${stateWords[last.state] ?? last.state.toLowerCase()} from ${formatPlantTime(stopStart, workCenter.timeZone)}, ${formatSpan(last.end.getTime() - stopStart.getTime())}, ${reasonText}`;
  return {
    workCenter,
    stopStart,
    end: last.end,
    state: last.state,
    reasonCode: last.reasonCode,
    link: { kind: "DOWNTIME", ref: downtimeRef(workCenterId, stopStart), label },
  } satisfies TResolvedStop;
}

export type TResolvedOrder = { id: string; workCenter: TResolvedWorkCenter | null; link: TResolvedLink };

export async function resolveOrder(tx: Tx, orderId: string): Promise<TResolvedOrder> {
  const order = await tx.productionOrder.findFirst({
    where: { id: orderId },
    select: {
      id: true,
      externalId: true,
      status: true,
      product: { select: { name: true } },
      workCenter: { select: WORK_CENTER_SELECT },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "This production order does not exist in your plant.");
  const where = order.workCenter ? ` on ${order.workCenter.code}` : "";
  return {
    id: order.id,
    workCenter: order.workCenter ? flatten(order.workCenter) : null,
    link: {
      kind: "ORDER",
      ref: order.id,
      label: `Order ${order.externalId} · ${order.product.name}${where} (${order.status.toLowerCase().replaceAll("_", " ")})`,
    },
  };
}

export type TResolvedSituation = {
  kind: TDecisionSituation["kind"];
  ref: string;
  link: TResolvedLink;
  /** Where it happened: its states and events go into the snapshot. */
  workCenter: TResolvedWorkCenter | null;
  /** A line-wide situation without a work center (a line's bottleneck): that line is captured. */
  line?: { id: string; name: string } | null;
};

const insightKindWords: Record<string, string> = {
  SPC: "SPC",
  ANOMALY: "Anomaly",
  BOTTLENECK: "Bottleneck",
  RECURRING_DOWNTIME: "Recurring downtime",
  LATE_ORDER: "Late order",
  MAINTENANCE_RISK: "Maintenance risk",
};

export type TResolvedInsight = {
  id: string;
  workCenter: TResolvedWorkCenter | null;
  line: { id: string; name: string } | null;
  spanStart: Date;
  spanEnd: Date | null;
  title: string;
  link: TResolvedLink;
};

/** An insight, labelled "Insight (SPC): Cycle time drifting up on PRS-01", with where it applies. */
export async function resolveInsight(tx: Tx, insightId: string): Promise<TResolvedInsight> {
  const insight = await tx.insight.findFirst({
    where: { id: insightId },
    select: { id: true, kind: true, title: true, workCenterId: true, lineId: true, spanStart: true, spanEnd: true },
  });
  if (!insight)
    throw new AppError("NOT_FOUND", "This insight does not exist in your plant. Open it again from the feed.");
  const workCenter = insight.workCenterId ? await resolveWorkCenter(tx, insight.workCenterId).catch(() => null) : null;
  const lineId = workCenter?.lineId ?? insight.lineId;
  const line = lineId ? await tx.line.findFirst({ where: { id: lineId }, select: { id: true, name: true } }) : null;
  return {
    id: insight.id,
    workCenter,
    line,
    spanStart: insight.spanStart,
    spanEnd: insight.spanEnd,
    title: insight.title,
    link: {
      kind: "INSIGHT",
      ref: insight.id,
      label: `Insight (${insightKindWords[insight.kind] ?? insight.kind}): ${insight.title}`.slice(0, 300),
    },
  };
}

export async function resolveSituation(
  tx: Tx,
  tenantId: string,
  situation: TDecisionSituation,
): Promise<TResolvedSituation> {
  if (situation.kind === "DOWNTIME") {
    const stop = await resolveStop(tx, tenantId, situation.workCenterId, situation.stopStart);
    return { kind: "DOWNTIME", ref: stop.link.ref, link: stop.link, workCenter: stop.workCenter };
  }
  if (situation.kind === "INSIGHT") {
    const insight = await resolveInsight(tx, situation.insightId);
    return { kind: "INSIGHT", ref: insight.id, link: insight.link, workCenter: insight.workCenter, line: insight.line };
  }
  const order = await resolveOrder(tx, situation.orderId);
  return { kind: "ORDER", ref: order.id, link: order.link, workCenter: order.workCenter };
}

/** Evidence links, each checked to exist in this plant; the same thing given twice is linked once. */
export async function resolveEvidence(
  tx: Tx,
  tenantId: string,
  links: readonly TEvidenceLink[],
): Promise<TResolvedLink[]> {
  const resolved = new Map<string, TResolvedLink>();
  let zone: string | null = null;
  for (const link of links) {
    let found: TResolvedLink;
    switch (link.kind) {
      case "DOWNTIME":
        found = (await resolveStop(tx, tenantId, link.workCenterId, link.stopStart)).link;
        break;
      case "ORDER":
        found = (await resolveOrder(tx, link.orderId)).link;
        break;
      case "TASK": {
        const task = await tx.task.findFirst({ where: { id: link.taskId }, select: { id: true, title: true } });
        if (!task) throw new AppError("NOT_FOUND", "A linked task does not exist in your plant.");
        found = { kind: "TASK", ref: task.id, label: `Task: ${task.title}` };
        break;
      }
      case "EVENT": {
        const event = await tx.event.findFirst({
          where: { id: BigInt(link.eventId) },
          select: { id: true, kind: true, eventTime: true, payload: true, workCenter: { select: WORK_CENTER_SELECT } },
        });
        if (!event) throw new AppError("NOT_FOUND", `Event ${link.eventId} does not exist in your plant.`);
        // Plant-wide events (an order released before it has a work center) read in the plant's zone.
        if (!event.workCenter && zone === null) zone = await plantTimeZone(tx);
        const timeZone = event.workCenter?.line.area.site.timeZone ?? zone ?? "UTC";
        found = {
          kind: "EVENT",
          ref: event.id.toString(),
          label: `${event.workCenter?.code ?? "Plant"}: ${summarizeEvent(event.kind, event.payload)} at ${formatPlantTime(event.eventTime, timeZone)}`,
        };
        break;
      }
    }
    resolved.set(`${found.kind}:${found.ref}`, found);
  }
  return [...resolved.values()];
}
