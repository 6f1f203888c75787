import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findTeamById, type Team } from '../../store/repositories/teams.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type UpdateTeamOptions = { store: Store; actor: Actor; teamId: string; changes: { name?: string; description?: string | null } }

export async function updateTeam({ store, actor, teamId, changes }: UpdateTeamOptions): Promise<Team> {
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const before = await findTeamById(trx, teamId)
    if (!before) throw new AppError('not_found', `no team ${teamId}`)
    const after: Team = {
      ...before,
      name: changes.name?.trim() ?? before.name,
      description: changes.description === undefined ? before.description : changes.description,
      updatedAt: now,
    }
    try {
      await trx.updateTable('teams').set({ name: after.name, description: after.description, updated_at: now }).where('id', '=', teamId).execute()
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('conflict', `a team named ${after.name} already exists`, { details: [{ path: 'name', message: 'is already taken' }] })
      }
      throw error
    }
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'team.updated', entity: 'team', entityId: teamId, before, after, at: now })
    return after
  })
}
