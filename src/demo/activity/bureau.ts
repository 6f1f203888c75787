import { DAY_MS } from '../../domain/monitoring/activity.ts'
import type { BureauRecordInput } from '../../schemas/customer-records.ts'
import type { Random } from '../random.ts'
import { monthStartDay, type Window } from './calendar.ts'
import type { CustomerProfile } from './profile.ts'

/** A credit-bureau report as a record input (BureauRecordInputSchema) with the customer it is about. */
export type DemoBureauEvent = BureauRecordInput & { customerId: string; reportedOn: string; score: number; rating: string }

/** The same scale as the demo portfolio's bureau records: one notch per 60 points below 850. */
export const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const
export const SCORE_MIN = 300
export const SCORE_MAX = 850

export function notchOf(score: number): number {
  return Math.min(RATINGS.length - 1, Math.max(0, Math.floor((SCORE_MAX - score) / 60)))
}

export function ratingOf(score: number): string {
  return RATINGS[notchOf(score)]!
}

/** The report dates of the window: one a quarter, in its second month. */
export function reportDays(window: Window): number[] {
  const days: number[] = []
  for (let quarter = 0; monthStartDay(window, quarter * 3 + 1) + 27 < window.days; quarter += 1) days.push(monthStartDay(window, quarter * 3 + 1))
  return days
}

const DRIFT = { strong: 3, average: 0, weak: -6, distressed: -14 } as const

export type BureauFeedOptions = {
  random: Random
  profile: CustomerProfile
  window: Window
  /** A sudden fall at one report (bureau downgrade): the new score given the previous one. */
  shock?: { report: number; score: (previous: number) => number }
}

/**
 * A quarterly report on every customer, continuing from its last score: it drifts with the
 * customer's health by at most 22 points a quarter, so never more than one notch at a time.
 * A shock drops it by far more and adds a default.
 */
export function bureauFeed({ random, profile, window, shock }: BureauFeedOptions): DemoBureauEvent[] {
  let score = profile.bureauScore
  let defaults = profile.health === 'distressed' ? random.int(1, 2) : profile.health === 'weak' && random.chance(0.3) ? 1 : 0
  let courtJudgments = profile.health === 'distressed' ? random.int(0, 1) : 0
  return reportDays(window).map((first, index) => {
    const day = first + random.int(0, 27)
    if (shock?.report === index) {
      score = shock.score(score)
      defaults += 1
      courtJudgments += random.int(0, 1)
    } else if (index > 0) {
      score = Math.min(SCORE_MAX, Math.max(SCORE_MIN, score + DRIFT[profile.health] + random.int(-8, 8)))
    }
    return {
      customerId: profile.customer.id,
      agency: profile.agency,
      reportedOn: new Date(window.start + day * DAY_MS).toISOString().slice(0, 10),
      score,
      scoreMin: SCORE_MIN,
      scoreMax: SCORE_MAX,
      rating: ratingOf(score),
      defaults,
      courtJudgments,
      taxArrears: 0,
    }
  })
}
