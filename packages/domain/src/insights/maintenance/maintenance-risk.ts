import { chooseThreshold, classificationMetrics, type TClassificationMetrics } from "./classification-metrics";
import { describeFeature } from "./describe-contribution";
import {
  featureContributions,
  predictProbability,
  type TLogisticModel,
  trainLogisticRegression,
} from "./logistic-regression";
import {
  buildMaintenanceFeatures,
  featureNamesFor,
  type TFeatureName,
  type TFeatureRow,
  type TTelemetryTag,
  type TWorkCenterDay,
} from "./maintenance-features";

export type TrainMaintenanceRiskInput = {
  /** Every day of every work center of one tenant; training never mixes tenants. */
  days: readonly TWorkCenterDay[];
  /** "A failure in the next H days" is what the model predicts. Default 3. */
  horizonDays?: number;
  /** Set to use the telemetry features; rows without telemetry are then left out. */
  telemetryTag?: TTelemetryTag | null;
  /** Fewer positive training rows than this and the model would learn noise. Default 10. */
  minPositives?: number;
  /** Earlier share of the days used for training. Default 0.7. */
  trainShare?: number;
  l2?: number;
};

export type TMaintenanceRiskModel = {
  ok: true;
  model: TLogisticModel;
  featureNames: TFeatureName[];
  horizonDays: number;
  telemetryTag: TTelemetryTag | null;
  /** Chosen on the training part; the held-out metrics below use it unchanged. */
  threshold: number;
  /** First day of the held-out part. */
  testFromDayIndex: number;
  training: TClassificationMetrics;
  heldOut: TClassificationMetrics;
};

export type TMaintenanceTrainingRefusal = {
  ok: false;
  reason: string;
  positivesNeeded: number;
  positivesFound: number;
};

/**
 * Train on the earlier days, test on the later ones, never shuffled: a model that has seen next
 * month cannot be judged on it. Training rows whose label window reaches into the test part are
 * dropped too, or the test's breakdowns would leak into training through the labels.
 */
export function trainMaintenanceRisk(
  input: TrainMaintenanceRiskInput,
): TMaintenanceRiskModel | TMaintenanceTrainingRefusal {
  const horizonDays = input.horizonDays ?? 3;
  const minPositives = input.minPositives ?? 10;
  const trainShare = input.trainShare ?? 0.7;
  const telemetryTag = input.telemetryTag ?? null;
  const featureNames = featureNamesFor(telemetryTag !== null);
  const labelled = buildMaintenanceFeatures(input.days, { horizonDays, withTelemetry: telemetryTag !== null }).filter(
    (row): row is TFeatureRow & { label: 0 | 1 } => row.label !== null,
  );
  const dayIndices = [...new Set(labelled.map((row) => row.dayIndex))].sort((a, b) => a - b);
  const testFromDayIndex = dayIndices[Math.floor(dayIndices.length * trainShare)] ?? Number.POSITIVE_INFINITY;
  const train = labelled.filter((row) => row.dayIndex + horizonDays < testFromDayIndex);
  const test = labelled.filter((row) => row.dayIndex >= testFromDayIndex);
  const positivesFound = train.filter((row) => row.label === 1).length;
  const refuse = (reason: string): TMaintenanceTrainingRefusal => ({
    ok: false,
    reason,
    positivesNeeded: minPositives,
    positivesFound,
  });
  if (positivesFound < minPositives) {
    return refuse(
      `Needs at least ${minPositives} work-center days followed by a breakdown within ${horizonDays} days in the earlier ${Math.round(trainShare * 100)} % of the history; found ${positivesFound}. Keep recording DOWN events with an equipment-failure reason and retrain later.`,
    );
  }
  if (positivesFound === train.length)
    return refuse("Every training day precedes a breakdown: there is nothing normal to compare against.");
  if (test.length === 0) return refuse("No days are left to test on: record more history before training.");

  const model = trainLogisticRegression(
    train.map((row) => row.values),
    train.map((row) => row.label),
    { l2: input.l2 },
  );
  const trainProbabilities = train.map((row) => predictProbability(model, row.values));
  const threshold = chooseThreshold(
    trainProbabilities,
    train.map((row) => row.label),
  );
  const testProbabilities = test.map((row) => predictProbability(model, row.values));
  return {
    ok: true,
    model,
    featureNames,
    horizonDays,
    telemetryTag,
    threshold,
    testFromDayIndex,
    training: classificationMetrics(
      trainProbabilities,
      train.map((row) => row.label),
      threshold,
    ),
    heldOut: classificationMetrics(
      testProbabilities,
      test.map((row) => row.label),
      threshold,
    ),
  };
}

export type TMaintenanceRiskPrediction = {
  workCenterId: string;
  workCenterLabel: string;
  probability: number;
  /** At or above the threshold chosen in training. */
  flagged: boolean;
  /** Features pushing the risk up, largest first (coefficient × standardised value). */
  topContributions: { feature: TFeatureName; contribution: number; value: number; description: string }[];
  explanation: string;
};

/** The breakdown risk of each work center on `dayIndex`, from the 7 days up to and including it. */
export function predictMaintenanceRisk(
  trained: TMaintenanceRiskModel,
  days: readonly TWorkCenterDay[],
  dayIndex: number,
  topCount = 2,
): TMaintenanceRiskPrediction[] {
  const rows = buildMaintenanceFeatures(days, {
    horizonDays: trained.horizonDays,
    withTelemetry: trained.telemetryTag !== null,
  }).filter((row) => row.dayIndex === dayIndex);
  return rows
    .map((row) => {
      const probability = predictProbability(trained.model, row.values);
      const topContributions = featureContributions(trained.model, row.values)
        .map((contribution, j) => {
          const feature = trained.featureNames[j] as TFeatureName;
          const value = row.values[j] ?? 0;
          return { feature, contribution, value, description: describeFeature(feature, value, trained.telemetryTag) };
        })
        .filter((entry) => entry.contribution > 0)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, topCount);
      const reasons =
        topContributions.length > 0
          ? topContributions.map((entry) => entry.description).join(", ")
          : "nothing stands out from the usual pattern";
      return {
        workCenterId: row.workCenterId,
        workCenterLabel: row.workCenterLabel,
        probability,
        flagged: probability >= trained.threshold,
        topContributions,
        explanation: `${row.workCenterLabel}: ${Math.round(probability * 100)} % chance of a breakdown in the next ${trained.horizonDays} days — ${reasons}.`,
      };
    })
    .sort((a, b) => b.probability - a.probability);
}
