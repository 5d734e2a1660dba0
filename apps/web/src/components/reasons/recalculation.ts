import { formatDate } from "~/lib/format";

/** What a save set off in the background, as the API reports it. */
export type TRecalculationSummary = { workCenterCount: number; from: Date | null; to: Date | null };

/** One sentence on the recalculation a change started, in the plant's time zone. */
export function describeRecalculation(recalculation: TRecalculationSummary, timeZone: string): string {
  const { workCenterCount, from, to } = recalculation;
  if (workCenterCount === 0 || !from || !to)
    return "Nothing recorded so far used it, so no history needed recalculating.";
  const who = workCenterCount === 1 ? "1 work center" : `${workCenterCount} work centers`;
  const first = formatDate(from, timeZone);
  const last = formatDate(to, timeZone);
  const period = first === last ? first : `${first} – ${last}`;
  return `Recalculating timelines and OEE of ${who} for ${period} in the background; dashboards follow within a minute or two.`;
}
