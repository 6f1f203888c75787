import type { Health } from '../financial-statements.ts'
import type { Random } from '../random.ts'
import { PartyMaker, type Party } from './counterparties.ts'
import { CNY_PER_UNIT, type ActivityCustomer } from './customers.ts'

/**
 * A customer's habits, drawn once: how often it trades, its usual amounts, the buyers and
 * suppliers it deals with, what it pays every month, and how it settles invoices. Normal
 * behaviour and the injected patterns both read it, so a pattern stands out against the
 * customer's own normal.
 */
export type CustomerProfile = {
  customer: ActivityCustomer
  /** Position in the input, for invoice numbers. */
  ordinal: number
  chinese: boolean
  /** Expected unscheduled transactions on an ordinary weekday, times `scale` (amounts are sized before it). */
  rate: number
  /** Median sale and purchase, CNY minor units. */
  saleMedian: number
  purchaseMedian: number
  /** Shares of unscheduled transactions by kind. */
  mix: readonly [EventKind, number][]
  buyers: Party[]
  suppliers: Party[]
  /** Service providers paid now and then (freight, insurance, consulting). */
  services: Party[]
  /** Monthly payments on a fixed day: payroll, tax, utilities. */
  scheduled: readonly ScheduledPayment[]
  ownAccount: Party
  /** Customers of the portfolio tied to this one, as counterparties. */
  related: Party[]
  purchaseCategories: readonly string[]
  /** Share of trading counterparties abroad (HK, US). */
  foreignShare: number
  /** Cash deposits and withdrawals: median and ceiling, CNY minor units. */
  cash: { median: number; ceiling: number }
  health: Health
  /** Invoices from the operator. */
  billing: { perMonth: number; median: number; currency: 'CNY' | 'USD'; terms: 30 | 45 | 60; lateness: number; batchPayer: boolean }
  /** Where the bureau feed starts. */
  bureauScore: number
  agency: string
  parties: PartyMaker
}

export type EventKind = 'sale' | 'purchase' | 'payment' | 'refund' | 'transfer' | 'cash'

export type ScheduledPayment = { party: Party; dayOfMonth: number; amount: number; spread: number; category: string; description: string }

const PURCHASES: Record<string, string[]> = {
  F51: ['goods_for_resale', 'freight'],
  G54: ['fuel', 'vehicle_maintenance'],
  I65: ['cloud_services', 'subcontracting'],
  E48: ['construction_materials', 'subcontracting'],
  D44: ['fuel', 'equipment'],
}
const CASH_HEAVY = new Set(['F51', 'C13', 'G54'])
const LATENESS: Record<Health, [number, number]> = { strong: [-3, 2], average: [0, 6], weak: [3, 12], distressed: [6, 16] }
const SCORE: Record<Health, [number, number]> = { strong: [720, 820], average: [640, 730], weak: [560, 650], distressed: [420, 560] }

export type ProfileOptions = {
  random: Random
  customer: ActivityCustomer
  ordinal: number
  scale: number
  /** Normal cash deposits and withdrawals stay at or below this (CNY minor units). */
  cashCeiling: number
  lookup: (id: string) => ActivityCustomer | undefined
}

export function createProfile({ random, customer, ordinal, scale, cashCeiling, lookup }: ProfileOptions): CustomerProfile {
  const chinese = customer.country === null || customer.country === 'CN'
  const health = customer.health ?? 'average'
  const revenue = Math.max(1e6, customer.revenueCny)
  const baseRate = Math.min(3.5, Math.max(0.25, 0.55 * (revenue / 3e8) ** 0.4))
  // The share of its business a customer runs through the accounts we see.
  const visible = revenue * random.between(0.4, 0.8) * 100
  const salesPerYear = baseRate * 0.48 * 240
  const saleMedian = Math.round(visible / salesPerYear / 1.2)
  const parties = new PartyMaker(random)
  const foreignShare = chinese ? random.between(0.03, 0.12) : random.between(0.3, 0.5)
  const pool = (size: number) => Array.from({ length: size }, (_, i) => parties.trader(foreignShare, 1 / (i + 1) ** 0.9))
  const cashShare = customer.industry && CASH_HEAVY.has(customer.industry) ? random.between(0.03, 0.07) : random.between(0.005, 0.025)
  const t = (zh: string, en: string) => (chinese ? zh : en)
  const monthly = visible / 12
  const scheduled: ScheduledPayment[] = [
    { party: parties.institution(t('工资代发专户', 'Payroll agent')), dayOfMonth: random.int(5, 12), amount: Math.round(monthly * random.between(0.06, 0.14)), spread: 0.03, category: 'payroll', description: t('代发工资', 'Payroll') },
    { party: parties.institution(t('国家税务总局税款专户', 'Tax bureau')), dayOfMonth: 15, amount: Math.round(monthly * random.between(0.015, 0.03)), spread: 0.2, category: 'tax', description: t('增值税及附加', 'VAT and surcharges') },
    { party: parties.institution(t('国网供电公司', 'State Grid power supply')), dayOfMonth: random.int(18, 25), amount: Math.round(monthly * random.between(0.003, 0.01)), spread: 0.15, category: 'utilities', description: t('电费', 'Electricity') },
  ]
  const [lateFrom, lateTo] = LATENESS[health]
  const billingMedian = (revenue * 100 * random.between(0.004, 0.015)) / 12
  const perMonth = random.int(2, baseRate > 1 ? 4 : 3)
  return {
    customer,
    ordinal,
    chinese,
    rate: baseRate * scale,
    saleMedian,
    purchaseMedian: Math.round(saleMedian * random.between(0.55, 0.85)),
    mix: [
      ['sale', 0.46],
      ['purchase', 0.36],
      ['payment', 0.05],
      ['refund', 0.025],
      ['transfer', 0.05],
      ['cash', cashShare],
    ],
    buyers: pool(random.int(4, 8) + Math.round(baseRate * 8)),
    suppliers: pool(random.int(3, 6) + Math.round(baseRate * 6)),
    services: Array.from({ length: 3 }, () => parties.company('CN')),
    scheduled,
    ownAccount: { ...parties.institution(t('本公司一般户', 'Own account, other bank')), id: `${customer.id}-own` },
    related: (customer.relatedIds ?? []).flatMap((id) => {
      const other = lookup(id)
      return other && other.id !== customer.id ? [{ id, name: other.name, country: other.country, account: `62${random.digits(17)}`, currency: 'CNY', weight: 1 }] : []
    }),
    purchaseCategories: PURCHASES[customer.industry ?? ''] ?? ['raw_materials', 'components'],
    foreignShare,
    cash: { median: Math.min(Math.round(random.between(3_000, 12_000)) * 100, Math.round(cashCeiling * 0.3)), ceiling: cashCeiling },
    health,
    billing: {
      perMonth,
      median: billingMedian / perMonth / (chinese ? 1 : CNY_PER_UNIT.USD!),
      currency: chinese ? 'CNY' : 'USD',
      terms: invoiceTerms(random, customer.creditTermsDays),
      lateness: random.between(lateFrom, lateTo),
      batchPayer: random.chance(0.15),
    },
    bureauScore: customer.bureau?.score ?? random.int(...SCORE[health]),
    agency: customer.bureau?.agency ?? (chinese ? '百行征信' : 'Creditsafe'),
    parties,
  }
}

/** The customer's own terms when they are 30, 45 or 60 days; longer ones become 60. */
function invoiceTerms(random: Random, creditTermsDays: number | null | undefined): 30 | 45 | 60 {
  if (creditTermsDays === 30 || creditTermsDays === 45 || creditTermsDays === 60) return creditTermsDays
  if (creditTermsDays && creditTermsDays > 60) return 60
  return random.pick([30, 45, 60] as const)
}
