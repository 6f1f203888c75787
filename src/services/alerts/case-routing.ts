import type { Kysely } from 'kysely'
import { nextInRotation } from '../../domain/alerts/case-lifecycle.ts'
import type { RuleSeverity } from '../../domain/alerts/rule.ts'
import { permissionsOf, ROLES } from '../../domain/identity/index.ts'
import type { Database } from '../../store/schema.ts'

/** The roles whose users take cases from a queue: those with alerts.work. */
const WORKER_ROLES = ROLES.filter((role) => permissionsOf(role).includes('alerts.work'))

/**
 * The team a case of the severity is routed to: case_queues' row of that severity, else its
 * row '*' (every severity without a row of its own); null when no queue is configured.
 */
export async function queueTeamOf(db: Kysely<Database>, severity: RuleSeverity): Promise<string | null> {
  const rows = await db.selectFrom('case_queues').select(['severity', 'team_id']).where('severity', 'in', [severity, '*']).execute()
  return (rows.find((r) => r.severity === severity) ?? rows.find((r) => r.severity === '*'))?.team_id ?? null
}

/**
 * The team member whose turn it is, and the turn taken: round-robin over the team's active
 * members who work cases, in the order of their ids, after the one assigned last. The last
 * one is kept in case_rotations, in the caller's transaction, so the rotation continues where
 * it stopped after a restart and every member gets one case in turn. Null when the team has
 * nobody to take it.
 */
export async function takeTurn(db: Kysely<Database>, { teamId, at }: { teamId: string; at: string }): Promise<string | null> {
  const members = await db.selectFrom('users').select('id').where('team_id', '=', teamId).where('active', '=', 1).where('role', 'in', WORKER_ROLES).execute()
  // Upsert first: the row lock it takes (PostgreSQL) keeps two concurrent turns from picking the same member.
  const locked = await db
    .insertInto('case_rotations')
    .values({ team_id: teamId, last_user_id: '', updated_at: at })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ updated_at: at }))
    .returning('last_user_id')
    .executeTakeFirstOrThrow()
  const next = nextInRotation(
    members.map((m) => m.id),
    locked.last_user_id === '' ? null : locked.last_user_id,
  )
  if (next === null) return null
  await db.updateTable('case_rotations').set({ last_user_id: next, updated_at: at }).where('team_id', '=', teamId).execute()
  return next
}
