/** The periods the chart pages offer, and the bucket each bottleneck chart uses for it. */
export const PERIODS = [
  { value: "1d", label: "24 hours", days: 1, stepMs: 3_600_000 },
  { value: "7d", label: "7 days", days: 7, stepMs: 4 * 3_600_000 },
  { value: "30d", label: "30 days", days: 30, stepMs: 86_400_000 },
] as const;
export type TPeriod = (typeof PERIODS)[number]["value"];

const MINUTE = 60_000;

/** The period ending at `now` (rounded to the minute so a re-render asks the same question). */
export function periodSpan(period: TPeriod, now: number) {
  const chosen = PERIODS.find((option) => option.value === period) ?? PERIODS[1];
  const to = Math.floor(now / MINUTE) * MINUTE;
  return { from: to - chosen.days * 86_400_000, to, stepMs: chosen.stepMs };
}
