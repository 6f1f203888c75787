import { nextBusinessDay, timeOn } from '../calendar.ts'
import { transactionsLabel, yuan, type PatternInjector } from './injection.ts'

/** Deposits from 92% of the threshold up to (not including) it: 46,000–49,900 CNY for 50,000. */
export const STRUCTURING_BAND = { low: 0.92, high: 0.998 } as const

/**
 * Structuring: three to six cash deposits at branch counters, each just under the
 * reporting threshold, within two to five days. Counted in 100-yuan notes like all cash.
 */
export const structuring: PatternInjector = {
  kind: 'structuring',
  minDays: 30,
  inject({ random, profile, window, make, structuringThreshold }) {
    const span = random.int(2, 5)
    const first = nextBusinessDay(window, random.int(7, window.days - span - 10))
    const days = Array.from({ length: span }, (_, i) => first + i).filter((day) => window.isBusinessDay[day])
    const [low, high] = [Math.ceil((structuringThreshold * STRUCTURING_BAND.low) / 10_000), Math.floor((structuringThreshold * STRUCTURING_BAND.high) / 10_000)]
    const amount = () =>
      high >= low ? random.int(low, high) * 10_000 : random.int(Math.ceil(structuringThreshold * STRUCTURING_BAND.low), Math.floor(structuringThreshold * STRUCTURING_BAND.high))
    const count = random.int(3, 6)
    const transactions = Array.from({ length: count }, (_, i) =>
      make({
        at: timeOn(window, days[i % days.length]!, 9 + random.next() * 7),
        amount: amount(),
        currency: 'CNY',
        direction: 'in',
        type: 'cash',
        channel: 'branch',
        counterparty: null,
        category: 'cash_deposit',
        description: profile.chinese ? '现金存款' : 'Cash deposit',
      }),
    ).sort((a, b) => a.at - b.at)
    const amounts = transactions.map((t) => t.amount)
    return {
      transactions,
      label: () =>
        transactionsLabel(
          transactions,
          `${count} cash deposits of ${yuan(Math.min(...amounts))}–${yuan(Math.max(...amounts))}, each just under the ${yuan(structuringThreshold)} reporting threshold, within ${span} days`,
        ),
    }
  },
}
