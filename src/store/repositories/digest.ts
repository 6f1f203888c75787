import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.ts'

/** The weekly digest's reads that no other repository makes. */

export type GradeAt = { customerId: string; grade: string; assessedAt: string }

/**
 * Each customer's grade as of a time: that of its latest assessment created at or before
 * `asOf` that has a grade (the override's grade where an analyst overrode it); ties in time
 * broken by id. Closed customers are left out when `openOnly`.
 */
export async function readGradesAt(db: Kysely<Database>, asOf: string, { openOnly = false }: { openOnly?: boolean } = {}): Promise<GradeAt[]> {
  const result = await sql<{ customer_id: string; final_grade: string; created_at: string }>`
    select ranked.customer_id, ranked.final_grade, ranked.created_at from (
      select customer_id, final_grade, created_at,
             row_number() over (partition by customer_id order by created_at desc, id desc) as position
      from assessments
      where created_at <= ${asOf} and final_grade is not null
    ) ranked
    ${openOnly ? sql`join customers c on c.id = ranked.customer_id and c.status <> 'closed'` : sql``}
    where ranked.position = 1`.execute(db)
  return result.rows.map((row) => ({ customerId: row.customer_id, grade: row.final_grade, assessedAt: row.created_at }))
}

/** Alerts raised in [from, to), shadow hits left out, per rule key and severity. */
export async function countAlertsRaised(db: Kysely<Database>, from: string, to: string): Promise<{ ruleKey: string; severity: string; count: number }[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['rule_key', 'severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('raised_at', '>=', from)
    .where('raised_at', '<', to)
    .where('shadow', '=', 0)
    .groupBy(['rule_key', 'severity'])
    .execute()
  return rows.map((row) => ({ ruleKey: row.rule_key, severity: row.severity, count: Number(row.count) }))
}

/** Cases opened in [from, to), per severity. */
export async function countCasesOpened(db: Kysely<Database>, from: string, to: string): Promise<{ severity: string; count: number }[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['severity', (eb) => eb.fn.countAll<number>().as('count')])
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .groupBy('severity')
    .execute()
  return rows.map((row) => ({ severity: row.severity, count: Number(row.count) }))
}

/** Cases closed in [from, to), per disposition. */
export async function countCasesClosed(db: Kysely<Database>, from: string, to: string): Promise<{ disposition: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['disposition', (eb) => eb.fn.countAll<number>().as('count')])
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .groupBy('disposition')
    .execute()
  return rows.map((row) => ({ disposition: row.disposition, count: Number(row.count) }))
}
