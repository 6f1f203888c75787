import type { Kysely } from 'kysely'
import { decodeCursor, encodeCursor } from '../paging.ts'
import type { Database } from '../schema.ts'
import type { RecordKind } from './customer-record-kinds.ts'
import type { Page } from './customers.ts'

// Kysely cannot type a table chosen at run time; the kinds keep each table's shape honest.
type AnyDb = Kysely<any>

export async function findRecord<View>(db: Kysely<Database>, kind: RecordKind<View>, customerId: string, id: string): Promise<View | undefined> {
  const row = await (db as AnyDb).selectFrom(kind.table).selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst()
  return row && kind.toView(row)
}

/** A customer's records of one kind, newest first, keyset-paged. */
export async function listRecords<View>(
  db: Kysely<Database>,
  kind: RecordKind<View>,
  customerId: string,
  paging: { limit: number; cursor?: string },
): Promise<Page<View>> {
  let select = (db as AnyDb).selectFrom(kind.table).selectAll().where('customer_id', '=', customerId)
  if (paging.cursor) {
    const [value, id] = decodeCursor(paging.cursor)
    select = select.where((eb) => eb.or([eb(kind.orderBy, '<', value), eb.and([eb(kind.orderBy, '=', value), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy(kind.orderBy, 'desc').orderBy('id', 'desc').limit(paging.limit + 1).execute()
  const last = rows.length > paging.limit ? rows[paging.limit - 1] : null
  return { items: rows.slice(0, paging.limit).map((row: Record<string, any>) => kind.toView(row)), nextCursor: last ? encodeCursor([last[kind.orderBy], last.id]) : null }
}

export async function insertRecord<View>(db: Kysely<Database>, kind: RecordKind<View>, values: Record<string, unknown>): Promise<View> {
  const row = await (db as AnyDb).insertInto(kind.table).values(values).returningAll().executeTakeFirstOrThrow()
  return kind.toView(row)
}

export async function updateRecord<View>(db: Kysely<Database>, kind: RecordKind<View>, id: string, values: Record<string, unknown>): Promise<View> {
  const row = await (db as AnyDb).updateTable(kind.table).set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
  return kind.toView(row)
}

export async function deleteRecord(db: Kysely<Database>, kind: RecordKind, id: string): Promise<void> {
  await (db as AnyDb).deleteFrom(kind.table).where('id', '=', id).execute()
}
