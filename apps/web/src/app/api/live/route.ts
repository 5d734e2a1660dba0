import { resolveUserSession } from "@gemba/auth/sessions";
import { currentSession } from "~/server/auth";
import { database } from "~/server/db";
import { liveSubscriber } from "~/server/live-subscriber";
import { serverApi } from "~/trpc/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** A signed-out or removed user's open stream ends within this long. */
const SESSION_CHECK_MS = 30_000;

const encoder = new TextEncoder();
const frame = (event: string, data: string) => encoder.encode(`event: ${event}\ndata: ${data}\n\n`);

/**
 * Server-Sent Events of the signed-in user's active plant: what the worker publishes on the
 * tenant's live bus (new events, timeline changes), as it happens. The tenant comes from the
 * verified membership, never from the request. After a dropped connection the browser reconnects
 * by itself (EventSource) and the page refetches what it shows: the stream is for "now", the
 * database for catching up.
 */
export async function GET(request: Request): Promise<Response> {
  const session = await currentSession();
  if (!session) return Response.json({ error: "Sign in to receive live updates." }, { status: 401 });
  const me = await (await serverApi()).me.get();
  const tenantId = me.active?.tenantId;
  if (!tenantId) return Response.json({ error: "Choose a plant first." }, { status: 403 });

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      send(encoder.encode("retry: 3000\n\n"));
      const stopListening = await liveSubscriber().listen(tenantId, (message) => {
        const type = (JSON.parse(message) as { type?: string }).type ?? "message";
        send(frame(type, message));
      });
      const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
      const sessionCheck = setInterval(async () => {
        const current = await resolveUserSession(database().prisma, session.sessionId).catch(() => null);
        if (!current || current.activeTenantId !== tenantId) {
          send(frame("ended", JSON.stringify({ reason: "Your session or plant changed: reload the page." })));
          cleanup();
        }
      }, SESSION_CHECK_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(sessionCheck);
        stopListening();
        try {
          controller.close();
        } catch {
          // already closed by the browser
        }
        cleanup = () => {};
      };
      request.signal.addEventListener("abort", () => cleanup());
      send(frame("ready", JSON.stringify({ tenantId, at: new Date().toISOString() })));
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
