import { randomUUID } from "node:crypto";
import { appRouter } from "@gemba/api/root";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentSession } from "~/server/auth";
import { database } from "~/server/db";
import { logger } from "~/server/logger";
import { platformServices } from "~/server/platform";

function handler(request: Request): Promise<Response> {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      db: database().prisma,
      session: await currentSession(),
      requestId,
      platform: platformServices(),
    }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger().error({ requestId, path, err: error.cause ?? error }, "procedure failed");
      }
    },
  });
}

export { handler as GET, handler as POST };
