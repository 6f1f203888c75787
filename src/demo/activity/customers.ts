import type { Health } from '../financial-statements.ts'
import type { DemoPortfolio } from '../generate-portfolio.ts'

/**
 * What the activity generator needs to know about a customer: who it is, how big, what it
 * does, who it is tied to. `activityCustomersOf` reads it off a demo portfolio.
 */
export type ActivityCustomer = {
  /** The customer id the transactions carry (a demo portfolio's external id). */
  id: string
  name: string
  /** GB/T 4754 industry code, e.g. C39. */
  industry: string | null
  /** ISO 3166-1 alpha-2; CN customers trade mostly at home and write Chinese descriptions. */
  country: string | null
  /** Yearly sales in CNY (major units): sets how often and how much the customer trades. */
  revenueCny: number
  health?: Health
  /** Customers of the same portfolio tied to this one (parent, shareholder, guarantor, common owner), either way. */
  relatedIds?: readonly string[]
  /** The latest credit-bureau report on file, which the bureau feed continues. */
  bureau?: { agency: string; score: number } | null
  /** The customer's credit terms; invoices use 30, 45 or 60 days. */
  creditTermsDays?: number | null
}

/** CNY per unit of each currency the demo uses (rough, fixed rates). */
export const CNY_PER_UNIT: Readonly<Record<string, number>> = { CNY: 1, USD: 7.1, HKD: 0.91, EUR: 7.7, GBP: 9, SGD: 5.3, JPY: 0.048 }
const MINOR_PER_UNIT: Readonly<Record<string, number>> = { JPY: 1 }

/** The portfolio's customers as the activity generator sees them; ids are the external ids. */
export function activityCustomersOf({ customers, relationships }: DemoPortfolio): ActivityCustomer[] {
  const related = new Map<string, Set<string>>()
  for (const tie of relationships) {
    for (const [a, b] of [
      [tie.fromExternalId, tie.toExternalId],
      [tie.toExternalId, tie.fromExternalId],
    ] as const) {
      if (!related.has(a)) related.set(a, new Set())
      related.get(a)!.add(b)
    }
  }
  return customers.map((demo) => {
    const latest = demo.statements.at(-1)
    const revenue = latest?.items.revenue ?? 0
    const currency = latest?.currency ?? 'CNY'
    const revenueCny = (revenue / (MINOR_PER_UNIT[currency] ?? 100)) * (CNY_PER_UNIT[currency] ?? 1)
    const bureau = demo.bureau.at(-1)
    return {
      id: demo.customer.externalId,
      name: demo.customer.name,
      industry: demo.customer.industry?.code ?? null,
      country: demo.customer.country ?? null,
      // A company with no statements still trades a little.
      revenueCny: revenueCny > 0 ? revenueCny : 2e7,
      health: demo.health,
      relatedIds: [...(related.get(demo.customer.externalId) ?? [])].sort(),
      bureau: bureau && typeof bureau.score === 'number' ? { agency: bureau.agency, score: bureau.score } : null,
      creditTermsDays: demo.contracts[0]?.creditTermsDays ?? null,
    }
  })
}
