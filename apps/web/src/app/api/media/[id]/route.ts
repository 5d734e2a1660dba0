import { readMedia } from "@gemba/api/services/checklists/media";
import { withTenant } from "@gemba/db/tenant-scope";
import { isAppError } from "@gemba/domain/errors";
import { currentSession } from "~/server/auth";
import { database } from "~/server/db";
import { serverApi } from "~/trpc/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A step image or run photo of the signed-in user's active plant. The tenant comes from the
 * verified membership (as for the live stream), and the read runs under row-level security: an
 * id of another plant is simply not found. Media is never rewritten, so the browser may keep it,
 * privately (never a shared cache: it is one plant's data).
 */
export async function GET(_request: Request, context: TRouteContext): Promise<Response> {
  const session = await currentSession();
  if (!session) return Response.json({ error: "Sign in to see this image." }, { status: 401 });
  const me = await (await serverApi()).me.get();
  const tenantId = me.active?.tenantId;
  if (!tenantId) return Response.json({ error: "Choose a plant first." }, { status: 403 });
  const { id } = await context.params;
  if (!UUID.test(id)) return Response.json({ error: "This image does not exist in your plant." }, { status: 404 });
  try {
    const file = await withTenant(database().prisma, tenantId, (tx) => readMedia(tx, id), session.userId);
    return new Response(Buffer.from(file.data), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.byteSize),
        "cache-control": "private, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") {
      return Response.json({ error: error.message }, { status: 404 });
    }
    throw error;
  }
}
