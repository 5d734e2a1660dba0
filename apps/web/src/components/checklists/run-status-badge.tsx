const LABELS: Record<string, string> = {
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  ABANDONED: "Abandoned",
};

/** A run's status; a run with flagged steps says how many, in red, whatever its status. */
export function RunStatusBadge({ status, flagged = 0 }: { status: string; flagged?: number }) {
  const tone = status === "COMPLETED" ? "badge-success" : status === "IN_PROGRESS" ? "badge-accent" : "";
  return (
    <span className="nowrap" data-testid="run-status">
      <span className={`badge ${tone}`}>{LABELS[status] ?? status}</span>
      {flagged > 0 ? (
        <>
          {" "}
          <span className="badge badge-danger">{flagged} flagged</span>
        </>
      ) : null}
    </span>
  );
}
