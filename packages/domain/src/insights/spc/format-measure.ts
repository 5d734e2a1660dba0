/**
 * How a detector's sentences print numbers: with the signal's unit and just enough decimals to show
 * differences of a tenth of σ, so "41.8 s" for cycle times and "0.0231" for scrap fractions.
 */
export type TMeasureFormat = { unit?: string; decimals: number };

export function decimalsForSigma(sigma: number): number {
  if (!Number.isFinite(sigma) || sigma <= 0) return 2;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(sigma)) + 1));
}

export function formatMeasure(value: number, format: TMeasureFormat): string {
  const text = value.toFixed(format.decimals);
  if (!format.unit) return text;
  // "4.2%" reads naturally; every other unit takes a space ("41.8 s", "62.0 °C").
  return format.unit === "%" ? `${text}%` : `${text} ${format.unit}`;
}

export function formatSigma(sigmas: number, signed = true): string {
  const text = `${Math.abs(sigmas).toFixed(1)}σ`;
  if (!signed) return text;
  return sigmas < 0 ? `−${text}` : `+${text}`;
}
