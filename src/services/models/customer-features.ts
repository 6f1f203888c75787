import { AppError } from '../../app-error.ts'
import { computeRatios, statementYearEarlier } from '../../domain/scoring/index.ts'
import { STATEMENT_ITEMS } from '../../schemas/customer-records.ts'
import type { Store } from '../../store/open-store.ts'
import { customersAfter, featureSourcesOf, type FeatureSources } from '../../store/repositories/customer-feature-sources.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'

/**
 * A customer as a flat record of named features, built from what Fengkong stores, so a
 * scorecard trained on a CSV whose columns carry these names can score customers
 * (docs/scorecards.md#features). A feature the customer lacks is absent, never null:
 *
 *   type, country, region, industryCode, industrySection, employees, ageYears, listed (1/0), status
 *   custom.<key>                       each custom field with a value
 *   ratio.<name>                       each ratio of the latest statement that could be computed
 *   statement.<item>                   each line item of the latest statement (minor units)
 *   bureau.score, bureau.defaults, bureau.courtJudgments, bureau.taxArrears   the latest bureau record
 */
export type FeatureValue = string | number
export type CustomerFeatures = Record<string, FeatureValue>

export const PROFILE_FEATURES = ['type', 'country', 'region', 'industryCode', 'industrySection', 'employees', 'ageYears', 'listed', 'status'] as const
export const BUREAU_FEATURES = ['bureau.score', 'bureau.defaults', 'bureau.courtJudgments', 'bureau.taxArrears'] as const

export type CustomerFeaturesOptions = { store: Store; customerId: string; /** The day ageYears is counted to (YYYY-MM-DD); today by default. */ asOf?: string }

/** One customer's features; 404 when there is no such customer. Reads only. */
export async function customerFeatures({ store, customerId, asOf = today() }: CustomerFeaturesOptions): Promise<CustomerFeatures> {
  const customer = await findCustomerById(store.db, customerId)
  if (!customer) throw new AppError('not_found', `no customer ${customerId}`)
  const [sources] = await featureSourcesOf(store.db, [customer])
  return featuresOf(sources!, asOf)
}

export const FEATURE_PAGE = 500

/** Every customer's features, a page at a time (by id), each page read in three queries. */
export async function* portfolioFeatures({ store, asOf = today(), pageSize = FEATURE_PAGE }: { store: Store; asOf?: string; pageSize?: number }): AsyncGenerator<{ customerId: string; features: CustomerFeatures }[]> {
  let after: string | null = null
  for (;;) {
    const customers = await customersAfter(store.db, after, pageSize)
    if (customers.length === 0) return
    const sources = await featureSourcesOf(store.db, customers)
    yield sources.map((source) => ({ customerId: source.customer.id, features: featuresOf(source, asOf) }))
    if (customers.length < pageSize) return
    after = customers[customers.length - 1]!.id
  }
}

/** The features of one customer from its profile, statements and latest bureau record. Pure. */
export function featuresOf({ customer, statements, bureau }: FeatureSources, asOf: string): CustomerFeatures {
  const features: CustomerFeatures = {}
  const put = (name: string, value: FeatureValue | null | undefined) => {
    if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) || (typeof value === 'string' && value.trim() === '')) return
    features[name] = value
  }
  put('type', customer.type)
  put('country', customer.country)
  put('region', customer.region)
  put('industryCode', customer.industry?.code)
  put('industrySection', customer.industry?.code.charAt(0).toUpperCase())
  put('employees', customer.employees)
  put('ageYears', customer.founded ? fullYears(customer.founded, asOf) : null)
  put('listed', customer.listed ? 1 : 0)
  put('status', customer.status)
  for (const [key, value] of Object.entries(customer.customFields)) put(`custom.${key}`, value)

  // The latest statement as the financial analysis orders them: the newest period end, the longer period first.
  const latest = [...statements].sort((a, b) => (a.periodEnd === b.periodEnd ? b.periodMonths - a.periodMonths : a.periodEnd < b.periodEnd ? 1 : -1))[0]
  if (latest) {
    const ratios = computeRatios(latest, statementYearEarlier(statements, latest))
    for (const [name, ratio] of Object.entries(ratios)) put(`ratio.${name}`, ratio.value)
    for (const item of STATEMENT_ITEMS) put(`statement.${item}`, latest.items[item])
  }
  if (bureau) {
    put('bureau.score', bureau.score)
    put('bureau.defaults', bureau.defaults)
    put('bureau.courtJudgments', bureau.courtJudgments)
    put('bureau.taxArrears', bureau.taxArrears)
  }
  return features
}

/** Whole years from `from` to `to` (both YYYY-MM-DD); null when `from` is later. */
export function fullYears(from: string, to: string): number | null {
  if (from > to) return null
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4))
  return to.slice(5) < from.slice(5) ? years - 1 : years
}

function today(): string {
  return new Date().toISOString().slice(0, 10)
}
