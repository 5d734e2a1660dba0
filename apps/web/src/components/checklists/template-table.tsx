"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ArchiveIcon, ChecklistIcon, PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeAgo } from "~/components/ui/time-ago";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TTemplateRow } from "./checklist-types";
import styles from "./checklists.module.css";
import { RunStatusBadge } from "./run-status-badge";
import { StartRunDialog } from "./start-run-dialog";

/** The plant's checklists: where each applies, its version, and how it has been used lately. */
export function TemplateTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const [showArchived, setShowArchived] = useState(false);
  const [archiving, setArchiving] = useState<TTemplateRow | null>(null);
  const [starting, setStarting] = useState<TTemplateRow | null>(null);
  const templates = useQuery(trpc.checklists.templates.list.queryOptions({ includeArchived: showArchived }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.checklists.pathKey() });
  const setArchived = useMutation(
    trpc.checklists.templates.setArchived.mutationOptions({
      onSuccess: async () => {
        setArchiving(null);
        await refresh();
      },
    }),
  );

  return (
    <section className={`card ${styles.tableCard}`} aria-labelledby="templates-title">
      <div className="card-header">
        <div>
          <h2 id="templates-title">Checklists and work instructions</h2>
          <p>Editing publishes a new version; checklists already running keep the version they started with.</p>
        </div>
        <label className={styles.toggle}>
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          Show archived
        </label>
      </div>
      {setArchived.error && !archiving ? <Alert tone="danger">{apiErrorMessage(setArchived.error)}</Alert> : null}
      {templates.isPending ? (
        <div className="card-body form-stack" aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading checklists…
          </span>
          <Skeleton height="44px" />
          <Skeleton height="44px" />
        </div>
      ) : templates.error ? (
        <div className="card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(templates.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void templates.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : templates.data.length === 0 ? (
        <EmptyState
          title="No checklists yet"
          icon={<ChecklistIcon size={22} />}
          action={
            <Link href="/checklists/new" className="btn btn-primary">
              <PlusIcon size={16} /> New checklist
            </Link>
          }
        >
          Write the checks your operators do at start-up, changeover or first-off: steps with instructions and images,
          measured values with limits, pass/fail and photos.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.templateTable}`} data-testid="template-table">
            <thead>
              <tr>
                <th scope="col">Checklist</th>
                <th scope="col">Applies to</th>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col" className="num">
                  Steps
                </th>
                <th scope="col">Last run</th>
                <th scope="col" className="num">
                  Runs, 7 days
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.data.map((template) => (
                <tr
                  key={template.id}
                  data-testid="template-row"
                  data-archived={template.archivedAt ? "true" : undefined}
                >
                  <td className={styles.nameCell}>
                    <div className="cell-stack">
                      <Link href={`/checklists/${template.id}`} className={styles.rowTitle}>
                        {template.name}
                      </Link>
                      {template.archivedAt ? (
                        <small>
                          <span className="badge">Archived</span>
                        </small>
                      ) : template.description ? (
                        <small className={styles.clamp}>{template.description}</small>
                      ) : null}
                    </div>
                  </td>
                  <td>{template.line ? template.line.name : <span className="muted">Every work center</span>}</td>
                  <td className="num">v{template.currentVersion}</td>
                  <td className="num">{template.stepCount}</td>
                  <td>
                    {template.lastRun ? (
                      <div className="cell-stack">
                        <Link href={`/checklists/runs/${template.lastRun.id}`}>
                          <TimeAgo value={template.lastRun.startedAt} timeZone={timeZone} /> ·{" "}
                          {template.lastRun.workCenterCode}
                        </Link>
                        <small>
                          <RunStatusBadge status={template.lastRun.status} flagged={template.lastRun.failedSteps} />
                        </small>
                      </div>
                    ) : (
                      <span className="muted">Never run</span>
                    )}
                  </td>
                  <td className="num">
                    <div className={styles.runCount}>
                      {template.runsLast7Days}
                      {template.flaggedRunsLast7Days > 0 ? (
                        <span className="badge badge-danger" title="Runs with a failed or out-of-limit step">
                          {template.flaggedRunsLast7Days} flagged
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td>
                    <div className={styles.rowActions}>
                      {template.archivedAt ? (
                        <button
                          type="button"
                          className="btn"
                          disabled={setArchived.isPending}
                          onClick={() => setArchived.mutate({ templateId: template.id, archived: false })}
                        >
                          Restore
                        </button>
                      ) : (
                        <>
                          <button type="button" className="btn" onClick={() => setStarting(template)}>
                            Start a run
                          </button>
                          <button
                            type="button"
                            className="btn btn-ghost"
                            aria-label={`Archive ${template.name}`}
                            title="Archive"
                            onClick={() => {
                              setArchived.reset();
                              setArchiving(template);
                            }}
                          >
                            <ArchiveIcon size={18} />
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={`Archive “${archiving?.name ?? ""}”?`}
        confirmLabel="Archive checklist"
        pendingLabel="Archiving…"
        pending={setArchived.isPending}
        error={setArchived.error ? apiErrorMessage(setArchived.error) : null}
        onConfirm={() => archiving && setArchived.mutate({ templateId: archiving.id, archived: true })}
        onCancel={() => setArchiving(null)}
      >
        It can no longer be started, by people or by rules. Its versions and past runs stay, and you can restore it
        under “Show archived”.
      </ConfirmDialog>
      {starting ? (
        <StartRunDialog
          templateId={starting.id}
          templateName={starting.name}
          lineId={starting.line?.id ?? null}
          onClose={() => setStarting(null)}
        />
      ) : null}
    </section>
  );
}
