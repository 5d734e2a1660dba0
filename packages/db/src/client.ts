import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";
export { PrismaClient };

export type DbConfig = {
  connectionString: string;
  /** Upper bound of pooled connections for this process. */
  maxConnections?: number;
  /** Shown in pg_stat_activity; helps an admin see which process holds a connection. */
  applicationName: string;
  /**
   * Called when an idle pooled connection breaks (Postgres restarted, network cut). Without a
   * listener pg would crash the process; with one, the pool drops the connection and the next
   * query reconnects or fails with an error the caller handles.
   */
  onIdleConnectionError?: (error: Error) => void;
};

/**
 * One pg pool per process, shared by Prisma (through the driver adapter) and by the few
 * raw-SQL paths that need bulk throughput (event inserts).
 */
export type Database = {
  prisma: PrismaClient;
  pool: pg.Pool;
  close: () => Promise<void>;
};

export function createDatabase(config: DbConfig): Database {
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.maxConnections ?? 10,
    application_name: config.applicationName,
  });
  pool.on("error", (error) => config.onIdleConnectionError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
