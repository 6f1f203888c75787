import type { ScorecardBin, ScorecardModel } from '../api/types.ts'

export type ScorecardRow = {
  key: string
  feature: string
  /** The feature's information value, on its first row. */
  featureIv: number
  /** The first bin of a feature spans all of its bins in the feature column; the others 0. */
  featureSpan: number
  bin: ScorecardBin
}

/** The scorecard as table rows, one per bin, grouped by feature in the model's order. */
export function scorecardRows(scorecard: Pick<ScorecardModel, 'features'>): ScorecardRow[] {
  return scorecard.features.flatMap((feature) =>
    feature.bins.map((bin, index) => ({
      key: `${feature.name}#${index}`,
      feature: feature.name,
      featureIv: feature.iv,
      featureSpan: index === 0 ? feature.bins.length : 0,
      bin,
    })),
  )
}
