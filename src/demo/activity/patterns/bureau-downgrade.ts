import { notchOf, reportDays, SCORE_MAX, SCORE_MIN } from '../bureau.ts'
import type { PatternInjector } from './injection.ts'

/**
 * Bureau downgrade: at one quarterly report (the second to the fourth) the score falls by
 * 100–160 points and at least two rating notches, and a default appears. Normal reports
 * move at most 22 points, one notch. Only customers scoring 620 or more can fall two notches.
 */
export const bureauDowngrade: PatternInjector = {
  kind: 'bureau_downgrade',
  minDays: 200,
  isEligible: (profile) => profile.bureauScore >= 620,
  inject({ random, window }) {
    const report = random.int(1, Math.min(3, reportDays(window).length - 1))
    const drop = random.int(100, 160)
    const below = random.int(0, 20)
    return {
      transactions: [],
      shock: { report, score: (previous) => Math.max(SCORE_MIN, Math.min(previous - drop, SCORE_MAX - 60 * (notchOf(previous) + 2) - below)) },
      label: ({ bureau }) => {
        const [before, after] = [bureau[report - 1]!, bureau[report]!]
        return {
          from: `${before.reportedOn}T00:00:00.000Z`,
          to: `${after.reportedOn}T00:00:00.000Z`,
          transactionIds: [],
          description: `${after.agency} score ${before.score} → ${after.score}, rating ${before.rating} → ${after.rating}`,
        }
      },
    }
  },
}
