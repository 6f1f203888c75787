import type { Kysely } from 'kysely'
import type { PolicyDocument, PolicyStatus, PolicyVersion } from '../../schemas/policy.ts'
import type { Database, PolicyVersionRow, PolicyVersionTable } from '../schema.ts'

export function toPolicyVersion(row: PolicyVersionRow): PolicyVersion {
  return {
    id: row.id,
    version: Number(row.version),
    status: row.status as PolicyStatus,
    document: JSON.parse(row.document) as PolicyDocument,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    rejectedBy: row.rejected_by,
    rejectedAt: row.rejected_at,
    rejectionReason: row.rejection_reason,
    supersededAt: row.superseded_at,
  }
}

/** One version; with `lock`, held for update until the transaction ends (PostgreSQL; SQLite writes one at a time anyway). */
export async function findPolicyVersion(db: Kysely<Database>, id: string, options: { lock?: 'postgres' | 'sqlite' } = {}): Promise<PolicyVersion | null> {
  let select = db.selectFrom('policy_versions').selectAll().where('id', '=', id)
  if (options.lock === 'postgres') select = select.forUpdate()
  const row = await select.executeTakeFirst()
  return row ? toPolicyVersion(row) : null
}

export async function findActivePolicyVersion(db: Kysely<Database>): Promise<PolicyVersion | null> {
  const row = await db.selectFrom('policy_versions').selectAll().where('status', '=', 'active').executeTakeFirst()
  return row ? toPolicyVersion(row) : null
}

/** Every version, newest first. */
export async function listPolicyVersions(db: Kysely<Database>): Promise<PolicyVersion[]> {
  const rows = await db.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').execute()
  return rows.map(toPolicyVersion)
}

export async function nextPolicyVersionNumber(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('policy_versions').select((eb) => eb.fn.max('version').as('max')).executeTakeFirst()
  return Number(row?.max ?? 0) + 1
}

export async function insertPolicyVersion(db: Kysely<Database>, row: PolicyVersionTable): Promise<void> {
  await db.insertInto('policy_versions').values(row).execute()
}

export async function updatePolicyVersion(db: Kysely<Database>, id: string, changes: Partial<Omit<PolicyVersionTable, 'id' | 'version'>>): Promise<PolicyVersion> {
  await db.updateTable('policy_versions').set(changes).where('id', '=', id).execute()
  const row = await db.selectFrom('policy_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return toPolicyVersion(row)
}
