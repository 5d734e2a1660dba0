/**
 * P(X ≥ k) for X ~ Binomial(n, p), exact. Given how many stops of a reason happened in all, and
 * that stops arrive as a Poisson process at a constant rate per planned hour, the number falling
 * in one value (Night shift, product X, …) is exactly binomial with p = that value's share of the
 * planned time: the conditional exact test for comparing a Poisson rate with the overall one.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) {
    throw new Error(`Binomial counts must be whole and non-negative (got k=${k}, n=${n}).`);
  }
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // Work in logs for the first term: C(n, k) p^k (1-p)^(n-k) underflows for a few hundred stops.
  let logTerm = k * Math.log(p) + (n - k) * Math.log1p(-p);
  for (let j = 1; j <= k; j++) logTerm += Math.log((n - k + j) / j);
  let term = Math.exp(logTerm);
  let tail = 0;
  const odds = p / (1 - p);
  for (let i = k; i <= n; i++) {
    tail += term;
    term *= ((n - i) / (i + 1)) * odds;
  }
  return Math.min(1, tail);
}
