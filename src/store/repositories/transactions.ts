import type { Kysely } from 'kysely'
import { DAY_MS, type Direction, type TransactionType } from '../../domain/monitoring/activity.ts'
import { decodeCursor, encodeCursor } from '../paging.ts'
import type { Database } from '../schema.ts'

export type TransactionView = {
  seq: number
  source: string
  id: string
  customerId: string
  at: string
  amount: number
  currency: string
  direction: Direction
  type: TransactionType
  channel: string | null
  counterparty: { id: string | null; name: string | null; country: string | null; account: string | null } | null
  category: string | null
  description: string | null
  receivedAt: string
}

export type TransactionQuery = {
  from?: number
  to?: number
  direction?: Direction
  type?: TransactionType
  /** Matches the counterparty's id or name exactly. */
  counterparty?: string
  limit: number
  cursor?: string
}

/** A customer's transactions, newest first (by time, then seq), a keyset page at a time. */
export async function listCustomerTransactions(db: Kysely<Database>, customerId: string, query: TransactionQuery): Promise<{ items: TransactionView[]; nextCursor: string | null }> {
  let select = db.selectFrom('transactions').selectAll().where('customer_id', '=', customerId)
  if (query.from !== undefined) select = select.where('at', '>=', query.from)
  if (query.to !== undefined) select = select.where('at', '<', query.to)
  if (query.direction) select = select.where('direction', '=', query.direction)
  if (query.type) select = select.where('type', '=', query.type)
  if (query.counterparty) {
    const counterparty = query.counterparty
    select = select.where((eb) => eb.or([eb('counterparty_id', '=', counterparty), eb('counterparty_name', '=', counterparty)]))
  }
  if (query.cursor) {
    const [at, seq] = decodeCursor(query.cursor)
    select = select.where((eb) => eb.or([eb('at', '<', Number(at)), eb.and([eb('at', '=', Number(at)), eb('seq', '<', Number(seq))])]))
  }
  const rows = await select.orderBy('at', 'desc').orderBy('seq', 'desc').limit(query.limit + 1).execute()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => ({
      seq: Number(row.seq),
      source: row.source,
      id: row.id,
      customerId: row.customer_id,
      at: new Date(Number(row.at)).toISOString(),
      amount: Number(row.amount),
      currency: row.currency,
      direction: row.direction as Direction,
      type: row.type as TransactionType,
      channel: row.channel,
      counterparty:
        row.counterparty_id ?? row.counterparty_name ?? row.counterparty_country ?? row.counterparty_account
          ? { id: row.counterparty_id, name: row.counterparty_name, country: row.counterparty_country, account: row.counterparty_account }
          : null,
      category: row.category,
      description: row.description,
      receivedAt: new Date(Number(row.received_at)).toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([Number(last.at), String(last.seq)]) : null,
  }
}

export type DailyActivity = { day: number; currency: string; countIn: number; countOut: number; sumIn: number; sumOut: number }

/** Counts and sums per UTC day and currency between two times: what the activity charts draw. */
export async function dailyActivity(db: Kysely<Database>, customerId: string, from: number, to: number): Promise<DailyActivity[]> {
  const rows = await db
    .selectFrom('transactions')
    .select((eb) => [
      // Integer division on both stores: at is a bigint of milliseconds.
      eb(eb.ref('at'), '/', DAY_MS).as('day'),
      'currency',
      'direction',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('amount').as('sum'),
    ])
    .where('customer_id', '=', customerId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy(['day', 'currency', 'direction'])
    .orderBy('day')
    .execute()
  const byKey = new Map<string, DailyActivity>()
  for (const row of rows) {
    const day = Number(row.day)
    const key = `${day}\u0000${row.currency}`
    let entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { day, currency: row.currency, countIn: 0, countOut: 0, sumIn: 0, sumOut: 0 }))
    if (row.direction === 'in') {
      entry.countIn += Number(row.count)
      entry.sumIn += Number(row.sum)
    } else {
      entry.countOut += Number(row.count)
      entry.sumOut += Number(row.sum)
    }
  }
  return [...byKey.values()]
}

export type CounterpartyActivity = { counterparty: string; country: string | null; count: number; sumIn: number; sumOut: number; currency: string; firstAt: string; lastAt: string }

/** A customer's counterparties by volume between two times, largest first. */
export async function topCounterparties(db: Kysely<Database>, customerId: string, options: { from: number; to: number; limit: number }): Promise<CounterpartyActivity[]> {
  const rows = await db
    .selectFrom('transactions')
    .select((eb) => [
      eb.fn.coalesce('counterparty_id', 'counterparty_name').as('counterparty'),
      eb.fn.max('counterparty_country').as('country'),
      'currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>(eb.case().when('direction', '=', 'in').then(eb.ref('amount')).else(0).end()).as('sum_in'),
      eb.fn.sum<number>(eb.case().when('direction', '=', 'out').then(eb.ref('amount')).else(0).end()).as('sum_out'),
      eb.fn.min('at').as('first_at'),
      eb.fn.max('at').as('last_at'),
    ])
    .where('customer_id', '=', customerId)
    .where('at', '>=', options.from)
    .where('at', '<', options.to)
    .where((eb) => eb.or([eb('counterparty_id', 'is not', null), eb('counterparty_name', 'is not', null)]))
    .groupBy([(eb) => eb.fn.coalesce('counterparty_id', 'counterparty_name'), 'currency'])
    .orderBy((eb) => eb.fn.sum('amount'), 'desc')
    .limit(options.limit)
    .execute()
  return rows.map((row) => ({
    counterparty: String(row.counterparty),
    country: (row.country as string | null) ?? null,
    currency: row.currency,
    count: Number(row.count),
    sumIn: Number(row.sum_in),
    sumOut: Number(row.sum_out),
    firstAt: new Date(Number(row.first_at)).toISOString(),
    lastAt: new Date(Number(row.last_at)).toISOString(),
  }))
}
