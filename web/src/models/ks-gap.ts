import type { KsPoint } from '../api/types.ts'

export type KsGap = KsPoint & { gap: number }

/** Where the cumulative bad and good curves lie furthest apart: the KS statistic and its score. null for no points. */
export function ksGap(points: readonly KsPoint[]): KsGap | null {
  let best: KsGap | null = null
  for (const point of points) {
    const gap = Math.abs(point.cumBad - point.cumGood)
    if (Number.isFinite(gap) && (best === null || gap > best.gap)) best = { ...point, gap }
  }
  return best
}
