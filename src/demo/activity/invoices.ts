import { DAY_MS, type Invoice, type Payment, type Transaction } from '../../domain/monitoring/activity.ts'
import type { Random } from '../random.ts'
import { dayOf, monthStartDay, nextBusinessDay, overlaps, timeOn, type Interval, type Window } from './calendar.ts'
import { OPERATOR } from './counterparties.ts'
import type { CustomerProfile } from './profile.ts'
import { lognormal, officeHour, type MakeTransaction } from './transactions.ts'

export type BillingOptions = {
  random: Random
  profile: CustomerProfile
  window: Window
  /** No invoice is issued whose life (issue to last payment) touches these periods. */
  quiet: readonly Interval[]
  make: MakeTransaction
  source: string
  /** Days late for an invoice issued at `issuedAt`, in place of the customer's habit; null keeps the habit. */
  lateness?: (issuedAt: number) => number | null
}

export type Billing = {
  invoices: Invoice[]
  payments: Payment[]
  /** One outgoing 'payment' transaction to the operator per payment. */
  transactions: Transaction[]
  transactionOf: Map<string, Transaction>
}

/** The most days late a customer's habit plans; weekends, holidays and pay runs add a few, staying under 30. */
const HABIT_MAX_DAYS_LATE = 19

type Part = { invoice: Invoice; day: number; amount: number }

/**
 * The operator sells to the customer on credit: a few invoices a month on working days,
 * due after the customer's terms (30, 45 or 60 days). The customer pays each around its
 * due date plus its own habit (a few days early to a couple of weeks late); some pay in a
 * monthly run on the 25th (one payment for several invoices), some invoices are paid in
 * two parts, a few are cancelled. Payments after the window are not made: those invoices
 * stay open. `lateness` replaces the habit (deteriorating payments).
 */
export function billCustomer({ random, profile, window, quiet, make, source, lateness }: BillingOptions): Billing {
  const { billing, customer } = profile
  const invoices: Invoice[] = []
  const parts: Part[] = []
  const t = (zh: string, en: string) => (profile.chinese ? zh : en)
  const payRunOnOrAfter = (day: number) => {
    for (let month = 0; monthStartDay(window, month) < window.days + 31; month += 1) {
      const run = nextBusinessDay(window, monthStartDay(window, month) + 24)
      if (run >= day && monthStartDay(window, month) + 24 >= 0) return run
    }
    return window.days
  }

  for (let month = 0; monthStartDay(window, month) < window.days; month += 1) {
    const first = monthStartDay(window, month)
    const length = monthStartDay(window, month + 1) - first
    const issueDays = [...new Set(Array.from({ length: billing.perMonth }, () => nextBusinessDay(window, first + random.int(0, length - 1))))].sort((a, b) => a - b)
    for (const issueDay of issueDays) {
      if (issueDay < 0 || issueDay >= window.days) continue
      const issuedAt = timeOn(window, issueDay, 10 + random.next())
      const amount = lognormal(random, billing.median, 0.5, 0.3, 3)
      const dueAt = issuedAt + billing.terms * DAY_MS
      const dueDay = dayOf(window, dueAt)
      const custom = lateness?.(issuedAt) ?? null
      const payDay = (late: number) => nextBusinessDay(window, Math.max(issueDay + 3, dueDay + late))
      let plan: { day: number; share: number }[]
      if (custom !== null) plan = [{ day: payDay(custom), share: 1 }]
      else if (random.chance(0.01)) plan = []
      else if (billing.batchPayer) plan = [{ day: payRunOnOrAfter(Math.max(dueDay - 10, issueDay + 3)), share: 1 }]
      else {
        const late = Math.round(Math.min(HABIT_MAX_DAYS_LATE, Math.max(-7, billing.lateness + random.normal(0, 2.5))))
        const day = payDay(late)
        plan = late <= 12 && random.chance(0.05) ? [{ day, share: random.between(0.6, 0.8) }, { day: nextBusinessDay(window, day + random.int(3, 8)), share: 0 }] : [{ day, share: 1 }]
      }
      const lastDay = plan.at(-1)?.day ?? issueDay
      if (overlaps(quiet, issuedAt - DAY_MS, window.start + (lastDay + 2) * DAY_MS)) continue
      const seq = invoices.length + 1
      const invoice: Invoice = {
        id: `${customer.id}-inv-${String(seq).padStart(3, '0')}`,
        source,
        customerId: customer.id,
        number: `FK${new Date(issuedAt).toISOString().slice(0, 7).replace('-', '')}-${String(profile.ordinal + 1).padStart(4, '0')}-${String(seq).padStart(3, '0')}`,
        issuedAt,
        dueAt,
        amount,
        currency: billing.currency,
        status: plan.length === 0 ? 'cancelled' : 'open',
      }
      invoices.push(invoice)
      let left = amount
      for (const [index, { day, share }] of plan.entries()) {
        const part = index === plan.length - 1 ? left : Math.round(amount * share)
        left -= part
        if (day < window.days) parts.push({ invoice, day, amount: part })
      }
      if (plan.length > 0 && plan.at(-1)!.day < window.days) invoice.status = 'paid'
    }
  }

  // One payment per part; a batch payer's parts on the same day are one payment.
  const byDay = new Map<number, Part[]>()
  for (const part of parts) byDay.set(part.day, [...(byDay.get(part.day) ?? []), part])
  const groups = (billing.batchPayer ? [...byDay.values()] : parts.map((part) => [part])).map((group) => ({ group, at: timeOn(window, group[0]!.day, officeHour(random)) })).sort((a, b) => a.at - b.at)
  const payments: Payment[] = []
  const transactions: Transaction[] = []
  const transactionOf = new Map<string, Transaction>()
  for (const [index, { group, at }] of groups.entries()) {
    const amount = group.reduce((sum, part) => sum + part.amount, 0)
    const payment: Payment = {
      id: `${customer.id}-pay-${String(index + 1).padStart(3, '0')}`,
      source,
      customerId: customer.id,
      at,
      amount,
      currency: billing.currency,
      allocations: group.map((part) => ({ invoiceId: part.invoice.id, amount: part.amount })),
    }
    const transaction = make({
      at,
      amount,
      currency: billing.currency,
      direction: 'out',
      type: 'payment',
      channel: 'bank_transfer',
      counterparty: OPERATOR,
      category: 'supplier_invoices',
      description: `${t('支付发票', 'Invoices')} ${group.map((part) => part.invoice.number).join(', ')}`,
    })
    payments.push(payment)
    transactions.push(transaction)
    transactionOf.set(payment.id, transaction)
  }
  return { invoices, payments, transactions, transactionOf }
}
