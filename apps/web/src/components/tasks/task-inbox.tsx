"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { EmptyState } from "~/components/ui/empty-state";
import { PlusIcon, TasksIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { SegmentedControl } from "~/components/ui/segmented-control";
import { Skeleton } from "~/components/ui/skeleton";
import { apiErrorMessage } from "~/lib/api-error";
import { useTRPC } from "~/trpc/react";
import { NewTaskDialog } from "./new-task-dialog";
import { TaskCard } from "./task-card";
import { TaskCloseDialog } from "./task-close-dialog";
import type { TTask } from "./task-types";
import styles from "./tasks.module.css";

type TStatus = "open" | "closed";
type TScope = "mine" | "all";

const STATUS_OPTIONS = [
  { value: "open", label: "To do" },
  { value: "closed", label: "Done and cancelled" },
] as const satisfies readonly { value: TStatus; label: string }[];

const SCOPE_OPTIONS = [
  { value: "mine", label: "Mine" },
  { value: "all", label: "Everyone’s" },
] as const satisfies readonly { value: TScope; label: string }[];

type TTaskInboxProps = { myName: string; isManager: boolean; plantName: string | undefined };

/**
 * The task inbox: what is mine (or my role's) to do, soonest due first, overdue in red. Acting is
 * one tap; completing and cancelling ask for a sentence, kept with the task.
 */
export function TaskInbox({ myName, isManager, plantName }: TTaskInboxProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TStatus>("open");
  const [scope, setScope] = useState<TScope>("mine");
  const [closing, setClosing] = useState<{ task: TTask; mode: "complete" | "cancel" } | null>(null);
  const [creating, setCreating] = useState(false);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const inbox = useQuery({
    ...trpc.tasks.inbox.queryOptions({ status, scope, limit: 200 }),
    refetchInterval: 60_000,
  });
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.decisions.pathKey() }),
    ]);
  };
  const acknowledge = useMutation(trpc.tasks.acknowledge.mutationOptions({ onSuccess: refresh }));
  const complete = useMutation(
    trpc.tasks.complete.mutationOptions({
      onSuccess: async () => {
        setClosing(null);
        await refresh();
      },
    }),
  );
  const cancel = useMutation(
    trpc.tasks.cancel.mutationOptions({
      onSuccess: async () => {
        setClosing(null);
        await refresh();
      },
    }),
  );
  const tasks = inbox.data?.tasks ?? [];
  const overdue = tasks.filter((task) => task.overdue).length;
  const actionError = acknowledge.error;

  return (
    <>
      <PageHeader
        eyebrow={plantName}
        title="Tasks"
        description="What needs doing next: assigned to you, to your role, or to anyone at the plant."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <PlusIcon size={16} /> New task
          </button>
        }
      />
      <div className={styles.toolbar}>
        <div className={styles.filters}>
          <SegmentedControl label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          {isManager ? (
            <SegmentedControl label="Whose tasks" options={SCOPE_OPTIONS} value={scope} onChange={setScope} />
          ) : null}
        </div>
        {inbox.data && status === "open" && tasks.length > 0 ? (
          <div className={styles.summary} role="status">
            <span>
              {tasks.length} to do{inbox.data.truncated ? "+" : ""}
            </span>
            {overdue > 0 ? <span className="badge badge-danger">{overdue} overdue</span> : null}
          </div>
        ) : null}
      </div>
      {actionError ? <Alert tone="danger">{apiErrorMessage(actionError)}</Alert> : null}
      {inbox.isPending ? (
        <div aria-busy="true" className="form-stack">
          <span className="visually-hidden" role="status">
            Loading your tasks…
          </span>
          <Skeleton height="96px" />
          <Skeleton height="96px" />
        </div>
      ) : inbox.error ? (
        <section className="card card-body form-stack">
          <Alert tone="danger">{apiErrorMessage(inbox.error)}</Alert>
          <div>
            <button type="button" className="btn" onClick={() => void inbox.refetch()}>
              Try again
            </button>
          </div>
        </section>
      ) : tasks.length === 0 ? (
        <section className="card">
          <EmptyState
            title={status === "open" ? "Nothing to do right now" : "Nothing closed yet"}
            icon={<TasksIcon size={22} />}
            action={
              status === "open" ? (
                <button type="button" className="btn" onClick={() => setCreating(true)}>
                  <PlusIcon size={16} /> New task
                </button>
              ) : null
            }
          >
            {status === "open"
              ? "Tasks assigned to you or your role appear here: follow-ups of decisions, requests from your manager, and reminders you write yourself."
              : "Tasks you complete or cancel are listed here with what was done."}
          </EmptyState>
        </section>
      ) : (
        <ul className={styles.list} aria-label={status === "open" ? "Tasks to do" : "Closed tasks"}>
          {tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              linkDecisions={isManager}
              myName={myName}
              now={now}
              pending={acknowledge.isPending && acknowledge.variables?.taskId === task.id}
              onAcknowledge={() => acknowledge.mutate({ taskId: task.id })}
              onComplete={() => {
                complete.reset();
                setClosing({ task, mode: "complete" });
              }}
              onCancel={() => {
                cancel.reset();
                setClosing({ task, mode: "cancel" });
              }}
            />
          ))}
        </ul>
      )}
      {inbox.data?.truncated ? (
        <span className="subtle">Showing the first 200 tasks. Close some or narrow the view to see the rest.</span>
      ) : null}
      {closing ? (
        <TaskCloseDialog
          key={`${closing.task.id}-${closing.mode}`}
          mode={closing.mode}
          title={closing.task.title}
          pending={complete.isPending || cancel.isPending}
          error={
            closing.mode === "complete"
              ? complete.error
                ? apiErrorMessage(complete.error)
                : null
              : cancel.error
                ? apiErrorMessage(cancel.error)
                : null
          }
          onSubmit={(text) =>
            closing.mode === "complete"
              ? complete.mutate({ taskId: closing.task.id, resolution: text })
              : cancel.mutate({ taskId: closing.task.id, reason: text })
          }
          onClose={() => setClosing(null)}
        />
      ) : null}
      {creating ? <NewTaskDialog isManager={isManager} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
