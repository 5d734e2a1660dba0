import { z } from "zod";

/** How far back the recent events of a snapshot reach, and how many are kept. */
export const SNAPSHOT_RECENT_WINDOW_MS = 30 * 60_000;
export const SNAPSHOT_MAX_EVENTS = 40;
export const SNAPSHOT_MAX_WORK_CENTERS = 60;
export const SNAPSHOT_MAX_ORDERS = 20;

const ZInstant = z.iso.datetime({ offset: true });

export const ZSnapshotWorkCenter = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** RUNNING, IDLE, DOWN, PLANNED_STOP, NO_SHIFT, UNKNOWN; null when it has no timeline yet. */
  state: z.string().nullable(),
  since: ZInstant.nullable(),
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  unclassified: z.boolean(),
});

export const ZSnapshotOrder = z.object({
  id: z.string(),
  externalId: z.string(),
  product: z.string(),
  workCenterCode: z.string().nullable(),
  quantity: z.number(),
  producedGood: z.number(),
  /** producedGood / quantity, not capped. */
  progress: z.number(),
  dueAt: ZInstant,
  atRisk: z.boolean(),
  late: z.boolean(),
});

export const ZSnapshotEvent = z.object({
  id: z.string(),
  kind: z.string(),
  eventTime: ZInstant,
  summary: z.string(),
});

/**
 * The operational context at the moment a decision was logged, frozen with it: what the
 * decider saw. Stored in Decision.contextSnapshot; never recomputed.
 */
export const ZDecisionContextSnapshot = z.object({
  version: z.literal(1),
  takenAt: ZInstant,
  /** Whose states were captured: the situation's line, or the whole plant. */
  scope: z.object({ kind: z.enum(["LINE", "PLANT"]), label: z.string() }),
  workCenters: z.array(ZSnapshotWorkCenter),
  /** Work centers past the cap, left out. */
  workCentersOmitted: z.number().int().min(0),
  /** Orders in progress in the scope. */
  orders: z.array(ZSnapshotOrder),
  ordersOmitted: z.number().int().min(0),
  /** The situation's work center over the last 30 minutes; null without one. */
  recent: z
    .object({
      workCenterId: z.string(),
      workCenterCode: z.string(),
      from: ZInstant,
      to: ZInstant,
      events: z.array(ZSnapshotEvent),
      eventsOmitted: z.number().int().min(0),
      /** Units counted in the window (count events are summed, not listed). */
      counted: z.object({ total: z.number(), good: z.number() }),
    })
    .nullable(),
});
export type TDecisionContextSnapshot = z.infer<typeof ZDecisionContextSnapshot>;

/** The stored snapshot, or null for decisions logged without one (stored as `{}`) or unreadable ones. */
export function readContextSnapshot(value: unknown): TDecisionContextSnapshot | null {
  const parsed = ZDecisionContextSnapshot.safeParse(value);
  return parsed.success ? parsed.data : null;
}
