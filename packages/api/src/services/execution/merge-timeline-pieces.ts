/** A stored StateInterval as the timeline reads it. */
export type TTimelinePiece = {
  start: Date;
  end: Date;
  state: string;
  reasonCode: string | null;
  scheduled: boolean;
  unclassified: boolean;
  microStop: boolean;
  lossCategory: string | null;
  stopStart: Date | null;
};

const sameFacts = (a: TTimelinePiece, b: TTimelinePiece) =>
  a.state === b.state &&
  a.reasonCode === b.reasonCode &&
  a.scheduled === b.scheduled &&
  a.unclassified === b.unclassified &&
  a.microStop === b.microStop &&
  a.lossCategory === b.lossCategory &&
  a.stopStart?.getTime() === b.stopStart?.getTime();

/**
 * Pieces clipped to [from, to) and joined where one ends exactly where the next begins with the
 * same facts. The store cuts intervals at shift changes and at the edges of each re-derivation;
 * a person reading a timeline should see one bar per thing that happened.
 */
export function mergeTimelinePieces(pieces: readonly TTimelinePiece[], from: Date, to: Date): TTimelinePiece[] {
  const merged: TTimelinePiece[] = [];
  const sorted = [...pieces].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const piece of sorted) {
    const start = new Date(Math.max(piece.start.getTime(), from.getTime()));
    const end = new Date(Math.min(piece.end.getTime(), to.getTime()));
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && last.end.getTime() === start.getTime() && sameFacts(last, piece)) last.end = end;
    else merged.push({ ...piece, start, end });
  }
  return merged;
}
