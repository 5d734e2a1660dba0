import type { Tx } from "@gemba/db/tenant-scope";

export type TInsightSubjectRow = {
  subjectKind: string;
  subjectId: string;
  workCenterId: string | null;
  lineId: string | null;
};

export type TInsightSubject = {
  kind: string;
  id: string;
  /** "PRS-01 · Press 1", "Line 1", "Order 4711", "Bracket": what people call it. */
  label: string;
  workCenter: { id: string; code: string; name: string } | null;
  line: { id: string; code: string; name: string } | null;
};

/**
 * Names for the subjects of a page of insights, read in one query per kind. A subject deleted since
 * the insight was found keeps the insight readable: its label says so instead of failing the page.
 */
export async function nameSubjects(tx: Tx, rows: readonly TInsightSubjectRow[]) {
  const ids = (pick: (row: TInsightSubjectRow) => string | null) => [
    ...new Set(rows.flatMap((row) => (pick(row) ? [pick(row) as string] : []))),
  ];
  const subjectIds = (kind: string) => ids((row) => (row.subjectKind === kind ? row.subjectId : null));
  const [workCenters, lines, orders, products] = await Promise.all([
    tx.workCenter.findMany({
      where: { id: { in: [...ids((row) => row.workCenterId), ...subjectIds("WORK_CENTER")] } },
      select: { id: true, code: true, name: true },
    }),
    tx.line.findMany({
      where: { id: { in: [...ids((row) => row.lineId), ...subjectIds("LINE")] } },
      select: { id: true, code: true, name: true },
    }),
    tx.productionOrder.findMany({
      where: { id: { in: subjectIds("ORDER") } },
      select: { id: true, externalId: true },
    }),
    tx.product.findMany({ where: { id: { in: subjectIds("PRODUCT") } }, select: { id: true, name: true } }),
  ]);
  const workCenterById = new Map(workCenters.map((row) => [row.id, row]));
  const lineById = new Map(lines.map((row) => [row.id, row]));
  const orderById = new Map(orders.map((row) => [row.id, row]));
  const productById = new Map(products.map((row) => [row.id, row]));

  return (row: TInsightSubjectRow): TInsightSubject => {
    const workCenter = row.workCenterId ? (workCenterById.get(row.workCenterId) ?? null) : null;
    const line = row.lineId ? (lineById.get(row.lineId) ?? null) : null;
    let label: string | undefined;
    switch (row.subjectKind) {
      case "WORK_CENTER": {
        const found = workCenterById.get(row.subjectId);
        label = found && `${found.code} · ${found.name}`;
        break;
      }
      case "LINE":
        label = lineById.get(row.subjectId)?.name;
        break;
      case "ORDER": {
        const found = orderById.get(row.subjectId);
        label = found && `Order ${found.externalId}`;
        break;
      }
      case "PRODUCT":
        label = productById.get(row.subjectId)?.name;
        break;
    }
    return {
      kind: row.subjectKind,
      id: row.subjectId,
      label: label ?? `A ${row.subjectKind.toLowerCase().replace("_", " ")} no longer in the plant`,
      workCenter,
      line,
    };
  };
}
