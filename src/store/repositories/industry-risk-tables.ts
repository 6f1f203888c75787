import type { Kysely } from 'kysely'
import { DEFAULT_INDUSTRY_RISK, type IndustryRiskTable } from '../../domain/scoring/index.ts'
import type { Database } from '../schema.ts'

/** The version the built-in DEFAULT_INDUSTRY_RISK answers to; stored tables are numbered from 1. */
export const BUILT_IN_INDUSTRY_RISK_VERSION = 0

export type IndustryRiskTableVersion = {
  version: number
  table: IndustryRiskTable
  /** Null for the built-in table. */
  createdBy: string | null
  createdAt: string | null
}

export const BUILT_IN_INDUSTRY_RISK: IndustryRiskTableVersion = { version: BUILT_IN_INDUSTRY_RISK_VERSION, table: DEFAULT_INDUSTRY_RISK, createdBy: null, createdAt: null }

/** The newest stored table, else the built-in one. */
export async function activeIndustryRiskTable(db: Kysely<Database>): Promise<IndustryRiskTableVersion> {
  const row = await db.selectFrom('industry_risk_tables').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (!row) return BUILT_IN_INDUSTRY_RISK
  return { version: Number(row.version), table: JSON.parse(row.sections) as IndustryRiskTable, createdBy: row.created_by, createdAt: row.created_at }
}
