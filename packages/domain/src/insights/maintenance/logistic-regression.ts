/**
 * L2-regularised logistic regression on standardised features, fitted by full-batch gradient
 * descent. Written here rather than pulled from a library because it is ~60 lines, runs per tenant
 * on a few thousand rows, and the coefficients must be inspectable to explain a prediction.
 */

export type TStandardizer = { means: number[]; scales: number[] };

export type TLogisticModel = {
  standardizer: TStandardizer;
  /** One per feature, on the standardised scale: comparable with each other. */
  weights: number[];
  intercept: number;
};

export type TrainLogisticOptions = {
  /** Strength of the L2 penalty per row; keeps weights finite when a feature separates perfectly. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
};

export function fitStandardizer(rows: readonly (readonly number[])[]): TStandardizer {
  const width = rows[0]?.length ?? 0;
  const means = Array.from(
    { length: width },
    (_, j) => rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / rows.length,
  );
  const scales = means.map((mean, j) => {
    const variance = rows.reduce((sum, row) => sum + ((row[j] ?? 0) - mean) ** 2, 0) / rows.length;
    // A constant feature carries no information; scale 1 keeps it at 0 instead of dividing by 0.
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { means, scales };
}

export function standardize(standardizer: TStandardizer, row: readonly number[]): number[] {
  return row.map((value, j) => (value - (standardizer.means[j] ?? 0)) / (standardizer.scales[j] ?? 1));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainLogisticRegression(
  rows: readonly (readonly number[])[],
  labels: readonly (0 | 1)[],
  options: TrainLogisticOptions = {},
): TLogisticModel {
  if (rows.length === 0 || rows.length !== labels.length) {
    throw new RangeError("Training needs as many labels as rows, and at least one row.");
  }
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 1_500;
  const learningRate = options.learningRate ?? 0.5;
  const standardizer = fitStandardizer(rows);
  const x = rows.map((row) => standardize(standardizer, row));
  const n = x.length;
  const weights = new Array<number>(standardizer.means.length).fill(0);
  // Start at the base rate so early steps go to the features, not to finding the intercept.
  const baseRate = Math.min(0.999, Math.max(0.001, labels.reduce<number>((sum, y) => sum + y, 0) / n));
  let intercept = Math.log(baseRate / (1 - baseRate));
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(weights.length).fill(0);
    let interceptGradient = 0;
    for (let i = 0; i < n; i++) {
      const row = x[i] ?? [];
      const error = sigmoid(intercept + dot(weights, row)) - (labels[i] ?? 0);
      interceptGradient += error;
      for (let j = 0; j < weights.length; j++) gradient[j] = (gradient[j] ?? 0) + error * (row[j] ?? 0);
    }
    intercept -= (learningRate * interceptGradient) / n;
    for (let j = 0; j < weights.length; j++) {
      const w = weights[j] ?? 0;
      weights[j] = w - learningRate * ((gradient[j] ?? 0) / n + l2 * w);
    }
  }
  return { standardizer, weights, intercept };
}

export function predictProbability(model: TLogisticModel, row: readonly number[]): number {
  return sigmoid(model.intercept + dot(model.weights, standardize(model.standardizer, row)));
}

/** Coefficient × standardised value per feature: how far each one pushes this prediction. */
export function featureContributions(model: TLogisticModel, row: readonly number[]): number[] {
  return standardize(model.standardizer, row).map((value, j) => value * (model.weights[j] ?? 0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += (a[j] ?? 0) * (b[j] ?? 0);
  return sum;
}
