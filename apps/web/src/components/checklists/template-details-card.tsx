"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { FieldErrors } from "~/components/ui/field-errors";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import type { TTemplateDetail } from "./checklist-types";
import styles from "./editor.module.css";

export type TDetailsDraft = { name: string; description: string; lineId: string };

type TTemplateDetailsCardProps = {
  /** Null while creating: the details are published with version 1. */
  template: TTemplateDetail | null;
  draft: TDetailsDraft;
  nameIssue: string | null;
  onChange: (draft: TDetailsDraft) => void;
};

/**
 * Name, description and where the checklist applies. These are labels, not content: changing
 * them on an existing checklist saves at once and publishes no new version.
 */
export function TemplateDetailsCard({ template, draft, nameIssue, onChange }: TTemplateDetailsCardProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const tree = useQuery(trpc.plant.tree.queryOptions());
  const save = useMutation(
    trpc.checklists.templates.updateDetails.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.checklists.pathKey() }),
    }),
  );
  const lines = (tree.data ?? []).flatMap((site) => site.areas.flatMap((area) => area.lines));
  const fieldErrors = apiFieldErrors(save.error);
  const changed =
    template !== null &&
    (draft.name.trim() !== template.name ||
      draft.description.trim() !== template.description ||
      (draft.lineId || null) !== (template.line?.id ?? null));
  const field = (name: string) => `${id}-${name}`;

  return (
    <section className="card" aria-labelledby={field("title")}>
      <div className="card-header">
        <div>
          <h2 id={field("title")}>Details</h2>
          <p>
            {template ? "Renaming or moving a checklist publishes no new version." : "What operators see in the list."}
          </p>
        </div>
      </div>
      <div className="card-body form-stack">
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor={field("name")}>
              Name
            </label>
            <input
              id={field("name")}
              className="input"
              value={draft.name}
              maxLength={120}
              placeholder="e.g. Press start-up check"
              aria-invalid={nameIssue || fieldErrors.name ? true : undefined}
              onChange={(event) => onChange({ ...draft, name: event.target.value })}
            />
            <FieldErrors messages={fieldErrors.name ?? (nameIssue ? [nameIssue] : undefined)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={field("line")}>
              Applies to
            </label>
            <select
              id={field("line")}
              className="select"
              value={draft.lineId}
              onChange={(event) => onChange({ ...draft, lineId: event.target.value })}
            >
              <option value="">Every work center</option>
              {lines.map((line) => (
                <option key={line.id} value={line.id}>
                  {line.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field("description")}>
            Description <span className="subtle">(optional)</span>
          </label>
          <textarea
            id={field("description")}
            className={`input ${styles.textarea}`}
            value={draft.description}
            maxLength={1_000}
            placeholder="When it is done and by whom, e.g. before the first stroke of every shift"
            onChange={(event) => onChange({ ...draft, description: event.target.value })}
          />
        </div>
        {template ? (
          <div className={styles.detailsActions}>
            {save.error && Object.keys(fieldErrors).length === 0 ? (
              <Alert tone="danger">{apiErrorMessage(save.error)}</Alert>
            ) : null}
            {save.isSuccess && !changed ? (
              <span className="badge badge-success" role="status">
                Saved
              </span>
            ) : null}
            <button
              type="button"
              className="btn"
              disabled={!changed || save.isPending}
              onClick={() =>
                save.mutate({
                  templateId: template.id,
                  name: draft.name,
                  description: draft.description,
                  lineId: draft.lineId || null,
                })
              }
            >
              {save.isPending ? "Saving…" : "Save details"}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
