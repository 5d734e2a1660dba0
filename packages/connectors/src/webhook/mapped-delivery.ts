import type { TCanonicalEvent } from "@gemba/domain/events/canonical-events";
import type { TRejectedInputReport } from "../framework/definition";

/** A canonical event as JSON on its way to the ingest queue: the worker parses the ISO event time back. */
export type TWebhookEventItem = TCanonicalEvent extends infer E
  ? E extends TCanonicalEvent
    ? Omit<E, "eventTime"> & { eventTime: string }
    : never
  : never;

/** What a mapper makes of one delivery: events for the queue, and inputs to dead-letter with a reason. */
export type TMappedDelivery = { items: TWebhookEventItem[]; rejected: TRejectedInputReport[] };

export type TMappingContext = {
  /** Source id of every event (the connector id). */
  sourceId: string;
  /** The delivery's signed timestamp: event time of records that carry none. */
  deliveredAt: Date;
};
