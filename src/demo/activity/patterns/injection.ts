import type { Transaction } from '../../../domain/monitoring/activity.ts'
import type { Random } from '../../random.ts'
import type { BureauFeedOptions, DemoBureauEvent } from '../bureau.ts'
import { iso, type Interval, type Window } from '../calendar.ts'
import type { InjectedPattern, PatternKind } from '../ground-truth.ts'
import type { Billing } from '../invoices.ts'
import type { CustomerProfile } from '../profile.ts'
import type { MakeTransaction } from '../transactions.ts'

export type InjectionContext = {
  random: Random
  profile: CustomerProfile
  window: Window
  make: MakeTransaction
  /** Cash deposits of this much (CNY minor units) or more are reported. */
  structuringThreshold: number
}

/** A customer's generated records, ids given, for a pattern to label itself. */
export type CustomerActivity = { transactions: readonly Transaction[]; billing: Billing; bureau: readonly DemoBureauEvent[] }

export type Label = Pick<InjectedPattern, 'from' | 'to' | 'transactionIds' | 'invoiceIds' | 'description'>

/** What a pattern adds to one customer's normal year, and how it bends it. */
export type Injection = {
  transactions: Transaction[]
  /** No normal activity in this period (dormancy). */
  quiet?: Interval
  /** Days late per invoice, in place of the customer's habit (deteriorating payments). */
  lateness?: (issuedAt: number) => number | null
  /** A fall in the bureau feed (bureau downgrade). */
  shock?: BureauFeedOptions['shock']
  /** Called once the customer's records exist and have ids. */
  label(activity: CustomerActivity): Label
}

export type PatternInjector = {
  kind: PatternKind
  /** The shortest window, in days, the pattern fits in. */
  minDays: number
  isEligible?(profile: CustomerProfile): boolean
  inject(context: InjectionContext): Injection
}

/** The usual label: the injected transactions, from the first to the last. */
export function transactionsLabel(transactions: readonly Transaction[], description: string): Label {
  const times = transactions.map((t) => t.at)
  return { from: iso(Math.min(...times)), to: iso(Math.max(...times)), transactionIds: transactions.map((t) => t.id), description }
}

/** 12,345.67 CNY → "12,346 CNY" (descriptions only). */
export function yuan(minor: number, currency = 'CNY'): string {
  return `${Math.round(minor / 100).toLocaleString('en-US')} ${currency}`
}
