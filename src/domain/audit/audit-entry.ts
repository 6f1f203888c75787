import { createHash } from 'node:crypto'
import { canonicalJson, type JsonValue } from './canonical-json.ts'

/** The hash that the first entry of a ledger points back to. */
export const GENESIS_HASH = '0'.repeat(64)

/** One link of the audit chain: who did what to which record, with the record before and after. */
export type AuditEntry = {
  seq: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  before: JsonValue | null
  after: JsonValue | null
  prevHash: string
  hash: string
}

export type UnsealedAuditEntry = Omit<AuditEntry, 'hash'>

/**
 * The customer whose history an entry belongs to, derived from hashed content only: the
 * customer itself, or the customerId its record carries. The store keeps it in an indexed
 * column for timelines; verification recomputes it, so that column cannot be forged either.
 */
export function auditEntryCustomerId(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'before' | 'after'>): string | null {
  if (entry.entity === 'customer') return entry.entityId
  for (const record of [entry.after, entry.before]) {
    if (record && typeof record === 'object' && !Array.isArray(record) && typeof record.customerId === 'string') return record.customerId
  }
  return null
}

/** hash = SHA-256 of the canonical JSON of every field of the entry except the hash itself (prevHash included). */
export function hashAuditEntry(entry: UnsealedAuditEntry): string {
  const { seq, at, actor, action, entity, entityId, before, after, prevHash } = entry
  const canonical = canonicalJson({ seq, at, actor, action, entity, entityId, before, after, prevHash })
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

export function sealAuditEntry(entry: UnsealedAuditEntry): AuditEntry {
  return { ...entry, hash: hashAuditEntry(entry) }
}
