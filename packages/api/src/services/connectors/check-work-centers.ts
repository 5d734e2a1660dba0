import type { Tx } from "@gemba/db/tenant-scope";
import { AppError } from "@gemba/domain/errors";

/** Every value of a `workCenterId` field anywhere in a config, with where it sits ("devices.0.workCenterId"). */
export function workCenterReferences(value: unknown, path: string[] = []): { path: string; id: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => workCenterReferences(item, [...path, String(index)]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "workCenterId" && typeof child === "string"
      ? [{ path: [...path, key].join("."), id: child }]
      : workCenterReferences(child, [...path, key]),
  );
}

/**
 * A mapping to a work center that does not exist in this plant would only show up later, as
 * dead letters: refuse it when saving, naming the field. Row-level security makes another
 * plant's work center count as missing.
 */
export async function assertWorkCentersExist(tx: Tx, config: unknown): Promise<void> {
  const references = workCenterReferences(config);
  if (references.length === 0) return;
  const ids = [...new Set(references.map((reference) => reference.id))];
  const known = new Set(
    (await tx.workCenter.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((wc) => wc.id),
  );
  const missing = references.filter((reference) => !known.has(reference.id));
  if (missing.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `Check the configuration — ${missing.map((reference) => `${reference.path}: pick a work center of this plant`).join("; ")}`,
    );
  }
}
