-- The worker's minute job drafts shift handovers for every site with a shift calendar; it must
-- find those sites before any tenant is set. Ids only, through a function running as the owner of
-- the tables (like the work center directory); everything else it does happens inside one
-- tenant's scope. A site without a shift pattern runs 24/7: it has no shifts to hand over.
CREATE POLICY owner_directory ON "Site" FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY owner_directory ON "ShiftPattern" FOR SELECT TO CURRENT_USER USING (true);

CREATE FUNCTION gemba_handover_site_directory()
  RETURNS TABLE ("tenantId" uuid, "id" uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT s."tenantId", s."id" FROM "Site" s
     WHERE EXISTS (SELECT 1 FROM "ShiftPattern" p WHERE p."tenantId" = s."tenantId" AND p."siteId" = s."id")
  $$;

REVOKE ALL ON FUNCTION gemba_handover_site_directory() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gemba_handover_site_directory() TO gemba_app;
