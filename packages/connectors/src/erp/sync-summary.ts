import type { TUnmappedWorkCenter } from "@gemba/db/erp/upsert-erp-records";

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "ERP work centers not mapped: LATHE09 (3 orders); mapped to a deleted work center: PRESS02 (1 order)". */
export function describeUnmapped(notes: readonly TUnmappedWorkCenter[]): string {
  const list = (problem: TUnmappedWorkCenter["problem"]) =>
    notes
      .filter((note) => note.problem === problem)
      .map((note) => `${note.code} (${plural(note.orders, "order")})`)
      .join(", ");
  const notMapped = list("not mapped");
  const gone = list("mapped work center no longer exists");
  return [
    notMapped ? `ERP work centers not mapped, orders stored without a work center: ${notMapped}` : "",
    gone ? `mapped to a work center that no longer exists: ${gone}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}
