import { AppError } from "@gemba/domain/errors";

/**
 * A position in a newest-first list: "<ms>.<id>" is "after this row", a bare "<ms>" is "before
 * this instant". Both lists here (runs, notifications) page with it on (time, id).
 */
export type TListPosition = { at: Date; id: string | null };

const POSITION = /^(\d{1,15})(?:\.([0-9a-f-]{36}))?$/;

export function encodePosition(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

export function decodePosition(cursor: string | undefined): TListPosition | null {
  if (cursor === undefined) return null;
  const match = POSITION.exec(cursor);
  if (!match?.[1]) throw new AppError("BAD_REQUEST", "The list position is not valid any more. Reload the page.");
  return { at: new Date(Number(match[1])), id: match[2] ?? null };
}

/** Rows strictly after the position in (time desc, id desc) order. */
export function afterPosition<K extends string>(field: K, position: TListPosition | null) {
  if (!position) return {};
  if (position.id === null) return { [field]: { lt: position.at } } as Record<K, { lt: Date }>;
  return {
    OR: [{ [field]: { lt: position.at } }, { [field]: position.at, id: { lt: position.id } }],
  } as { OR: Record<string, unknown>[] };
}

/** The page and the cursor of the next one (null at the end). */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, timeOf: (row: T) => Date) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodePosition(timeOf(last), last.id) : null };
}
