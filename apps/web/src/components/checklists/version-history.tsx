"use client";

import { INPUT_KIND_LABELS } from "@gemba/domain/checklists/checklist-steps";
import { limitText } from "@gemba/domain/checklists/evaluate-answer";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import type { TTemplateDetail } from "./checklist-types";
import styles from "./editor.module.css";

/** Every published version, newest first, with who published it and how many runs used it; each can be opened. */
export function VersionHistory({ template }: { template: TTemplateDetail }) {
  const timeZone = usePlantTimeZone();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card" aria-labelledby="versions-title" data-testid="version-history">
      <div className="card-header">
        <div>
          <h2 id="versions-title">Version history</h2>
          <p>Published versions never change. A run always shows the version it started with.</p>
        </div>
      </div>
      <ol className={styles.versions}>
        {template.versions.map((version) => (
          <li key={version.version} className={styles.version} data-testid="version-row">
            <button
              type="button"
              className={styles.versionButton}
              aria-expanded={open === version.version}
              onClick={() => setOpen((current) => (current === version.version ? null : version.version))}
            >
              <span className={styles.versionNumber}>
                Version {version.version}
                {version.version === template.currentVersion ? (
                  <span className="badge badge-accent">Current</span>
                ) : null}
              </span>
              <span className="subtle">
                {formatDateTime(version.publishedAt, timeZone)}
                {version.publishedBy ? ` · ${version.publishedBy.name}` : ""}
              </span>
              <span className="subtle">
                {version.stepCount} step{version.stepCount === 1 ? "" : "s"} · {version.runs} run
                {version.runs === 1 ? "" : "s"}
                {version.requireSignOff ? " · sign-off" : ""}
              </span>
            </button>
            {open === version.version ? <VersionSteps templateId={template.id} version={version.version} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionSteps({ templateId, version }: { templateId: string; version: number }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.checklists.templates.get.queryOptions({ templateId, version }));
  if (detail.isPending) return <Skeleton height="60px" />;
  if (detail.error) return <Alert tone="danger">{apiErrorMessage(detail.error)}</Alert>;
  return (
    <ol className={styles.versionSteps}>
      {detail.data.shown.steps.map((step) => (
        <li key={step.id}>
          <strong>{step.title}</strong>{" "}
          <span className="subtle">
            {INPUT_KIND_LABELS[step.input.kind]}
            {step.input.kind === "NUMBER" && limitText(step.input) ? ` · ${limitText(step.input)}` : ""}
            {step.input.required ? "" : " · optional"}
          </span>
        </li>
      ))}
    </ol>
  );
}
