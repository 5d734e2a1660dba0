type TSkeletonProps = { width?: string; height?: string; className?: string };

export function Skeleton({ width = "100%", height = "16px", className }: TSkeletonProps) {
  return <span className={`skeleton ${className ?? ""}`} style={{ width, height }} aria-hidden="true" />;
}

// Placeholders never reorder; fixed keys keep React (and the linter) happy.
const KEYS = ["a", "b", "c", "d", "e", "f"];

/** A page-shaped placeholder while a server page streams in. */
export function PageSkeleton({ label, blocks = 3 }: { label: string; blocks?: number }) {
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      <div className="section">
        <Skeleton width="120px" height="14px" />
        <Skeleton width="280px" height="28px" />
      </div>
      <div className="skeleton-grid">
        {KEYS.slice(0, 4).map((key) => (
          <Skeleton key={key} height="104px" />
        ))}
      </div>
      {KEYS.slice(0, blocks).map((key) => (
        <Skeleton key={key} height="180px" />
      ))}
    </div>
  );
}
