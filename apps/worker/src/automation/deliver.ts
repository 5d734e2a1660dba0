import { createHmac } from "node:crypto";
import {
  claimNotification,
  openWebhookSecret,
  recordDelivery,
  type TClaimedNotification,
  type TDeliveryResult,
} from "@gemba/db/automation/notifications";
import type { Database } from "@gemba/db/client";
import nodemailer, { type Transporter } from "nodemailer";
import type { TAutomationSettings } from "./settings";

/** A webhook receiver gets this long to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes pooled SMTP connections (worker shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** The Message-ID of a notification's e-mail: the same on every attempt, so a receiver can drop a repeat. */
export const messageIdOf = (notificationId: string) => `<${notificationId}@notifications.gemba>`;

const readBody = (body: unknown) =>
  typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};

async function sendEmail(settings: TAutomationSettings, notification: TClaimedNotification): Promise<TDeliveryResult> {
  if (!settings.smtpUrl) return { ok: false, error: "no SMTP server configured (SMTP_URL)" };
  const body = readBody(notification.body);
  const to = Array.isArray(body.to) ? body.to.filter((entry): entry is string => typeof entry === "string") : [];
  const recipients = to.length > 0 ? to : notification.target.split(",").map((entry) => entry.trim());
  try {
    await transportFor(settings.smtpUrl).sendMail({
      from: settings.mailFrom,
      to: recipients,
      subject: notification.subject,
      text: typeof body.text === "string" ? body.text : notification.subject,
      messageId: messageIdOf(notification.id),
      headers: { "Gemba-Idempotency-Key": notification.id },
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `SMTP: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as receivers verify it. */
export function signWebhook(secret: string, rawBody: string, unixSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${signature}`;
}

async function postWebhook(
  tenantId: string,
  secretsKey: Buffer | null,
  notification: TClaimedNotification,
  now: number,
): Promise<TDeliveryResult> {
  const endpoint = notification.endpoint;
  if (!endpoint) return { ok: false, error: "the webhook endpoint no longer exists", permanent: true };
  if (!endpoint.enabled) return { ok: false, error: "the webhook endpoint is disabled", permanent: true };
  if (!secretsKey)
    return { ok: false, error: "SECRETS_KEY is not configured, so the endpoint's secret cannot be opened" };
  let secret: string;
  try {
    secret = openWebhookSecret(secretsKey, {
      tenantId,
      endpointId: notification.target,
      secretCiphertext: endpoint.secretCiphertext,
    });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), permanent: true };
  }
  const rawBody = JSON.stringify({
    id: notification.id,
    createdAt: notification.createdAt.toISOString(),
    ...readBody(notification.body),
  });
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Gemba-Webhooks/1",
        "Gemba-Signature": signWebhook(secret, rawBody, Math.floor(now / 1000)),
        "Gemba-Idempotency-Key": notification.id,
      },
      body: rawBody,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, error: `the endpoint answered HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      ok: false,
      error: timedOut
        ? `no answer from the endpoint within ${WEBHOOK_TIMEOUT_MS / 1000} s`
        : `could not reach the endpoint${cause || `: ${error instanceof Error ? error.message : String(error)}`}`,
    };
  }
}

export type TDeliveryOutcome =
  | { status: "not-due" }
  | { status: "SENT" | "PENDING" | "FAILED"; attempt: number; nextAttemptAt: number | null; error: string | null };

/**
 * One delivery attempt: claim the notification (a lease, so nobody else sends it meanwhile), send,
 * record the result with backoff. A notification not due (already sent, leased, failed) is left alone.
 */
export async function deliverNotification(
  db: Database,
  settings: TAutomationSettings,
  secretsKey: Buffer | null,
  target: { tenantId: string; notificationId: string },
  now = Date.now(),
): Promise<TDeliveryOutcome> {
  const claimed = await claimNotification(db, target.tenantId, target.notificationId, now, settings.deliveryLeaseMs);
  if (!claimed) return { status: "not-due" };
  const result =
    claimed.channel === "EMAIL"
      ? await sendEmail(settings, claimed)
      : await postWebhook(target.tenantId, secretsKey, claimed, now);
  const recorded = await recordDelivery(db, target.tenantId, claimed, result, { backoffBaseMs: settings.retryBaseMs });
  return { ...recorded, attempt: claimed.attempt, error: result.ok ? null : result.error };
}
