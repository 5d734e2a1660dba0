/** Sentences a plant manager reads on the insight card: every claim carries its number. */
import { formatPercent } from "../format-percent";
import type { TAverageBottleneck } from "./average-bottleneck";
import type { TBottleneckMove } from "./bottleneck-over-time";
import type { TMomentaryBottleneck } from "./momentary-bottleneck";

export type TNameOf = (workCenterId: string) => string;

/** "PRS-202 was the bottleneck 71 % of the shift (sole 58 %, shifting 13 %); next was WLD-301 at 22 %." */
export function explainMomentary(result: TMomentaryBottleneck, nameOf: TNameOf, periodLabel = "the period"): string {
  const [top, next] = result.shares;
  if (!top || top.bottleneckShare === 0)
    return `No work center was active long enough in ${periodLabel} to name a bottleneck.`;
  const lead =
    `${nameOf(top.workCenterId)} was the bottleneck ${formatPercent(top.bottleneckShare)} of ${periodLabel} ` +
    `(sole ${formatPercent(top.soleShare)}, shifting ${formatPercent(top.shiftingShare)})`;
  if (!next || next.bottleneckShare === 0) return `${lead}.`;
  return `${lead}; next was ${nameOf(next.workCenterId)} at ${formatPercent(next.bottleneckShare)}.`;
}

/** "PRS-202 was active 93 % of its comparable time, 12 points more than WLD-301 (81 %)." */
export function explainAverage(result: TAverageBottleneck, nameOf: TNameOf): string {
  const top = result.shares[0];
  if (!result.bottleneckId || !top || top.activeShare === null) {
    return "No work center ran or waited in this period, so there is no bottleneck to name.";
  }
  const lead = `${nameOf(top.workCenterId)} was active ${formatPercent(top.activeShare)} of its comparable time`;
  const second = result.shares[1];
  if (result.margin === null || !second || second.activeShare === null) {
    return `${lead}; it is the only work center with data, so there is nothing to compare it with.`;
  }
  const points = Math.round(result.margin * 100);
  const caution = result.confidence < 0.5 ? " The line is close to balanced: the bottleneck may shift." : "";
  return `${lead}, ${points} points more than ${nameOf(second.workCenterId)} (${formatPercent(second.activeShare)}).${caution}`;
}

/** "The bottleneck moved from PRS-202 to WLD-301 at 14:00." */
export function explainMove(move: TBottleneckMove, nameOf: TNameOf, formatTime: (ms: number) => string): string {
  return `The bottleneck moved from ${nameOf(move.fromId)} to ${nameOf(move.toId)} at ${formatTime(move.at)}.`;
}
