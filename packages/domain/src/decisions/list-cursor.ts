/**
 * The position after the last decision of a page, newest first: "<decidedAt ms>.<id>". A bare
 * "<ms>" means "decided before this instant" (any id), which also reads positions of other lists.
 */
export type TListPosition = { decidedAt: Date; id: string | null };

const CURSOR = /^(\d{1,15})(?:\.([0-9a-f-]{36}))?$/;

export function encodeListCursor(position: { decidedAt: Date; id: string }): string {
  return `${position.decidedAt.getTime()}.${position.id}`;
}

export function decodeListCursor(cursor: string): TListPosition | null {
  const match = CURSOR.exec(cursor);
  if (!match?.[1]) return null;
  return { decidedAt: new Date(Number(match[1])), id: match[2] ?? null };
}

export const LIST_CURSOR_PATTERN = CURSOR;
