import type { Kysely } from 'kysely'
import type { Answers, ExpertAssessment } from '../../domain/scoring/index.ts'
import type { Database, ExpertAssessmentTable } from '../schema.ts'

/** A filled questionnaire, as stored: the answers, their score and what was left unanswered. */
export type ExpertAssessmentRecord = {
  id: string
  customerId: string
  questionnaireVersion: number
  answers: Answers
  /** 0–100, 100 best; null when nothing was answered. */
  score: number | null
  dimensions: ExpertAssessment['dimensions']
  missing: string[]
  comment: string | null
  createdBy: string
  createdAt: string
}

/** A customer's expert assessments, newest first. */
export async function listExpertAssessments(db: Kysely<Database>, customerId: string, limit = 100): Promise<ExpertAssessmentRecord[]> {
  const rows = await db.selectFrom('expert_assessments').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toExpertAssessmentRecord)
}

/** The customer's newest expert assessment, or null. */
export async function latestExpertAssessment(db: Kysely<Database>, customerId: string): Promise<ExpertAssessmentRecord | null> {
  const [latest] = await listExpertAssessments(db, customerId, 1)
  return latest ?? null
}

function toExpertAssessmentRecord(row: ExpertAssessmentTable): ExpertAssessmentRecord {
  const result = JSON.parse(row.result) as ExpertAssessment
  return {
    id: row.id,
    customerId: row.customer_id,
    questionnaireVersion: Number(row.questionnaire_version),
    answers: JSON.parse(row.answers) as Answers,
    score: row.score === null ? null : Number(row.score),
    dimensions: result.dimensions,
    missing: result.missing,
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}
