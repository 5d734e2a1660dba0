import type { Metadata } from "next";
import { AuditChainStatus } from "~/components/admin/audit-chain-status";
import { AuditLog } from "~/components/admin/audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditPage() {
  return (
    <>
      <AuditChainStatus />
      <AuditLog />
    </>
  );
}
