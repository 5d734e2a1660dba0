import "server-only";
import { Redis } from "ioredis";
import { webEnv } from "./env";
import { logger } from "./logger";

const globalForRedis = globalThis as unknown as { gembaRedis?: Redis };

export function redis(): Redis {
  if (!globalForRedis.gembaRedis) {
    const connection = new Redis(webEnv().REDIS_URL, {
      // Fail fast instead of queueing commands forever while Redis is down: the health check
      // and live views must report the outage, not hang.
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    // ioredis reconnects by itself; the listener keeps an outage from being an unhandled error.
    // Attached once, when the connection is made (not on every call).
    connection.on("error", (error) => logger().warn({ err: error }, "redis connection problem"));
    globalForRedis.gembaRedis = connection;
  }
  return globalForRedis.gembaRedis;
}
