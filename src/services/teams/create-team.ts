import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { Team } from '../../store/repositories/teams.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type CreateTeamOptions = { store: Store; actor: Actor; input: { name: string; description?: string | null } }

export async function createTeam({ store, actor, input }: CreateTeamOptions): Promise<Team> {
  const now = new Date().toISOString()
  const team: Team = { id: crypto.randomUUID(), name: input.name.trim(), description: input.description ?? null, createdAt: now, updatedAt: now }
  return withTransaction(store.db, async (trx) => {
    try {
      await trx
        .insertInto('teams')
        .values({ id: team.id, name: team.name, description: team.description, created_at: now, updated_at: now })
        .execute()
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', `a team named ${team.name} already exists`, { details: [{ path: 'name', message: 'is already taken' }] })
      }
      throw error
    }
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'team.created', entity: 'team', entityId: team.id, after: team, at: now })
    return team
  })
}
