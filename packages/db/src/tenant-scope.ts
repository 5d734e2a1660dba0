import type pg from "pg";
import type { Prisma, PrismaClient } from "./client";

/** Prisma client bound to one transaction whose tenant (and user) are set. */
export type Tx = Prisma.TransactionClient;

export type Scope = {
  /** Rows of every tenant table are limited to this tenant by row-level security. */
  tenantId: string | null;
  /** Lets a signed-in user see their own memberships in other tenants (tenant switcher). */
  userId: string | null;
};

const transactionOptions = { maxWait: 5_000, timeout: 20_000 } as const;

/**
 * Runs `work` in one transaction that first sets the tenant and user with transaction-local
 * `set_config(..., true)`. The settings vanish at commit or rollback, so a pooled connection
 * handed to the next request never carries the previous tenant.
 */
export async function withScope<T>(prisma: PrismaClient, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${scope.tenantId ?? ""}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`;
    return work(tx);
  }, transactionOptions);
}

export function withTenant<T>(
  prisma: PrismaClient,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
  userId: string | null = null,
): Promise<T> {
  return withScope(prisma, { tenantId, userId }, work);
}

/**
 * The same guarantee for raw SQL on the pg pool (bulk inserts, COPY): BEGIN, set the tenant
 * transaction-locally, run, COMMIT — or ROLLBACK and rethrow.
 */
export async function withTenantClient<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
