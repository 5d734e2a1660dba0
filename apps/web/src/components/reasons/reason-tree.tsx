"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { CategoryDialog, type TCategoryDialogTarget } from "./category-dialog";
import { CategorySection } from "./category-section";
import { DeactivateDialog } from "./deactivate-dialog";
import { LossLegend } from "./loss-legend";
import { ReasonDialog, type TReasonDialogTarget } from "./reason-dialog";
import type { TReason } from "./reason-types";
import styles from "./reasons.module.css";
import { describeRecalculation } from "./recalculation";
import { SettingsToast } from "./settings-toast";
import { useRefreshReasons } from "./use-reason-cache";
import { useSettingsToast } from "./use-settings-toast";

/** Admin → Reason codes: the plant's reason tree and how each reason counts in OEE. */
export function ReasonTree() {
  const trpc = useTRPC();
  const timeZone = usePlantTimeZone();
  const refresh = useRefreshReasons();
  const tree = useQuery(trpc.reasons.tree.queryOptions());
  const { toast, show, dismiss } = useSettingsToast();
  const [reasonTarget, setReasonTarget] = useState<TReasonDialogTarget | null>(null);
  const [categoryTarget, setCategoryTarget] = useState<TCategoryDialogTarget | null>(null);
  const [deactivating, setDeactivating] = useState<TReason | null>(null);
  const reorder = useMutation(trpc.reasons.reorderCategories.mutationOptions({ onSuccess: refresh }));
  const categories = tree.data?.categories ?? [];

  function moveCategory(index: number, direction: -1 | 1) {
    const ids = categories.map((category) => category.id);
    const id = ids[index];
    const other = ids[index + direction];
    if (id === undefined || other === undefined) return;
    ids[index] = other;
    ids[index + direction] = id;
    reorder.mutate({ categoryIds: ids });
  }

  return (
    <>
      <section className="card" aria-labelledby="reasons-title">
        <div className="card-header">
          <div className={styles.headerText}>
            <h2 id="reasons-title">Reason codes</h2>
            <p>
              Why machines stop and parts are scrapped, and which of the six big losses each reason counts against.
              Operators pick from the active reasons; every change is in the audit log.
            </p>
          </div>
          <div className="page-actions">
            <button type="button" className="btn" onClick={() => setCategoryTarget({ mode: "create" })}>
              <PlusIcon size={16} /> Add category
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={categories.length === 0}
              onClick={() => {
                const first = categories[0];
                if (first) setReasonTarget({ mode: "create", categoryId: first.id });
              }}
            >
              <PlusIcon size={16} /> Add reason
            </button>
          </div>
        </div>
        <div className={`card-body ${styles.intro}`}>
          <LossLegend />
          <p className={styles.never}>
            <strong>Reasons are never deleted.</strong> Stops classified with a reason, and the timelines and OEE built
            from them, must keep explaining the past: deactivate a reason instead, and operators stop seeing it.
          </p>
          {reorder.error ? <Alert tone="danger">{apiErrorMessage(reorder.error)}</Alert> : null}
        </div>
      </section>

      {tree.isPending ? (
        <div className={styles.skeletons} aria-busy="true">
          <span className="visually-hidden" role="status">
            Loading reason codes…
          </span>
          <Skeleton height="220px" />
          <Skeleton height="180px" />
        </div>
      ) : tree.error && !tree.data ? (
        <div className="card card-body">
          <Alert tone="danger">
            <strong>Reason codes could not be loaded.</strong> {apiErrorMessage(tree.error)}
          </Alert>
          <button type="button" className={`btn ${styles.retry}`} onClick={() => void tree.refetch()}>
            Try again
          </button>
        </div>
      ) : categories.length === 0 ? (
        <div className="card">
          <EmptyState
            title="No reason categories yet"
            action={
              <button type="button" className="btn btn-primary" onClick={() => setCategoryTarget({ mode: "create" })}>
                <PlusIcon size={16} /> Add the first category
              </button>
            }
          >
            Group reasons into categories the way operators look for them, then add the reasons themselves.
          </EmptyState>
        </div>
      ) : (
        categories.map((category, index) => (
          <CategorySection
            key={category.id}
            category={category}
            first={index === 0}
            last={index === categories.length - 1}
            moving={reorder.isPending}
            onMove={(direction) => moveCategory(index, direction)}
            onRename={() => setCategoryTarget({ mode: "rename", category })}
            onAddReason={() => setReasonTarget({ mode: "create", categoryId: category.id })}
            onEditReason={(reason) => setReasonTarget({ mode: "edit", reason, categoryId: category.id })}
            onDeactivateReason={setDeactivating}
            onToast={show}
          />
        ))
      )}

      <ReasonDialog
        target={reasonTarget}
        categories={categories}
        onClose={() => setReasonTarget(null)}
        onSaved={(title, recalculation) => {
          setReasonTarget(null);
          show(title, recalculation ? describeRecalculation(recalculation, timeZone) : undefined);
        }}
      />
      <CategoryDialog
        target={categoryTarget}
        onClose={() => setCategoryTarget(null)}
        onSaved={(title) => {
          setCategoryTarget(null);
          show(title);
        }}
      />
      <DeactivateDialog
        reason={deactivating}
        onClose={() => setDeactivating(null)}
        onDone={(title, detail) => {
          setDeactivating(null);
          show(title, detail);
        }}
      />
      <SettingsToast toast={toast} onDismiss={dismiss} />
    </>
  );
}
