import type { Redis } from "ioredis";
import { recordConnectorError, recordConnectorEvents } from "../framework/health";

/**
 * Health counters of one webhook delivery, in the key scheme every connector shares
 * (`gemba:connector-health:<id>` hash, `gemba:connector-events:<id>:<epochMinute>` counters, see
 * framework/health.ts), so the admin UI shows webhooks like any other connector.
 *
 * `received: false` marks a delivery refused before it was authenticated (bad signature, replay,
 * too large): it counts as an error but does not move `lastMessageAt`, so forged traffic cannot
 * make a silent sender look alive.
 */
export async function recordDelivery(
  redis: Redis,
  connectorId: string,
  outcome: { events: number; error?: string; received?: boolean; at?: Date },
): Promise<void> {
  const at = outcome.at ?? new Date();
  const writes: Promise<unknown>[] = [];
  if (outcome.received !== false) writes.push(recordConnectorEvents(redis, connectorId, outcome.events, at));
  if (outcome.error !== undefined) writes.push(recordConnectorError(redis, connectorId, outcome.error, at));
  await Promise.all(writes);
}
