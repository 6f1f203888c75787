import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import type { AssessmentTable } from '../../store/schema.ts'
import type { Assessment, RatingOverride } from './assess-customer.ts'

/** A customer's assessments, newest first: the rating trend. */
export async function listAssessments(store: Store, customerId: string, limit = 100): Promise<Assessment[]> {
  const rows = await store.db.selectFrom('assessments').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map(assessmentFromRow)
}

/** A stored assessment as the API shows it, with its override and final grade. */
export function assessmentFromRow(row: AssessmentTable): Assessment {
  const result = JSON.parse(row.result) as Pick<Assessment, 'rating' | 'limit' | 'limitReason'>
  return {
    id: row.id,
    customerId: row.customer_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    grade: row.grade,
    pd: row.pd === null ? null : Number(row.pd),
    creditLimit: row.credit_limit === null ? null : Number(row.credit_limit),
    currency: row.currency,
    weightsVersion: row.weights_version,
    scaleVersion: row.scale_version,
    inputs: JSON.parse(row.inputs) as JsonValue,
    ...result,
    override: row.override === null ? null : (JSON.parse(row.override) as RatingOverride),
    finalGrade: row.final_grade,
  }
}
