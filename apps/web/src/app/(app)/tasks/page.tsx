import { roleAtLeast } from "@gemba/domain/roles";
import type { Metadata } from "next";
import { TaskInbox } from "~/components/tasks/task-inbox";
import { requireRole } from "~/server/auth-guards";

export const metadata: Metadata = { title: "Tasks" };

/** Every member's inbox: operators on the floor tablet, managers at their desk. */
export default async function TasksPage() {
  const me = await requireRole("OPERATOR");
  const role = me.active?.role ?? "OPERATOR";
  return (
    <div className="page">
      <TaskInbox myName={me.user.name} isManager={roleAtLeast(role, "MANAGER")} plantName={me.active?.name} />
    </div>
  );
}
