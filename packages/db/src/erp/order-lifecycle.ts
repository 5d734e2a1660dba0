import type { TOrderLifecycleEvent } from "@gemba/domain/events/canonical-events";
import type { OrderStatus } from "../generated/prisma/enums";

type TLifecycleTransition = TOrderLifecycleEvent["payload"]["transition"];

/** How far an order has come; CANCELLED is off the path and emits nothing. */
const PROGRESS: Record<OrderStatus, number | null> = {
  PLANNED: 0,
  RELEASED: 1,
  IN_PROGRESS: 2,
  COMPLETED: 3,
  CANCELLED: null,
};

const STEPS: readonly { progress: number; transition: TLifecycleTransition; at: keyof TOrderMoments }[] = [
  { progress: 1, transition: "RELEASED", at: "releasedAt" },
  { progress: 2, transition: "STARTED", at: "startedAt" },
  { progress: 3, transition: "COMPLETED", at: "completedAt" },
];

type TOrderMoments = { releasedAt: Date | null; startedAt: Date | null; completedAt: Date | null };

export type TOrderLifecycleChange = {
  sourceId: string;
  externalId: string;
  workCenterId: string | null;
  /** The order as Gemba knew it before this sync; null for an order seen for the first time. */
  before: { status: OrderStatus; quantity: number } | null;
  after: TOrderMoments & { status: OrderStatus; quantity: number; lastChangedAt: Date };
};

/**
 * The lifecycle events an order change means. Moving forward emits every step passed, so an order
 * released and started between two syncs yields RELEASED and STARTED; moving backwards (a technical
 * completion revoked) or into CANCELLED emits nothing, as the canonical transitions have no name
 * for it. An order seen for the first time reports the steps it has already taken, so the event
 * log agrees with the order table. Each step is timed by the ERP's own timestamp for it when
 * there is one, else by the ERP's change time; the dedupe key uses the change time, so syncing
 * the same ERP state again can never store an event twice.
 */
export function orderLifecycleEvents(change: TOrderLifecycleChange): TOrderLifecycleEvent[] {
  const { before, after } = change;
  const from = before === null ? 0 : (PROGRESS[before.status] ?? 0);
  const to = PROGRESS[after.status];
  const changedAt = after.lastChangedAt.toISOString();
  const event = (transition: TLifecycleTransition, eventTime: Date): TOrderLifecycleEvent => ({
    kind: "order.lifecycle",
    eventTime,
    sourceId: change.sourceId,
    dedupeKey: `erp:${change.externalId}:${transition}:${changedAt}`,
    workCenterId: change.workCenterId,
    payload: { orderExternalId: change.externalId, transition, quantity: after.quantity },
  });

  const events: TOrderLifecycleEvent[] = [];
  if (to !== null) {
    for (const step of STEPS) {
      if (step.progress > from && step.progress <= to) {
        events.push(event(step.transition, after[step.at] ?? after.lastChangedAt));
      }
    }
  }
  if (before !== null && before.quantity !== after.quantity) {
    events.push(event("QUANTITY_CHANGED", after.lastChangedAt));
  }
  return events;
}
