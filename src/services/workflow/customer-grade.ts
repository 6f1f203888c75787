import type { Kysely } from 'kysely'
import type { Database } from '../../store/schema.ts'

export type LatestAssessment = { id: string; customerId: string; grade: string | null; createdAt: string }

/** Each customer's newest assessment with its final grade (the override's, else the model's). */
export async function latestAssessments(db: Kysely<Database>, customerIds?: readonly string[]): Promise<Map<string, LatestAssessment>> {
  if (customerIds && customerIds.length === 0) return new Map()
  let query = db
    .selectFrom('assessments as a')
    .select(['a.id', 'a.customer_id', 'a.final_grade', 'a.grade', 'a.created_at'])
    .where((eb) => eb('a.created_at', '=', eb.selectFrom('assessments as b').select((b) => b.fn.max('b.created_at').as('m')).whereRef('b.customer_id', '=', 'a.customer_id')))
    .orderBy('a.customer_id')
    .orderBy('a.id', 'desc')
  if (customerIds) query = query.where('a.customer_id', 'in', [...customerIds])
  const latest = new Map<string, LatestAssessment>()
  for (const row of await query.execute()) {
    if (!latest.has(row.customer_id)) latest.set(row.customer_id, { id: row.id, customerId: row.customer_id, grade: row.final_grade ?? row.grade, createdAt: row.created_at })
  }
  return latest
}
