-- The audit trail becomes tamper-evident and append-only in the database itself.
--
-- Each tenant's entries form a chain: `seq` numbers them 1, 2, 3 … without gaps, and `hash` is
-- SHA-256 over the previous entry's hash and this entry's content. Changing, removing or
-- re-ordering any entry breaks every link after it; gemba_verify_audit_chain() finds the first
-- broken one. The chain is written by a trigger, so no code path (a job, a script, a future
-- service) can insert an entry outside it.

ALTER TABLE "AuditEntry"
  ADD COLUMN "seq" BIGINT,
  ADD COLUMN "prevHash" BYTEA,
  ADD COLUMN "hash" BYTEA;

-- What is hashed: a JSON array of every stored field. jsonb's text form is deterministic (keys
-- ordered, one spelling per value), and an array cannot be re-split differently, unlike a join
-- with a separator that might appear in a summary.
CREATE FUNCTION gemba_audit_content(entry "AuditEntry") RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT convert_to(jsonb_build_array(
      entry."tenantId", entry."seq", entry."actorId", entry."action", entry."entityType", entry."entityId",
      entry."summary", entry."before", entry."after",
      to_char(entry."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text, 'UTF8')
  $$;

CREATE FUNCTION gemba_audit_hash(entry "AuditEntry") RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT sha256(COALESCE(entry."prevHash", '\x'::bytea) || gemba_audit_content(entry)) $$;

-- Existing entries join the chain in the order they were written. Row-level security is forced
-- on the table, so the owner lifts it for the backfill (it sees no tenant's rows otherwise).
ALTER TABLE "AuditEntry" NO FORCE ROW LEVEL SECURITY;
DO $$
DECLARE
  entry "AuditEntry";
  previous_tenant uuid := NULL;
  previous_hash bytea := NULL;
  next_seq bigint := 0;
BEGIN
  FOR entry IN SELECT * FROM "AuditEntry" ORDER BY "tenantId", "id" LOOP
    IF previous_tenant IS DISTINCT FROM entry."tenantId" THEN
      previous_tenant := entry."tenantId";
      previous_hash := NULL;
      next_seq := 0;
    END IF;
    next_seq := next_seq + 1;
    entry."seq" := next_seq;
    entry."prevHash" := previous_hash;
    entry."hash" := gemba_audit_hash(entry);
    UPDATE "AuditEntry" SET "seq" = entry."seq", "prevHash" = entry."prevHash", "hash" = entry."hash"
     WHERE "tenantId" = entry."tenantId" AND "id" = entry."id";
    previous_hash := entry."hash";
  END LOOP;
END
$$;

ALTER TABLE "AuditEntry" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AuditEntry" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL;
CREATE UNIQUE INDEX "AuditEntry_tenantId_seq_key" ON "AuditEntry"("tenantId", "seq");

-- Appends under a per-tenant lock, so two transactions never take the same predecessor. Runs as
-- the inserting role: under row-level security it sees exactly its tenant's chain.
CREATE FUNCTION gemba_audit_chain_append() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  last_entry record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('gemba-audit:' || NEW."tenantId"::text, 0));
  SELECT "seq", "hash" INTO last_entry FROM "AuditEntry"
   WHERE "tenantId" = NEW."tenantId" ORDER BY "seq" DESC LIMIT 1;
  NEW."seq" := COALESCE(last_entry."seq", 0) + 1;
  NEW."prevHash" := last_entry."hash";
  -- The stored precision, so the hash is computed over exactly what a reader gets back.
  NEW."createdAt" := date_trunc('milliseconds', COALESCE(NEW."createdAt", now()));
  NEW."hash" := gemba_audit_hash(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_append BEFORE INSERT ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION gemba_audit_chain_append();

-- No update or delete path exists, for any role (the application role has no privilege to try;
-- this stops the owner too). The one exception: a tenant being deleted takes its trail along
-- (ON DELETE CASCADE runs after the tenant row is gone).
CREATE FUNCTION gemba_audit_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Tenant" WHERE "id" = OLD."tenantId") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit entries are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION gemba_audit_refuse_change();

CREATE FUNCTION gemba_audit_refuse_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only: TRUNCATE is not allowed' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION gemba_audit_refuse_truncate();

-- The first entry of the current tenant's chain that does not hold: its content no longer gives
-- its hash, its link does not name the entry before it, or entries are missing before it (a gap
-- in seq). No row: the chain is intact. Runs as the caller, so it checks the caller's tenant.
CREATE FUNCTION gemba_verify_audit_chain()
  RETURNS TABLE ("seq" bigint, "id" bigint, "problem" text)
  LANGUAGE sql STABLE
  AS $$
    WITH chain AS (
      SELECT e."seq", e."id", e."hash", e."prevHash",
             gemba_audit_hash(e) AS recomputed,
             lag(e."hash") OVER (ORDER BY e."seq") AS "previousHash",
             lag(e."seq") OVER (ORDER BY e."seq") AS "previousSeq"
        FROM "AuditEntry" e
       WHERE e."tenantId" = gemba_current_tenant()
    )
    SELECT c."seq", c."id",
           CASE
             WHEN c."seq" <> COALESCE(c."previousSeq", 0) + 1 THEN 'entries before this one are missing'
             WHEN c."prevHash" IS DISTINCT FROM c."previousHash" THEN 'its link does not match the entry before it'
             ELSE 'its content was changed after it was written'
           END
      FROM chain c
     WHERE c."seq" <> COALESCE(c."previousSeq", 0) + 1
        OR c."prevHash" IS DISTINCT FROM c."previousHash"
        OR c.recomputed <> c."hash"
     ORDER BY c."seq"
     LIMIT 1
  $$;

GRANT EXECUTE ON FUNCTION gemba_audit_content("AuditEntry"), gemba_audit_hash("AuditEntry"),
  gemba_verify_audit_chain() TO gemba_app;
