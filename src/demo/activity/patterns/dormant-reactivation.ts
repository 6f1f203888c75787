import { DAY_MS } from '../../../domain/monitoring/activity.ts'
import { iso, nextBusinessDay, timeOn } from '../calendar.ts'
import { asCounterparty, pickParty } from '../counterparties.ts'
import { inCurrency, officeHour } from '../transactions.ts'
import type { PatternInjector } from './injection.ts'

/**
 * Dormant reactivation: the account goes silent for 95–150 days (no transactions, no
 * invoices), then four to eight large transactions (8–25 × the usual sale) in one or two
 * days, all one way: drained out or filled up. Normal activity resumes the day after.
 */
export const dormantReactivation: PatternInjector = {
  kind: 'dormant_reactivation',
  minDays: 170,
  inject({ random, profile, window, make }) {
    const gap = random.int(95, Math.min(150, window.days - 70))
    const silentFrom = random.int(45, window.days - gap - 15)
    const first = nextBusinessDay(window, silentFrom + gap)
    const days = random.chance(0.5) ? [first] : [first, nextBusinessDay(window, first + 1)].filter((day) => day < window.days)
    const outward = random.chance(0.6)
    const t = (zh: string, en: string) => (profile.chinese ? zh : en)
    const count = random.int(4, 8)
    const transactions = Array.from({ length: count }, (_, i) => {
      const party = random.chance(0.7) ? profile.parties.trader(profile.foreignShare) : pickParty(random, outward ? profile.suppliers : profile.buyers)
      const cny = Math.round(profile.saleMedian * random.between(8, 25))
      const transfer = random.chance(0.5)
      return make({
        at: timeOn(window, days[i % days.length]!, officeHour(random)),
        amount: inCurrency(cny, party.currency),
        currency: party.currency,
        direction: outward ? 'out' : 'in',
        type: transfer ? 'transfer' : outward ? 'purchase' : 'sale',
        channel: party.currency === 'CNY' ? 'bank_transfer' : 'swift',
        counterparty: asCounterparty(party),
        category: transfer ? (outward ? 'other_payments' : 'other_income') : outward ? profile.purchaseCategories[0]! : 'sales',
        description: outward ? t('付款', 'Payment') : t('收款', 'Receipt'),
      })
    }).sort((a, b) => a.at - b.at)
    const quiet = { from: window.start + silentFrom * DAY_MS, to: window.start + (days.at(-1)! + 1) * DAY_MS }
    return {
      transactions,
      quiet,
      label: () => ({
        from: iso(quiet.from),
        to: iso(transactions.at(-1)!.at),
        transactionIds: transactions.map((t) => t.id),
        description: `No activity for ${Math.floor((transactions[0]!.at - quiet.from) / DAY_MS)} days, then ${count} large ${outward ? 'outflows' : 'inflows'} in ${days.length} day${days.length > 1 ? 's' : ''}`,
      }),
    }
  },
}
