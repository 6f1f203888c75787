import { Compile } from 'typebox/compile'
import { describe, expect, it } from 'vitest'
import { activityCustomersOf, generateActivity, RATINGS, STRUCTURING_BAND, summarizeActivity, type InjectedPattern, type PatternKind } from '../../src/demo/activity/index.ts'
import { generatePortfolio } from '../../src/demo/generate-portfolio.ts'
import { DAY_MS, HOUR_MS, type Invoice, type Payment, type Transaction } from '../../src/domain/monitoring/activity.ts'
import { BureauRecordInputSchema } from '../../src/schemas/customer-records.ts'

const SEED = 7
const THRESHOLD = 5_000_000
const customers = activityCustomersOf(generatePortfolio({ customers: 200, seed: SEED }))
const started = performance.now()
const activity = generateActivity({ customers, seed: SEED })
const elapsed = performance.now() - started

const transactionById = new Map(activity.transactions.map((t) => [t.id, t]))
const invoiceById = new Map(activity.invoices.map((i) => [i.id, i]))
const customerById = new Map(customers.map((c) => [c.id, c]))
const labelled = new Set(activity.groundTruth.map((g) => g.customerId))
const normalCustomers = customers.filter((c) => !labelled.has(c.id))
const historyOf = groupBy(activity.transactions, (t) => t.customerId)
const paymentsOf = groupBy(activity.payments, (p) => p.customerId)
const labelsOf = (pattern: PatternKind) => activity.groundTruth.filter((g) => g.pattern === pattern)
const transactionsOf = (label: InjectedPattern) => label.transactionIds.map((id) => transactionById.get(id)!)
const days = (ms: number) => ms / DAY_MS
const dayKey = (t: Transaction) => Math.floor(t.at / DAY_MS)
const windowEnd = Date.parse(activity.to)
const windowDays = days(windowEnd - Date.parse(activity.from))

describe('demo activity generator', () => {
  it('gives the same activity for the same seed, and other activity for another seed', () => {
    expect(JSON.stringify(generateActivity({ customers, seed: SEED }))).toBe(JSON.stringify(activity))
    const other = generateActivity({ customers, seed: SEED + 1 })
    expect(other.transactions.length).not.toBe(activity.transactions.length)
    expect(other.groundTruth.map((g) => g.customerId)).not.toEqual(activity.groundTruth.map((g) => g.customerId))
  })

  it('makes a few tens of thousands of transactions for 200 customers over a year, in reasonable time', () => {
    const summary = summarizeActivity(activity)
    expect(summary.customers).toBe(200)
    expect(summary.transactions).toBeGreaterThan(20_000)
    expect(summary.transactions).toBeLessThan(80_000)
    expect(summary.invoices).toBeGreaterThan(2_000)
    expect(summary.bureauEvents).toBe(800)
    for (const count of Object.values(summary.byType)) expect(count).toBeGreaterThan(0)
    expect(summary.byCurrency.CNY! / summary.transactions).toBeGreaterThan(0.8)
    expect(Object.keys(summary.byCurrency).sort()).toEqual(['CNY', 'HKD', 'USD'])
    expect(Object.values(summary.byPattern).map((p) => p.customers)).toEqual(Array(8).fill(5))
    expect(elapsed).toBeLessThan(10_000)
  })

  it('sorts transactions by time within the window, with unique ids and positive whole amounts', () => {
    expect(transactionById.size).toBe(activity.transactions.length)
    expect(activity).toMatchObject({ from: '2025-07-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' })
    const problems = activity.transactions.flatMap((t, i) => [
      ...(i > 0 && t.at < activity.transactions[i - 1]!.at ? [`${t.id} out of order`] : []),
      ...(t.at < Date.parse(activity.from) || t.at >= windowEnd ? [`${t.id} outside the window`] : []),
      ...(!Number.isInteger(t.amount) || t.amount <= 0 ? [`${t.id} amount ${t.amount}`] : []),
      ...(t.source !== 'demo' || !customerById.has(t.customerId) ? [`${t.id} source or customer`] : []),
    ])
    expect(problems).toEqual([])
  })

  it('labels a handful of distinct customers per pattern, with ids that all exist and belong to them', () => {
    expect(labelled.size).toBe(activity.groundTruth.length)
    for (const label of activity.groundTruth) {
      expect(Date.parse(label.from)).toBeLessThanOrEqual(Date.parse(label.to))
      expect(label.description.length).toBeGreaterThan(10)
      for (const t of transactionsOf(label)) expect(t?.customerId).toBe(label.customerId)
      for (const id of label.invoiceIds ?? []) expect(invoiceById.get(id)?.customerId).toBe(label.customerId)
      if (label.pattern !== 'bureau_downgrade') expect(label.transactionIds.length).toBeGreaterThan(0)
    }
  })

  it('structuring: three or more cash deposits just under the threshold within a few days', () => {
    for (const label of labelsOf('structuring')) {
      const deposits = transactionsOf(label)
      expect(deposits.length).toBeGreaterThanOrEqual(3)
      for (const t of deposits) {
        expect(t).toMatchObject({ type: 'cash', direction: 'in', currency: 'CNY' })
        expect(t.amount).toBeGreaterThanOrEqual(THRESHOLD * STRUCTURING_BAND.low)
        expect(t.amount).toBeLessThan(THRESHOLD)
      }
      expect(days(deposits.at(-1)!.at - deposits[0]!.at)).toBeLessThan(5)
    }
  })

  it('velocity spike: on the labelled days the customer makes ten times its usual daily count, and at least ten', () => {
    for (const label of labelsOf('velocity_spike')) {
      const ids = new Set(label.transactionIds)
      const history = historyOf.get(label.customerId)!
      const usual = history.filter((t) => !ids.has(t.id)).length / windowDays
      for (const day of new Set(transactionsOf(label).map(dayKey))) {
        const count = history.filter((t) => dayKey(t) === day).length
        expect(count).toBeGreaterThanOrEqual(Math.max(10, 10 * usual))
      }
    }
  })

  it('dormant reactivation: nothing for 90 days or more, then a burst of large transactions', () => {
    for (const label of labelsOf('dormant_reactivation')) {
      const burst = transactionsOf(label)
      const history = historyOf.get(label.customerId)!
      const before = history.filter((t) => t.at < burst[0]!.at)
      expect(before.length).toBeGreaterThan(0)
      expect(days(burst[0]!.at - before.at(-1)!.at)).toBeGreaterThanOrEqual(90)
      expect(burst.length).toBeGreaterThanOrEqual(4)
      expect(Math.min(...burst.map(inCny))).toBeGreaterThan(5 * median(before.filter((t) => t.type === 'sale').map(inCny)))
    }
  })

  it('fan-in: fifteen or more counterparties never seen before pay in within a week', () => {
    for (const label of labelsOf('fan_in')) {
      const payments = transactionsOf(label)
      const seen = new Set(historyOf.get(label.customerId)!.filter((t) => t.at < payments[0]!.at).map((t) => t.counterparty?.id))
      const payers = new Set(payments.map((t) => t.counterparty!.id))
      expect(payers.size).toBe(payments.length)
      expect(payers.size).toBeGreaterThanOrEqual(15)
      for (const id of payers) expect(seen.has(id)).toBe(false)
      for (const t of payments) expect(t.direction).toBe('in')
      expect(days(payments.at(-1)!.at - payments[0]!.at)).toBeLessThan(7)
    }
  })

  it('rapid in-out: a large inflow, then 90–100% of it out again within 48 hours', () => {
    for (const label of labelsOf('rapid_in_out')) {
      const [inflow, ...outflows] = transactionsOf(label)
      expect(inflow!.direction).toBe('in')
      const out = outflows.reduce((sum, t) => sum + t.amount, 0)
      expect(out / inflow!.amount).toBeGreaterThanOrEqual(0.9)
      expect(out / inflow!.amount).toBeLessThanOrEqual(1)
      for (const t of outflows) {
        expect(t.direction).toBe('out')
        expect(t.at).toBeGreaterThan(inflow!.at)
        expect(t.at - inflow!.at).toBeLessThanOrEqual(48 * HOUR_MS)
      }
    }
  })

  it('round-tripping: money out to a related party comes back from a third party within days, at a similar amount', () => {
    for (const label of labelsOf('round_tripping')) {
      const legs = transactionsOf(label)
      const related = new Set(customerById.get(label.customerId)!.relatedIds)
      expect(legs.length % 2).toBe(0)
      for (let i = 0; i < legs.length; i += 2) {
        const [out, back] = [legs[i]!, legs[i + 1]!]
        expect(out.direction).toBe('out')
        expect(related.has(out.counterparty!.id!)).toBe(true)
        expect(back.direction).toBe('in')
        expect(related.has(back.counterparty!.id!)).toBe(false)
        expect(back.counterparty!.id).not.toBe(label.customerId)
        expect(days(back.at - out.at)).toBeLessThanOrEqual(7)
        expect(Math.abs(back.amount / out.amount - 1)).toBeLessThan(0.1)
      }
    }
  })

  it('deteriorating payments: days past due rise past 30, then past 90, over several months', () => {
    for (const label of labelsOf('deteriorating_payments')) {
      const invoices = label.invoiceIds!.map((id) => invoiceById.get(id)!).sort((a, b) => a.issuedAt - b.issuedAt)
      const dpd = invoices.map((invoice) => daysPastDue(invoice, paymentsOf.get(label.customerId)!))
      expect(invoices.length).toBeGreaterThanOrEqual(6)
      expect(dpd[0]).toBeLessThan(30)
      const past30 = dpd.findIndex((d) => d > 30)
      const past90 = dpd.findIndex((d) => d > 90)
      expect(past30).toBeGreaterThan(0)
      expect(past90).toBeGreaterThan(past30)
      expect(days(invoices[past90]!.issuedAt - invoices[0]!.issuedAt)).toBeGreaterThanOrEqual(40)
      // Each paid invoice was paid later than the one before (give or take a few days' noise).
      const paid = dpd.filter((_, i) => invoices[i]!.status === 'paid')
      for (let i = 1; i < paid.length; i += 1) expect(paid[i]!).toBeGreaterThanOrEqual(paid[i - 1]! - 6)
      // The rest are still open at the end of the window, past due.
      for (const [i, invoice] of invoices.entries()) if (invoice.status === 'open') expect(dpd[i]).toBeGreaterThan(0)
      for (const t of transactionsOf(label)) expect(t).toMatchObject({ type: 'payment', direction: 'out' })
    }
  })

  it('bureau downgrade: the score falls 100 points or more and the rating two notches or more, where ordinary reports move one at most', () => {
    const downgraded = new Set(labelsOf('bureau_downgrade').map((g) => g.customerId))
    for (const [customerId, reports] of groupBy(activity.bureauEvents, (e) => e.customerId)) {
      expect(reports.length).toBe(4)
      const steps = reports.slice(1).map((r, i) => ({ drop: reports[i]!.score - r.score, notches: RATINGS.indexOf(r.rating as 'A') - RATINGS.indexOf(reports[i]!.rating as 'A'), on: r.reportedOn }))
      const big = steps.filter((s) => s.drop >= 100 && s.notches >= 2)
      if (!downgraded.has(customerId)) {
        for (const s of steps) expect(Math.abs(s.drop) <= 22 && s.notches <= 1).toBe(true)
        continue
      }
      const label = labelsOf('bureau_downgrade').find((g) => g.customerId === customerId)!
      expect(big.map((s) => s.on)).toEqual([label.to.slice(0, 10)])
    }
  })

  it('writes bureau reports every record schema accepts', () => {
    const check = Compile(BureauRecordInputSchema)
    for (const { customerId, ...record } of activity.bureauEvents) {
      expect(customerById.has(customerId)).toBe(true)
      expect(check.Errors(record)).toEqual([])
    }
  })

  it('keeps normal customers clear of the patterns', () => {
    for (const customer of normalCustomers) {
      const history = historyOf.get(customer.id)!
      // no cash deposits near the reporting threshold
      expect(history.filter((t) => t.type === 'cash' && t.direction === 'in' && t.amount >= THRESHOLD * 0.9 && t.amount < THRESHOLD)).toEqual([])
      // stable daily counts
      const perDay = [...groupBy(history, (t) => String(dayKey(t))).values()].map((ts) => ts.length)
      expect(Math.max(...perDay)).toBeLessThan(Math.max(10, (10 * history.length) / windowDays))
      // never silent for 90 days
      const gaps = history.slice(1).map((t, i) => days(t.at - history[i]!.at))
      expect(Math.max(...gaps)).toBeLessThan(90)
      // never fifteen new counterparties in a week
      const firstSeen = new Map<string, number>()
      for (const t of history) if (t.counterparty?.id && !firstSeen.has(t.counterparty.id)) firstSeen.set(t.counterparty.id, t.at)
      const newcomers = [...firstSeen.values()].filter((at) => at - history[0]!.at > 30 * DAY_MS).sort((a, b) => a - b)
      for (let i = 0; i + 14 < newcomers.length; i += 1) expect(days(newcomers[i + 14]! - newcomers[i]!)).toBeGreaterThan(7)
    }
  })

  it('lets normal customers pay their invoices within 30 days of the due date', () => {
    for (const customer of normalCustomers) {
      const payments = paymentsOf.get(customer.id) ?? []
      for (const invoice of activity.invoices.filter((i) => i.customerId === customer.id && i.status !== 'cancelled')) expect(daysPastDue(invoice, payments)).toBeLessThanOrEqual(30)
    }
  })

  it('keeps invoices and payments consistent: allocations within invoice amounts, payments after issue', () => {
    const allocated = new Map<string, number>()
    const paymentTransactions = new Set(activity.transactions.filter((t) => t.type === 'payment' && t.counterparty?.id === 'fengkong-operator').map((t) => `${t.customerId}|${t.at}|${t.amount}`))
    const problems: string[] = []
    for (const payment of activity.payments) {
      if (payment.allocations.reduce((sum, a) => sum + a.amount, 0) !== payment.amount) problems.push(`${payment.id}: allocations do not add up`)
      if (!paymentTransactions.has(`${payment.customerId}|${payment.at}|${payment.amount}`)) problems.push(`${payment.id}: no transaction`)
      for (const allocation of payment.allocations) {
        const invoice = invoiceById.get(allocation.invoiceId)!
        if (invoice.customerId !== payment.customerId || invoice.currency !== payment.currency) problems.push(`${payment.id}: another customer's or currency's invoice`)
        if (!(allocation.amount > 0)) problems.push(`${payment.id}: allocation ${allocation.amount}`)
        if (!(payment.at > invoice.issuedAt)) problems.push(`${payment.id}: before ${invoice.id} was issued`)
        allocated.set(invoice.id, (allocated.get(invoice.id) ?? 0) + allocation.amount)
      }
    }
    for (const invoice of activity.invoices) {
      const paid = allocated.get(invoice.id) ?? 0
      if (paid > invoice.amount) problems.push(`${invoice.id}: paid ${paid} of ${invoice.amount}`)
      if ((invoice.status === 'paid') !== (paid === invoice.amount)) problems.push(`${invoice.id}: ${invoice.status} with ${paid} of ${invoice.amount} paid`)
      if (invoice.status === 'cancelled' && paid > 0) problems.push(`${invoice.id}: cancelled but paid`)
      if (![30, 45, 60].includes(days(invoice.dueAt - invoice.issuedAt))) problems.push(`${invoice.id}: terms`)
    }
    expect(problems).toEqual([])
    expect(activity.invoices.filter((i) => i.status === 'open').length).toBeGreaterThan(0)
    expect(activity.payments.filter((p) => p.allocations.length > 1).length).toBeGreaterThan(0)
  })

  it('multiplies the volume with scale and takes the number of customers per pattern', () => {
    const few = customers.slice(0, 20)
    const base = generateActivity({ customers: few, seed: 1, patterns: { structuring: 2, fan_in: 0 } })
    const scaled = generateActivity({ customers: few, seed: 1, scale: 3, patterns: { structuring: 2, fan_in: 0 } })
    expect(scaled.transactions.length / base.transactions.length).toBeGreaterThan(2)
    expect(summarizeActivity(base).byPattern).toMatchObject({ structuring: { customers: 2 }, fan_in: { customers: 0 }, velocity_spike: { customers: 1 } })
  })

  it('reads customers, sizes and ties off a demo portfolio', () => {
    const withTies = customers.filter((c) => c.relatedIds!.length > 0)
    expect(withTies.length).toBeGreaterThan(10)
    for (const customer of withTies) for (const id of customer.relatedIds!) expect(customerById.get(id)!.relatedIds).toContain(customer.id)
    for (const customer of customers) expect(customer.revenueCny).toBeGreaterThan(0)
  })

  it('refuses a window, scale or threshold it cannot use', () => {
    expect(() => generateActivity({ customers, seed: 1, from: 'July' })).toThrow(RangeError)
    expect(() => generateActivity({ customers, seed: 1, months: 0 })).toThrow(RangeError)
    expect(() => generateActivity({ customers, seed: 1, scale: 0 })).toThrow(RangeError)
    expect(() => generateActivity({ customers, seed: 1, structuringThreshold: 12.5 })).toThrow(RangeError)
    expect(() => generateActivity({ customers: [...customers, customers[0]!], seed: 1 })).toThrow(RangeError)
  })
})

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** Whole days from the due date to full payment, or to the end of the window while unpaid. */
function daysPastDue(invoice: Invoice, payments: readonly Payment[]): number {
  const paid = payments.filter((p) => p.allocations.some((a) => a.invoiceId === invoice.id)).map((p) => p.at)
  const settled = invoice.status === 'paid' ? Math.max(...paid) : windowEnd
  return Math.max(0, Math.floor(days(settled - invoice.dueAt)))
}

function inCny(t: Transaction): number {
  return t.amount * ({ CNY: 1, USD: 7.1, HKD: 0.91 }[t.currency] ?? 1)
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
