import type { Kysely } from 'kysely'
import { auditEntryCustomerId, sealAuditEntryText, type AuditEntry, type AuditPayload, type ChainHead, type JsonValue, type SealedAuditEntry } from '../../domain/audit/index.ts'
import type { AuditEntryRow, Database } from '../schema.ts'

export type AuditRecord = {
  actor: string
  action: string
  entity: string
  entityId: string
  /** The record before and after the change: values, or their canonical JSON already written (CanonicalJsonText). */
  before?: AuditPayload | null
  after?: AuditPayload | null
  at?: string
}

/** An entry as appended: its before and after as they were given. */
export type AppendedAuditEntry = SealedAuditEntry['entry']

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the write
 * it records, so the write and its entry commit or vanish together.
 */
export async function appendAuditEntry(db: Kysely<Database>, record: AuditRecord): Promise<AppendedAuditEntry> {
  const [entry] = await appendAuditEntries(db, [record])
  return entry!
}

// 10 columns a row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 500

/**
 * Appends several entries in order, for bulk writes such as imports: one head update and
 * multi-row inserts instead of three statements an entry. Bumping the head first takes the
 * lock (a row lock in PostgreSQL, the write lock in SQLite) that keeps concurrent appends
 * in one line.
 */
export async function appendAuditEntries(db: Kysely<Database>, records: readonly AuditRecord[]): Promise<AppendedAuditEntry[]> {
  if (records.length === 0) return []
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', records.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow()
  const sealed = chainAuditEntries({ seq: Number(head.seq) - records.length, hash: head.hash }, records)
  for (let start = 0; start < sealed.length; start += INSERT_CHUNK) {
    await db
      .insertInto('audit_entries')
      .values(sealed.slice(start, start + INSERT_CHUNK).map(toAuditRow))
      .execute()
  }
  const entries = sealed.map((s) => s.entry)
  await db.updateTable('audit_head').set({ hash: entries.at(-1)!.hash }).where('id', '=', 1).execute()
  return entries
}

/**
 * Seals records into entries that continue the chain after `head` (the seq and hash of the
 * entry before them). Every bulk append, whatever runs its statements, chains this way.
 */
export function chainAuditEntries(head: ChainHead, records: readonly AuditRecord[], now = new Date().toISOString()): SealedAuditEntry[] {
  let seq = head.seq
  let prevHash = head.hash
  return records.map((record) => {
    seq += 1
    const sealed = sealAuditEntryText({
      seq,
      at: record.at ?? now,
      actor: record.actor,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
      prevHash,
    })
    prevHash = sealed.entry.hash
    return sealed
  })
}

export function toAuditRow({ entry, beforeText, afterText }: SealedAuditEntry): AuditEntryRow {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: beforeText,
    after: afterText,
    prev_hash: entry.prevHash,
    hash: entry.hash,
    customer_id: auditEntryCustomerId(entry),
  }
}

/** An entry as read back, with the customer index column so verification can check it too. */
export type StoredAuditEntry = AuditEntry & { customerId: string | null }

export function toAuditEntry(row: AuditEntryRow): StoredAuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as JsonValue),
    after: row.after === null ? null : (JSON.parse(row.after) as JsonValue),
    prevHash: row.prev_hash,
    hash: row.hash,
    customerId: row.customer_id,
  }
}

export type AuditQuery = { entity?: string; entityId?: string; customerId?: string; afterSeq?: number; limit: number; order?: 'asc' | 'desc' }

export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<StoredAuditEntry[]> {
  const order = query.order ?? 'desc'
  let select = db.selectFrom('audit_entries').selectAll()
  if (query.entity !== undefined) select = select.where('entity', '=', query.entity)
  if (query.entityId !== undefined) select = select.where('entity_id', '=', query.entityId)
  if (query.customerId !== undefined) select = select.where('customer_id', '=', query.customerId)
  if (query.afterSeq !== undefined) select = select.where('seq', order === 'desc' ? '<' : '>', query.afterSeq)
  const rows = await select.orderBy('seq', order).limit(query.limit).execute()
  return rows.map(toAuditEntry)
}

/** Every entry in seq order, read in pages so a ledger of any size streams in constant memory. */
export async function* readLedger(db: Kysely<Database>, pageSize = 5000): AsyncGenerator<StoredAuditEntry> {
  let afterSeq = 0
  for (;;) {
    const page = await listAuditEntries(db, { afterSeq, limit: pageSize, order: 'asc' })
    for (const entry of page) yield entry
    if (page.length < pageSize) return
    afterSeq = page[page.length - 1]!.seq
  }
}

export async function readAuditHead(db: Kysely<Database>): Promise<ChainHead | null> {
  const row = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()
  return row ? { seq: Number(row.seq), hash: row.hash } : null
}
