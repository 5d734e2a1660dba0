import type { TConnectionTestResult, TConnectorContext, TConnectorDefinition } from "../framework/definition";
import { type TWebhookConfig, type TWebhookSecrets, ZWebhookConfig, ZWebhookSecrets } from "./config";
import { replayWebhookDeadLetter } from "./replay-dead-letter";
import {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
} from "./signature";

const PLACEHOLDER_WORK_CENTER = "00000000-0000-4000-8000-000000000000";

/** Where senders post; the admin UI prefixes it with the server's public origin. */
export const webhookPath = (connectorId: string) => `/api/ingest/${connectorId}`;

/**
 * What a sender's developer runs to try the webhook: the secret stays in their shell variable, so
 * neither this text nor anything else the browser receives holds it.
 */
export function exampleSignedRequest(url: string, body = '{"hello":"gemba"}'): string {
  return [
    "TS=$(date +%s)",
    `BODY='${body}'`,
    `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$GEMBA_WEBHOOK_SECRET" | awk '{print $NF}')`,
    `curl -X POST '${url}' -H 'Content-Type: application/json' -H "${TIMESTAMP_HEADER}: $TS" -H "${SIGNATURE_HEADER}: sha256=$SIG" --data-binary "$BODY"`,
  ].join("\n");
}

function describeMapping(config: TWebhookConfig): string[] {
  if (config.format === "safetyculture") {
    return [
      `SafetyCulture format: ${config.workCenters.length} work-center row(s)${config.fallbackWorkCenterId ? " and a fallback work center" : ", no fallback (unmatched deliveries are dead-lettered)"}.`,
      `An inspection fails below ${config.passScorePercent} %${config.failOnFailedItems ? " or with any failed item" : ""}; ${config.checklistTemplates.length} checklist template(s).`,
      "Subscribe the SafetyCulture webhook to TRIGGER_EVENT_INSPECTION_COMPLETED and TRIGGER_EVENT_ACTION_CREATED (or TRIGGER_EVENT_INCIDENT_CREATED); other events are dead-lettered.",
    ];
  }
  const kind = config.kind.from === "fixed" ? config.kind.kind : `read from "${config.kind.path}"`;
  const workCenter =
    config.workCenter.from === "fixed"
      ? "one work center"
      : `looked up from "${config.workCenter.path}" (${config.workCenter.values.length} value(s))`;
  return [
    `Generic JSON: ${config.eventsPath ? `records in "${config.eventsPath}"` : "the body is one record"}; kind ${kind}; work center ${workCenter}.`,
    `Event time ${config.eventTimePath ? `from "${config.eventTimePath}"` : "= the signed delivery time"}; duplicates recognised by ${config.dedupeKeyPath ? `"${config.dedupeKeyPath}"` : "a hash of the record"}.`,
  ];
}

async function testWebhook(
  context: TConnectorContext<TWebhookConfig, TWebhookSecrets>,
): Promise<TConnectionTestResult> {
  const path = webhookPath(context.connectorId);
  const config = ZWebhookConfig.safeParse(context.config);
  const secrets = ZWebhookSecrets.safeParse(context.secrets);
  const problems = [
    ...(config.success
      ? []
      : config.error.issues.map((issue) => `Config ${issue.path.join(".") || "(root)"}: ${issue.message}`)),
    // Paths only: a zod message about a secret could quote it.
    ...(secrets.success
      ? []
      : secrets.error.issues.map(
          (issue) => `Secret "${issue.path.join(".")}" is missing or shorter than 32 characters.`,
        )),
  ];
  if (!config.success || !secrets.success) {
    return { ok: false, summary: "The webhook is not ready to receive deliveries.", details: problems };
  }
  // Signing and verifying a sample proves the stored secret is usable, without any network.
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  const sample = '{"hello":"gemba"}';
  const roundTrip = verifyWebhookSignature({
    secret: secrets.data.secret,
    timestampHeader: String(timestamp),
    signatureHeader: signWebhook(secrets.data.secret, timestamp, sample),
    rawBody: sample,
    now,
  });
  if (!roundTrip.ok)
    return { ok: false, summary: "The stored secret cannot sign deliveries.", details: [roundTrip.message] };
  return {
    ok: true,
    summary: `Ready: senders POST to ${path} with a signed body.`,
    details: [
      `URL path: ${path} (after this server's address).`,
      `Headers: ${TIMESTAMP_HEADER}: <unix seconds>, ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>; at most ${DEFAULT_TOLERANCE_SECONDS} s clock difference; each signed request is accepted once.`,
      ...describeMapping(config.data),
      ...(secrets.data.previousSecret
        ? ["A previous secret is still accepted: remove it once every sender uses the current one."]
        : []),
      `Try it (with the secret in $GEMBA_WEBHOOK_SECRET):\n${exampleSignedRequest(`https://<gemba-host>${path}`)}`,
    ],
  };
}

export const webhookConnector: TConnectorDefinition<TWebhookConfig, TWebhookSecrets> = {
  kind: "WEBHOOK",
  label: "Webhook (SafetyCulture, generic JSON)",
  description: [
    "Receives pushed events at POST /api/ingest/<connector id>: SafetyCulture inspection and action notifications",
    "(completed inspections become INSPECTION_PASSED / INSPECTION_FAILED / CHECKLIST_DONE, created actions and issues",
    "ISSUE_RAISED), or any JSON mapped field by field.",
    `Every delivery must be signed: ${TIMESTAMP_HEADER}: <unix seconds> and ${SIGNATURE_HEADER}: sha256=<lower-case hex`,
    'HMAC-SHA256 of "<timestamp>.<raw body bytes>" keyed with the webhook secret>. Deliveries more than',
    `${DEFAULT_TOLERANCE_SECONDS} s off the server clock, and repeats of an already accepted signed request, are refused.`,
    "Answers: 202 accepted (records that cannot be mapped are kept as dead letters, the body says why), 401 bad or",
    "missing signature, 409 replay, 413 too large (1 MiB), 503 paused or temporarily unavailable (retry).",
    `Example:\n${exampleSignedRequest("https://<gemba-host>/api/ingest/<connector id>")}`,
  ].join(" "),
  configSchema: ZWebhookConfig,
  secretsSchema: ZWebhookSecrets,
  exampleConfig: {
    format: "safetyculture",
    workCenters: [
      { match: "Press 400t", workCenterId: PLACEHOLDER_WORK_CENTER },
      { match: "Riverside Plant", workCenterId: PLACEHOLDER_WORK_CENTER },
    ],
    passScorePercent: 80,
    failOnFailedItems: true,
    checklistTemplates: [{ match: "Press start-up checklist" }],
  },
  test: (context) => testWebhook(context),
  replay: (context, payload, letter) =>
    replayWebhookDeadLetter(context.config, payload, { sourceId: context.sourceId, receivedAt: letter.receivedAt }),
};
