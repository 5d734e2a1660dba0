import { Skeleton } from "~/components/ui/skeleton";

export default function CalendarLoading() {
  return (
    <div aria-busy="true" style={{ display: "grid", gap: "var(--space-5)" }}>
      <span className="visually-hidden" role="status">
        Loading the shift calendar…
      </span>
      <Skeleton height="56px" />
      <Skeleton height="480px" />
      <Skeleton height="200px" />
    </div>
  );
}
