import { AppError } from '../../app-error.ts'
import type { RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import { findUserRowById } from '../../store/repositories/users.ts'
import type { Database } from '../../store/schema.ts'
import type { Kysely } from 'kysely'

export async function assertCustomerExists(db: Kysely<Database>, customerId: string): Promise<void> {
  if (!(await findCustomerById(db, customerId))) throw new AppError('not_found', `no customer ${customerId}`)
}

/** Every problem the kind's own rules and its references find, as one 400. */
export async function assertValidRecord(db: Kysely<Database>, kind: RecordKind, input: Record<string, unknown>): Promise<void> {
  const problems = kind.problems?.(input) ?? []
  if (typeof input.assigneeId === 'string' && !(await findUserRowById(db, input.assigneeId))) problems.push({ path: 'assigneeId', message: 'names no user' })
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })
}

export function duplicateRecordError(kind: RecordKind): AppError {
  const key = kind.naturalKey?.join(' and ') ?? 'id'
  return new AppError('conflict', `this customer already has a ${kind.entity.replace(/_/g, ' ')} with the same ${key.replace(/_/g, ' ')}`)
}
