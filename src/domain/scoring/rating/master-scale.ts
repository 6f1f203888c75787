/**
 * A master scale: ordered grades, best first, each covering a band of probability of
 * default [lower, upper). The bands are contiguous and together cover [0, 1]; the worst
 * grade's band also holds its upper bound, so PD 1 has a grade. A PD exactly on a boundary
 * belongs to the worse grade (the band it opens), because bands include their lower bound.
 */
export type MasterScaleGrade = {
  grade: string
  /** Inclusive. */
  lower: number
  /** Exclusive, except for the worst grade, whose band includes 1. */
  upper: number
  description: string
}

export type MasterScale = {
  version: string
  /** Best grade first. */
  grades: readonly MasterScaleGrade[]
}

/**
 * Fengkong's default scale: one-year PD bands roughly a factor of three apart, in the spirit
 * of the agencies' long-run default rates by letter grade. AAA ends at 0.03 %, the Basel
 * corporate PD floor. They are a policy choice, not an estimate: a bank with its own history
 * replaces them (and the version) with its own.
 *
 *   AAA  [0,      0.0003)  minimal risk
 *   AA   [0.0003, 0.001)   very low risk
 *   A    [0.001,  0.003)   low risk
 *   BBB  [0.003,  0.01)    moderate risk, the lowest investment grade
 *   BB   [0.01,   0.03)    elevated risk
 *   B    [0.03,   0.10)    high risk
 *   CCC  [0.10,   0.50)    very high risk
 *   D    [0.50,   1]       default more likely than not
 */
export const DEFAULT_MASTER_SCALE: MasterScale = {
  version: 'fengkong-master-scale-1',
  grades: [
    { grade: 'AAA', lower: 0, upper: 0.0003, description: 'minimal risk' },
    { grade: 'AA', lower: 0.0003, upper: 0.001, description: 'very low risk' },
    { grade: 'A', lower: 0.001, upper: 0.003, description: 'low risk' },
    { grade: 'BBB', lower: 0.003, upper: 0.01, description: 'moderate risk' },
    { grade: 'BB', lower: 0.01, upper: 0.03, description: 'elevated risk' },
    { grade: 'B', lower: 0.03, upper: 0.1, description: 'high risk' },
    { grade: 'CCC', lower: 0.1, upper: 0.5, description: 'very high risk' },
    { grade: 'D', lower: 0.5, upper: 1, description: 'default more likely than not' },
  ],
}

/**
 * The grade whose band holds `pd`; null when `pd` is not a number in [0, 1] or the scale
 * does not cover it (an invalid scale: see `validateMasterScale`).
 */
export function gradeForPd(scale: MasterScale, pd: number): MasterScaleGrade | null {
  if (!Number.isFinite(pd) || pd < 0 || pd > 1) return null
  const last = scale.grades.length - 1
  return scale.grades.find((band, index) => pd >= band.lower && (pd < band.upper || (index === last && pd === band.upper))) ?? null
}

/** The position of a grade on the scale, 0 for the best; -1 when the scale has no such grade. */
export function gradeIndex(scale: MasterScale, grade: string): number {
  return scale.grades.findIndex((band) => band.grade === grade)
}

export type MasterScaleProblemKind = 'no-version' | 'no-grades' | 'duplicate-grade' | 'not-a-number' | 'empty-band' | 'gap' | 'overlap' | 'does-not-start-at-0' | 'does-not-end-at-1'

export type MasterScaleProblem = { kind: MasterScaleProblemKind; grade: string | null; message: string }

/** Everything wrong with a scale; an empty list means it is valid. Never throws. */
export function validateMasterScale(scale: MasterScale): MasterScaleProblem[] {
  const problems: MasterScaleProblem[] = []
  const problem = (kind: MasterScaleProblemKind, grade: string | null, message: string) => problems.push({ kind, grade, message })
  if (scale.version.trim() === '') problem('no-version', null, 'the scale has no version')
  if (scale.grades.length === 0) {
    problem('no-grades', null, 'the scale has no grades')
    return problems
  }

  const seen = new Set<string>()
  for (const band of scale.grades) {
    if (band.grade.trim() === '' || seen.has(band.grade)) problem('duplicate-grade', band.grade, `grade "${band.grade}" is empty or appears more than once`)
    seen.add(band.grade)
  }

  const numeric = scale.grades.every((band) => Number.isFinite(band.lower) && Number.isFinite(band.upper))
  for (const band of scale.grades) {
    if (!Number.isFinite(band.lower) || !Number.isFinite(band.upper)) problem('not-a-number', band.grade, `${band.grade}: bounds must be finite numbers`)
  }
  if (!numeric) return problems

  scale.grades.forEach((band, index) => {
    if (band.lower >= band.upper) problem('empty-band', band.grade, `${band.grade}: lower bound ${band.lower} is not below upper bound ${band.upper}`)
    const previous = scale.grades[index - 1]
    if (previous === undefined) return
    if (band.lower > previous.upper) problem('gap', band.grade, `${band.grade} starts at ${band.lower} but ${previous.grade} ends at ${previous.upper}: PDs in between have no grade`)
    if (band.lower < previous.upper) problem('overlap', band.grade, `${band.grade} starts at ${band.lower}, before ${previous.grade} ends at ${previous.upper}`)
  })

  const first = scale.grades[0] as MasterScaleGrade
  const last = scale.grades[scale.grades.length - 1] as MasterScaleGrade
  if (first.lower !== 0) problem('does-not-start-at-0', first.grade, `the best grade ${first.grade} starts at ${first.lower}, not 0`)
  if (last.upper !== 1) problem('does-not-end-at-1', last.grade, `the worst grade ${last.grade} ends at ${last.upper}, not 1`)
  return problems
}
