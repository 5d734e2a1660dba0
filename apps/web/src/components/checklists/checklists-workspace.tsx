"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlusIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { RunsOverview } from "./runs-overview";
import { TemplateTable } from "./template-table";

export type TChecklistsView = "templates" | "runs";

const VIEWS = [
  { value: "templates", label: "Checklists" },
  { value: "runs", label: "Recent runs" },
] as const satisfies readonly { value: TChecklistsView; label: string }[];

/** The manager's checklists page: the templates, or the runs done with them (?view=runs, so it can be linked). */
export function ChecklistsWorkspace({ plantName, initialView }: { plantName?: string; initialView: TChecklistsView }) {
  const router = useRouter();
  const [view, setView] = useState<TChecklistsView>(initialView);
  return (
    <>
      <PageHeader
        eyebrow={plantName}
        title="Checklists"
        description="Start-up checks, changeovers and work instructions for the floor: versioned, run at the work centers, with every failed or out-of-limit answer flagged."
        actions={
          <>
            <SegmentedControl
              label="View"
              options={VIEWS}
              value={view}
              onChange={(next) => {
                setView(next);
                router.replace(next === "runs" ? "/checklists?view=runs" : "/checklists", { scroll: false });
              }}
            />
            <Link href="/checklists/new" className="btn btn-primary">
              <PlusIcon size={16} /> New checklist
            </Link>
          </>
        }
      />
      {view === "templates" ? <TemplateTable /> : <RunsOverview />}
    </>
  );
}
