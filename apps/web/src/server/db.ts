import "server-only";
import { createDatabase, type Database } from "@gemba/db/client";
import { webEnv } from "./env";
import { logger } from "./logger";

// One pool per server process; kept on globalThis so dev-mode hot reloads do not leak pools.
const globalForDb = globalThis as unknown as { gembaDatabase?: Database };

export function database(): Database {
  globalForDb.gembaDatabase ??= createDatabase({
    connectionString: webEnv().APP_DATABASE_URL,
    applicationName: "gemba-web",
    maxConnections: 10,
    onIdleConnectionError: (error) => logger().warn({ err: error }, "idle database connection lost"),
  });
  return globalForDb.gembaDatabase;
}
