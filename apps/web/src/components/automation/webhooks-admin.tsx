"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { Alert } from "~/components/ui/alert";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { FormDialog } from "~/components/ui/form-dialog";
import { CheckIcon, CopyIcon, LinkIcon, PlusIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { TimeAgo } from "~/components/ui/time-ago";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import styles from "./automation.module.css";
import type { TWebhookEndpoint } from "./automation-types";
import { EnabledSwitch } from "./enabled-switch";

/** The secret, once: copy it into the receiving system now, it is stored sealed and never shown again. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard blocked (plain http, kiosk policy): select it so it can be copied by hand.
      document.getElementById("webhook-secret")?.focus();
    }
  }
  return (
    <section className="card card-body" aria-labelledby="secret-title" data-testid="webhook-secret">
      <div className={styles.secretBox}>
        <h2 id="secret-title">Signing secret for “{name}”</h2>
        <Alert tone="warning">
          Copy it now and give it to the receiving system. It is shown only this once; if it is lost, rotate it.
        </Alert>
        <div className={styles.copyRow}>
          <label className="visually-hidden" htmlFor="webhook-secret">
            Signing secret
          </label>
          <input
            id="webhook-secret"
            className="input mono"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="btn" onClick={copy}>
            {copied ? <CheckIcon /> : <CopyIcon />}
            {copied ? "Copied" : "Copy secret"}
          </button>
        </div>
        <p className="muted">
          Every delivery carries a <code>Gemba-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code> header: the
          HMAC-SHA256 of “t.raw body” with this secret. The receiver recomputes it, compares in constant time and
          rejects deliveries older than five minutes; <code>Gemba-Idempotency-Key</code> lets it drop a repeat.
        </p>
        <div>
          <button type="button" className="btn btn-primary" onClick={onDone}>
            I have copied it
          </button>
        </div>
      </div>
    </section>
  );
}

function LastDelivery({ endpoint, timeZone }: { endpoint: TWebhookEndpoint; timeZone: string }) {
  const last = endpoint.lastDelivery;
  if (!last) return <span className="muted">Nothing sent yet</span>;
  return (
    <div className="cell-stack">
      <span>
        <span
          className={
            last.status === "FAILED"
              ? "badge badge-danger"
              : last.status === "SENT"
                ? "badge badge-success"
                : "badge badge-warning"
          }
        >
          {last.status === "SENT" ? "Delivered" : last.status === "FAILED" ? "Failed" : "Waiting"}
        </span>{" "}
        <TimeAgo value={last.at} timeZone={timeZone} />
      </span>
      {last.error ? <span className={styles.errorText}>{last.error}</span> : null}
    </div>
  );
}

/** Admin → Webhooks: the addresses rules may post to, each with its own signing secret. */
export function WebhooksAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ name: "", url: "" });
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [deleting, setDeleting] = useState<TWebhookEndpoint | null>(null);
  const endpoints = useQuery(trpc.webhookEndpoints.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhookEndpoints.pathKey() });
  const create = useMutation(
    trpc.webhookEndpoints.create.mutationOptions({
      onSuccess: async (created) => {
        setAdding(false);
        setForm({ name: "", url: "" });
        setSecret({ name: created.endpoint.name, secret: created.secret });
        await refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhookEndpoints.rotateSecret.mutationOptions({
      onSuccess: async (rotated) => {
        setSecret({ name: rotated.endpoint.name, secret: rotated.secret });
        await refresh();
      },
    }),
  );
  const toggle = useMutation(trpc.webhookEndpoints.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.webhookEndpoints.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );
  const fieldErrors = apiFieldErrors(create.error);
  const actionError = rotate.error ?? toggle.error;

  return (
    <div className="form-stack">
      <div className={styles.toolbar}>
        <p className="muted">
          Rules with a “Post a webhook” action send a signed JSON message to one of these addresses.
        </p>
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          <PlusIcon size={16} /> Add endpoint
        </button>
      </div>
      {secret ? <SecretOnce name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      {actionError ? <Alert tone="danger">{apiErrorMessage(actionError)}</Alert> : null}
      {endpoints.isPending ? (
        <div aria-busy="true" className="form-stack">
          <span className="visually-hidden" role="status">
            Loading webhook endpoints…
          </span>
          <Skeleton height="56px" />
        </div>
      ) : endpoints.error ? (
        <section className="card card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(endpoints.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void endpoints.refetch()}>
              Try again
            </button>
          </div>
        </section>
      ) : endpoints.data.length === 0 ? (
        <section className="card">
          <EmptyState
            title="No webhook endpoints yet"
            icon={<LinkIcon size={22} />}
            action={
              <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
                <PlusIcon size={16} /> Add endpoint
              </button>
            }
          >
            Add the address of a system that should hear about what happens on the floor, e.g. your maintenance system
            or a Teams/Slack relay. Then use it in a rule.
          </EmptyState>
        </section>
      ) : (
        <section className="card" data-testid="webhook-endpoints">
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Enabled</th>
                  <th scope="col">Used by</th>
                  <th scope="col">Last delivery</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoints.data.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td>
                      <div className="cell-stack">
                        <strong>{endpoint.name}</strong>
                        <span className="subtle mono">{endpoint.url}</span>
                      </div>
                    </td>
                    <td>
                      <EnabledSwitch
                        enabled={endpoint.enabled}
                        label={`Endpoint ${endpoint.name}`}
                        pending={toggle.isPending && toggle.variables?.endpointId === endpoint.id}
                        onChange={(enabled) => toggle.mutate({ endpointId: endpoint.id, enabled })}
                      />
                    </td>
                    <td>
                      {endpoint.usedBy.length === 0 ? (
                        <span className="muted">No rule</span>
                      ) : (
                        <div className="cell-stack">
                          {endpoint.usedBy.map((rule) => (
                            <Link key={rule.id} href={`/automation/rules/${rule.id}`}>
                              {rule.name}
                            </Link>
                          ))}
                        </div>
                      )}
                    </td>
                    <td>
                      <LastDelivery endpoint={endpoint} timeZone={timeZone} />
                    </td>
                    <td>
                      <div className={styles.rowActions}>
                        <button
                          type="button"
                          className="btn"
                          disabled={rotate.isPending}
                          onClick={() => rotate.mutate({ endpointId: endpoint.id })}
                        >
                          Rotate secret
                        </button>
                        <button type="button" className="btn btn-danger" onClick={() => setDeleting(endpoint)}>
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <FormDialog
        open={adding}
        title="Add webhook endpoint"
        description="The signing secret is created for you and shown once after saving."
        submitLabel="Add endpoint"
        pendingLabel="Adding…"
        pending={create.isPending}
        error={create.error && Object.keys(fieldErrors).length === 0 ? apiErrorMessage(create.error) : null}
        onSubmit={() => create.mutate(form)}
        onClose={() => {
          setAdding(false);
          create.reset();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="endpoint-name">
            Name
          </label>
          <input
            id="endpoint-name"
            className="input"
            value={form.name}
            placeholder="Maintenance system"
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
          {fieldErrors.name ? <span className="field-error">{fieldErrors.name[0]}</span> : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="endpoint-url">
            Address (URL)
          </label>
          <input
            id="endpoint-url"
            className="input mono"
            value={form.url}
            placeholder="https://cmms.example.com/hooks/gemba"
            onChange={(event) => setForm({ ...form, url: event.target.value })}
          />
          {fieldErrors.url ? <span className="field-error">{fieldErrors.url[0]}</span> : null}
        </div>
      </FormDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete endpoint"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error ? apiErrorMessage(remove.error) : null}
        onConfirm={() => deleting && remove.mutate({ endpointId: deleting.id })}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      >
        Rules can no longer post to it. An endpoint a rule still uses cannot be deleted: change the rule first, or
        switch the endpoint off.
      </ConfirmDialog>
    </div>
  );
}
