import { readLimitedBody } from "@gemba/connectors/webhook/read-body";
import { receiveWebhook } from "@gemba/connectors/webhook/receive-webhook";
import { parseSecretsKey } from "@gemba/db/secrets/secrets-box";
import { NextResponse } from "next/server";
import { database } from "~/server/db";
import { webEnv } from "~/server/env";
import { logger } from "~/server/logger";
import { queues } from "~/server/queues";
import { redis } from "~/server/redis";

// Signature checks need node:crypto and the raw bytes; nothing here may be cached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ connectorId: string }> };

/** Webhook intake (SafetyCulture, generic JSON): signed deliveries become ingest batches. See packages/connectors/src/webhook. */
export async function POST(request: Request, context: TRouteContext): Promise<Response> {
  const { connectorId } = await context.params;
  const result = await receiveWebhook({
    db: database(),
    redis: redis(),
    queues: queues(),
    secretsKey: parseSecretsKey(webEnv().SECRETS_KEY),
    connectorId,
    headers: request.headers,
    rawBody: await readLimitedBody(request),
    log: logger().child({ route: "webhook", connectorId }),
  });
  return NextResponse.json(result.body, { status: result.status, headers: result.headers });
}

// Next answers unexported methods with a bare 405 and lists every exported one under OPTIONS, so
// both are spelled out: only POST delivers.
const methodNotAllowed = () =>
  NextResponse.json(
    { error: "method_not_allowed", message: "Deliver webhooks with POST." },
    { status: 405, headers: { Allow: "POST" } },
  );

export const GET = methodNotAllowed;
export const HEAD = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
export const OPTIONS = () => new Response(null, { status: 204, headers: { Allow: "OPTIONS, POST" } });
