import type { TConfigReplayResult } from "../framework/definition";
import type { TWebhookConfig } from "./config";
import { mapDelivery } from "./map-delivery";
import { mapGenericDelivery } from "./map-generic";
import { mapSafetyCultureDelivery } from "./map-safetyculture";
import { readPath } from "./record-fields";

/**
 * Maps a dead-lettered webhook input again with the connector's current configuration, after the
 * admin fixed the mapping. What was kept depends on where the delivery failed: the raw text (not
 * JSON), the whole body (SafetyCulture, or a generic body whose records field was wrong) or one
 * generic record of a body.
 */
export function replayWebhookDeadLetter(
  config: TWebhookConfig,
  payload: unknown,
  context: { sourceId: string; receivedAt: Date },
): TConfigReplayResult {
  const mapping = { sourceId: context.sourceId, deliveredAt: context.receivedAt };
  if (typeof payload === "string") return mapDelivery(new TextEncoder().encode(payload), config, mapping);
  if (config.format === "safetyculture") return mapSafetyCultureDelivery(payload, config, mapping);
  const isWholeBody = config.eventsPath !== undefined && Array.isArray(readPath(payload, config.eventsPath));
  return isWholeBody
    ? mapGenericDelivery(payload, config, mapping)
    : mapGenericDelivery(payload, { ...config, eventsPath: undefined }, mapping);
}
