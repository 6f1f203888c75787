import { AppError, invalidField } from '../../app-error.ts'
import type { Relationship, RelationshipInput } from '../../schemas/relationship.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import { toRelationship } from '../../store/repositories/relationships.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type LinkCustomersOptions = { store: Store; actor: Actor; customerId: string; input: RelationshipInput }

/** Records a tie from one customer to another (parent, shareholder with %, guarantor, common owner). */
export async function linkCustomers({ store, actor, customerId, input }: LinkCustomersOptions): Promise<Relationship> {
  if (input.toCustomerId === customerId) throw invalidField('toCustomerId', 'must be another customer')
  if (input.kind === 'shareholder' && input.sharePct == null) throw invalidField('sharePct', 'is required for a shareholder')
  if (input.kind !== 'shareholder' && input.sharePct != null) throw invalidField('sharePct', 'applies only to a shareholder')
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    if (!(await findCustomerById(trx, customerId))) throw new AppError('not_found', `no customer ${customerId}`)
    if (!(await findCustomerById(trx, input.toCustomerId))) throw invalidField('toCustomerId', 'names no customer')
    let row
    try {
      row = await trx
        .insertInto('relationships')
        .values({
          id: crypto.randomUUID(),
          from_customer_id: customerId,
          to_customer_id: input.toCustomerId,
          kind: input.kind,
          share_pct: input.sharePct ?? null,
          note: input.note ?? null,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `these customers are already linked as ${input.kind}`)
      throw error
    }
    const relationship = toRelationship(row)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'relationship.created', entity: 'relationship', entityId: relationship.id, after: relationship, at: now })
    return relationship
  })
}
