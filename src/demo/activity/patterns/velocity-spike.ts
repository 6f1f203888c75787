import { nextBusinessDay, timeOn } from '../calendar.ts'
import { asCounterparty, pickParty } from '../counterparties.ts'
import { inCurrency, lognormal, officeHour } from '../transactions.ts'
import { transactionsLabel, type PatternInjector } from './injection.ts'

/**
 * Velocity spike: on one or two working days the customer makes twelve to eighteen times
 * its usual daily number of transactions (at least twelve a day) — mostly small payments
 * out, some receipts, with the counterparties it already knows. Nothing else puts more
 * than eight transactions on one of a customer's days.
 */
export const velocitySpike: PatternInjector = {
  kind: 'velocity_spike',
  minDays: 45,
  inject({ random, profile, window, make }) {
    const first = nextBusinessDay(window, random.int(30, window.days - 8))
    const days = random.chance(0.5) ? [first] : [first, nextBusinessDay(window, first + 1)].filter((day) => day < window.days)
    const t = (zh: string, en: string) => (profile.chinese ? zh : en)
    const transactions = days.flatMap((day) =>
      Array.from({ length: Math.max(12, Math.ceil(profile.rate * random.between(12, 18))) }, () => {
        const at = timeOn(window, day, officeHour(random))
        if (random.chance(0.7)) {
          const party = random.chance(0.8) ? pickParty(random, profile.suppliers) : random.pick(profile.services)
          const amount = inCurrency(lognormal(random, profile.purchaseMedian * 0.2, 0.6, 0.2, 3), party.currency)
          return make({ at, amount, currency: party.currency, direction: 'out', type: 'payment', channel: 'online_banking', counterparty: asCounterparty(party), category: 'other_payments', description: t('付款', 'Payment') })
        }
        const party = pickParty(random, profile.buyers)
        const amount = inCurrency(lognormal(random, profile.saleMedian * 0.2, 0.6, 0.2, 3), party.currency)
        return make({ at, amount, currency: party.currency, direction: 'in', type: 'sale', channel: 'online_banking', counterparty: asCounterparty(party), category: 'sales', description: t('货款', 'Sales receipt') })
      }).sort((a, b) => a.at - b.at),
    )
    const usual = profile.rate + (profile.scheduled.length + profile.billing.perMonth) / 21
    return {
      transactions,
      label: () =>
        transactionsLabel(transactions, `${transactions.length} transactions in ${days.length} day${days.length > 1 ? 's' : ''} against about ${usual.toFixed(1)} on a usual working day`),
    }
  },
}
