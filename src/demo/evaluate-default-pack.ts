import { backtest, compareWithGroundTruth, DEFAULT_PACK_TARGETS, DEFAULT_RULE_PACK, type BacktestAlert, type BacktestCustomer, type GroundTruthComparison, type RuleDocument } from '../domain/alerts/index.ts'
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../domain/monitoring/features/index.ts'
import { activityCustomersOf, CNY_PER_UNIT, generateActivity, type DemoActivity } from './activity/index.ts'
import { generatePortfolio, type DemoPortfolio } from './generate-portfolio.ts'

/**
 * The default rule pack measured on the demo: a seeded portfolio and a year of its activity in
 * memory, every transaction and every day through the backtest, the alerts scored against the
 * injected patterns. What `fengkong rules evaluate-demo` prints and the acceptance test checks.
 */
export type EvaluateDemoOptions = {
  seed?: number
  customers?: number
  rules?: readonly RuleDocument[]
  /** Days after a pattern's end an alert still counts. Default 7. */
  graceDays?: number
}

export type DemoEvaluation = {
  seed: number
  customers: number
  transactions: number
  alerts: BacktestAlert[]
  suppressed: number
  comparison: GroundTruthComparison
  /** Recall ≥ 0.9 and judged precision ≥ 0.5 (issue #6). */
  meetsAcceptance: boolean
}

export const MIN_RECALL = 0.9
export const MIN_PRECISION = 0.5

/** The demo's currencies in CNY minor units per minor unit (JPY has no minor unit). */
const DEMO_FX: Record<string, number> = Object.fromEntries(Object.entries(CNY_PER_UNIT).map(([currency, rate]) => [currency, currency === 'JPY' ? rate * 100 : rate]))

export function evaluateDefaultPackOnDemo({ seed = 1, customers = 200, rules = DEFAULT_RULE_PACK, graceDays = 7 }: EvaluateDemoOptions = {}): DemoEvaluation {
  const portfolio = generatePortfolio({ customers, seed })
  const activity = generateActivity({ customers: activityCustomersOf(portfolio), seed })
  const config: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, fxToReporting: DEMO_FX }
  const { alerts, suppressed } = backtest({
    rules,
    transactions: activity.transactions,
    customers: backtestCustomersOf(portfolio, activity),
    from: Date.parse(activity.from),
    to: Date.parse(activity.to),
    config,
  })
  const comparison = compareWithGroundTruth(alerts, activity.groundTruth, { targets: DEFAULT_PACK_TARGETS, graceMs: graceDays * 86_400_000 })
  const meetsAcceptance = (comparison.recall.value ?? 0) >= MIN_RECALL && (comparison.precision.value ?? 1) >= MIN_PRECISION
  return { seed, customers, transactions: activity.transactions.length, alerts, suppressed, comparison, meetsAcceptance }
}

/** Each demo customer with its invoices, payments, credit limit and the activity's bureau feed. */
export function backtestCustomersOf(portfolio: DemoPortfolio, activity: DemoActivity): BacktestCustomer[] {
  const group = <T extends { customerId: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>()
    for (const item of items) map.set(item.customerId, [...(map.get(item.customerId) ?? []), item])
    return map
  }
  const invoices = group(activity.invoices)
  const payments = group(activity.payments)
  const bureau = group(activity.bureauEvents)
  return portfolio.customers.map(({ customer, contracts }) => {
    const id = customer.externalId
    const contract = contracts[0]
    return {
      customer: {
        id,
        type: customer.type,
        country: customer.country,
        region: customer.region ?? null,
        industry: customer.industry ? { code: customer.industry.code, name: customer.industry.name ?? null } : null,
        status: customer.status ?? 'active',
        listed: customer.listed ?? false,
        tags: customer.tags ?? [],
      },
      invoices: invoices.get(id) ?? [],
      payments: payments.get(id) ?? [],
      creditLimit: contract && typeof contract.creditLimit === 'number' && contract.currency ? { amount: contract.creditLimit, currency: contract.currency } : null,
      bureauRecords: (bureau.get(id) ?? []).map((r) => ({
        agency: r.agency,
        reportedOn: r.reportedOn,
        score: r.score,
        scoreMin: r.scoreMin ?? null,
        scoreMax: r.scoreMax ?? null,
        rating: r.rating,
        defaults: r.defaults ?? 0,
        courtJudgments: r.courtJudgments ?? 0,
        taxArrears: r.taxArrears ?? 0,
      })),
    }
  })
}
