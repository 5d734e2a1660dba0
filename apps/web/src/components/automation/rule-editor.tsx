"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { ArrowLeftIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ActionFields } from "./action-fields";
import type { TRuleDetail, TRuleOptions } from "./automation-types";
import { ConditionFields } from "./condition-fields";
import { DryRunPanel } from "./dry-run-panel";
import styles from "./editor.module.css";
import { EnabledSwitch } from "./enabled-switch";
import {
  blankDraft,
  definitionFromDraft,
  draftErrorsFromApi,
  draftFromDefinition,
  type TDraftErrors,
  type TRuleDraft,
} from "./rule-draft";
import { STARTERS } from "./rule-starters";
import { RunsTable } from "./runs-table";
import { TriggerFields } from "./trigger-fields";

type TRuleEditorProps = { ruleId: string | null; templateId: string | null; plantName: string | undefined };

/** Loads what the form needs (the plant's lists, and the rule when editing), then shows it. */
export function RuleEditor({ ruleId, templateId, plantName }: TRuleEditorProps) {
  const trpc = useTRPC();
  const options = useQuery(trpc.rules.options.queryOptions());
  const rule = useQuery({ ...trpc.rules.get.queryOptions({ ruleId: ruleId ?? "" }), enabled: ruleId !== null });
  const error = options.error ?? rule.error;
  const title = ruleId ? (rule.data?.name ?? "Rule") : "New rule";
  return (
    <>
      <div>
        <Link href="/automation" className="btn btn-ghost">
          <ArrowLeftIcon size={16} /> All rules
        </Link>
      </div>
      {error ? (
        <>
          <PageHeader eyebrow={plantName} title={title} />
          <section className="card card-body form-stack">
            <Alert tone="danger">{apiErrorMessage(error)}</Alert>
            <div>
              <button
                type="button"
                className="btn"
                onClick={() => void Promise.all([options.refetch(), rule.refetch()])}
              >
                Try again
              </button>
            </div>
          </section>
        </>
      ) : !options.data || (ruleId !== null && !rule.data) ? (
        <div aria-busy="true" className="form-stack">
          <span className="visually-hidden" role="status">
            Loading the rule editor…
          </span>
          <Skeleton width="320px" height="32px" />
          <Skeleton height="220px" />
          <Skeleton height="220px" />
        </div>
      ) : (
        <EditorForm
          key={rule.data?.id ?? "new"}
          rule={rule.data ?? null}
          options={options.data}
          templateId={templateId}
          plantName={plantName}
        />
      )}
    </>
  );
}

function initialDraft(rule: TRuleDetail | null, templateId: string | null): TRuleDraft {
  if (rule?.definition) return draftFromDefinition(rule.definition, rule);
  if (rule) return { ...blankDraft(), name: rule.name, description: rule.description ?? "" };
  return STARTERS.find((starter) => starter.id === templateId)?.draft() ?? blankDraft();
}

type TView = "rule" | "runs";

type TEditorFormProps = {
  rule: TRuleDetail | null;
  options: TRuleOptions;
  templateId: string | null;
  plantName: string | undefined;
};

function EditorForm({ rule, options, templateId, plantName }: TEditorFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TRuleDraft>(() => initialDraft(rule, templateId));
  const [errors, setErrors] = useState<TDraftErrors>({});
  const [view, setView] = useState<TView>("rule");
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const patch = (change: Partial<TRuleDraft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(null);
  };
  const current = useMemo(() => definitionFromDraft(draft), [draft]);
  const fingerprint = JSON.stringify(current.definition);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.rules.pathKey() });
  const onSaveError = (error: unknown) => setErrors(draftErrorsFromApi(apiFieldErrors(error)));
  const dryRun = useMutation(trpc.rules.dryRun.mutationOptions({ onError: onSaveError }));
  const create = useMutation(
    trpc.rules.create.mutationOptions({
      onError: onSaveError,
      onSuccess: async (created) => {
        await invalidate();
        router.replace(`/automation/rules/${created.id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.rules.update.mutationOptions({
      onError: onSaveError,
      onSuccess: async (updated) => {
        setSaved(`Saved as version ${updated.version}.`);
        await invalidate();
      },
    }),
  );
  const toggle = useMutation(trpc.rules.setEnabled.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.rules.delete.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        router.replace("/automation");
      },
    }),
  );

  function checked(): boolean {
    setErrors(current.errors);
    return Object.keys(current.errors).length === 0;
  }

  function runDryRun() {
    const ok = checked();
    setBlocked(!ok);
    if (!ok) return;
    setDryRunOf(fingerprint);
    dryRun.mutate({ definition: current.definition, ruleId: rule?.id, name: draft.name.trim() || undefined });
  }

  function save() {
    if (!checked()) return;
    const fields = { name: draft.name, description: draft.description, definition: current.definition };
    if (rule) update.mutate({ ruleId: rule.id, expectedVersion: rule.version, ...fields });
    else create.mutate(fields);
  }

  const saveError = create.error ?? update.error;
  const pending = create.isPending || update.isPending;
  const errorCount = Object.keys(errors).length;

  return (
    <>
      <PageHeader
        eyebrow={plantName}
        title={rule ? rule.name : "New rule"}
        description={
          rule
            ? `Version ${rule.version} · ${rule.triggerSummary}${rule.conditionsSummary ? ` · ${rule.conditionsSummary}` : ""}`
            : "When something happens on the floor, only if it matches, then do something. Try it against the last 24 hours before saving."
        }
        actions={
          rule ? (
            <EnabledSwitch
              enabled={rule.enabled}
              label={`Rule ${rule.name}`}
              pending={toggle.isPending}
              onChange={(enabled) => toggle.mutate({ ruleId: rule.id, enabled })}
            />
          ) : null
        }
      />
      {rule?.problem ? <Alert tone="warning">{rule.problem}</Alert> : null}
      {toggle.error ? <Alert tone="danger">{apiErrorMessage(toggle.error)}</Alert> : null}
      {rule ? (
        <SegmentedControl
          label="View"
          options={[
            { value: "rule", label: "Rule" },
            { value: "runs", label: "Run history" },
          ]}
          value={view}
          onChange={setView}
        />
      ) : null}
      {view === "runs" && rule ? (
        <RunsTable ruleId={rule.id} />
      ) : (
        <form
          className={styles.layout}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
          noValidate
        >
          <div className={styles.column}>
            <section className="card card-body form-stack">
              <div className="field">
                <label className="field-label" htmlFor="rule-name">
                  Name
                </label>
                <input
                  id="rule-name"
                  className="input"
                  value={draft.name}
                  aria-invalid={errors.name ? true : undefined}
                  onChange={(event) => patch({ name: event.target.value })}
                />
                {errors.name ? <span className="field-error">{errors.name}</span> : null}
              </div>
              <div className="field">
                <label className="field-label" htmlFor="rule-description">
                  Description (optional)
                </label>
                <input
                  id="rule-description"
                  className="input"
                  value={draft.description}
                  onChange={(event) => patch({ description: event.target.value })}
                />
              </div>
            </section>
            <Step badge="When" title="What sets the rule off">
              <TriggerFields draft={draft} patch={patch} options={options} errors={errors} />
            </Step>
            <Step badge="Only if" title="Narrow it down (empty means any)">
              <ConditionFields draft={draft} patch={patch} options={options} errors={errors} />
            </Step>
            <Step badge="Then" title="What happens, in this order">
              <ActionFields
                actions={draft.actions}
                onChange={(actions) => patch({ actions })}
                options={options}
                errors={errors}
              />
            </Step>
            <div className={styles.footer}>
              <div>
                {saveError ? <Alert tone="danger">{apiErrorMessage(saveError)}</Alert> : null}
                {!saveError && errorCount > 0 ? (
                  <span className="field-error">
                    {errorCount === 1 ? "One field needs" : `${errorCount} fields need`} attention above.
                  </span>
                ) : null}
                {saved ? <span role="status">{saved}</span> : null}
              </div>
              <div className={styles.footerActions}>
                {rule ? (
                  <button type="button" className="btn btn-danger" onClick={() => setConfirmDelete(true)}>
                    Delete rule
                  </button>
                ) : null}
                <button type="submit" className="btn btn-primary" disabled={pending}>
                  {pending ? "Saving…" : rule ? "Save changes" : "Save rule"}
                </button>
              </div>
            </div>
          </div>
          <div className={styles.column}>
            <DryRunPanel
              result={dryRun.data ?? null}
              pending={dryRun.isPending}
              error={dryRun.error}
              stale={dryRunOf !== null && dryRunOf !== fingerprint}
              blocked={blocked}
              onRun={runDryRun}
            />
          </div>
        </form>
      )}
      {rule ? (
        <ConfirmDialog
          open={confirmDelete}
          title={`Delete “${rule.name}”?`}
          confirmLabel="Delete rule"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? apiErrorMessage(remove.error) : null}
          onConfirm={() => remove.mutate({ ruleId: rule.id })}
          onCancel={() => setConfirmDelete(false)}
        >
          The rule and its run history are removed; tasks and checklists it created stay. The audit log keeps what the
          rule was. To stop it for now, switch it off instead.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function Step({ badge, title, children }: { badge: string; title: string; children: ReactNode }) {
  return (
    <section className="card card-body" aria-label={badge}>
      <div className={styles.step}>
        <div className={styles.stepHead}>
          <span className={styles.stepBadge}>{badge}</span>
          <h2>{title}</h2>
        </div>
        {children}
      </div>
    </section>
  );
}
