import { DEFAULT_MASTER_SCALE } from '../../../../src/domain/scoring/rating/master-scale.ts'

/** The grades of the server's master scale, best first: AAA … D. */
export const GRADES: readonly string[] = DEFAULT_MASTER_SCALE.grades.map((band) => band.grade)

/**
 * An antd tag colour for a grade, by how far down the scale it is: green for the top
 * (AAA–A), blue for the lowest investment grade (BBB), gold, orange and red below, and
 * magenta for default. A grade the scale does not know is plain.
 */
export function gradeColour(grade: string | null | undefined, grades: readonly string[] = GRADES): string {
  const index = grade ? grades.indexOf(grade) : -1
  if (index === -1) return 'default'
  const share = grades.length === 1 ? 0 : index / (grades.length - 1)
  if (index === grades.length - 1) return 'magenta'
  if (share < 0.3) return 'green'
  if (share < 0.45) return 'blue'
  if (share < 0.6) return 'gold'
  if (share < 0.75) return 'orange'
  return 'red'
}
