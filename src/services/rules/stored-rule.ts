import type { RuleDocument, RuleState } from '../../domain/alerts/index.ts'
import type { RuleTable } from '../../store/schema.ts'

/** A rule version as stored: its document (whose state is the row's) and who wrote it when. */
export type StoredRule = {
  id: string
  key: string
  version: number
  state: RuleState
  document: RuleDocument
  createdBy: string
  createdAt: string
  updatedAt: string
}

export function ruleFromRow(row: RuleTable): StoredRule {
  return {
    id: row.id,
    key: row.key,
    version: Number(row.version),
    state: row.state as RuleState,
    document: JSON.parse(row.document) as RuleDocument,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}
