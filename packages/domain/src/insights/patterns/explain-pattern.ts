/** "Hydraulic failure happens 2.6× as often on the Night shift: 14 of 16 stops in 33 % of planned time." */
import type { TDowntimePattern, TPatternDimension } from "./recurring-downtime";

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export type TPatternLabels = {
  reasonName?: (reasonCode: string) => string;
  productName?: (productId: string) => string;
};

/** Where the reason concentrates, as a phrase that completes "happens … as often …". */
export function describeValue(dimension: TPatternDimension, value: string, labels: TPatternLabels = {}): string {
  switch (dimension) {
    case "shift":
      return `on the ${value} shift`;
    case "product":
      return `when making ${labels.productName?.(value) ?? value}`;
    case "weekday":
      return `on ${WEEKDAY_NAMES[Number(value) - 1] ?? `weekday ${value}`}s`;
    case "hour": {
      const hour = Number(value);
      return `between ${clock(hour)} and ${clock((hour + 1) % 24)}`;
    }
    case "afterChangeover":
      return value === "yes" ? "right after a changeover" : "away from changeovers";
  }
}

export function explainPattern(pattern: TDowntimePattern, labels: TPatternLabels = {}): string {
  const reason = labels.reasonName?.(pattern.reasonCode) ?? pattern.reasonCode;
  const share = Math.round(pattern.exposureShare * 100);
  return (
    `${reason} happens ${pattern.lift.toFixed(1)}× as often ${describeValue(pattern.dimension, pattern.value, labels)}: ` +
    `${pattern.count} of ${pattern.reasonTotal} stops in ${share} % of planned time.`
  );
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
