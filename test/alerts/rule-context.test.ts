import { describe, expect, it } from 'vitest'
import {
  bureauFacts,
  compileExpression,
  FEATURE_WINDOWS,
  receivablesFacts,
  RULE_SCOPE,
  RULE_VARIABLES,
  ruleContext,
  ruleVariable,
  type RuleContext,
  type Value,
} from '../../src/domain/alerts/index.ts'
import { DAY_MS, HOUR_MS, type Invoice } from '../../src/domain/monitoring/activity.ts'
import { bureauEvents, type BureauObservation } from '../../src/domain/monitoring/bureau-events.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState } from '../../src/domain/monitoring/features/index.ts'
import { receivablesSummary } from '../../src/domain/monitoring/receivables/index.ts'
import { customer, T0, transaction } from './helpers.ts'

/** A customer with 30 days of transactions (one every 6 hours), its features and evaluation as the engine would have them. */
function engineContext(): RuleContext {
  const state = newFeatureState('c-1')
  let last = null
  for (let i = 0; i < 120; i += 1) {
    const tx = transaction({ id: `T-${i}`, at: T0 - 30 * DAY_MS + i * 6 * HOUR_MS, amount: 100_000 + i * 1_000, direction: i % 3 === 0 ? 'in' : 'out', counterparty: { id: `cp-${i % 5}`, name: null, country: i % 10 === 0 ? 'IR' : 'CN', account: null } })
    last = { tx, evaluation: applyTransaction(state, tx, DEFAULT_FEATURE_CONFIG) }
  }
  const invoice: Invoice = { id: 'I-1', source: 'erp', customerId: 'c-1', number: 'INV-1', issuedAt: T0 - 60 * DAY_MS, dueAt: T0 - 31 * DAY_MS, amount: 500_000, currency: 'CNY', status: 'open' }
  const summary = receivablesSummary({ invoices: [invoice], payments: [], asOf: T0, limit: { amount: 1_000_000, currency: 'CNY' } })
  return ruleContext({
    tx: last!.tx,
    evaluation: last!.evaluation,
    customer: customer(),
    features: () => featuresAsOf(state, last!.tx.at, DEFAULT_FEATURE_CONFIG),
    rating: { grade: 'BB', pd: 0.02, previousGrade: 'BBB', downgraded: true },
    receivables: receivablesFacts(summary, 'CNY'),
    bureau: { score: 640, scoreDrop: 60, ratingDowngrade: false, newCourtJudgment: true, newDefault: false, newTaxArrears: false },
    zscore: { zone: 'grey', score: 2.1 },
    portfolio: { outstanding: 500_000, totalOutstanding: 4_000_000, maxSingleNameShare: 0.1 },
  })
}

const ofType = (value: Value, type: string) => (type === 'list of text' ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === { number: 'number', text: 'string', boolean: 'boolean' }[type])

describe('the variable catalogue', () => {
  it('reads every variable as its declared type from what the engine holds', () => {
    const context = engineContext()
    const wrong = RULE_VARIABLES.map((variable) => ({ name: variable.name, value: variable.read(context), variable }))
      .filter(({ value, variable }) => !(value === null ? variable.nullable : ofType(value, variable.type)))
      .map(({ name, value }) => `${name}: ${JSON.stringify(value)}`)
    expect(wrong).toEqual([])
  })

  it('reads null, never failing, from a context that holds nothing', () => {
    const empty = ruleContext({})
    expect(RULE_VARIABLES.filter((variable) => variable.read(empty) !== null).map((v) => v.name)).toEqual([])
  })

  it('flattens the feature windows: counts and sums in, out and both, for each window', () => {
    const context = engineContext()
    const features = context.features()!
    for (const key of FEATURE_WINDOWS) {
      const w = features.windows[key]!
      const read = (name: string) => ruleVariable(`f.${name}_${key}`)!.read(context)
      expect([read('count_in'), read('count_out'), read('count'), read('sum_in'), read('sum_out'), read('sum')]).toEqual([w.countIn, w.countOut, w.countIn + w.countOut, w.sumIn, w.sumOut, w.sumIn + w.sumOut])
    }
    expect(ruleVariable('f.count_24h')!.read(context)).toBe(4) // one every 6 hours
    expect(ruleVariable('f.avg_amount_90d')!.read(context)).toBe((features.windows['90d']!.sumIn + features.windows['90d']!.sumOut) / 120)
  })

  it('reads the transaction, its evaluation and the other sources', () => {
    const context = engineContext()
    const read = (name: string) => ruleVariable(name)!.read(context)
    expect([read('tx.id'), read('tx.amount'), read('tx.direction'), read('tx.counterparty_id'), read('tx.is_high_risk_country'), read('tx.gap_days'), read('tx.hour')]).toEqual(['T-119', 219_000, 'out', 'cp-4', false, 0.25, 4])
    expect([read('customer.industry_code'), read('customer.tags'), read('rating.previous_grade'), read('bureau.new_court_judgment'), read('zscore.zone')]).toEqual(['C3311', ['vip', 'exporter'], 'BBB', true, 'grey'])
    expect([read('receivables.max_dpd'), read('receivables.overdue'), read('receivables.outstanding'), read('receivables.utilisation'), read('receivables.weighted_dpd')]).toEqual([31, 500_000, 500_000, 0.5, 31])
    expect([read('portfolio.exposure_share'), read('portfolio.max_single_name_share'), read('portfolio.outstanding'), read('portfolio.total_outstanding')]).toEqual([0.125, 0.1, 500_000, 4_000_000])
  })

  it('reads the exposure share as null while the portfolio has nothing outstanding', () => {
    const context = ruleContext({ portfolio: { outstanding: 0, totalOutstanding: 0, maxSingleNameShare: 0.1 } })
    expect([ruleVariable('portfolio.exposure_share')!.read(context), ruleVariable('portfolio.total_outstanding')!.read(context)]).toEqual([null, 0])
  })

  it('has a description for every variable and names only baselines it holds', () => {
    expect(RULE_VARIABLES.filter((v) => v.description.trim() === '').map((v) => v.name)).toEqual([])
    expect(RULE_VARIABLES.filter((v) => v.baseline !== null && ruleVariable(v.baseline) === undefined).map((v) => v.name)).toEqual([])
  })

  it('compiles the example of the issue against the catalogue', () => {
    const context = engineContext()
    const rule = compileExpression('tx.amount > 3 * f.avg_amount_90d && f.count_24h >= 10', RULE_SCOPE)
    expect(rule.evaluate(context)).toBe(false)
    expect(compileExpression('tx.amount > 1.2 * f.avg_amount_90d && f.count_24h >= 4 && receivables.max_dpd > 30', RULE_SCOPE).evaluate(context)).toBe(true)
  })
})

describe('the rule context', () => {
  it('computes the features on first use and only once', () => {
    let calls = 0
    const context = ruleContext({ features: () => (calls++, null) })
    expect(calls).toBe(0)
    expect(ruleVariable('f.count_24h')!.read(context)).toBeNull()
    expect(ruleVariable('f.total_count')!.read(context)).toBeNull()
    expect(calls).toBe(1)
  })

  it('reads a window the feature config lacks as null', () => {
    const context = engineContext()
    const features = context.features()!
    const trimmed = ruleContext({ features: { ...features, windows: { '24h': features.windows['24h']! } } })
    expect([ruleVariable('f.count_1h')!.read(trimmed), ruleVariable('f.count_24h')!.read(trimmed)]).toEqual([null, 4])
  })
})

describe('receivablesFacts and bureauFacts', () => {
  it('picks one currency, and the worst days past due of any', () => {
    const invoices: Invoice[] = [
      { id: 'A', source: 'erp', customerId: 'c', number: 'A', issuedAt: T0 - 100 * DAY_MS, dueAt: T0 - 10 * DAY_MS, amount: 100_000, currency: 'CNY', status: 'open' },
      { id: 'B', source: 'erp', customerId: 'c', number: 'B', issuedAt: T0 - 100 * DAY_MS, dueAt: T0 - 95 * DAY_MS, amount: 5_000, currency: 'USD', status: 'open' },
    ]
    const facts = receivablesFacts(receivablesSummary({ invoices, payments: [], asOf: T0 }), 'CNY')
    expect(facts).toEqual({ currency: 'CNY', maxDpd: 95, weightedDpd: 10, overdue: 100_000, outstanding: 100_000, utilisation: null, paymentIndex: expect.any(Number) })
  })

  it('takes the latest score and what deteriorated since a moment', () => {
    const record = (reportedOn: string, score: number, courtJudgments = 0, rating: string | null = null): BureauObservation => ({ agency: 'A', reportedOn, score, scoreMin: 300, scoreMax: 900, rating, defaults: 0, courtJudgments, taxArrears: 0 })
    const records = [record('2026-01-01', 720, 0, 'A'), record('2026-02-01', 650, 0, 'A'), record('2026-03-01', 600, 1, 'BB')]
    const { events } = bureauEvents({ records })
    expect(bureauFacts({ records, events, since: Date.UTC(2026, 1, 15) })).toEqual({ score: 600, scoreDrop: 50, ratingDowngrade: true, newCourtJudgment: true, newDefault: false, newTaxArrears: false })
    expect(bureauFacts({ records, events, since: Date.UTC(2026, 0, 15) }).scoreDrop).toBe(70)
    expect(bureauFacts({ records: [], events: [], since: 0 })).toEqual({ score: null, scoreDrop: null, ratingDowngrade: false, newCourtJudgment: false, newDefault: false, newTaxArrears: false })
  })
})
