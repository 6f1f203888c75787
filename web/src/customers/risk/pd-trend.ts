import type { Assessment } from '../../api/types.ts'

export type PdTrendPoint = { at: string; pd: number | null; grade: string | null }

/** The grade that stands for an assessment: the override's when there is one, else the model's. */
export function finalGradeOf(assessment: Pick<Assessment, 'grade' | 'finalGrade' | 'override'>): string | null {
  return assessment.finalGrade ?? assessment.override?.toGrade ?? assessment.grade
}

/** Assessments (newest first, as the server lists them) as points oldest first; an unrated one is a gap. */
export function pdTrend(assessments: readonly Pick<Assessment, 'createdAt' | 'pd' | 'grade' | 'finalGrade' | 'override'>[]): PdTrendPoint[] {
  return [...assessments]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((a) => ({ at: a.createdAt, pd: a.pd !== null && Number.isFinite(a.pd) ? a.pd : null, grade: finalGradeOf(a) }))
}
