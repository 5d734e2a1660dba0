/** The API's limit for charts and lists (execution-inputs MAX_RANGE_DAYS). */
export const MAX_RANGE_DAYS = 92;

/** Why a range of local dates cannot be shown, or null; checked here so the charts never ask in vain. */
export function rangeProblemOf(from: string, to: string): string | null {
  if (from > to) return "The start date must be on or before the end date.";
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return `Pick at most ${MAX_RANGE_DAYS} days (this range spans ${days}).`;
  return null;
}
