/** The p-th percentile of an ascending list (nearest rank); NaN for an empty one. */
export const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
