import { sql, type Kysely } from 'kysely'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type { Invoice, Payment } from '../../domain/monitoring/activity.ts'
import type { Database } from '../schema.ts'

export type InvoiceOutcome = 'accepted' | 'updated' | 'duplicate' | FieldProblem[]
export type PaymentOutcome = 'accepted' | 'duplicate' | FieldProblem[]

const CHUNK = 500

function keyOf(source: string, id: string): string {
  return `${source}\u0000${id}`
}

/**
 * Upserts invoices by (source, id): a new one is accepted, one equal to what is stored is a
 * duplicate, a changed one (its status, its due date) is updated. An invoice cannot move to
 * another customer. Runs in the caller's transaction.
 */
export async function upsertInvoices(trx: Kysely<Database>, invoices: readonly Invoice[], now: number): Promise<InvoiceOutcome[]> {
  const stored = new Map<string, Awaited<ReturnType<typeof readInvoices>>[number]>()
  for (const row of await readInvoices(trx, invoices)) stored.set(keyOf(row.source, row.id), row)
  const outcomes: InvoiceOutcome[] = []
  for (const invoice of invoices) {
    const key = keyOf(invoice.source, invoice.id)
    const before = stored.get(key)
    const columns = {
      customer_id: invoice.customerId,
      number: invoice.number,
      issued_at: invoice.issuedAt,
      due_at: invoice.dueAt,
      amount: invoice.amount,
      currency: invoice.currency,
      status: invoice.status,
    }
    if (!before) {
      await trx.insertInto('invoices').values({ source: invoice.source, id: invoice.id, ...columns, received_at: now, updated_at: now }).execute()
      stored.set(key, { source: invoice.source, id: invoice.id, ...columns })
      outcomes.push('accepted')
    } else if (before.customer_id !== invoice.customerId) {
      outcomes.push([{ path: 'customerId', message: `invoice ${invoice.id} belongs to customer ${before.customer_id}` }])
    } else if ((Object.keys(columns) as (keyof typeof columns)[]).every((column) => before[column] === columns[column])) {
      outcomes.push('duplicate')
    } else {
      await trx.updateTable('invoices').set({ ...columns, updated_at: now }).where('source', '=', invoice.source).where('id', '=', invoice.id).execute()
      stored.set(key, { source: invoice.source, id: invoice.id, ...columns })
      outcomes.push('updated')
    }
  }
  return outcomes
}

async function readInvoices(trx: Kysely<Database>, keys: readonly { source: string; id: string }[]) {
  const rows = []
  const bySource = groupIds(keys)
  for (const [source, ids] of bySource) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      rows.push(
        ...(await trx
          .selectFrom('invoices')
          .select(['source', 'id', 'customer_id', 'number', 'issued_at', 'due_at', 'amount', 'currency', 'status'])
          .where('source', '=', source)
          .where('id', 'in', ids.slice(start, start + CHUNK))
          .execute()),
      )
    }
  }
  return rows
}

function groupIds(keys: readonly { source: string; id: string }[]): Map<string, string[]> {
  const bySource = new Map<string, Set<string>>()
  for (const { source, id } of keys) bySource.set(source, (bySource.get(source) ?? new Set()).add(id))
  return new Map([...bySource].map(([source, ids]) => [source, [...ids]]))
}

/**
 * Records payments and their allocations. A payment already stored (same source and id) is
 * a duplicate and changes nothing. An allocation must name an invoice of the same source,
 * customer and currency, and may not take the invoice past its amount (counting what other
 * payments allocated); otherwise the payment is refused naming the allocation.
 */
export async function insertPayments(trx: Kysely<Database>, payments: readonly Payment[], now: number): Promise<PaymentOutcome[]> {
  const existing = new Set<string>()
  for (const [source, ids] of groupIds(payments)) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await trx.selectFrom('payments').select(['source', 'id']).where('source', '=', source).where('id', 'in', ids.slice(start, start + CHUNK)).execute()
      for (const row of rows) existing.add(keyOf(row.source, row.id))
    }
  }
  const invoiceKeys = payments.flatMap((payment) => payment.allocations.map((allocation) => ({ source: payment.source, id: allocation.invoiceId })))
  const invoices = new Map((await readInvoices(trx, invoiceKeys)).map((row) => [keyOf(row.source, row.id), row]))
  const allocated = new Map<string, number>()
  for (const [source, ids] of groupIds(invoiceKeys)) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await trx
        .selectFrom('payment_allocations')
        .select(['source', 'invoice_id', (eb) => eb.fn.sum<number>('amount').as('amount')])
        .where('source', '=', source)
        .where('invoice_id', 'in', ids.slice(start, start + CHUNK))
        .groupBy(['source', 'invoice_id'])
        .execute()
      for (const row of rows) allocated.set(keyOf(row.source, row.invoice_id), Number(row.amount))
    }
  }

  const outcomes: PaymentOutcome[] = []
  for (const payment of payments) {
    const key = keyOf(payment.source, payment.id)
    if (existing.has(key)) {
      outcomes.push('duplicate')
      continue
    }
    const problems: FieldProblem[] = []
    payment.allocations.forEach((allocation, i) => {
      const invoiceKey = keyOf(payment.source, allocation.invoiceId)
      const invoice = invoices.get(invoiceKey)
      const path = `allocations.${i}.invoiceId`
      if (!invoice) problems.push({ path, message: `names no invoice of source ${payment.source}` })
      else if (invoice.customer_id !== payment.customerId) problems.push({ path, message: `invoice ${allocation.invoiceId} belongs to another customer` })
      else if (invoice.currency !== payment.currency) problems.push({ path, message: `invoice ${allocation.invoiceId} is in ${invoice.currency}, the payment in ${payment.currency}` })
      else {
        const after = (allocated.get(invoiceKey) ?? 0) + allocation.amount
        if (after > Number(invoice.amount)) problems.push({ path: `allocations.${i}.amount`, message: `would bring invoice ${allocation.invoiceId} to ${after} paid, more than its amount ${invoice.amount}` })
      }
    })
    if (problems.length > 0) {
      outcomes.push(problems)
      continue
    }
    await trx.insertInto('payments').values({ source: payment.source, id: payment.id, customer_id: payment.customerId, at: payment.at, amount: payment.amount, currency: payment.currency, received_at: now }).execute()
    if (payment.allocations.length > 0) {
      await trx
        .insertInto('payment_allocations')
        .values(payment.allocations.map((allocation) => ({ source: payment.source, payment_id: payment.id, invoice_id: allocation.invoiceId, amount: allocation.amount })))
        .execute()
    }
    for (const allocation of payment.allocations) {
      const invoiceKey = keyOf(payment.source, allocation.invoiceId)
      allocated.set(invoiceKey, (allocated.get(invoiceKey) ?? 0) + allocation.amount)
      // The invoice keeps what was allocated to it and when the latest of it was paid (migration 0017).
      await trx
        .updateTable('invoices')
        .set((eb) => ({
          paid_amount: eb('paid_amount', '+', allocation.amount),
          paid_through: sql<number>`case when paid_through is null or paid_through < ${payment.at} then ${payment.at} else paid_through end`,
        }))
        .where('source', '=', payment.source)
        .where('id', '=', allocation.invoiceId)
        .execute()
    }
    existing.add(key)
    outcomes.push('accepted')
  }
  return outcomes
}

/** A customer's invoices and payments (with allocations), as the receivables figures read them. */
export async function readCustomerReceivables(db: Kysely<Database>, customerId: string): Promise<{ invoices: Invoice[]; payments: Payment[] }> {
  const { invoices, payments } = await readReceivablesOf(db, [customerId])
  return { invoices: invoices.get(customerId) ?? [], payments: payments.get(customerId) ?? [] }
}

const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

/** The invoices and payments (with their allocations) of the customers named, by customer, oldest first. */
export async function readReceivablesOf(db: Kysely<Database>, customerIds: readonly string[]): Promise<{ invoices: Map<string, Invoice[]>; payments: Map<string, Payment[]> }> {
  const invoices = new Map<string, Invoice[]>()
  const payments = new Map<string, Payment[]>()
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const chunk = customerIds.slice(i, i + CHUNK)
    const invoiceRows = await db.selectFrom('invoices').selectAll().where('customer_id', 'in', chunk).orderBy('issued_at').orderBy('source').orderBy('id').execute()
    for (const row of invoiceRows) {
      push(invoices, row.customer_id, {
        id: row.id,
        source: row.source,
        customerId: row.customer_id,
        number: row.number,
        issuedAt: Number(row.issued_at),
        dueAt: Number(row.due_at),
        amount: Number(row.amount),
        currency: row.currency,
        status: row.status as Invoice['status'],
      })
    }
    const allocationRows = await db
      .selectFrom('payment_allocations')
      .innerJoin('payments', (join) => join.onRef('payments.source', '=', 'payment_allocations.source').onRef('payments.id', '=', 'payment_allocations.payment_id'))
      .select(['payment_allocations.source', 'payment_allocations.payment_id', 'payment_allocations.invoice_id', 'payment_allocations.amount'])
      .where('payments.customer_id', 'in', chunk)
      .orderBy('payment_allocations.source')
      .orderBy('payment_allocations.payment_id')
      .orderBy('payment_allocations.invoice_id')
      .execute()
    const allocations = new Map<string, { invoiceId: string; amount: number }[]>()
    for (const row of allocationRows) push(allocations, keyOf(row.source, row.payment_id), { invoiceId: row.invoice_id, amount: Number(row.amount) })
    const paymentRows = await db.selectFrom('payments').selectAll().where('customer_id', 'in', chunk).orderBy('at').orderBy('source').orderBy('id').execute()
    for (const row of paymentRows) {
      push(payments, row.customer_id, {
        id: row.id,
        source: row.source,
        customerId: row.customer_id,
        at: Number(row.at),
        amount: Number(row.amount),
        currency: row.currency,
        allocations: allocations.get(keyOf(row.source, row.id)) ?? [],
      })
    }
  }
  return { invoices, payments }
}
