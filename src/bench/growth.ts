/** Least-squares slope of y over x: how fast a sampled quantity grows (units of y per unit of x). */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export interface GrowthVerdict {
  /** MB per minute over the whole soak and over its second half. */
  wholeMbPerMin: number;
  secondHalfMbPerMin: number;
  /** Levels off: the second half grows less than the threshold (or shrinks). */
  levelsOff: boolean;
}

/** Samples (minutes, MB): does the quantity level off in the second half of the run? */
export function growthVerdict(samples: Array<[number, number]>, thresholdMbPerMin = 0.5): GrowthVerdict {
  const half = samples.slice(Math.floor(samples.length / 2));
  const round = (v: number) => Math.round(v * 100) / 100;
  const second = slope(half);
  return { wholeMbPerMin: round(slope(samples)), secondHalfMbPerMin: round(second), levelsOff: second < thresholdMbPerMin };
}
