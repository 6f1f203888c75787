import { DAY_MS, type Transaction } from '../../../domain/monitoring/activity.ts'
import { nextBusinessDay, timeOn } from '../calendar.ts'
import { asCounterparty } from '../counterparties.ts'
import { transactionsLabel, type PatternInjector } from './injection.ts'

/**
 * Round-tripping: money goes out to a related customer of the portfolio (10–25 × the usual
 * sale) and comes back one to six days later from a third party it has never dealt with
 * (a Hong Kong or mainland company, in yuan), 93–99.5% of what went out, dressed as income.
 * One to three such cycles, at least three days apart.
 */
export const roundTripping: PatternInjector = {
  kind: 'round_tripping',
  minDays: 45,
  isEligible: (profile) => profile.related.length > 0,
  inject({ random, profile, window, make }) {
    const related = random.pick(profile.related)
    const t = (zh: string, en: string) => (profile.chinese ? zh : en)
    const cycles = random.int(1, 3)
    const transactions: Transaction[] = []
    let day = nextBusinessDay(window, random.int(14, Math.max(14, window.days - 12 * cycles - 5)))
    let longest = 0
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      // A working day one to six days later; across a long holiday, whatever day it lands.
      const workingDays = [1, 2, 3, 4, 5, 6].map((d) => day + d).filter((d) => window.isBusinessDay[d])
      const backDay = workingDays.length > 0 ? random.pick(workingDays) : day + random.int(1, 5)
      if (backDay >= window.days) break
      const outAmount = Math.round(profile.saleMedian * random.between(10, 25))
      const out = make({
        at: timeOn(window, day, 10 + random.next() * 4),
        amount: outAmount,
        currency: 'CNY',
        direction: 'out',
        type: 'transfer',
        channel: 'bank_transfer',
        counterparty: asCounterparty(related),
        category: 'intra_group',
        description: t('关联方借款', 'Loan to affiliate'),
      })
      const third = profile.parties.company(random.chance(0.5) ? 'HK' : 'CN')
      const back = make({
        at: timeOn(window, backDay, 9 + random.next() * 8),
        amount: Math.round(outAmount * random.between(0.93, 0.995)),
        currency: 'CNY',
        direction: 'in',
        type: 'sale',
        channel: third.country === 'CN' ? 'bank_transfer' : 'swift',
        counterparty: asCounterparty(third),
        category: 'sales',
        description: t('咨询服务费', 'Consulting income'),
      })
      transactions.push(out, back)
      longest = Math.max(longest, Math.ceil((back.at - out.at) / DAY_MS))
      day = nextBusinessDay(window, backDay + random.int(3, 8))
      if (day >= window.days) break
    }
    const done = transactions.length / 2
    return {
      transactions,
      label: () =>
        transactionsLabel(transactions, `${done} time${done > 1 ? 's' : ''} money went out to related party ${related.name} (${related.id}) and came back within ${longest} days from a third party`),
    }
  },
}
