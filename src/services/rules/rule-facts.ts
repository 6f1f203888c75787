import { DEFAULT_MAX_SINGLE_NAME_SHARE, outstandingInReporting, portfolioExposure, type BacktestCustomer, type CustomerFacts, type ExposureConfig, type PortfolioExposure, type RatingFacts } from '../../domain/alerts/index.ts'
import type { Invoice, Payment } from '../../domain/monitoring/activity.ts'
import type { BureauObservation } from '../../domain/monitoring/bureau-events.ts'
import { DEFAULT_MASTER_SCALE, gradeIndex } from '../../domain/scoring/rating/master-scale.ts'
import type { Store } from '../../store/open-store.ts'
import { readReceivablesOf } from '../../store/repositories/receivables.ts'
import type { CustomerTable } from '../../store/schema.ts'
import { currentCreditLimits } from '../controls/current-credit-limit.ts'
import { activePolicy } from '../policy/active-policy.ts'

/**
 * What the rules know of customers, read from the store the one way the backtest, the live
 * transaction rules and the live daily rules all read it, so the three see the same facts:
 * the customer's fields, its invoices and payments (with allocations), the credit limit of its
 * newest active contract with one, its bureau reports and its ratings as they changed; and
 * every customer's outstanding receivables, for the portfolio facts.
 */
const CHUNK = 500

export type CustomerFactsRow = Pick<CustomerTable, 'id' | 'type' | 'country' | 'region' | 'industry_code' | 'industry_name' | 'status' | 'listed' | 'tags'>

export const CUSTOMER_FACT_COLUMNS = ['id', 'type', 'country', 'region', 'industry_code', 'industry_name', 'status', 'listed', 'tags'] as const

export function customerFactsOf(row: CustomerFactsRow): CustomerFacts {
  return {
    id: row.id,
    type: row.type as CustomerFacts['type'],
    country: row.country,
    region: row.region,
    industry: row.industry_code === null ? null : { code: row.industry_code, name: row.industry_name },
    status: row.status as CustomerFacts['status'],
    listed: Number(row.listed) === 1,
    tags: JSON.parse(row.tags) as string[],
  }
}

/** Every customer id, in id order, a page at a time. */
export async function* customerIdPages(store: Store, pageSize = CHUNK): AsyncGenerator<string[]> {
  let after: string | null = null
  for (;;) {
    let select = store.db.selectFrom('customers').select('id').orderBy('id').limit(pageSize)
    if (after !== null) select = select.where('id', '>', after)
    const ids = (await select.execute()).map((row) => row.id)
    if (ids.length === 0) return
    yield ids
    if (ids.length < pageSize) return
    after = ids.at(-1)!
  }
}

/** The facts of the customers named (those that exist). */
export async function readCustomerFacts(store: Store, ids: readonly string[]): Promise<Map<string, CustomerFacts>> {
  const facts = new Map<string, CustomerFacts>()
  for (const chunk of chunks(ids)) {
    const rows = await store.db.selectFrom('customers').select(CUSTOMER_FACT_COLUMNS).where('id', 'in', chunk).execute()
    for (const row of rows) facts.set(row.id, customerFactsOf(row))
  }
  return facts
}

/**
 * Each customer's ratings as they changed, from its assessments in time order: the effective
 * grade (the override's, else the model's), its PD, the grade before it and whether it is worse
 * on the master scale.
 */
export async function readRatingHistories(store: Store, ids: readonly string[]): Promise<Map<string, { at: number; facts: RatingFacts }[]>> {
  const histories = new Map<string, { at: number; facts: RatingFacts }[]>()
  for (const chunk of chunks(ids)) {
    const rows = await store.db
      .selectFrom('assessments')
      .select(['customer_id', 'created_at', 'grade', 'final_grade', 'pd'])
      .where('customer_id', 'in', chunk)
      .orderBy('customer_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    for (const row of rows) {
      const grade = row.final_grade ?? row.grade
      if (grade === null) continue
      const history = histories.get(row.customer_id) ?? []
      const previousGrade = history.at(-1)?.facts.grade ?? null
      const downgraded = previousGrade !== null && gradeIndex(DEFAULT_MASTER_SCALE, grade) > gradeIndex(DEFAULT_MASTER_SCALE, previousGrade)
      history.push({ at: Date.parse(row.created_at), facts: { grade, pd: Number(row.pd ?? Number.NaN), previousGrade, downgraded } })
      histories.set(row.customer_id, history)
    }
  }
  return histories
}

/** The latest rating of each customer named that has one. */
export async function readCurrentRatings(store: Store, ids: readonly string[]): Promise<Map<string, RatingFacts>> {
  const histories = await readRatingHistories(store, ids)
  return new Map([...histories].map(([id, history]) => [id, history.at(-1)!.facts]))
}

const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

/**
 * Every customer's outstanding receivables at `asOf` in the reporting currency, and their total:
 * what the live daily rules' portfolio facts (portfolio.*) are made of, computed as the backtest
 * computes them (outstandingInReporting, which its exposureTracker gives day by day). Reads the
 * customers' receivables a page at a time.
 */
export async function readPortfolioExposure(store: Store, { asOf, config, pageSize = CHUNK }: { asOf: number; config: ExposureConfig; pageSize?: number }): Promise<PortfolioExposure> {
  const outstanding: [string, number][] = []
  for await (const ids of customerIdPages(store, pageSize)) {
    const { invoices, payments } = await readReceivablesOf(store.db, ids)
    for (const id of ids) outstanding.push([id, outstandingInReporting({ invoices: invoices.get(id), payments: payments.get(id) }, asOf, config)])
  }
  return portfolioExposure(outstanding)
}

/** portfolio.max_single_name_share: the active risk policy's riskAppetite.maxSingleNameShare (the default policy's without one). */
export async function readMaxSingleNameShare(store: Store): Promise<number> {
  const { policy } = await activePolicy(store)
  return policy.riskAppetite?.maxSingleNameShare ?? DEFAULT_MAX_SINGLE_NAME_SHARE
}

/** Everything the backtest and the daily rules read of the customers named, in the order named. */
export async function readBacktestCustomers(store: Store, ids: readonly string[]): Promise<BacktestCustomer[]> {
  const facts = await readCustomerFacts(store, ids)
  const ratings = await readRatingHistories(store, ids)
  const { invoices, payments } = await readReceivablesOf(store.db, ids)
  const bureau = new Map<string, BureauObservation[]>()
  const limits = new Map<string, { amount: number; currency: string }>()
  for (const chunk of chunks(ids)) {
    const bureauRows = await store.db.selectFrom('bureau_records').selectAll().where('customer_id', 'in', chunk).orderBy('reported_on').orderBy('id').execute()
    for (const row of bureauRows) {
      push(bureau, row.customer_id, {
        agency: row.agency,
        reportedOn: row.reported_on,
        score: row.score === null ? null : Number(row.score),
        scoreMin: row.score_min === null ? null : Number(row.score_min),
        scoreMax: row.score_max === null ? null : Number(row.score_max),
        rating: row.rating,
        defaults: Number(row.defaults),
        courtJudgments: Number(row.court_judgments),
        taxArrears: Number(row.tax_arrears),
      })
    }
    // The newest active contract with a limit, as the customer's monitoring figures read it.
    for (const [id, limit] of await currentCreditLimits(store.db, chunk)) limits.set(id, { amount: limit.amount, currency: limit.currency })
  }
  return ids.flatMap((id) => {
    const customer = facts.get(id)
    if (customer === undefined) return []
    return [{ customer, invoices: invoices.get(id) ?? [], payments: payments.get(id) ?? [], bureauRecords: bureau.get(id) ?? [], creditLimit: limits.get(id) ?? null, ratings: ratings.get(id) ?? [] }]
  })
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK)
}
