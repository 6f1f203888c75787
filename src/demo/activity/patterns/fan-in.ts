import { timeOn } from '../calendar.ts'
import { asCounterparty } from '../counterparties.ts'
import { transactionsLabel, type PatternInjector } from './injection.ts'

/**
 * Fan-in: 15–30 counterparties the customer has never dealt with (mostly private persons)
 * each pay it once, within four to seven days, at most four a day, in round amounts.
 * Normally a customer meets a new counterparty on about one sale or purchase in fifty.
 */
export const fanIn: PatternInjector = {
  kind: 'fan_in',
  minDays: 30,
  inject({ random, profile, window, make }) {
    const span = random.int(4, 7)
    const count = random.int(15, Math.min(30, span * 4))
    const first = random.int(14, window.days - span - 2)
    const transactions = Array.from({ length: count }, (_, i) => {
      const party = random.chance(0.75) ? profile.parties.person() : profile.parties.company('CN')
      return make({
        at: timeOn(window, first + (i % span), 8 + random.next() * 13),
        amount: Math.max(100_000, Math.round((profile.saleMedian * random.between(0.03, 0.25)) / 100_000) * 100_000),
        currency: 'CNY',
        direction: 'in',
        type: 'transfer',
        channel: random.chance(0.6) ? 'mobile_banking' : 'bank_transfer',
        counterparty: asCounterparty(party),
        category: 'other_income',
        description: profile.chinese ? '往来款' : 'Transfer received',
      })
    }).sort((a, b) => a.at - b.at)
    return { transactions, label: () => transactionsLabel(transactions, `${count} payments in from ${count} counterparties never seen before, within ${span} days`) }
  },
}
