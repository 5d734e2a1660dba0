"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { PlusIcon } from "~/components/ui/icons";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ArrowDownIcon, ArrowUpIcon, PencilIcon } from "./icons";
import { ReasonRow } from "./reason-row";
import type { TReason, TReasonCategory } from "./reason-types";
import styles from "./reasons.module.css";
import { useRefreshReasons } from "./use-reason-cache";

type TCategorySectionProps = {
  category: TReasonCategory;
  first: boolean;
  last: boolean;
  /** A category move is under way (it reorders every section). */
  moving: boolean;
  onMove: (direction: -1 | 1) => void;
  onRename: () => void;
  onAddReason: () => void;
  onEditReason: (reason: TReason) => void;
  onDeactivateReason: (reason: TReason) => void;
  onToast: (title: string, detail?: string) => void;
};

/** One category: its name and place in the list, and its reasons in the order operators see them. */
export function CategorySection(props: TCategorySectionProps) {
  const { category, first, last, moving, onMove, onRename, onAddReason, onEditReason, onDeactivateReason, onToast } =
    props;
  const trpc = useTRPC();
  const refresh = useRefreshReasons();
  const titleId = useId();
  const reorder = useMutation(trpc.reasons.reorderReasons.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(
    trpc.reasons.setReasonActive.mutationOptions({
      onSuccess: async (_result, input) => {
        await refresh();
        const reason = category.reasons.find((entry) => entry.code === input.code);
        onToast(`Reactivated ${reason?.label ?? input.code}.`, "Operators can pick it again.");
      },
    }),
  );
  const remove = useMutation(
    trpc.reasons.deleteCategory.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onToast(`Removed the empty category ${category.name}.`);
      },
    }),
  );
  const busy = reorder.isPending || reactivate.isPending || remove.isPending;
  const error = reorder.error ?? reactivate.error ?? remove.error;
  const activeCount = category.reasons.filter((reason) => reason.active).length;

  function moveReason(index: number, direction: -1 | 1) {
    const codes = category.reasons.map((reason) => reason.code);
    const other = codes[index + direction];
    const code = codes[index];
    if (other === undefined || code === undefined) return;
    codes[index] = other;
    codes[index + direction] = code;
    reorder.mutate({ categoryId: category.id, codes });
  }

  return (
    <section className={`card ${styles.category}`} aria-labelledby={titleId} data-testid="reason-category">
      <div className={`card-header ${styles.categoryHeader}`}>
        <div className={styles.categoryTitle}>
          <h2 id={titleId}>{category.name}</h2>
          <span className="badge">
            {activeCount} active
            {category.reasons.length > activeCount ? ` · ${category.reasons.length - activeCount} inactive` : ""}
          </span>
        </div>
        <div className={styles.rowActions}>
          <button
            type="button"
            className={`btn btn-ghost ${styles.iconButton}`}
            disabled={moving || first}
            onClick={() => onMove(-1)}
            title="Move category up"
          >
            <ArrowUpIcon />
            <span className="visually-hidden">Move category {category.name} up</span>
          </button>
          <button
            type="button"
            className={`btn btn-ghost ${styles.iconButton}`}
            disabled={moving || last}
            onClick={() => onMove(1)}
            title="Move category down"
          >
            <ArrowDownIcon />
            <span className="visually-hidden">Move category {category.name} down</span>
          </button>
          <button type="button" className="btn" onClick={onRename}>
            <PencilIcon size={16} /> Rename<span className="visually-hidden"> {category.name}</span>
          </button>
          {category.reasons.length === 0 ? (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => remove.mutate({ categoryId: category.id })}
            >
              Remove<span className="visually-hidden"> {category.name}</span>
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onAddReason}>
            <PlusIcon size={16} /> Add reason<span className="visually-hidden"> to {category.name}</span>
          </button>
        </div>
      </div>
      {error ? (
        <div className={styles.sectionAlert}>
          <Alert tone="danger">{apiErrorMessage(error)}</Alert>
        </div>
      ) : null}
      {category.reasons.length === 0 ? (
        <p className={styles.emptyCategory}>
          No reasons yet. Add one here, or move reasons in by editing them. An empty category can be removed.
        </p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.reasonTable}`}>
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Explains</th>
                <th scope="col">Counts against</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {category.reasons.map((reason, index) => (
                <ReasonRow
                  key={reason.code}
                  reason={reason}
                  first={index === 0}
                  last={index === category.reasons.length - 1}
                  busy={busy}
                  onMove={(direction) => moveReason(index, direction)}
                  onEdit={() => onEditReason(reason)}
                  onDeactivate={() => onDeactivateReason(reason)}
                  onReactivate={() => reactivate.mutate({ code: reason.code, active: true })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
