/** Whole percent, as people say it on an insight card: "71 %". Shares and probabilities alike (0–1). */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
