import type { Tx } from "@gemba/db/tenant-scope";
import { chosenOptionLabel, readStoredOptions } from "@gemba/domain/decisions/decision-draft";
import { downtimeRef } from "@gemba/domain/decisions/decision-kinds";
import {
  decisionWindow,
  downtimeWindow,
  orderWindow,
  type TTimelineRef,
  type TWindow,
} from "@gemba/domain/decisions/why-timeline";
import { AppError } from "@gemba/domain/errors";
import type { TWhyInput } from "./decision-inputs";
import { resolveInsight, resolveOrder, resolveStop } from "./resolve-references";

/** An insight's finding can span weeks; its last day (and an hour after) is what the timeline reads. */
const INSIGHT_MARGIN_MS = 3_600_000;
const INSIGHT_MAX_MS = 86_400_000;

export type TWhySubject = {
  kind: TWhyInput["subject"];
  title: string;
  detail: string | null;
  workCenter: { id: string; code: string; name: string } | null;
  from: Date;
  to: Date;
  ref: TTimelineRef;
};

/** What the timeline is about, and where and when its sources are read. */
export type TWhyScope = {
  subject: TWhySubject;
  window: TWindow;
  workCenterId: string | null;
  /** Decisions tied to the subject by a link (or the subject itself), read whatever the window. */
  decisionIds: string[];
  /** Tasks tied to the subject (a decision's review task and linked tasks). */
  taskIds: string[];
  /** For a downtime: its classifications are read by the stop's key rather than the window. */
  stop: { workCenterId: string; stopStart: Date } | null;
};

export async function resolveWhyScope(tx: Tx, tenantId: string, input: TWhyInput, now: number): Promise<TWhyScope> {
  switch (input.subject) {
    case "DOWNTIME": {
      const stop = await resolveStop(tx, tenantId, required(input.workCenterId), required(input.stopStart));
      const window = downtimeWindow(stop.stopStart.getTime(), stop.end.getTime(), now);
      const { id, code, name } = stop.workCenter;
      return {
        subject: {
          kind: "DOWNTIME",
          title: `${code} stop`,
          detail: stop.link.label,
          workCenter: { id, code, name },
          from: new Date(window.from),
          to: new Date(window.to),
          ref: { type: "downtime", workCenterId: id, stopStart: stop.stopStart.toISOString() },
        },
        window,
        workCenterId: id,
        decisionIds: await linkedDecisionIds(tx, "DOWNTIME", downtimeRef(id, stop.stopStart)),
        taskIds: [],
        stop: { workCenterId: id, stopStart: stop.stopStart },
      };
    }
    case "ORDER": {
      const resolved = await resolveOrder(tx, required(input.orderId));
      const order = await tx.productionOrder.findFirstOrThrow({
        where: { id: resolved.id },
        select: { externalId: true, startedAt: true, releasedAt: true, createdAt: true, completedAt: true },
      });
      const time = (value: Date | null) => value?.getTime() ?? null;
      const window = orderWindow(
        {
          startedAt: time(order.startedAt),
          releasedAt: time(order.releasedAt),
          createdAt: order.createdAt.getTime(),
          completedAt: time(order.completedAt),
        },
        now,
      );
      const workCenter = resolved.workCenter;
      return {
        subject: {
          kind: "ORDER",
          title: `Order ${order.externalId}`,
          detail: resolved.link.label,
          workCenter: workCenter ? { id: workCenter.id, code: workCenter.code, name: workCenter.name } : null,
          from: new Date(window.from),
          to: new Date(window.to),
          ref: { type: "order", id: resolved.id },
        },
        window,
        workCenterId: workCenter?.id ?? null,
        decisionIds: await linkedDecisionIds(tx, "ORDER", resolved.id),
        taskIds: [],
        stop: null,
      };
    }
    case "INSIGHT": {
      const insight = await resolveInsight(tx, required(input.insightId));
      const to = Math.min(now, (insight.spanEnd?.getTime() ?? now) + INSIGHT_MARGIN_MS);
      const window = { from: Math.max(insight.spanStart.getTime() - INSIGHT_MARGIN_MS, to - INSIGHT_MAX_MS), to };
      const workCenter = insight.workCenter;
      return {
        subject: {
          kind: "INSIGHT",
          title: insight.title,
          detail: insight.link.label,
          workCenter: workCenter ? { id: workCenter.id, code: workCenter.code, name: workCenter.name } : null,
          from: new Date(window.from),
          to: new Date(window.to),
          ref: { type: "insight", id: insight.id },
        },
        window,
        workCenterId: workCenter?.id ?? null,
        decisionIds: await linkedDecisionIds(tx, "INSIGHT", insight.id),
        taskIds: [],
        stop: null,
      };
    }
    case "DECISION": {
      const decision = await tx.decision.findFirst({
        where: { id: required(input.decisionId) },
        select: {
          id: true,
          title: true,
          options: true,
          decidedAt: true,
          reviewTaskId: true,
          workCenter: { select: { id: true, code: true, name: true } },
          links: { where: { kind: "TASK" }, select: { ref: true } },
        },
      });
      if (!decision) throw new AppError("NOT_FOUND", "This decision does not exist in your plant.");
      const window = decisionWindow(decision.decidedAt.getTime(), now);
      return {
        subject: {
          kind: "DECISION",
          title: decision.title,
          detail: `Chosen: ${chosenOptionLabel(readStoredOptions(decision.options), decision.title)}`,
          workCenter: decision.workCenter,
          from: new Date(window.from),
          to: new Date(window.to),
          ref: { type: "decision", id: decision.id },
        },
        window,
        workCenterId: decision.workCenter?.id ?? null,
        decisionIds: [decision.id],
        taskIds: [...(decision.reviewTaskId ? [decision.reviewTaskId] : []), ...decision.links.map((link) => link.ref)],
        stop: null,
      };
    }
  }
}

/** Decisions linking to a thing, through the (tenantId, kind, ref) index. */
async function linkedDecisionIds(tx: Tx, kind: string, ref: string): Promise<string[]> {
  const links = await tx.decisionLink.findMany({ where: { kind, ref }, select: { decisionId: true }, take: 200 });
  return links.map((link) => link.decisionId);
}

/** ZWhyInput has checked that the subject's keys are there. */
function required(value: string | undefined): string {
  if (!value) throw new AppError("BAD_REQUEST", "Say which downtime, order, decision or insight to explain.");
  return value;
}
