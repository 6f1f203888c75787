import { HOUR_MS } from '../../../domain/monitoring/activity.ts'
import { nextBusinessDay, timeOn } from '../calendar.ts'
import { asCounterparty } from '../counterparties.ts'
import { transactionsLabel, yuan, type PatternInjector } from './injection.ts'

/**
 * Rapid in-out (pass-through): one large inflow (15–40 × the usual sale) from a new
 * counterparty, then within 1–44 hours two to four transfers out to other new
 * counterparties adding up to 90–99.5% of it. Normal sales stay under 6 × the median.
 */
export const rapidInOut: PatternInjector = {
  kind: 'rapid_in_out',
  minDays: 30,
  inject({ random, profile, window, make }) {
    const day = nextBusinessDay(window, random.int(14, window.days - 6))
    const t = (zh: string, en: string) => (profile.chinese ? zh : en)
    const inAt = timeOn(window, day, 9 + random.next() * 3)
    const inAmount = Math.round(profile.saleMedian * random.between(15, 40))
    const inflow = make({
      at: inAt,
      amount: inAmount,
      currency: 'CNY',
      direction: 'in',
      type: 'transfer',
      channel: 'bank_transfer',
      counterparty: asCounterparty(profile.parties.company('CN')),
      category: 'other_income',
      description: t('往来款', 'Transfer received'),
    })
    const share = random.between(0.9, 0.995)
    const total = Math.round(inAmount * share)
    const weights = Array.from({ length: random.int(2, 4) }, () => random.between(0.5, 1.5))
    const weightSum = weights.reduce((a, b) => a + b, 0)
    const amounts = weights.map((w) => Math.floor((total * w) / weightSum))
    amounts[amounts.length - 1]! += total - amounts.reduce((a, b) => a + b, 0)
    const delays = amounts.map(() => random.between(1, 44)).sort((a, b) => a - b)
    const outflows = amounts.map((amount, i) =>
      make({
        at: inAt + Math.round(delays[i]! * HOUR_MS),
        amount,
        currency: 'CNY',
        direction: 'out',
        type: 'transfer',
        channel: 'online_banking',
        counterparty: asCounterparty(profile.parties.company(random.chance(0.3) ? 'HK' : 'CN')),
        category: 'other_payments',
        description: t('付款', 'Payment'),
      }),
    )
    const transactions = [inflow, ...outflows]
    return {
      transactions,
      label: () =>
        transactionsLabel(transactions, `${yuan(inAmount)} in, ${(share * 100).toFixed(1)}% of it out again to ${outflows.length} new counterparties within ${Math.ceil(delays.at(-1)!)} hours`),
    }
  },
}
