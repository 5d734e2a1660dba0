import { randomBytes } from "node:crypto";
import { sealWebhookSecret as sealForEndpoint } from "@gemba/db/automation/notifications";
import { AppError } from "@gemba/domain/errors";
import type { PlatformServices } from "../../platform";

/**
 * An outgoing webhook's signing secret: random, shown to the admin once, stored sealed with
 * SECRETS_KEY the way the deliverer opens it (packages/db/src/automation/notifications.ts).
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealWebhookSecret(
  platform: PlatformServices | undefined,
  secret: string,
  context: { tenantId: string; endpointId: string },
): string {
  if (!platform) {
    throw new AppError(
      "UNAVAILABLE",
      "Secrets cannot be stored right now: the server has no encryption key. Tell your admin.",
    );
  }
  return sealForEndpoint(platform.secretsKey, { ...context, secret });
}
