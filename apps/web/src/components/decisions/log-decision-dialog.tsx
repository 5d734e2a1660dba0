"use client";

import { DECISION_LIMITS } from "@gemba/domain/decisions/decision-draft";
import { roleAtLeast } from "@gemba/domain/roles";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { ConstraintsEditor } from "./constraints-editor";
import { emptyForm, formToInput, type TDecisionForm } from "./decision-form";
import type { TSituationProp } from "./decision-types";
import styles from "./decisions.module.css";
import { OptionsEditor } from "./options-editor";
import { ReviewDateField } from "./review-date-field";

type TLogDecisionDialogProps = {
  open: boolean;
  situation: TSituationProp | undefined;
  workCenterId: string | undefined;
  onClose: () => void;
  onLogged: (decisionId: string) => void;
};

/**
 * The form behind "Log a decision". Opened from a situation it says so, and the API attaches the
 * situation and a snapshot of the line at that moment. A request id made when the dialog opens
 * keeps a double tap or a re-send after a network drop from logging it twice.
 */
export function LogDecisionDialog({ open, situation, workCenterId, onClose, onLogged }: TLogDecisionDialogProps) {
  return open ? (
    <LogDecisionForm situation={situation} workCenterId={workCenterId} onClose={onClose} onLogged={onLogged} />
  ) : null;
}

function LogDecisionForm({ situation, workCenterId, onClose, onLogged }: Omit<TLogDecisionDialogProps, "open">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const ids = useId();
  const [form, setForm] = useState<TDecisionForm>(() => emptyForm(workCenterId ?? ""));
  // Checked on every change once a submit was tried: a fixed field loses its message at once.
  const [attempted, setAttempted] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const me = useQuery(trpc.me.get.queryOptions());
  const isManager = me.data?.active ? roleAtLeast(me.data.active.role, "MANAGER") : false;
  const tree = useQuery({ ...trpc.plant.tree.queryOptions(), enabled: !situation });
  const orders = useQuery({ ...trpc.plant.openOrders.queryOptions({ limit: 100 }), enabled: isManager && !situation });

  const log = useMutation(
    trpc.decisions.log.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.decisions.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
        ]);
        onLogged(result.decisionId);
      },
    }),
  );

  const set = (patch: Partial<TDecisionForm>) => setForm((current) => ({ ...current, ...patch }));
  const check = () => formToInput(form, { situation, timeZone, idempotencyKey, now: Date.now() });
  const current = attempted ? check() : null;
  const errors: Record<string, string[]> = current && !current.ok ? current.errors : {};
  const submit = () => {
    setAttempted(true);
    const result = check();
    if (result.ok) log.mutate(result.input);
  };
  const fieldId = (name: string) => `${ids}-${name}`;
  const workCenters = (tree.data ?? []).flatMap((site) =>
    site.areas.flatMap((area) => area.lines.map((line) => ({ line, workCenters: line.workCenters }))),
  );

  return (
    <FormDialog
      open
      size="wide"
      title="Log a decision"
      description="What was decided, why, and what should come of it. It is kept as it is written: it cannot be edited later, only its outcome recorded."
      submitLabel="Log decision"
      pendingLabel="Logging…"
      pending={log.isPending}
      error={log.error ? apiErrorMessage(log.error) : Object.keys(errors).length ? "Some fields need attention." : null}
      onSubmit={submit}
      onClose={onClose}
    >
      {situation ? (
        <div className={styles.situation} data-testid="decision-situation">
          <strong>
            {situation.label ?? (situation.kind === "DOWNTIME" ? "A stop on the floor" : "A production order")}
          </strong>
          <span>
            Linked automatically, with a snapshot of the line right now: work center states, orders in progress and the
            last 30 minutes of events.
          </span>
        </div>
      ) : null}
      <div className="field">
        <label className="field-label" htmlFor={fieldId("title")}>
          What was decided
        </label>
        <input
          id={fieldId("title")}
          className="input"
          value={form.title}
          maxLength={DECISION_LIMITS.title}
          placeholder="e.g. Run order 4711 on PRS-202 while PRS-201 is down"
          aria-invalid={errors.title ? true : undefined}
          onChange={(event) => set({ title: event.target.value })}
        />
        <FieldErrors messages={errors.title} />
      </div>
      <OptionsEditor
        options={form.options}
        chosenKey={form.chosenKey}
        errors={errors.options}
        onChange={(options, chosenKey) => set({ options, chosenKey })}
      />
      <div className="field">
        <label className="field-label" htmlFor={fieldId("rationale")}>
          Why
        </label>
        <textarea
          id={fieldId("rationale")}
          className={`input ${styles.textarea}`}
          value={form.rationale}
          maxLength={DECISION_LIMITS.text}
          placeholder="The reasons, as you would explain them at the next shift meeting."
          aria-invalid={errors.rationale ? true : undefined}
          onChange={(event) => set({ rationale: event.target.value })}
        />
        <FieldErrors messages={errors.rationale} />
      </div>
      <ConstraintsEditor
        constraints={form.constraints}
        pending={form.pendingConstraint}
        errors={errors.constraints}
        onChange={(constraints) => set({ constraints })}
        onPendingChange={(pendingConstraint) => set({ pendingConstraint })}
      />
      <div className="field">
        <label className="field-label" htmlFor={fieldId("expected")}>
          Expected outcome
        </label>
        <textarea
          id={fieldId("expected")}
          className={`input ${styles.textarea}`}
          value={form.expectedOutcome}
          maxLength={DECISION_LIMITS.text}
          placeholder="What should be true afterwards, so it can be checked: e.g. 4711 ships Friday."
          aria-invalid={errors.expectedOutcome ? true : undefined}
          onChange={(event) => set({ expectedOutcome: event.target.value })}
        />
        <FieldErrors messages={errors.expectedOutcome} />
      </div>
      <ReviewDateField
        date={form.reviewDate}
        time={form.reviewTime}
        timeZone={timeZone}
        errors={errors.reviewAt}
        onChange={(reviewDate, reviewTime) => set({ reviewDate, reviewTime })}
      />
      {situation ? null : (
        <div className={styles.twoColumns}>
          <div className="field">
            <label className="field-label" htmlFor={fieldId("work-center")}>
              Work center <span className="subtle">(optional)</span>
            </label>
            <select
              id={fieldId("work-center")}
              className="select"
              value={form.workCenterId}
              onChange={(event) => set({ workCenterId: event.target.value })}
            >
              <option value="">Whole plant</option>
              {workCenters.map(({ line, workCenters: centers }) => (
                <optgroup key={line.id} label={line.name}>
                  {centers.map((center) => (
                    <option key={center.id} value={center.id}>
                      {center.code} · {center.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {isManager ? (
            <div className="field">
              <label className="field-label" htmlFor={fieldId("order")}>
                Related order <span className="subtle">(optional)</span>
              </label>
              <select
                id={fieldId("order")}
                className="select"
                value={form.orderId}
                onChange={(event) => set({ orderId: event.target.value })}
              >
                <option value="">None</option>
                {(orders.data ?? []).map((order) => (
                  <option key={order.id} value={order.id}>
                    {order.externalId} · {order.product.name}
                    {order.workCenter ? ` (${order.workCenter.code})` : ""}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
      )}
    </FormDialog>
  );
}
