import { AppError, invalidField } from '../../app-error.ts'
import { isRole, type Role } from '../../domain/identity/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findTeamById } from '../../store/repositories/teams.ts'
import { insertUser, normaliseEmail, toUser, type User } from '../../store/repositories/users.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { hashPassword } from './password-hashing.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type CreateUserInput = {
  email: string
  name?: string
  password: string
  role: Role | string
  teamId?: string | null
  active?: boolean
  language?: string | null
}

export type CreateUserOptions = { store: Store; actor: Actor; input: CreateUserInput }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export async function createUser({ store, actor, input }: CreateUserOptions): Promise<User> {
  const email = normaliseEmail(input.email)
  if (!EMAIL.test(email)) throw invalidField('email', 'must be an email address')
  if (!isRole(input.role)) throw invalidField('role', 'must be one of admin, risk_manager, analyst, viewer')
  const role: Role = input.role
  const passwordHash = await hashPassword(input.password)
  const now = new Date().toISOString()

  return withTransaction(store.db, async (trx) => {
    if (input.teamId && !(await findTeamById(trx, input.teamId))) throw invalidField('teamId', 'names no team')
    let row
    try {
      row = await insertUser(trx, {
        id: crypto.randomUUID(),
        email,
        name: input.name?.trim() || email.split('@')[0]!,
        team_id: input.teamId ?? null,
        role,
        active: input.active === false ? 0 : 1,
        password_hash: passwordHash,
        language: input.language ?? null,
        created_at: now,
        updated_at: now,
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', `a user with email ${email} already exists`, { details: [{ path: 'email', message: 'is already taken' }] })
      }
      throw error
    }
    const user = toUser(row)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'user.created', entity: 'user', entityId: user.id, after: user, at: now })
    return user
  })
}
