import { createHash } from "node:crypto";
import type { Database } from "@gemba/db/client";
import { openSecrets } from "@gemba/db/secrets/secrets-box";
import { withTenant } from "@gemba/db/tenant-scope";
import { enqueueIngestBatch } from "@gemba/jobs/ingest";
import type { QueueSet } from "@gemba/jobs/queue";
import type { Redis } from "ioredis";
import { ZWebhookSecrets } from "./config";
import { recordDelivery } from "./health-counters";
import { mapDelivery } from "./map-delivery";
import { MAX_WEBHOOK_BODY_BYTES } from "./read-body";
import { claimDelivery, markDeliveryAccepted } from "./replay-guard";
import { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "./signature";

/** An ingest batch holds at most this many items plus as many dead letters (see the job catalog). */
export const MAX_WEBHOOK_RECORDS = 20_000;

export type TWebhookResponse = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** The part of a pino logger this uses; nothing logged ever holds a secret or a body. */
export type TWebhookLog = {
  warn: (fields: Record<string, unknown>, message: string) => void;
  error: (fields: Record<string, unknown>, message: string) => void;
};

export type TReceiveWebhookInput = {
  db: Pick<Database, "prisma" | "pool">;
  redis: Redis;
  queues: QueueSet;
  /** Key(s) that sealed connector secrets, newest first during a key rotation. */
  secretsKey: Buffer | readonly Buffer[];
  /** From the URL: untrusted until the connector row and the signature confirm it. */
  connectorId: string;
  headers: { get: (name: string) => string | null };
  /** The body exactly as received, or null when it was larger than the limit (see readLimitedBody). */
  rawBody: Uint8Array | null;
  now?: Date;
  log?: TWebhookLog;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAUSED_RETRY_AFTER_SECONDS = 300;
const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;
const silent: TWebhookLog = { warn: () => undefined, error: () => undefined };

const SIGNING_HELP = {
  timestampHeader: TIMESTAMP_HEADER,
  signatureHeader: SIGNATURE_HEADER,
  signature: 'sha256=<lower-case hex HMAC-SHA256(webhook secret, "<timestamp>.<raw body>")>',
  toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
};

/**
 * Handles one delivery to `POST /api/ingest/<connectorId>`: finds the connector's tenant, checks the
 * signature and replays, maps the body and puts ONE ingest batch on the queue. Everything authentic
 * is kept — unmappable records become dead letters of that batch — and the sender gets 202.
 * Unauthentic deliveries are refused (401/409), counted in the connector's health, never stored.
 */
export async function receiveWebhook(input: TReceiveWebhookInput): Promise<TWebhookResponse> {
  const { redis, connectorId } = input;
  const log = input.log ?? silent;
  const now = input.now ?? new Date();
  /** Refused deliveries are counted; `received` only once the sender is known to be genuine. */
  const refuse = async (
    status: number,
    error: string,
    message: string,
    extra: Record<string, unknown> = {},
    received = false,
  ) => {
    const healthError = `Delivery refused (${status} ${error}): ${message}`;
    await recordHealth(input, log, { events: 0, error: healthError, received, at: now });
    return { status, body: { error, message, ...extra } };
  };

  if (!UUID.test(connectorId)) return notFound();
  let connector: TWebhookConnectorRow | null;
  try {
    connector = await findWebhookConnector(input.db, connectorId);
  } catch (error) {
    log.error({ err: error, connectorId }, "webhook connector lookup failed");
    return unavailable();
  }
  if (!connector) return notFound();
  const { tenantId } = connector;
  if (!connector.enabled) {
    return {
      status: 503,
      body: {
        error: "paused",
        message: "This webhook is paused in Gemba: deliveries are refused until an admin resumes it. Retry later.",
      },
      headers: { "Retry-After": String(PAUSED_RETRY_AFTER_SECONDS) },
    };
  }
  if (input.rawBody === null || input.rawBody.byteLength > MAX_WEBHOOK_BODY_BYTES) {
    return refuse(
      413,
      "payload_too_large",
      `The body exceeds ${MAX_WEBHOOK_BODY_BYTES} bytes; split it into several deliveries.`,
      {
        limitBytes: MAX_WEBHOOK_BODY_BYTES,
      },
    );
  }
  const rawBody = input.rawBody;

  const secrets = readSecrets(input, connector);
  if (!secrets.ok) {
    log.error({ connectorId, tenantId, problem: secrets.problem }, "webhook secret unusable");
    const response = await refuse(
      503,
      "not_configured",
      "This webhook cannot verify signatures yet: its secret is missing or unreadable. Ask the Gemba admin to set it, then retry.",
    );
    return { ...response, headers: { "Retry-After": String(PAUSED_RETRY_AFTER_SECONDS) } };
  }

  const verification = verifyWebhookSignature({
    secret: secrets.value.secret,
    previousSecret: secrets.value.previousSecret,
    timestampHeader: input.headers.get(TIMESTAMP_HEADER),
    signatureHeader: input.headers.get(SIGNATURE_HEADER),
    rawBody,
    now,
    toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
  });
  if (!verification.ok) {
    log.warn({ connectorId, tenantId, code: verification.code }, "webhook delivery refused: signature");
    const response = await refuse(401, verification.code, verification.message, { signing: SIGNING_HELP });
    return { ...response, headers: { "WWW-Authenticate": `HMAC-SHA256 realm="gemba-webhook"` } };
  }

  const mapped = mapDelivery(rawBody, connector.config, {
    sourceId: connectorId,
    deliveredAt: new Date(verification.timestamp * 1000),
  });
  if (mapped.items.length > MAX_WEBHOOK_RECORDS || mapped.rejected.length > MAX_WEBHOOK_RECORDS) {
    const message = `One delivery may carry at most ${MAX_WEBHOOK_RECORDS} records; split it.`;
    return refuse(413, "too_many_records", message, { limitRecords: MAX_WEBHOOK_RECORDS }, true);
  }

  const replayInput = { connectorId, signature: verification.signature, toleranceSeconds: DEFAULT_TOLERANCE_SECONDS };
  const batchId = `webhook-${createHash("sha256").update(`${connectorId}:${verification.signature}`).digest("hex")}`;
  try {
    const claim = await claimDelivery(redis, replayInput);
    if (claim === "replay") {
      log.warn({ connectorId, tenantId, batchId }, "webhook delivery refused: replay");
      return refuse(
        409,
        "replay",
        "This signed delivery was already accepted. If this is a retry, nothing more is needed; otherwise sign every delivery with a fresh timestamp.",
        { batchId },
      );
    }
    if (mapped.items.length + mapped.rejected.length > 0) {
      // One job per signed request: a retry after a crash enqueues the same job id, which is a no-op.
      await enqueueIngestBatch(
        input.queues,
        { tenantId, connectorId, sourceId: connectorId, items: mapped.items, rejected: mapped.rejected },
        { batchId },
      );
    }
  } catch (error) {
    log.error({ err: error, connectorId, tenantId, batchId }, "webhook delivery could not be queued");
    await recordHealth(input, log, {
      events: 0,
      error: "A delivery could not be queued (Redis unavailable); the sender was asked to retry.",
      at: now,
    });
    return unavailable();
  }
  await markDeliveryAccepted(redis, replayInput).catch((error: unknown) =>
    // Queued already: at worst a replay of this request is queued again under the same job id.
    log.warn({ err: error, connectorId, batchId }, "webhook delivery not marked as accepted"),
  );

  const problems = mapped.rejected.map((entry) => entry.reason);
  const total = mapped.items.length + problems.length;
  await recordHealth(input, log, {
    events: mapped.items.length,
    error: problems.length === 0 ? undefined : `${problems.length} of ${total} records dead-lettered: ${problems[0]}`,
    at: now,
  });
  return accepted({ accepted: mapped.items.length, problems, batchId: total > 0 ? batchId : null }, verification);
}

/**
 * 202 for everything authentic. `accepted` counts records queued as events (the worker still
 * validates them and dead-letters any it cannot store); `rejected` those already dead-lettered.
 */
function accepted(
  outcome: { accepted: number; problems: string[]; batchId: string | null },
  verification: { usedPreviousSecret: boolean },
): TWebhookResponse {
  const { problems } = outcome;
  const body: Record<string, unknown> = {
    accepted: outcome.accepted,
    rejected: problems.length,
    batchId: outcome.batchId,
  };
  if (problems.length > 0) {
    body.message =
      `${problems.length} record${problems.length > 1 ? "s" : ""} could not be turned into events and ` +
      "were kept in Gemba as dead letters; an admin can fix the mapping and retry them. Do not resend.";
    body.problems = problems.slice(0, 10);
  } else if (outcome.accepted === 0) {
    body.message = "The delivery held no records.";
  }
  if (verification.usedPreviousSecret) {
    body.warning = "Signed with the previous webhook secret, which is being retired: switch to the current secret.";
  }
  return { status: 202, body };
}

type TWebhookConnectorRow = { tenantId: string; enabled: boolean; config: unknown; secrets: string | null };

/**
 * The URL names a connector but not its tenant: a narrow SECURITY DEFINER function answers the
 * tenant (and nothing else), then the row is read under that tenant's row-level security.
 * Another kind of connector is reported like a missing one, so the URL reveals nothing.
 */
async function findWebhookConnector(
  db: TReceiveWebhookInput["db"],
  connectorId: string,
): Promise<TWebhookConnectorRow | null> {
  const { rows } = await db.pool.query<{ tenantId: string | null }>(
    `SELECT gemba_connector_tenant($1::uuid) AS "tenantId"`,
    [connectorId],
  );
  const tenantId = rows[0]?.tenantId;
  if (!tenantId) return null;
  const row = await withTenant(db.prisma, tenantId, (tx) =>
    tx.connector.findUnique({
      where: { tenantId_id: { tenantId, id: connectorId } },
      select: { kind: true, enabled: true, config: true, secrets: true },
    }),
  );
  if (row?.kind !== "WEBHOOK") return null;
  return { tenantId, enabled: row.enabled, config: row.config, secrets: row.secrets };
}

function readSecrets(
  input: TReceiveWebhookInput,
  connector: TWebhookConnectorRow,
): { ok: true; value: { secret: string; previousSecret?: string | undefined } } | { ok: false; problem: string } {
  if (!connector.secrets) return { ok: false, problem: "no secrets stored" };
  try {
    const plaintext = openSecrets(input.secretsKey, connector.secrets, {
      tenantId: connector.tenantId,
      connectorId: input.connectorId,
    });
    const parsed = ZWebhookSecrets.safeParse(plaintext);
    // Issue paths only: a zod message could quote the value.
    if (!parsed.success)
      return { ok: false, problem: `invalid secrets (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")})` };
    return { ok: true, value: parsed.data };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : "secrets could not be opened" };
  }
}

/** Health counters are for the admin's eyes: failing to write them must not fail the delivery. */
async function recordHealth(
  input: TReceiveWebhookInput,
  log: TWebhookLog,
  outcome: Parameters<typeof recordDelivery>[2],
): Promise<void> {
  try {
    await recordDelivery(input.redis, input.connectorId, outcome);
  } catch (error) {
    log.warn({ err: error, connectorId: input.connectorId }, "webhook health counters not updated");
  }
}

const notFound = (): TWebhookResponse => ({
  status: 404,
  body: { error: "not_found", message: "No such webhook. Check the URL shown on the connector's page in Gemba." },
});

const unavailable = (): TWebhookResponse => ({
  status: 503,
  body: { error: "unavailable", message: "Gemba cannot accept deliveries right now. Retry later; nothing was stored." },
  headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
});
