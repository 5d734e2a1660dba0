import "server-only";
import { randomUUID } from "node:crypto";
import { createCaller } from "@gemba/api/root";
import { cache } from "react";
import { currentSession } from "~/server/auth";
import { database } from "~/server/db";
import { platformServices } from "~/server/platform";

/**
 * Server components call procedures directly (no HTTP hop) through the same ladder of
 * checks as the browser: session, membership, role, row-level security.
 */
export const serverApi = cache(async () =>
  createCaller({
    db: database().prisma,
    session: await currentSession(),
    requestId: randomUUID(),
    platform: platformServices(),
  }),
);
