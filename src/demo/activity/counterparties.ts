import type { Counterparty } from '../../domain/monitoring/activity.ts'
import * as names from '../names.ts'
import type { Random } from '../random.ts'

/** A counterparty with the currency it pays in and how often it turns up. */
export type Party = Counterparty & { id: string; currency: string; weight: number }

/** The company running Fengkong: it invoices its customers and they pay it. */
export const OPERATOR: Counterparty = { id: 'fengkong-operator', name: '风控示范供应链有限公司', country: 'CN', account: '6222020200000000001' }

const CN_TRADES = ['贸易', '科技', '实业', '物流', '材料', '机电', '电子', '供应链', '包装', '化工', '五金', '服务']
const EN_TRADES = ['Trading', 'Supply', 'Industries', 'Components', 'Logistics', 'Materials', 'Holdings']

/**
 * Makes counterparties no customer has seen before: every id is fresh within one
 * customer's history, so "new counterparty" is exact.
 */
export class PartyMaker {
  readonly #random: Random
  readonly #seen = new Set<string>()

  constructor(random: Random) {
    this.#random = random
  }

  /** A company: Chinese (CNY), or from Hong Kong (HKD) or the United States (USD). */
  company(where: 'CN' | 'HK' | 'US', weight = 1): Party {
    const random = this.#random
    const id = this.#freshId()
    if (where === 'CN') {
      const city = random.pick(names.CN_CITIES)
      const [a, b] = [random.pick(names.CN_BRAND_WORDS), random.pick(names.CN_BRAND_WORDS)]
      return { id, name: `${city.city}${a[0]}${b[0]}${random.pick(CN_TRADES)}有限公司`, country: 'CN', account: `62${random.digits(17)}`, currency: 'CNY', weight }
    }
    const stem = random.pick(names.LATIN_STEMS)
    if (where === 'HK') return { id, name: `${stem} ${random.pick(EN_TRADES)} (HK) Limited`, country: 'HK', account: `HK${random.digits(12)}`, currency: 'HKD', weight }
    return { id, name: `${stem} ${random.pick(EN_TRADES)} Inc.`, country: 'US', account: random.digits(10), currency: 'USD', weight }
  }

  /** A company at home or abroad, abroad with probability `foreignShare`. */
  trader(foreignShare: number, weight = 1): Party {
    return this.company(this.#random.chance(foreignShare) ? this.#random.pick(['HK', 'US'] as const) : 'CN', weight)
  }

  /** A private person in China. */
  person(): Party {
    const random = this.#random
    return { id: this.#freshId(), name: `${random.pick(names.CN_SURNAMES)}${random.pick(names.CN_GIVEN)}`, country: 'CN', account: `62${random.digits(17)}`, currency: 'CNY', weight: 1 }
  }

  /** A named institution (tax office, utility, payroll agent) the customer pays every month. */
  institution(name: string): Party {
    return { id: this.#freshId(), name, country: 'CN', account: this.#random.digits(16), currency: 'CNY', weight: 1 }
  }

  #freshId(): string {
    for (;;) {
      const id = `cp-${this.#random.digits(10)}`
      if (this.#seen.has(id)) continue
      this.#seen.add(id)
      return id
    }
  }
}

/** A party drawn from a pool, in proportion to the weights. */
export function pickParty(random: Random, pool: readonly Party[]): Party {
  let total = 0
  for (const party of pool) total += party.weight
  let roll = random.next() * total
  for (const party of pool) {
    roll -= party.weight
    if (roll < 0) return party
  }
  return pool[pool.length - 1]!
}

/** The counterparty as a transaction carries it (without pool bookkeeping). */
export function asCounterparty({ id, name, country, account }: Counterparty): Counterparty {
  return { id, name, country, account }
}
