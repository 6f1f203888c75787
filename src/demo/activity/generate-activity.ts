import type { Invoice, Payment, Transaction } from '../../domain/monitoring/activity.ts'
import { DEFAULT_AS_OF } from '../generate-portfolio.ts'
import { createRandom, type Random } from '../random.ts'
import { bureauFeed, type DemoBureauEvent } from './bureau.ts'
import { createWindow, iso, type Window } from './calendar.ts'
import type { ActivityCustomer } from './customers.ts'
import { PATTERN_KINDS, type InjectedPattern, type PatternKind } from './ground-truth.ts'
import { billCustomer } from './invoices.ts'
import { normalTransactions } from './normal-behaviour.ts'
import { ASSIGNMENT_ORDER, INJECTORS } from './patterns/index.ts'
import { createProfile, type CustomerProfile } from './profile.ts'
import { transactionMaker } from './transactions.ts'

export type GenerateActivityOptions = {
  /** The portfolio's customers (`activityCustomersOf(portfolio)`). */
  customers: readonly ActivityCustomer[]
  seed: number
  /** First day, YYYY-MM-DD (UTC). Default: the twelve months up to the demo portfolio's as-of date. */
  from?: string
  months?: number
  /** Multiplies the number of ordinary transactions (not their amounts), e.g. 10 for a bench. */
  scale?: number
  /**
   * Customers per injected pattern. Default: one per 40 customers, from 1 to 5 (5 for 200
   * customers), and never more than half the customers in all.
   */
  patterns?: Partial<Record<PatternKind, number>>
  /** Cash deposits from this amount up are reported (CNY minor units). Default 5,000,000 (50,000 CNY). */
  structuringThreshold?: number
  /** The `source` of every transaction, invoice and payment. */
  source?: string
}

export type DemoActivity = {
  /** The window, ISO-8601 UTC: from inclusive, to exclusive. */
  from: string
  to: string
  /** In time order (then by id); ids are unique for the source. */
  transactions: Transaction[]
  invoices: Invoice[]
  payments: Payment[]
  /** A quarterly credit-bureau report on every customer. */
  bureauEvents: DemoBureauEvent[]
  groundTruth: InjectedPattern[]
}

export const DEFAULT_ACTIVITY_FROM = firstOfMonthBefore(DEFAULT_AS_OF, 11)
export const DEFAULT_STRUCTURING_THRESHOLD = 5_000_000

/**
 * A year (by default) of what the portfolio's customers do — bank transactions, the
 * operator's invoices and their payments, bureau reports — with a handful of customers
 * per pattern doing something suspicious on purpose, each labelled in `groundTruth`.
 * Pure and seeded: the same options give the same activity. A customer's ordinary
 * behaviour is drawn from its own stream (seed and id), so it does not depend on the
 * other customers.
 */
export function generateActivity({
  customers,
  seed,
  from = DEFAULT_ACTIVITY_FROM,
  months = 12,
  scale = 1,
  patterns = {},
  structuringThreshold = DEFAULT_STRUCTURING_THRESHOLD,
  source = 'demo',
}: GenerateActivityOptions): DemoActivity {
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1000)) throw new RangeError(`scale must be above 0 and at most 1000, got ${scale}`)
  if (!(Number.isInteger(structuringThreshold) && structuringThreshold >= 100_000)) throw new RangeError(`structuringThreshold must be a whole number of minor units, at least 100000, got ${structuringThreshold}`)
  for (const [kind, count] of Object.entries(patterns)) {
    if (!(PATTERN_KINDS as readonly string[]).includes(kind)) throw new RangeError(`unknown pattern ${kind}`)
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`patterns.${kind} must be a whole number, got ${count}`)
  }
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  if (byId.size !== customers.length) throw new RangeError('customer ids must be unique')

  const window = createWindow(from, months)
  const drawn = customers.map((customer, ordinal) => {
    const random = createRandom(streamSeed(seed, customer.id))
    const profile = createProfile({ random, customer, ordinal, scale, cashCeiling: Math.floor(structuringThreshold * 0.6), lookup: (id) => byId.get(id) })
    return { random, profile }
  })
  const perPattern = Math.max(1, Math.min(5, Math.floor(customers.length / 40)))
  const counts = Object.fromEntries(PATTERN_KINDS.map((kind) => [kind, patterns[kind] ?? perPattern])) as Record<PatternKind, number>
  // By default at most half the customers get a pattern, so a small portfolio keeps normal ones.
  const limit = Object.keys(patterns).length > 0 ? customers.length : Math.floor(customers.length / 2)
  const assigned = assignPatterns(createRandom(seed), drawn.map((d) => d.profile), window, counts, limit)

  const activity: DemoActivity = { from: iso(window.start), to: iso(window.end), transactions: [], invoices: [], payments: [], bureauEvents: [], groundTruth: [] }
  for (const [index, { random, profile }] of drawn.entries()) {
    const kind = assigned.get(index) ?? null
    const generated = generateCustomer({ random, profile, kind, window, source, structuringThreshold })
    activity.transactions.push(...generated.transactions)
    activity.invoices.push(...generated.invoices)
    activity.payments.push(...generated.payments)
    activity.bureauEvents.push(...generated.bureau)
    if (generated.label) activity.groundTruth.push(generated.label)
  }
  const byTimeThenId = (a: { at: number; id: string }, b: { at: number; id: string }) => a.at - b.at || compare(a.id, b.id)
  activity.transactions.sort(byTimeThenId)
  activity.payments.sort(byTimeThenId)
  activity.invoices.sort((a, b) => a.issuedAt - b.issuedAt || compare(a.id, b.id))
  activity.bureauEvents.sort((a, b) => compare(a.reportedOn, b.reportedOn) || compare(a.customerId, b.customerId))
  activity.groundTruth.sort((a, b) => PATTERN_KINDS.indexOf(a.pattern) - PATTERN_KINDS.indexOf(b.pattern) || compare(a.from, b.from) || compare(a.customerId, b.customerId))
  return activity
}

type CustomerOptions = { random: Random; profile: CustomerProfile; kind: PatternKind | null; window: Window; source: string; structuringThreshold: number }

function generateCustomer({ random, profile, kind, window, source, structuringThreshold }: CustomerOptions) {
  const make = transactionMaker(source, profile.customer.id)
  // The pattern draws first, so where it falls does not depend on how busy the customer is.
  const injection = kind ? INJECTORS[kind].inject({ random, profile, window, make, structuringThreshold }) : null
  const quiet = injection?.quiet ? [injection.quiet] : []
  const normal = normalTransactions({ random, profile, window, quiet, make })
  const billing = billCustomer({ random, profile, window, quiet, make, source, lateness: injection?.lateness })
  const bureau = bureauFeed({ random, profile, window, shock: injection?.shock })
  const transactions = [...normal, ...billing.transactions, ...(injection?.transactions ?? [])].sort((a, b) => a.at - b.at)
  for (const [index, transaction] of transactions.entries()) transaction.id = `${profile.customer.id}-tx-${String(index + 1).padStart(5, '0')}`
  const label: InjectedPattern | null = injection && kind ? { customerId: profile.customer.id, pattern: kind, ...injection.label({ transactions, billing, bureau }) } : null
  return { transactions, invoices: billing.invoices, payments: billing.payments, bureau, label }
}

/**
 * Which customers get which pattern: a seeded shuffle, then each pattern in turn takes the
 * next customers it fits (a related party for round-tripping, a good enough score for a
 * two-notch downgrade). One pattern per customer; patterns the window is too short for are skipped.
 */
function assignPatterns(random: Random, profiles: readonly CustomerProfile[], window: Window, counts: Record<PatternKind, number>, limit: number): Map<number, PatternKind> {
  const order = profiles.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const assigned = new Map<number, PatternKind>()
  for (const kind of ASSIGNMENT_ORDER) {
    const injector = INJECTORS[kind]
    if (window.days < injector.minDays) continue
    let wanted = counts[kind]
    for (const index of order) {
      if (wanted === 0 || assigned.size >= limit) break
      if (assigned.has(index) || (injector.isEligible && !injector.isEligible(profiles[index]!))) continue
      assigned.set(index, kind)
      wanted -= 1
    }
  }
  return assigned
}

/** A customer's own stream: FNV-1a over the seed and its id. */
function streamSeed(seed: number, id: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (const char of `${seed}:${id}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return hash >>> 0
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function firstOfMonthBefore(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}
