import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Table types shared by SQLite and PostgreSQL. Portable column choices: ids are text
 * (UUIDs), times are UTC ISO-8601 text (sortable, identical on both stores), booleans
 * are integers 0/1, JSON is canonical text so hashes over it recompute exactly.
 */
export type Database = {
  teams: TeamTable
  users: UserTable
  sessions: SessionTable
  api_keys: ApiKeyTable
  audit_entries: AuditEntryTable
  audit_head: AuditHeadTable
}

export type TeamTable = {
  id: string
  name: string
  description: string | null
  created_at: string
  updated_at: string
}

export type UserTable = {
  id: string
  email: string
  name: string
  team_id: string | null
  role: string
  active: number
  password_hash: string
  language: string | null
  created_at: string
  updated_at: string
}

export type SessionTable = {
  id: string
  user_id: string
  created_at: string
  expires_at: string
}

export type ApiKeyTable = {
  id: string
  user_id: string
  name: string
  prefix: string
  key_hash: string
  created_by: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

export type AuditEntryTable = {
  seq: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
  prev_hash: string
  hash: string
}

export type AuditHeadTable = {
  id: Generated<number>
  seq: number
  hash: string
}

export type TeamRow = Selectable<TeamTable>
export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type UserRowUpdate = Updateable<UserTable>
export type ApiKeyRow = Selectable<ApiKeyTable>
export type AuditEntryRow = Selectable<AuditEntryTable>
