import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { countTeamMembers, findTeamById } from '../../store/repositories/teams.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type DeleteTeamOptions = { store: Store; actor: Actor; teamId: string }

/** Deletes an empty team; a team with members must be emptied first, so nobody is silently left teamless. */
export async function deleteTeam({ store, actor, teamId }: DeleteTeamOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = await findTeamById(trx, teamId)
    if (!before) throw new AppError('not_found', `no team ${teamId}`)
    const members = await countTeamMembers(trx, teamId)
    if (members > 0) throw new AppError('conflict', `team ${before.name} still has ${members} member(s); move them first`)
    await trx.deleteFrom('teams').where('id', '=', teamId).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'team.deleted', entity: 'team', entityId: teamId, before })
  })
}
