import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { Random } from '../random.ts'
import { CNY_PER_UNIT } from './customers.ts'

/** A transaction before it has an id: ids are given once a customer's history is in time order. */
export type TransactionDraft = Omit<Transaction, 'id' | 'source' | 'customerId'>
export type MakeTransaction = (draft: TransactionDraft) => Transaction

export function transactionMaker(source: string, customerId: string): MakeTransaction {
  return (draft) => ({ id: '', source, customerId, ...draft })
}

/** A log-normal amount around `median`, kept within [low, high] × median. */
export function lognormal(random: Random, median: number, sigma: number, low: number, high: number): number {
  const z = Math.min(Math.log(high), Math.max(Math.log(low), random.normal(0, sigma)))
  return Math.max(1, Math.round(median * Math.exp(z)))
}

/** CNY minor units converted to minor units of `currency`. */
export function inCurrency(cnyMinor: number, currency: string): number {
  return Math.max(1, Math.round(cnyMinor / (CNY_PER_UNIT[currency] ?? 1)))
}

/** A Poisson count (Knuth below 30, a rounded normal above). */
export function poisson(random: Random, lambda: number): number {
  if (lambda <= 0) return 0
  if (lambda > 30) return Math.max(0, Math.round(random.normal(lambda, Math.sqrt(lambda))))
  const limit = Math.exp(-lambda)
  let count = 0
  let product = random.next()
  while (product > limit) {
    count += 1
    product *= random.next()
  }
  return count
}

/** A business-hours time of day (China time), 08:30–18:30. */
export function officeHour(random: Random): number {
  return 8.5 + random.next() * 10
}
