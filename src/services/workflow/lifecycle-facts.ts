import type { Kysely } from 'kysely'
import type { Customer } from '../../domain/customers/index.ts'
import type { LifecycleFacts } from '../../domain/workflow/index.ts'
import type { Database } from '../../store/schema.ts'
import { currentCreditLimit } from '../controls/current-credit-limit.ts'
import { latestAssessments } from './customer-grade.ts'

async function count(db: Kysely<Database>, table: 'contacts' | 'financial_statements' | 'bureau_records', customerId: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * What the lifecycle checks read about a customer. The approved limit is its current credit
 * limit (the newest active contract's), else the limit of its newest approved limit change.
 */
export async function readLifecycleFacts(db: Kysely<Database>, customer: Customer): Promise<LifecycleFacts> {
  const [contacts, financialStatements, bureauRecords, latest, limit, approvedChange, onboarding] = await Promise.all([
    count(db, 'contacts', customer.id),
    count(db, 'financial_statements', customer.id),
    count(db, 'bureau_records', customer.id),
    latestAssessments(db, [customer.id]),
    currentCreditLimit(db, customer.id),
    db.selectFrom('approval_requests').select(['amount', 'currency']).where('customer_id', '=', customer.id).where('kind', '=', 'limit_change').where('status', '=', 'approved').orderBy('decided_at', 'desc').executeTakeFirst(),
    db.selectFrom('approval_requests').select('id').where('customer_id', '=', customer.id).where('kind', '=', 'onboarding').where('status', '=', 'approved').executeTakeFirst(),
  ])
  const assessment = latest.get(customer.id)
  return {
    registrationId: customer.registrationId,
    industryCode: customer.industry?.code ?? null,
    ownerId: customer.ownerId,
    contacts,
    financialStatements,
    bureauRecords,
    assessment: assessment ? { id: assessment.id, grade: assessment.grade } : null,
    approvedLimit: limit ? { amount: limit.amount, currency: limit.currency } : approvedChange ? { amount: Number(approvedChange.amount), currency: approvedChange.currency } : null,
    onboardingApproved: onboarding !== undefined,
  }
}
