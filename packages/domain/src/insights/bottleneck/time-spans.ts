/** Small helpers on [start, end) spans shared by the bottleneck detectors. */
export type TSpan = { start: number; end: number };

/** Total length covered by the spans, overlaps counted once. */
export function unionLength(spans: readonly TSpan[]): number {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    const from = Math.max(span.start, coveredTo);
    if (span.end > from) total += span.end - from;
    coveredTo = Math.max(coveredTo, span.end);
  }
  return total;
}

/** Sorted, distinct edges of the spans: the elementary slices between them are homogeneous. */
export function edgesOf(spans: readonly TSpan[]): number[] {
  const edges = new Set<number>();
  for (const span of spans) {
    edges.add(span.start);
    edges.add(span.end);
  }
  return [...edges].sort((a, b) => a - b);
}
