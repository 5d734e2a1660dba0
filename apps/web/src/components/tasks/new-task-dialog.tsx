"use client";

import { TASK_PRIORITIES, type TTaskPriority } from "@gemba/domain/decisions/decision-kinds";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { reviewInstant } from "~/components/decisions/decision-form";
import { usePlantTimeZone } from "~/components/shell/plant-time-zone";
import { FieldErrors } from "~/components/ui/field-errors";
import { FormDialog } from "~/components/ui/form-dialog";
import { apiErrorMessage, apiFieldErrors } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { priorityLabels } from "./task-format";

type TAssignee = "me" | "OPERATOR" | "MANAGER";

/**
 * A task written by hand. Managers give it to themselves or to everyone of a role, optionally at a
 * work center; operators write reminders for themselves.
 */
export function NewTaskDialog({ isManager, onClose }: { isManager: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeZone = usePlantTimeZone();
  const id = useId();
  const [title, setTitle] = useState("");
  const [detail, setDetail] = useState("");
  const [priority, setPriority] = useState<TTaskPriority>("NORMAL");
  const [assignee, setAssignee] = useState<TAssignee>("me");
  const [workCenterId, setWorkCenterId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [dueTime, setDueTime] = useState("14:00");
  const [missing, setMissing] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const tree = useQuery(trpc.plant.tree.queryOptions());
  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
        onClose();
      },
    }),
  );
  const fieldErrors = apiFieldErrors(create.error);
  const lines = (tree.data ?? []).flatMap((site) => site.areas.flatMap((area) => area.lines));
  const submit = () => {
    if (title.trim().length < 3) {
      setMissing(true);
      return;
    }
    const dueAt = reviewInstant(dueDate, dueTime, timeZone);
    create.mutate({
      title: title.trim(),
      ...(detail.trim() ? { detail: detail.trim() } : {}),
      priority,
      ...(assignee !== "me" ? { assigneeRole: assignee } : {}),
      ...(workCenterId ? { workCenterId } : {}),
      ...(dueAt ? { dueAt } : {}),
      idempotencyKey,
    });
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <FormDialog
      open
      title="New task"
      description={isManager ? "Who must do what, where and by when." : "A reminder for yourself."}
      submitLabel="Create task"
      pendingLabel="Creating…"
      pending={create.isPending}
      error={create.error && Object.keys(fieldErrors).length === 0 ? apiErrorMessage(create.error) : null}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="field">
        <label className="field-label" htmlFor={field("title")}>
          Task
        </label>
        <input
          id={field("title")}
          className="input"
          value={title}
          maxLength={200}
          placeholder="e.g. Check the die clamps on PRS-201"
          aria-invalid={missing ? true : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <FieldErrors messages={missing ? ["Give the task a title of a few words."] : fieldErrors.title} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={field("detail")}>
          Details <span className="subtle">(optional)</span>
        </label>
        <textarea
          id={field("detail")}
          className="input"
          style={{ minHeight: 72, padding: "8px 12px" }}
          value={detail}
          maxLength={2_000}
          onChange={(event) => setDetail(event.target.value)}
        />
      </div>
      <div className="form-row">
        {isManager ? (
          <div className="field">
            <label className="field-label" htmlFor={field("assignee")}>
              For
            </label>
            <select
              id={field("assignee")}
              className="select"
              value={assignee}
              onChange={(event) => setAssignee(event.target.value as TAssignee)}
            >
              <option value="me">Me</option>
              <option value="OPERATOR">Every operator</option>
              <option value="MANAGER">Every manager</option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={field("priority")}>
            Priority
          </label>
          <select
            id={field("priority")}
            className="select"
            value={priority}
            onChange={(event) => setPriority(event.target.value as TTaskPriority)}
          >
            {TASK_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {priorityLabels[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={field("work-center")}>
          Work center <span className="subtle">(optional)</span>
        </label>
        <select
          id={field("work-center")}
          className="select"
          value={workCenterId}
          onChange={(event) => setWorkCenterId(event.target.value)}
        >
          <option value="">None</option>
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
      </div>
      <div className="form-row">
        <div className="field">
          <label className="field-label" htmlFor={field("due-date")}>
            Due <span className="subtle">(plant time)</span>
          </label>
          <input
            id={field("due-date")}
            type="date"
            className="input"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field("due-time")}>
            At
          </label>
          <input
            id={field("due-time")}
            type="time"
            className="input"
            value={dueTime}
            onChange={(event) => setDueTime(event.target.value)}
          />
        </div>
      </div>
    </FormDialog>
  );
}
