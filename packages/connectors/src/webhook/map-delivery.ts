import { ZWebhookConfig } from "./config";
import { mapGenericDelivery } from "./map-generic";
import { mapSafetyCultureDelivery } from "./map-safetyculture";
import type { TMappedDelivery, TMappingContext } from "./mapped-delivery";
import { fitReason } from "./record-fields";

/**
 * Turns the bytes of an authenticated delivery into queue items and dead letters. Never throws:
 * bytes that are not JSON, and a stored configuration that no longer parses, are dead-lettered
 * with the raw input so nothing a sender delivered is lost.
 */
export function mapDelivery(rawBody: Uint8Array, storedConfig: unknown, context: TMappingContext): TMappedDelivery {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
  } catch {
    const payload = { encoding: "base64", data: Buffer.from(rawBody).toString("base64") };
    return decodeFailure("the body is not UTF-8 text; send JSON encoded as UTF-8", payload);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return decodeFailure(`the body is not valid JSON (${detail}); send Content-Type: application/json`, text);
  }

  const config = ZWebhookConfig.safeParse(storedConfig);
  if (!config.success) {
    const issues = config.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    const reason = `the webhook connector's configuration is invalid (${issues}); fix it in Admin → Connectors, then retry`;
    return { items: [], rejected: [{ stage: "mapping", reason: fitReason(reason), payload: body }] };
  }
  return config.data.format === "safetyculture"
    ? mapSafetyCultureDelivery(body, config.data, context)
    : mapGenericDelivery(body, config.data, context);
}

function decodeFailure(reason: string, payload: unknown): TMappedDelivery {
  return { items: [], rejected: [{ stage: "decode", reason: fitReason(reason), payload }] };
}
