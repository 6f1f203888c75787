import { DAY_MS } from '../../src/domain/monitoring/activity.ts'
import type { Transaction } from '../../src/domain/monitoring/activity.ts'
import type { CustomerFeatures, TransactionEvaluation } from '../../src/domain/monitoring/features/index.ts'
import { createScope, DEFAULT_DEDUPE_KEY, ExpressionError, type CustomerFacts, type RuleDocument, type Value, type VariableDefinition } from '../../src/domain/alerts/index.ts'

export const T0 = Date.UTC(2026, 2, 1, 10, 30)

/** An outgoing CNY transfer of 12,345.00 to a Chinese counterparty at T0, changed as given. */
export function transaction(changes: Partial<Transaction> = {}): Transaction {
  return {
    id: 'T-1',
    source: 'bank',
    customerId: 'c-1',
    at: T0,
    amount: 1_234_500,
    currency: 'CNY',
    direction: 'out',
    type: 'transfer',
    channel: 'online',
    counterparty: { id: 'cp-1', name: 'Acme', country: 'CN', account: null },
    category: 'supplies',
    description: null,
    ...changes,
  }
}

export function evaluation(changes: Partial<TransactionEvaluation> = {}): TransactionEvaluation {
  return { reportingAmount: 1_234_500, amountZ: 1.5, dailyCountZ: 0.2, isNewCounterparty: false, isRound: false, isCash: false, isHighRiskCountry: false, gapDays: 2, isLate: false, ...changes }
}

const window = (countIn: number, countOut: number, sumIn: number, sumOut: number) => ({ countIn, countOut, sumIn, sumOut, unconvertedCount: 0 })

export function features(changes: Partial<CustomerFeatures> = {}): CustomerFeatures {
  return {
    customerId: 'c-1',
    asOf: new Date(T0).toISOString(),
    reportingCurrency: 'CNY',
    windows: { '1h': window(1, 0, 10_000, 0), '24h': window(4, 8, 400_000, 900_000), '7d': window(10, 12, 1_000_000, 1_500_000), '30d': window(30, 40, 3_000_000, 5_000_000), '90d': window(90, 110, 9_000_000, 11_000_000) },
    distinctCounterparties: { '30d': 7, '90d': 12 },
    newCounterparties: 2,
    cashShare: 0.1,
    largestAmount: { '30d': 2_000_000, '90d': 2_500_000 },
    highRiskCountryShare: null,
    roundAmountShare: 0.25,
    baselines: { amount: { count: 200, weight: 80, mean: 100_000, variance: 2_500_000_000 }, dailyCount: { count: 90, weight: 40, mean: 2.2, variance: 1.44 } },
    lastZScores: { amount: 1.5, dailyCount: 0.2 },
    categoryShift: { divergence: 0.12, reason: null },
    daysDormant: 0,
    gapBeforeLastDays: 2,
    lastTransactionAt: new Date(T0).toISOString(),
    firstTransactionAt: new Date(T0 - 400 * DAY_MS).toISOString(),
    totalCount: 812,
    ...changes,
  }
}

export const customer = (changes: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'c-1',
  type: 'company',
  country: 'CN',
  region: 'Shanghai',
  industry: { code: 'C3311', name: null },
  status: 'active',
  listed: false,
  tags: ['vip', 'exporter'],
  ...changes,
})

export function ruleDocument(changes: Partial<RuleDocument> = {}): RuleDocument {
  return {
    id: 'rule-large-amount-v1',
    key: 'large_amount',
    version: 1,
    name: { zh: '大额交易', en: 'Large amount' },
    description: 'A transaction three times the customer’s usual amount, on a busy day.',
    expression: 'tx.amount > 3 * f.avg_amount_90d && f.count_24h >= 10',
    severity: 'high',
    score: 70,
    tags: ['aml', 'amount'],
    scope: 'transaction',
    dedupeKey: DEFAULT_DEDUPE_KEY,
    suppressionHours: 24,
    playbook: { check: ['the invoice behind the payment'], do: ['call the relationship manager'], tell: ['AML team'] },
    state: 'active',
    ...changes,
  }
}

/** A scope over a plain record of values, for testing the language without the catalogue. */
export type TestContext = Record<string, Value>

export const TEST_VARIABLES: VariableDefinition<TestContext>[] = [
  { name: 'n', type: 'number', nullable: false, description: 'a number', read: (c) => c.n ?? null },
  { name: 'm', type: 'number', nullable: true, description: 'a number or null', read: (c) => c.m ?? null },
  { name: 's', type: 'text', nullable: false, description: 'a text', read: (c) => c.s ?? null },
  { name: 'u', type: 'text', nullable: true, description: 'a text or null', read: (c) => c.u ?? null },
  { name: 'b', type: 'boolean', nullable: false, description: 'a boolean', read: (c) => c.b ?? null },
  { name: 'p', type: 'boolean', nullable: true, description: 'a boolean or null', read: (c) => c.p ?? null },
  { name: 'tags', type: 'list of text', nullable: true, description: 'texts', read: (c) => c.tags ?? null },
  { name: 'a.b.c', type: 'number', nullable: false, description: 'a dotted path', read: (c) => c['a.b.c'] ?? null },
]

export const TEST_SCOPE = createScope(TEST_VARIABLES)

/** The error an expression is refused with, or a failure when it is not refused. */
export function refusal(run: () => unknown): ExpressionError {
  try {
    run()
  } catch (error) {
    if (error instanceof ExpressionError) return error
    throw error
  }
  throw new Error('expected an ExpressionError')
}
