"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { PageSkeleton } from "~/components/ui/skeleton";
import { apiErrorCode, apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { TemplateEditor } from "./template-editor";

/** Loads a checklist into the editor; after publishing, the editor starts again from the new version. */
export function TemplateEditorPage({ templateId }: { templateId: string }) {
  const trpc = useTRPC();
  const [published, setPublished] = useState<number | null>(null);
  const template = useQuery(trpc.checklists.templates.get.queryOptions({ templateId }));
  if (template.isPending) return <PageSkeleton label="Loading the checklist…" blocks={2} />;
  if (template.error) {
    return (
      <section className="card card-body form-stack">
        <Alert tone="danger">{apiErrorMessage(template.error)}</Alert>
        <div>
          {apiErrorCode(template.error) === "NOT_FOUND" ? (
            <Link href="/checklists" className="btn">
              All checklists
            </Link>
          ) : (
            <button type="button" className="btn" onClick={() => void template.refetch()}>
              Try again
            </button>
          )}
        </div>
      </section>
    );
  }
  return (
    <TemplateEditor
      key={`${template.data.id}-${template.data.currentVersion}`}
      template={template.data}
      notice={
        published !== null && published === template.data.currentVersion ? (
          <Alert tone="success">
            Version {published} published. New runs use it; runs in progress keep the version they started with.
          </Alert>
        ) : null
      }
      onPublished={setPublished}
    />
  );
}
