const labels: Record<string, { label: string; className: string }> = {
  PLANNED: { label: "Planned", className: "badge" },
  RELEASED: { label: "Released", className: "badge badge-accent" },
  IN_PROGRESS: { label: "In progress", className: "badge badge-success badge-dot" },
  COMPLETED: { label: "Completed", className: "badge" },
  CANCELLED: { label: "Cancelled", className: "badge" },
};

export function OrderStatusBadge({ status }: { status: string }) {
  const known = labels[status] ?? { label: status, className: "badge" };
  return <span className={known.className}>{known.label}</span>;
}
