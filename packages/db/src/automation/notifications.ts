import type { Database } from "../client";
import { openSecrets, sealSecrets } from "../secrets/secrets-box";
import { withTenantClient } from "../tenant-scope";

/** Delivery attempts before a notification is given up as FAILED (its lastError says why). */
export const MAX_DELIVERY_ATTEMPTS = 6;

/**
 * While one attempt is under way the row is leased: the sweep does not see it as due, so a slow
 * SMTP server is not sent the same mail twice. A worker that dies mid-attempt leaves the lease to
 * run out, and the next attempt may repeat a send the receiver already got: the at-least-once
 * window, which the Message-ID / Gemba-Idempotency-Key (the notification id) lets receivers close.
 */
export const DELIVERY_LEASE_MS = 60_000;

/** Wait before the next attempt after `attempts` failed ones: base × 4^(attempts − 1), at most an hour. */
export function deliveryBackoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(60 * 60_000, baseMs * 4 ** Math.max(0, attempts - 1));
}

export type TClaimedNotification = {
  id: string;
  channel: "EMAIL" | "WEBHOOK";
  target: string;
  subject: string;
  body: unknown;
  /** This attempt's number, 1 for the first. */
  attempt: number;
  createdAt: Date;
  endpoint: { url: string; enabled: boolean; secretCiphertext: string } | null;
};

/** Takes a due, pending notification for one attempt, or null when it is not due (sent, leased, failed). */
export async function claimNotification(
  db: Database,
  tenantId: string,
  notificationId: string,
  now = Date.now(),
  leaseMs = DELIVERY_LEASE_MS,
): Promise<TClaimedNotification | null> {
  return withTenantClient(db.pool, tenantId, async (client) => {
    const { rows } = await client.query<Omit<TClaimedNotification, "endpoint">>(
      `UPDATE "Notification" SET attempts = attempts + 1, "nextAttemptAt" = $3
        WHERE id = $1 AND status = 'PENDING' AND "nextAttemptAt" <= $2
        RETURNING id, channel::text AS channel, target, subject, body, attempts AS attempt, "createdAt"`,
      [notificationId, new Date(now), new Date(now + leaseMs)],
    );
    const claimed = rows[0];
    if (!claimed) return null;
    if (claimed.channel !== "WEBHOOK") return { ...claimed, endpoint: null };
    const endpoints = await client.query<{ url: string; enabled: boolean; secretCiphertext: string }>(
      `SELECT url, enabled, "secretCiphertext" FROM "WebhookEndpoint" WHERE id::text = $1`,
      [claimed.target],
    );
    return { ...claimed, endpoint: endpoints.rows[0] ?? null };
  });
}

export type TDeliveryResult = { ok: true } | { ok: false; error: string; permanent?: boolean };

/**
 * Records an attempt's result: SENT, or back to PENDING with the next attempt backed off, or FAILED
 * once attempts are used up or the failure cannot get better by waiting (no SMTP server configured,
 * endpoint removed). Returns when to try again, if at all.
 */
export async function recordDelivery(
  db: Database,
  tenantId: string,
  claimed: Pick<TClaimedNotification, "id" | "attempt">,
  result: TDeliveryResult,
  options: { now?: number; backoffBaseMs?: number } = {},
): Promise<{ status: "SENT" | "PENDING" | "FAILED"; nextAttemptAt: number | null }> {
  const now = options.now ?? Date.now();
  return withTenantClient(db.pool, tenantId, async (client) => {
    if (result.ok) {
      await client.query(
        `UPDATE "Notification" SET status = 'SENT', "sentAt" = $2, "lastError" = NULL WHERE id = $1 AND status = 'PENDING'`,
        [claimed.id, new Date(now)],
      );
      return { status: "SENT", nextAttemptAt: null };
    }
    const giveUp = result.permanent || claimed.attempt >= MAX_DELIVERY_ATTEMPTS;
    const error = giveUp
      ? `${result.error} (gave up after ${claimed.attempt} attempt${claimed.attempt === 1 ? "" : "s"})`
      : `${result.error} (attempt ${claimed.attempt} of ${MAX_DELIVERY_ATTEMPTS})`;
    const nextAttemptAt = giveUp ? null : now + deliveryBackoffMs(claimed.attempt, options.backoffBaseMs);
    await client.query(
      `UPDATE "Notification" SET status = $2::"NotificationStatus", "lastError" = $3, "nextAttemptAt" = COALESCE($4, "nextAttemptAt")
        WHERE id = $1 AND status = 'PENDING'`,
      [
        claimed.id,
        giveUp ? "FAILED" : "PENDING",
        error.slice(0, 1_000),
        nextAttemptAt ? new Date(nextAttemptAt) : null,
      ],
    );
    return { status: giveUp ? "FAILED" : "PENDING", nextAttemptAt };
  });
}

/**
 * Webhook endpoint secrets are sealed like connector secrets, bound to the tenant and the endpoint
 * (a namespace of their own, so a connector's sealed value copied into an endpoint row never opens).
 */
const endpointContext = (tenantId: string, endpointId: string) => ({
  tenantId,
  connectorId: `webhook-endpoint:${endpointId}`,
});

export function sealWebhookSecret(
  key: Buffer,
  input: { tenantId: string; endpointId: string; secret: string },
): string {
  return sealSecrets(key, { secret: input.secret }, endpointContext(input.tenantId, input.endpointId));
}

export function openWebhookSecret(
  keys: Buffer | readonly Buffer[],
  input: { tenantId: string; endpointId: string; secretCiphertext: string },
): string {
  const opened = openSecrets(keys, input.secretCiphertext, endpointContext(input.tenantId, input.endpointId));
  if (typeof opened.secret !== "string" || opened.secret.length === 0) {
    throw new Error("The webhook endpoint's secret is missing; set a new secret for the endpoint.");
  }
  return opened.secret;
}
