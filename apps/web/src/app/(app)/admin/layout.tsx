import type { ReactNode } from "react";
import { AdminTabs } from "~/components/admin/admin-tabs";
import { PageHeader } from "~/components/ui/page-header";
import { requireRole } from "~/server/auth-guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await requireRole("ADMIN");
  return (
    <div className="page">
      <PageHeader
        eyebrow={me.active?.name}
        title="Administration"
        description="Who can use Gemba in this plant, the systems that feed it, and a record of every change."
      />
      <AdminTabs />
      {children}
    </div>
  );
}
