"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { useTRPC } from "~/trpc/react";
import styles from "./editor.module.css";
import { issuesFromError, mergeErrors, NO_ISSUES, type TServerIssues } from "./editor-errors";
import { ErrorSummary } from "./error-summary";
import { JsonConfigEditor } from "./json-config-editor";
import { OpcuaBrowser } from "./opcua-browser/opcua-browser";
import { withMonitoredNode } from "./opcua-browser/opcua-items";
import { RequiredMark } from "./schema-form/field-shell";
import { SchemaForm } from "./schema-form/schema-form";
import { SecretFields, secretTitle, secretUpdates } from "./secret-fields";
import { TestResult } from "./test-result";
import type { TConnectorDetail, TConnectorKindInfo } from "./types";
import { useRefreshConnectors } from "./use-connector-cache";
import { useConnectorForm } from "./use-connector-form";
import { useWorkCenterGroups } from "./work-center-options";

type TConnectorEditorProps = {
  kind: TConnectorKindInfo;
  /** The connector being edited; absent when adding one. */
  connector?: TConnectorDetail;
};

/**
 * Create or edit a connector: name, the config form generated from the kind's schema (or its
 * JSON), secrets, "Test connection" with the unsaved values, and save.
 */
export function ConnectorEditor({ kind, connector }: TConnectorEditorProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshConnectors();
  const workCenters = useWorkCenterGroups();
  const form = useConnectorForm({ kind, connector, workCenterIds: workCenters.ids });
  const [issues, setIssues] = useState<TServerIssues>(NO_ISSUES);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const onError = (error: unknown) => {
    setIssues(issuesFromError(error));
    setSummaryFocus((count) => count + 1);
  };
  const create = useMutation(
    trpc.connectors.create.mutationOptions({
      onError,
      onSuccess: async ({ connectorId }) => {
        await refresh();
        router.push(`/admin/connectors/${connectorId}?created=1`);
      },
    }),
  );
  const update = useMutation(
    trpc.connectors.update.mutationOptions({
      onError,
      onSuccess: async () => {
        form.markSaved();
        setSavedAt(Date.now());
        await refresh();
      },
    }),
  );
  const test = useMutation(trpc.connectors.test.mutationOptions({ onError }));
  const busy = create.isPending || update.isPending || create.isSuccess;

  // A failed attempt moves focus to the list of problems, which may be far above the buttons.
  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  function start(purpose: "save" | "test") {
    setIssues(NO_ISSUES);
    setSavedAt(null);
    const payload = form.prepare(purpose);
    if (!payload) setSummaryFocus((count) => count + 1);
    return payload;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const payload = start("save");
    if (!payload) return;
    test.reset();
    const name = form.name.trim();
    if (connector) update.mutate({ connectorId: connector.id, name, ...payload });
    else create.mutate({ kind: kind.kind, name, ...payload });
  }

  function onTest() {
    const payload = start("test");
    if (!payload) return;
    test.mutate({ kind: kind.kind, ...payload, ...(connector ? { connectorId: connector.id } : {}) });
  }

  const configErrors = mergeErrors(form.configErrors, issues.config);
  const nameErrors = [...form.nameErrors, ...issues.name];
  const secretErrors = issues.secrets;
  const problemCount =
    Object.keys(configErrors).length +
    Object.keys(secretErrors).length +
    issues.general.length +
    (nameErrors.length > 0 ? 1 : 0) +
    (form.jsonError ? 1 : 0);

  return (
    <form className={`card ${styles.editor}`} onSubmit={onSubmit} noValidate aria-labelledby="connector-settings-title">
      <div className="card-header">
        <div>
          <h2 id="connector-settings-title">{connector ? "Settings" : `New ${kind.label} connector`}</h2>
          <p>
            {connector
              ? "Changes apply within seconds of saving; the running connector restarts with them."
              : "How Gemba reaches the source, and which of its machines are which work centers."}
          </p>
        </div>
        <div className="page-actions">
          {connector ? null : (
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={form.fillExample}>
              Fill in example
            </button>
          )}
          <button
            type="button"
            className="btn"
            aria-pressed={form.mode === "json"}
            disabled={busy}
            onClick={() => form.switchMode(form.mode === "json" ? "form" : "json")}
          >
            {form.mode === "json" ? "Edit as form" : "Edit as JSON"}
          </button>
        </div>
      </div>

      <div className={`card-body ${styles.editorBody}`}>
        <ErrorSummary
          ref={summaryRef}
          root={form.root}
          general={issues.general}
          nameErrors={nameErrors}
          configErrors={configErrors}
          secretErrors={secretErrors}
          secretLabels={Object.fromEntries(kind.secretFields.map((field) => [field.key, secretTitle(field)]))}
          jsonError={form.jsonError}
        />

        <div className={`field ${styles.nameField}`}>
          <label className="field-label" htmlFor="connector-name">
            Name
            <RequiredMark />
          </label>
          <input
            id="connector-name"
            className="input"
            value={form.name}
            maxLength={100}
            autoComplete="off"
            placeholder={`e.g. ${kind.label} – Line 1`}
            disabled={busy}
            aria-required
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby="connector-name-hint"
            onChange={(event) => form.setName(event.target.value)}
          />
          <span className="field-hint" id="connector-name-hint">
            Shown in lists, dead letters and the audit log; unique in this plant.
          </span>
          {nameErrors.length > 0 ? <span className="field-error">{nameErrors.join(" ")}</span> : null}
        </div>

        <section className={styles.editorSection} aria-labelledby="connector-config-title">
          <h3 id="connector-config-title" className={styles.sectionLabel}>
            Connection and mapping
          </h3>
          {form.mode === "json" ? (
            <JsonConfigEditor text={form.jsonText} onChange={form.setJsonText} error={form.jsonError} disabled={busy} />
          ) : (
            <>
              {workCenters.error ? (
                <Alert tone="warning">
                  The plant&apos;s work centers could not be loaded, so the work-center lists are empty. Reload the page
                  to try again.
                </Alert>
              ) : null}
              <SchemaForm
                root={form.root}
                value={form.config}
                onChange={form.setConfig}
                example={kind.exampleConfig}
                errors={configErrors}
                workCenterGroups={workCenters.groups}
                disabled={busy}
                listActions={
                  kind.kind === "OPCUA"
                    ? {
                        items: (
                          <OpcuaBrowser
                            connectorId={connector?.id}
                            config={form.config}
                            secrets={secretUpdates(form.secrets)}
                            disabled={busy}
                            onAdd={(nodeId) => form.setConfig((current: unknown) => withMonitoredNode(current, nodeId))}
                          />
                        ),
                      }
                    : undefined
                }
              />
            </>
          )}
        </section>

        {kind.secretFields.length > 0 ? (
          <section className={styles.editorSection} aria-labelledby="connector-secrets-title">
            <h3 id="connector-secrets-title" className={styles.sectionLabel}>
              Credentials
            </h3>
            <p className="field-hint">
              Stored encrypted. Nobody can read them back, not even admins: only replace or clear them.
            </p>
            <SecretFields
              fields={kind.secretFields}
              secretsSet={connector ? connector.secretsSet : null}
              edits={form.secrets}
              onChange={form.setSecrets}
              errors={secretErrors}
              disabled={busy}
            />
          </section>
        ) : null}
      </div>

      <div className={styles.actionBar}>
        {test.data && !test.isPending ? <TestResult result={test.data} /> : null}
        {savedAt && !form.dirty ? (
          <Alert tone="success">Saved. The connector picks up the change within a few seconds.</Alert>
        ) : null}
        <div className={styles.actionRow}>
          <span className={styles.actionStatus} role="status">
            {test.isPending
              ? "Testing the connection… this can take up to 20 seconds."
              : problemCount > 0
                ? `${problemCount} ${problemCount === 1 ? "problem" : "problems"} to fix, listed above the form.`
                : connector && form.dirty
                  ? "Unsaved changes."
                  : null}
          </span>
          {connector ? null : (
            <Link href="/admin/connectors" className="btn btn-ghost">
              Cancel
            </Link>
          )}
          <button type="button" className="btn" disabled={busy || test.isPending} onClick={onTest}>
            {test.isPending ? "Testing…" : "Test connection"}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || (connector !== undefined && !form.dirty)}>
            {create.isPending || create.isSuccess
              ? "Creating…"
              : update.isPending
                ? "Saving…"
                : connector
                  ? "Save changes"
                  : "Create connector"}
          </button>
        </div>
      </div>
    </form>
  );
}
