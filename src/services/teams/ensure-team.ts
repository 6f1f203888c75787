import type { Store } from '../../store/open-store.ts'
import { findTeamByName, type Team } from '../../store/repositories/teams.ts'
import type { Actor } from '../actor.ts'
import { createTeam } from './create-team.ts'

export type EnsureTeamOptions = { store: Store; actor: Actor; name: string }

/** The team with this name, created (and audited) when it does not exist yet. Used by `fengkong user add --team`. */
export async function ensureTeam({ store, actor, name }: EnsureTeamOptions): Promise<Team> {
  return (await findTeamByName(store.db, name.trim())) ?? createTeam({ store, actor, input: { name } })
}
