export type TOeeSort = "default" | "oeeAscending" | "oeeDescending";

/**
 * Rows by OEE, lowest or highest first. Rows without an OEE (no planned time in their run) go
 * last either way: they have nothing to rank, and a list sorted for the worst should open on one.
 * Equal OEEs compare equal, so a stable sort keeps their previous order.
 */
export function compareByOee(sort: Exclude<TOeeSort, "default">) {
  const direction = sort === "oeeAscending" ? 1 : -1;
  return (a: { oee: number | null }, b: { oee: number | null }): number => {
    if (a.oee === null || b.oee === null) return (a.oee === null ? 1 : 0) - (b.oee === null ? 1 : 0);
    return (a.oee - b.oee) * direction;
  };
}
