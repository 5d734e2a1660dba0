"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";

type TStartRunDialogProps = {
  templateId: string;
  templateName: string;
  /** The template's line: only its work centers are offered. Null for every work center. */
  lineId: string | null;
  onClose: () => void;
};

/** Starts a run at a work center (for one of its open orders, optionally) and opens it. */
export function StartRunDialog({ templateId, templateName, lineId, onClose }: TStartRunDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [workCenterId, setWorkCenterId] = useState("");
  const [orderId, setOrderId] = useState("");
  const [missing, setMissing] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const tree = useQuery(trpc.plant.tree.queryOptions());
  const available = useQuery({
    ...trpc.checklists.templates.available.queryOptions({ workCenterId }),
    enabled: workCenterId !== "",
  });
  const start = useMutation(
    trpc.checklists.runs.start.mutationOptions({
      onSuccess: (run) => router.push(`/checklists/runs/${run.id}`),
    }),
  );
  const lines = (tree.data ?? [])
    .flatMap((site) => site.areas.flatMap((area) => area.lines))
    .filter((line) => lineId === null || line.id === lineId);
  const openRun = available.data?.openRuns.find((run) => run.templateId === templateId);

  return (
    <FormDialog
      open
      title="Start a run"
      description={`“${templateName}” on the work center where it is done. It uses the current version.`}
      submitLabel="Start run"
      pendingLabel="Starting…"
      pending={start.isPending || start.isSuccess}
      error={start.error ? apiErrorMessage(start.error) : null}
      onSubmit={() => {
        if (!workCenterId) {
          setMissing(true);
          return;
        }
        start.mutate({ templateId, workCenterId, orderId: orderId || null, idempotencyKey });
      }}
      onClose={onClose}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-work-center`}>
          Work center
        </label>
        <select
          id={`${id}-work-center`}
          className="select"
          value={workCenterId}
          aria-invalid={missing ? true : undefined}
          onChange={(event) => {
            setWorkCenterId(event.target.value);
            setOrderId("");
            setMissing(false);
          }}
        >
          <option value="">Choose a work center</option>
          {lines.map((line) => (
            <optgroup key={line.id} label={line.name}>
              {line.workCenters.map((center) => (
                <option key={center.id} value={center.id}>
                  {center.code} · {center.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldErrors messages={missing ? ["Choose the work center where the checklist is done."] : undefined} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-order`}>
          Order <span className="subtle">(optional)</span>
        </label>
        <select
          id={`${id}-order`}
          className="select"
          value={orderId}
          disabled={!available.data || available.data.orders.length === 0}
          onChange={(event) => setOrderId(event.target.value)}
        >
          <option value="">
            {workCenterId && available.data?.orders.length === 0 ? "No open order at this work center" : "No order"}
          </option>
          {available.data?.orders.map((order) => (
            <option key={order.id} value={order.id}>
              {order.externalId} · {order.productName}
              {order.status === "IN_PROGRESS" ? " (running)" : ""}
            </option>
          ))}
        </select>
      </div>
      {openRun ? (
        <p className="field-hint">
          This checklist is already in progress here.{" "}
          <Link href={`/checklists/runs/${openRun.id}`}>Continue that run</Link> instead?
        </p>
      ) : null}
    </FormDialog>
  );
}
