import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { validateIndustryRiskTable, type IndustryRiskTable } from '../../domain/scoring/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { activeIndustryRiskTable, type IndustryRiskTableVersion } from '../../store/repositories/industry-risk-tables.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'

export type SetIndustryRiskTableOptions = { store: Store; actor: Actor; table: IndustryRiskTable }

/**
 * Stores a new version of the industry risk table (GB/T 4754 section → level 1–5), which the
 * next assessments use. Sections left out get the default level 3. The ledger entry carries
 * the table it replaced and the new one.
 */
export async function setIndustryRiskTable({ store, actor, table }: SetIndustryRiskTableOptions): Promise<IndustryRiskTableVersion> {
  const problems = validateIndustryRiskTable(table).map(({ section, message }) => ({ path: section === null ? 'table' : `table.${section}`, message }))
  if (problems.length > 0) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { details: problems })
  const createdBy = actorLabel(actor)
  const createdAt = new Date().toISOString()
  // Round trip through canonical JSON: what is returned is exactly what is stored and audited.
  const stored = JSON.parse(canonicalJson(table)) as IndustryRiskTable
  return withTransaction(store.db, async (trx) => {
    const before = await activeIndustryRiskTable(trx)
    const version = before.version + 1
    try {
      await trx.insertInto('industry_risk_tables').values({ version, sections: canonicalJson(stored), created_by: createdBy, created_at: createdAt }).execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `industry risk table version ${version} was set by someone else at the same moment; send it again`)
      throw error
    }
    await appendAuditEntry(trx, {
      actor: createdBy,
      action: 'industry_risk.set',
      entity: 'industry_risk_table',
      entityId: String(version),
      before: { version: before.version, table: before.table } as unknown as JsonValue,
      after: { version, table: stored } as unknown as JsonValue,
      at: createdAt,
    })
    return { version, table: stored, createdBy, createdAt }
  })
}
