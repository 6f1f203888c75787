import type { FinancialAnalysis, ZCutoffs, ZZone } from '../../api/types.ts'

export type ZTrendPoint = {
  statementId: string
  periodEnd: string
  periodMonths: number
  /** null where the score could not be computed: the chart leaves a gap there. */
  score: number | null
  zone: ZZone | null
  /** Why score is null. */
  reason: string | null
}

export type ZTrend = {
  /** Oldest first, as a chart reads left to right. */
  points: ZTrendPoint[]
  /** The cut-offs of the model the newest period was scored with; null when there is no period. */
  cutoffs: ZCutoffs | null
  modelName: string | null
}

/** The Z-score of each period, oldest first, with the model's cut-offs for the zone bands. */
export function zScoreTrend(analysis: Pick<FinancialAnalysis, 'periods'>): ZTrend {
  const newest = analysis.periods[0]
  const points = [...analysis.periods].reverse().map((period) => ({
    statementId: period.statementId,
    periodEnd: period.periodEnd,
    periodMonths: period.periodMonths,
    score: Number.isFinite(period.zScore.score) ? period.zScore.score : null,
    zone: period.zScore.zone,
    reason: period.zScore.reason,
  }))
  return { points, cutoffs: newest?.zScore.cutoffs ?? null, modelName: newest?.zScore.name ?? null }
}

export type AxisRange = { min: number; max: number }

/** A y range in whole numbers that holds every score and both cut-offs, with some room around them. */
export function zAxisRange(scores: readonly (number | null)[], cutoffs: ZCutoffs): AxisRange {
  const values = [...scores.filter((s): s is number => s !== null && Number.isFinite(s)), cutoffs.distressBelow, cutoffs.safeAbove]
  const low = Math.min(...values)
  const high = Math.max(...values)
  const room = Math.max((high - low) * 0.15, 0.5)
  return { min: Math.floor(low - room), max: Math.ceil(high + room) }
}

export type ZoneBand = { zone: ZZone; from: number; to: number }

/** The three zones as y bands across the chart: distress below the lower cut-off, grey between, safe above. */
export function zoneBands(cutoffs: ZCutoffs, range: AxisRange): ZoneBand[] {
  return [
    { zone: 'distress', from: range.min, to: cutoffs.distressBelow },
    { zone: 'grey', from: cutoffs.distressBelow, to: cutoffs.safeAbove },
    { zone: 'safe', from: cutoffs.safeAbove, to: range.max },
  ]
}
