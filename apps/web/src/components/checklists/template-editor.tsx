"use client";

import { sameContent } from "@gemba/domain/checklists/template-rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ArrowLeftIcon, PlusIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TTemplateDetail } from "./checklist-types";
import styles from "./editor.module.css";
import { StartRunDialog } from "./start-run-dialog";
import { draftFromStep, draftIssues, draftToSteps, moveStep, newStepDraft, type TStepDraft } from "./step-draft";
import { StepEditor } from "./step-editor";
import { type TDetailsDraft, TemplateDetailsCard } from "./template-details-card";
import { VersionHistory } from "./version-history";

/**
 * Writes a checklist: its details, its steps in order (reordered with the arrows), how each is
 * answered, and limits for measured values. Publishing writes version N+1; runs in progress keep
 * theirs. A new checklist is published as version 1 in one go.
 */
export function TemplateEditor({
  template,
  notice,
  onPublished,
}: {
  template: TTemplateDetail | null;
  /** Shown under the header, e.g. "Version 3 published". */
  notice?: ReactNode;
  /** After a new version of an existing checklist is published (the page reloads it). */
  onPublished?: (version: number) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [details, setDetails] = useState<TDetailsDraft>({
    name: template?.name ?? "",
    description: template?.description ?? "",
    lineId: template?.line?.id ?? "",
  });
  const [drafts, setDrafts] = useState<TStepDraft[]>(() =>
    template ? template.shown.steps.map(draftFromStep) : [newStepDraft([])],
  );
  const [requireSignOff, setRequireSignOff] = useState(template?.shown.requireSignOff ?? true);
  const [showIssues, setShowIssues] = useState(false);
  const [starting, setStarting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.checklists.pathKey() });

  const create = useMutation(
    trpc.checklists.templates.create.mutationOptions({
      onSuccess: async ({ templateId }) => {
        await refresh();
        router.push(`/checklists/${templateId}`);
      },
    }),
  );
  const publish = useMutation(
    trpc.checklists.templates.publishVersion.mutationOptions({
      onSuccess: async ({ version }) => {
        onPublished?.(version);
        await refresh();
      },
    }),
  );
  const saving = create.isPending || publish.isPending;
  const error = create.error ?? publish.error;
  const serverIssues = Object.fromEntries(
    Object.entries(apiFieldErrors(error)).map(([key, messages]) => [key, messages.join(" ")]),
  );
  const localIssues = showIssues ? draftIssues(drafts, requireSignOff) : {};
  const issues = { ...serverIssues, ...localIssues };
  const nameIssue = showIssues && details.name.trim().length < 3 ? "Give the checklist a name of a few words." : null;

  const { steps } = draftToSteps(drafts);
  const unchanged = template
    ? sameContent(
        { requireSignOff: template.shown.requireSignOff, steps: template.shown.steps },
        { requireSignOff, steps },
      )
    : false;
  const nextVersion = template ? template.currentVersion + 1 : 1;

  const submit = () => {
    setShowIssues(true);
    const found = draftIssues(drafts, requireSignOff);
    if (Object.keys(found).length > 0 || (!template && details.name.trim().length < 3)) return;
    const content = { requireSignOff, steps: draftToSteps(drafts).steps };
    if (template) {
      publish.mutate({ templateId: template.id, basedOnVersion: template.currentVersion, ...content });
    } else {
      create.mutate({
        name: details.name,
        description: details.description,
        lineId: details.lineId || null,
        ...content,
      });
    }
  };

  const update = (index: number, step: TStepDraft) =>
    setDrafts((all) => all.map((candidate, position) => (position === index ? step : candidate)));
  const problemCount = Object.keys(localIssues).length + (nameIssue ? 1 : 0);

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/checklists">Checklists</Link>}
        title={template ? template.name : "New checklist"}
        description={
          template
            ? `Version ${template.currentVersion}${template.openRuns > 0 ? ` · ${template.openRuns} run${template.openRuns === 1 ? "" : "s"} in progress` : ""}`
            : "Steps with instructions and images, measured values with limits, pass/fail, text and photos."
        }
        actions={
          <>
            <Link href="/checklists" className="btn">
              <ArrowLeftIcon size={16} /> All checklists
            </Link>
            {template && !template.archivedAt ? (
              <button type="button" className="btn" onClick={() => setStarting(true)}>
                Start a run
              </button>
            ) : null}
          </>
        }
      />
      {notice}
      {template?.archivedAt ? (
        <Alert tone="warning">
          This checklist is archived: it cannot be started. Restore it from the list to use it again.
        </Alert>
      ) : null}
      <div className={template ? styles.layout : styles.single}>
        <div className={styles.main}>
          <TemplateDetailsCard
            template={template}
            draft={details}
            nameIssue={nameIssue ?? serverIssues.name ?? null}
            onChange={setDetails}
          />
          <section className="card" aria-labelledby="steps-title">
            <div className="card-header">
              <div>
                <h2 id="steps-title">Steps</h2>
                <p>
                  {template
                    ? `Editing version ${template.currentVersion}: publishing makes it version ${nextVersion}.`
                    : "In the order the operator does them."}
                </p>
              </div>
              <span className="badge">
                {drafts.length} step{drafts.length === 1 ? "" : "s"}
              </span>
            </div>
            <div className={`card-body ${styles.steps}`}>
              {drafts.map((step, index) => (
                <StepEditor
                  key={step.id}
                  step={step}
                  index={index}
                  count={drafts.length}
                  issues={issues}
                  onChange={(next) => update(index, next)}
                  onMove={(by) => setDrafts((all) => moveStep(all, index, by))}
                  onRemove={() => setDrafts((all) => all.filter((_, position) => position !== index))}
                />
              ))}
              {issues.steps ? <Alert tone="danger">{issues.steps}</Alert> : null}
              <div>
                <button type="button" className="btn" onClick={() => setDrafts((all) => [...all, newStepDraft(all)])}>
                  <PlusIcon size={16} /> Add step
                </button>
              </div>
              <label className={styles.signOffToggle}>
                <input
                  type="checkbox"
                  checked={requireSignOff}
                  onChange={(event) => setRequireSignOff(event.target.checked)}
                />
                <span>
                  <strong>Require a sign-off</strong>
                  <span className="subtle">
                    {" "}
                    — the person completing a run confirms it, with their name and the time.
                  </span>
                </span>
              </label>
            </div>
          </section>
          <div className={styles.publishBar} data-testid="publish-bar">
            <p>
              {template
                ? `Checklists already running keep the version they started with${template.openRuns > 0 ? ` (${template.openRuns} in progress)` : ""}; new runs get version ${nextVersion}.`
                : "Publishing makes it available at the work centers as version 1."}
            </p>
            {problemCount > 0 ? (
              <span className="field-error" role="alert">
                Fix the {problemCount === 1 ? "highlighted field" : `${problemCount} highlighted fields`} first.
              </span>
            ) : null}
            {error && Object.keys(serverIssues).length === 0 ? (
              <Alert tone="danger">{apiErrorMessage(error)}</Alert>
            ) : null}
            <div className={styles.publishActions}>
              {template && !unchanged ? (
                <button
                  type="button"
                  className="btn"
                  disabled={saving}
                  onClick={() => {
                    setDrafts(template.shown.steps.map(draftFromStep));
                    setRequireSignOff(template.shown.requireSignOff);
                    setShowIssues(false);
                    publish.reset();
                  }}
                >
                  Discard changes
                </button>
              ) : null}
              <button
                type="button"
                className="btn btn-primary btn-lg"
                disabled={saving || unchanged || Boolean(template?.archivedAt)}
                title={unchanged ? "Change a step before publishing a new version." : undefined}
                onClick={submit}
              >
                {saving ? "Publishing…" : `Publish version ${nextVersion}`}
              </button>
            </div>
          </div>
        </div>
        {template ? (
          <aside className={styles.side}>
            <VersionHistory template={template} />
          </aside>
        ) : null}
      </div>
      {starting && template ? (
        <StartRunDialog
          templateId={template.id}
          templateName={template.name}
          lineId={template.line?.id ?? null}
          onClose={() => setStarting(false)}
        />
      ) : null}
    </>
  );
}
