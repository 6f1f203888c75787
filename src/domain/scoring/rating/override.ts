/**
 * An analyst's override of a composite rating. The model's rating stays alongside the grade
 * the analyst chose, with who chose it, why, and how many notches it moved: positive
 * notches are a downgrade (towards D), negative an upgrade. A justification shorter than
 * MIN_JUSTIFICATION_LENGTH characters (after trimming), an empty `by` or a grade that is not
 * on the rating's scale is refused.
 */
import { DEFAULT_MASTER_SCALE, gradeIndex, type MasterScale } from './master-scale.ts'
import type { CompositeRating } from './composite-rating.ts'

export const MIN_JUSTIFICATION_LENGTH = 20

export type ApplyOverrideOptions = {
  grade: string
  justification: string
  /** Who overrode, e.g. `user:<id>`. */
  by: string
  /** The scale the rating was graded on; must have the rating's scaleVersion. */
  scale?: MasterScale
}

export type OverriddenRating = {
  grade: string
  band: { lower: number; upper: number }
  overridden: true
  override: {
    fromGrade: string
    toGrade: string
    notches: number
    direction: 'upgrade' | 'downgrade' | 'none'
    justification: string
    by: string
  }
  modelRating: CompositeRating
  scaleVersion: string
}

export type OverrideProblem = { field: 'grade' | 'justification' | 'by' | 'scale'; message: string }

export type OverrideOutcome = { ok: true; rating: OverriddenRating } | { ok: false; problems: OverrideProblem[] }

export function applyOverride(rating: CompositeRating, options: ApplyOverrideOptions): OverrideOutcome {
  const { grade, by, scale = DEFAULT_MASTER_SCALE } = options
  const justification = options.justification.trim()
  const problems: OverrideProblem[] = []
  if (scale.version !== rating.scaleVersion) {
    problems.push({ field: 'scale', message: `the rating was graded on scale ${rating.scaleVersion}, not ${scale.version}` })
  }
  const to = gradeIndex(scale, grade)
  const from = gradeIndex(scale, rating.grade)
  if (to === -1) problems.push({ field: 'grade', message: `unknown grade "${grade}": scale ${scale.version} has ${scale.grades.map((g) => g.grade).join(', ')}` })
  if (justification.length < MIN_JUSTIFICATION_LENGTH) {
    problems.push({ field: 'justification', message: `must be at least ${MIN_JUSTIFICATION_LENGTH} characters, is ${justification.length}` })
  }
  if (by.trim() === '') problems.push({ field: 'by', message: 'must say who overrode the rating' })
  if (problems.length > 0 || from === -1) return { ok: false, problems }

  const band = scale.grades[to] as MasterScale['grades'][number]
  const notches = to - from
  return {
    ok: true,
    rating: {
      grade: band.grade,
      band: { lower: band.lower, upper: band.upper },
      overridden: true,
      override: {
        fromGrade: rating.grade,
        toGrade: band.grade,
        notches,
        direction: notches > 0 ? 'downgrade' : notches < 0 ? 'upgrade' : 'none',
        justification,
        by,
      },
      modelRating: rating,
      scaleVersion: scale.version,
    },
  }
}
