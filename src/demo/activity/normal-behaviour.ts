import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { Random } from '../random.ts'
import { isInside, monthStartDay, nextBusinessDay, timeOn, type Interval, type Window } from './calendar.ts'
import { asCounterparty, pickParty, type Party } from './counterparties.ts'
import type { CustomerProfile, EventKind } from './profile.ts'
import { inCurrency, lognormal, officeHour, poisson, type MakeTransaction } from './transactions.ts'

export type NormalBehaviourOptions = {
  random: Random
  profile: CustomerProfile
  window: Window
  /** Periods with no activity at all (a dormant account). */
  quiet: readonly Interval[]
  make: MakeTransaction
}

/** A new trading partner turns up on about one sale or purchase in fifty. */
const NEW_PARTY_CHANCE = 0.02

/**
 * A customer's ordinary year: sales in and purchases out on working days (a Poisson count
 * shaped by weekday, season, month end and holidays), a few service payments, refunds,
 * transfers and cash movements, and payroll, tax and power bills on fixed days each month.
 * Amounts are log-normal around the customer's own medians and never extreme: sales and
 * purchases stay within 0.15–6 × the median, cash at or below the profile's ceiling.
 */
export function normalTransactions({ random, profile, window, quiet, make }: NormalBehaviourOptions): Transaction[] {
  const transactions: Transaction[] = []
  const t = (zh: string, en: string) => (profile.chinese ? zh : en)
  const kinds = profile.mix.map(([kind]) => kind)
  const weights = profile.mix.map(([, weight]) => weight)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  const drawKind = (): EventKind => {
    let roll = random.next() * totalWeight
    for (let i = 0; i < kinds.length; i += 1) {
      roll -= weights[i]!
      if (roll < 0) return kinds[i]!
    }
    return kinds[kinds.length - 1]!
  }
  const partner = (pool: Party[]): Party => {
    if (!random.chance(NEW_PARTY_CHANCE)) return pickParty(random, pool)
    const party = profile.parties.trader(profile.foreignShare, pool[Math.floor(pool.length / 2)]!.weight)
    pool.push(party)
    return party
  }
  const trade = (at: number, party: Party, cny: number, direction: 'in' | 'out', type: 'sale' | 'purchase', category: string, description: string) => {
    const foreign = party.currency !== 'CNY'
    const channel = foreign ? 'swift' : random.chance(0.15) ? 'acceptance_bill' : 'bank_transfer'
    transactions.push(make({ at, amount: inCurrency(cny, party.currency), currency: party.currency, direction, type, channel, counterparty: asCounterparty(party), category, description }))
  }

  for (let day = 0; day < window.days; day += 1) {
    const count = poisson(random, profile.rate * window.dayFactor[day]!)
    for (let i = 0; i < count; i += 1) {
      const at = timeOn(window, day, officeHour(random))
      const kind = drawKind()
      if (isInside(quiet, at)) continue
      switch (kind) {
        case 'sale':
          trade(at, partner(profile.buyers), lognormal(random, profile.saleMedian, 0.7, 0.15, 6), 'in', 'sale', 'sales', t('货款', 'Sales receipt'))
          break
        case 'purchase': {
          const category = random.chance(0.7) ? profile.purchaseCategories[0]! : random.pick(profile.purchaseCategories)
          trade(at, partner(profile.suppliers), lognormal(random, profile.purchaseMedian, 0.7, 0.15, 6), 'out', 'purchase', category, t('采购款', 'Purchase payment'))
          break
        }
        case 'payment': {
          const party = random.pick(profile.services)
          const amount = lognormal(random, profile.saleMedian * 0.12, 0.6, 0.2, 5)
          transactions.push(make({ at, amount, currency: 'CNY', direction: 'out', type: 'payment', channel: 'bank_transfer', counterparty: asCounterparty(party), category: 'services', description: t('服务费', 'Service fee') }))
          break
        }
        case 'refund': {
          const inward = random.chance(0.5)
          const party = pickParty(random, inward ? profile.suppliers : profile.buyers)
          const amount = inCurrency(lognormal(random, profile.saleMedian * 0.1, 0.6, 0.2, 4), party.currency)
          transactions.push(make({ at, amount, currency: party.currency, direction: inward ? 'in' : 'out', type: 'refund', channel: 'bank_transfer', counterparty: asCounterparty(party), category: 'refund', description: t('退款', 'Refund') }))
          break
        }
        case 'transfer': {
          const group = profile.related.length > 0 && random.chance(0.35)
          const party = group ? random.pick(profile.related) : profile.ownAccount
          const amount = lognormal(random, profile.saleMedian * 0.8, 0.5, 0.2, 4)
          transactions.push(
            make({
              at,
              amount,
              currency: 'CNY',
              direction: random.chance(0.5) ? 'in' : 'out',
              type: 'transfer',
              channel: group ? 'bank_transfer' : 'internal',
              counterparty: asCounterparty(party),
              category: group ? 'intra_group' : 'own_account',
              description: group ? t('集团内资金往来', 'Intra-group transfer') : t('资金调拨', 'Own-account sweep'),
            }),
          )
          break
        }
        case 'cash': {
          const inward = random.chance(0.6)
          // Cash is counted in 100-yuan notes.
          const drawn = Math.min(lognormal(random, profile.cash.median, 0.7, 0.1, 4), profile.cash.ceiling)
          const amount = Math.max(10_000, Math.floor(drawn / 10_000) * 10_000)
          transactions.push(
            make({
              at,
              amount,
              currency: 'CNY',
              direction: inward ? 'in' : 'out',
              type: 'cash',
              channel: amount <= 2_000_000 && random.chance(0.5) ? 'atm' : 'branch',
              counterparty: null,
              category: inward ? 'cash_deposit' : 'petty_cash',
              description: inward ? t('现金存款', 'Cash deposit') : t('现金支取', 'Cash withdrawal'),
            }),
          )
          break
        }
      }
    }
  }

  for (let month = 0; monthStartDay(window, month) < window.days; month += 1) {
    for (const payment of profile.scheduled) {
      const day = nextBusinessDay(window, monthStartDay(window, month) + payment.dayOfMonth - 1)
      if (day < 0 || day >= window.days || monthStartDay(window, month) + payment.dayOfMonth - 1 < 0) continue
      const at = timeOn(window, day, 9.5 + random.next())
      if (isInside(quiet, at)) continue
      const amount = Math.max(100, Math.round(payment.amount * (1 + Math.max(-0.5, Math.min(0.5, random.normal(0, payment.spread))))))
      transactions.push(
        make({ at, amount, currency: 'CNY', direction: 'out', type: 'payment', channel: payment.category === 'payroll' ? 'bank_transfer' : 'direct_debit', counterparty: asCounterparty(payment.party), category: payment.category, description: payment.description }),
      )
    }
  }
  return transactions
}
