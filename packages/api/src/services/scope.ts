import type { Tx } from "@gemba/db/tenant-scope";
import type { TRole } from "@gemba/domain/roles";

/** Who is acting, in which tenant, through which transaction (RLS already set). */
export type TenantActor = {
  tx: Tx;
  tenantId: string;
  userId: string;
  role: TRole;
  membershipId: string;
};
