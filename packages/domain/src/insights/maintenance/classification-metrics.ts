import { binomialUpperTail } from "../patterns/binomial-tail";

/** Held-out metrics for a yes/no risk flag, with the base rate they must beat to mean anything. */
export type TClassificationMetrics = {
  rows: number;
  positives: number;
  flagged: number;
  /** Share of rows that are positive: what flagging at random would reach as precision. */
  baseRate: number;
  /** Null when nothing was flagged (no precision to speak of). */
  precision: number | null;
  /** Null when there were no positives to find. */
  recall: number | null;
  f1: number | null;
  threshold: number;
};

export function classificationMetrics(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  threshold: number,
): TClassificationMetrics {
  let truePositives = 0;
  let flagged = 0;
  let positives = 0;
  probabilities.forEach((probability, i) => {
    const flag = probability >= threshold;
    const positive = labels[i] === 1;
    if (flag) flagged++;
    if (positive) positives++;
    if (flag && positive) truePositives++;
  });
  const precision = flagged === 0 ? null : truePositives / flagged;
  const recall = positives === 0 ? null : truePositives / positives;
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  const rows = probabilities.length;
  return { rows, positives, flagged, baseRate: rows === 0 ? 0 : positives / rows, precision, recall, f1, threshold };
}

/**
 * The threshold with the best F1 on the training rows. Chosen there, never on the test rows, so
 * the held-out numbers stay honest; F1 rather than accuracy because breakdowns are rare and
 * "never flag" would otherwise win.
 */
export function chooseThreshold(probabilities: readonly number[], labels: readonly (0 | 1)[]): number {
  const candidates = [...new Set(probabilities)].sort((a, b) => a - b);
  let best = { threshold: 0.5, f1: -1 };
  for (const threshold of candidates) {
    const f1 = classificationMetrics(probabilities, labels, threshold).f1 ?? 0;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

/** Held-out precision must beat flagging at random by this factor before anyone is told "at risk". */
export const MIN_PRECISION_LIFT = 1.5;
/** …and catch at least this share of the breakdowns that followed. */
export const MIN_RECALL = 0.3;
/**
 * …and be unlikely as luck: the chance that random flags on as many days would hit as many
 * breakdowns. Strict, because neighbouring days of one machine are not independent (one breakdown
 * labels the days before it alike), which makes the binomial tail optimistic.
 */
export const MAX_CHANCE_OF_LUCK = 0.01;

/**
 * Whether a model's held-out flags mean something. A model trained on history where nothing
 * announces a breakdown still picks a threshold and flags days; its held-out precision then sits
 * near the base rate (above it, now and then, by luck on a short test), and its "at risk" would be
 * noise the plant learns to ignore.
 */
export function hasSkill(
  heldOut: Pick<TClassificationMetrics, "precision" | "recall" | "baseRate" | "flagged">,
): { ok: true } | { ok: false; reason: string } {
  const { precision, recall, baseRate, flagged } = heldOut;
  if (precision === null || recall === null || flagged === 0) {
    return { ok: false, reason: "On the held-out history it flagged nothing or there was no breakdown to find." };
  }
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  const hits = Math.round(precision * flagged);
  const luck = binomialUpperTail(hits, flagged, Math.min(1, baseRate));
  if (precision < Math.min(1, baseRate * MIN_PRECISION_LIFT) || recall < MIN_RECALL || luck > MAX_CHANCE_OF_LUCK) {
    return {
      ok: false,
      reason: `On the held-out history its precision was ${percent(precision)} (chance: ${percent(baseRate)}) over ${flagged} flagged days and its recall ${percent(recall)}: not clearly better than chance, so it raises no warnings.`,
    };
  }
  return { ok: true };
}
