-- Tenant isolation by the database, not by good intentions.
--
-- The application connects as `gemba_app`: it owns no table, has no BYPASSRLS, and may only
-- read and write rows of the tenant named by the transaction-local setting `app.tenant_id`
-- (set with set_config(..., true) at the start of every request and job transaction).
-- Migrations run as the owner of the tables.

-- The role is cluster-wide; parallel test databases may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gemba_app') THEN
    CREATE ROLE gemba_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- An unset or empty setting yields NULL, which matches no row: forgetting to set the tenant
-- shows nothing rather than everything.
CREATE FUNCTION gemba_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION gemba_current_user() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO gemba_app;
GRANT EXECUTE ON FUNCTION gemba_current_tenant(), gemba_current_user() TO gemba_app;

-- Identity tables are global: a person signs in once and may belong to several tenants.
GRANT SELECT ON "Tenant" TO gemba_app;
GRANT SELECT, INSERT, UPDATE ON "User" TO gemba_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "UserSession" TO gemba_app;
GRANT SELECT, INSERT, DELETE ON "LoginAttempt" TO gemba_app;

-- Tenant tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  "Membership", "Invitation", "Site", "Area", "Line", "WorkCenter", "Product", "ProductionOrder",
  "ShiftPattern", "Shift", "ShiftBreak", "NoShiftPeriod"
  TO gemba_app;
-- Append-only: the application may add and read events and audit entries, never change them.
GRANT SELECT, INSERT ON "Event", "AuditEntry" TO gemba_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gemba_app;

-- Inside a tenant, only that tenant is visible. With no tenant set but a user (the tenant
-- switcher, before a plant is chosen), the tenants that user belongs to. Creating tenants is a
-- provisioning step done by the owner, which is not forced through RLS on this table.
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_visible ON "Tenant" FOR SELECT
  USING (
    "id" = gemba_current_tenant()
    OR (
      gemba_current_tenant() IS NULL
      AND EXISTS (
        SELECT 1 FROM "Membership" m
        WHERE m."tenantId" = "Tenant"."id" AND m."userId" = gemba_current_user()
      )
    )
  );

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'Membership', 'Invitation', 'Site', 'Area', 'Line', 'WorkCenter', 'Product', 'ProductionOrder',
    'ShiftPattern', 'Shift', 'ShiftBreak', 'NoShiftPeriod', 'Event', 'AuditEntry'
  ]
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("tenantId" = gemba_current_tenant()) '
      'WITH CHECK ("tenantId" = gemba_current_tenant())',
      t
    );
  END LOOP;
END
$$;

-- With no tenant set, a signed-in user may list their own memberships in every tenant (to
-- switch between them). Permissive policies are OR-ed, so the tenant condition matters: inside
-- a tenant this policy must add nothing, or the user's memberships elsewhere would show up
-- there. Memberships can only ever be changed inside the current tenant.
CREATE POLICY own_memberships ON "Membership" FOR SELECT
  USING (gemba_current_tenant() IS NULL AND "userId" = gemba_current_user());
