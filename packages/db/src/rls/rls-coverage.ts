import type pg from "pg";
import { APP_ROLE } from "../roles";

type Queryable = pg.Pool | pg.Client | pg.PoolClient;

/** Every table in the schema that has a tenantId column: the tables RLS must protect. */
export async function listTenantTables(client: Queryable, schema = "public"): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [schema],
  );
  return rows.map((row) => row.table);
}

export type RlsGap = { table: string; problem: string };

/**
 * Tenant tables that are not protected: RLS not enabled, not forced (the owner would bypass it),
 * or no policy naming tenantId. Empty means every tenant table is isolated by the database.
 */
export async function findRlsGaps(client: Queryable, schema = "public"): Promise<RlsGap[]> {
  const { rows } = await client.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
    `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid
               AND pg_get_expr(p.polqual, p.polrelid) LIKE '%"tenantId"%') AS policies
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [schema],
  );
  const gaps: RlsGap[] = [];
  for (const row of rows) {
    if (!row.enabled) gaps.push({ table: row.table, problem: "row-level security is not enabled" });
    if (!row.forced) gaps.push({ table: row.table, problem: "row-level security is not forced" });
    if (row.policies === 0) gaps.push({ table: row.table, problem: "no policy filters on tenantId" });
  }
  return gaps;
}

/** The application role must not be able to sidestep RLS at all. */
export async function describeAppRole(client: Queryable) {
  const { rows } = await client.query<{ superuser: boolean; bypassrls: boolean; owns: number }>(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owns
       FROM pg_roles r WHERE r.rolname = $1`,
    [APP_ROLE],
  );
  return rows[0] ?? null;
}

/**
 * The "forgotten filter" probe, for every tenant table: as the application role, inside a
 * transaction scoped to `tenantId`, select tenantId from the table with no WHERE clause and
 * return which tables leaked rows of another tenant.
 */
export async function findTablesLeakingOtherTenants(appClient: pg.PoolClient, tenantId: string, tables: string[]) {
  const leaks: { table: string; foreignRows: number }[] = [];
  await appClient.query("BEGIN");
  try {
    await appClient.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    for (const table of tables) {
      const { rows } = await appClient.query<{ tenantId: string }>(`SELECT "tenantId" FROM "${table}"`);
      const foreignRows = rows.filter((row) => row.tenantId !== tenantId).length;
      if (foreignRows > 0) leaks.push({ table, foreignRows });
    }
  } finally {
    await appClient.query("ROLLBACK");
  }
  return leaks;
}

/**
 * Primary keys and unique indexes of tenant tables that do not include tenantId. The schema
 * rule (every key includes the tenant) keeps the data distributable by tenant later.
 */
export async function findKeysWithoutTenant(client: Queryable, schema = "public"): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT i.relname AS name
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute tenant ON tenant.attrelid = t.oid AND tenant.attname = 'tenantId' AND NOT tenant.attisdropped
      WHERE n.nspname = $1 AND ix.indisunique AND NOT (tenant.attnum = ANY(ix.indkey))
      ORDER BY 1`,
    [schema],
  );
  return rows.map((row) => row.name);
}
