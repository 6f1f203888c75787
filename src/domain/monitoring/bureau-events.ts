/**
 * Early-warning events from a customer's credit-bureau records over time: a score drop, a
 * rating downgrade, a new court judgment, a new default, new tax arrears. Only consecutive
 * records of the same agency are compared (two agencies' scales and ratings do not compare),
 * in the order of their report dates; records of one date keep their input order.
 *
 * Only deteriorations are events: a rise, an upgrade or a count that went down is not.
 */
export type BureauObservation = {
  agency: string
  /** ISO-8601 date (or date-time), UTC. */
  reportedOn: string
  score: number | null
  scoreMin: number | null
  scoreMax: number | null
  rating: string | null
  defaults: number
  courtJudgments: number
  /** Unpaid tax, minor units. */
  taxArrears: number
}

export const BUREAU_EVENT_KINDS = ['score_drop', 'rating_downgrade', 'new_court_judgment', 'new_default', 'new_tax_arrears'] as const
export type BureauEventKind = (typeof BUREAU_EVENT_KINDS)[number]

export type BureauEvent = {
  kind: BureauEventKind
  /** The later record's report date, epoch milliseconds. */
  at: number
  agency: string
  from: number | string
  to: number | string
  reason: string
}

/** A drop counts when it is at least this many points, or this percentage of the scale's range (max − min). */
export type ScoreDropThreshold = { points: number } | { percentOfScale: number }

export const DEFAULT_SCORE_DROP: ScoreDropThreshold = { percentOfScale: 5 }

/** Best first. */
export const DEFAULT_RATING_ORDER: readonly string[] = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D']

export type BureauEventsOptions = {
  records: readonly BureauObservation[]
  scoreDrop?: ScoreDropThreshold
  /** Ratings best first; a rating not in it gives no event, and a note. */
  ratingOrder?: readonly string[]
}

export type BureauEvents = {
  /** By date, then agency, then kind in the order of BUREAU_EVENT_KINDS. */
  events: BureauEvent[]
  /** Comparisons that could not be made, and why. */
  notes: string[]
}

type Dated = BureauObservation & { at: number }

export function bureauEvents({ records, scoreDrop = DEFAULT_SCORE_DROP, ratingOrder = DEFAULT_RATING_ORDER }: BureauEventsOptions): BureauEvents {
  checkThreshold(scoreDrop)
  if (ratingOrder.length === 0 || new Set(ratingOrder).size !== ratingOrder.length) throw new RangeError('the rating order must list at least one rating, each once')
  const notes: string[] = []
  const byAgency = new Map<string, Dated[]>()
  for (const record of records) {
    const at = Date.parse(record.reportedOn)
    if (Number.isNaN(at)) {
      notes.push(`${record.agency}: a record reported on "${record.reportedOn}" has no readable date and is left out`)
      continue
    }
    byAgency.set(record.agency, [...(byAgency.get(record.agency) ?? []), { ...record, at }])
  }
  const events: BureauEvent[] = []
  for (const [agency, list] of byAgency) {
    const sorted = list.sort((a, b) => a.at - b.at)
    for (let index = 1; index < sorted.length; index++) {
      const compare = { agency, before: sorted[index - 1]!, after: sorted[index]!, events, notes }
      scoreEvent(compare, scoreDrop)
      ratingEvent(compare, ratingOrder)
      countEvent(compare, 'new_court_judgment', 'courtJudgments', 'court judgments')
      countEvent(compare, 'new_default', 'defaults', 'defaults')
      countEvent(compare, 'new_tax_arrears', 'taxArrears', 'tax arrears (minor units)')
    }
  }
  events.sort((a, b) => a.at - b.at || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0) || BUREAU_EVENT_KINDS.indexOf(a.kind) - BUREAU_EVENT_KINDS.indexOf(b.kind))
  return { events, notes }
}

type Comparison = { agency: string; before: Dated; after: Dated; events: BureauEvent[]; notes: string[] }

function checkThreshold(threshold: ScoreDropThreshold): void {
  if ('points' in threshold) {
    if (!(threshold.points > 0)) throw new RangeError(`a score drop threshold must be more than 0 points, got ${threshold.points}`)
  } else if (!(threshold.percentOfScale > 0 && threshold.percentOfScale <= 100)) {
    throw new RangeError(`a score drop threshold must be more than 0 and at most 100 percent of the scale, got ${threshold.percentOfScale}`)
  }
}

const between = ({ before, after }: Comparison) => `between ${before.reportedOn} and ${after.reportedOn}`

function scoreEvent(comparison: Comparison, threshold: ScoreDropThreshold): void {
  const { agency, before, after, events, notes } = comparison
  if (before.score === null || after.score === null) return
  const scaleBefore = scaleOf(before)
  const scaleAfter = scaleOf(after)
  if (scaleBefore && scaleAfter && (scaleBefore.min !== scaleAfter.min || scaleBefore.max !== scaleAfter.max)) {
    notes.push(`${agency}: the score scale changed ${between(comparison)} (${scaleBefore.min}–${scaleBefore.max} to ${scaleAfter.min}–${scaleAfter.max}): scores not compared`)
    return
  }
  const scale = scaleAfter ?? scaleBefore
  const drop = before.score - after.score
  let reached: boolean
  let thresholdText: string
  if ('points' in threshold) {
    reached = drop >= threshold.points
    thresholdText = `${threshold.points} points`
  } else {
    if (!scale) {
      notes.push(`${agency}: no usable score scale ${between(comparison)}, so a drop of ${threshold.percentOfScale}% of it cannot be judged`)
      return
    }
    const range = scale.max - scale.min
    // drop / range ≥ percent / 100, in integers when the inputs are
    reached = drop * 100 >= threshold.percentOfScale * range
    thresholdText = `${(threshold.percentOfScale * range) / 100} points: ${threshold.percentOfScale}% of the ${scale.min}–${scale.max} scale`
  }
  if (drop > 0 && reached) {
    events.push({ kind: 'score_drop', at: after.at, agency, from: before.score, to: after.score, reason: `score fell ${drop} points ${between(comparison)}, from ${before.score} to ${after.score} (threshold ${thresholdText})` })
  }
}

function scaleOf(record: BureauObservation): { min: number; max: number } | null {
  const { scoreMin: min, scoreMax: max } = record
  return min !== null && max !== null && max > min ? { min, max } : null
}

function ratingEvent(comparison: Comparison, order: readonly string[]): void {
  const { agency, before, after, events, notes } = comparison
  if (before.rating === null || after.rating === null || before.rating === after.rating) return
  const unknown = [before.rating, after.rating].filter((rating) => !order.includes(rating))
  if (unknown.length > 0) {
    notes.push(`${agency}: rating ${unknown.map((r) => `"${r}"`).join(' and ')} not in the rating order, so ${before.rating} → ${after.rating} ${between(comparison)} is not judged`)
    return
  }
  if (order.indexOf(after.rating) > order.indexOf(before.rating)) {
    events.push({ kind: 'rating_downgrade', at: after.at, agency, from: before.rating, to: after.rating, reason: `rating downgraded from ${before.rating} to ${after.rating} ${between(comparison)}` })
  }
}

function countEvent(comparison: Comparison, kind: BureauEventKind, field: 'courtJudgments' | 'defaults' | 'taxArrears', what: string): void {
  const { agency, before, after, events } = comparison
  const from = before[field]
  const to = after[field]
  if (to > from) events.push({ kind, at: after.at, agency, from, to, reason: `${what} rose from ${from} to ${to} ${between(comparison)}` })
}
