import { CONNECTORS_CHANGED_CHANNEL } from "@gemba/jobs/connector-events";
import type { Redis } from "ioredis";

/**
 * Tells the worker to reconcile now; sent after the change has committed. Best effort: the
 * worker also reconciles every few seconds, so a lost notice only delays the change.
 */
export async function notifyConnectorChanged(redis: Redis, connectorId: string): Promise<void> {
  await redis.publish(CONNECTORS_CHANGED_CHANNEL, connectorId).catch(() => undefined);
}
