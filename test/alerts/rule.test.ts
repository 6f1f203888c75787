import { describe, expect, it } from 'vitest'
import {
  compileRule,
  evaluateRule,
  evaluateRules,
  RuleValidationError,
  ruleContext,
  validateRule,
  type RuleDocument,
} from '../../src/domain/alerts/index.ts'
import { customer, evaluation, features, ruleDocument, transaction } from './helpers.ts'

/** A busy day: 12 transactions in 24 hours, an average of 100,000 over 90 days, and a transaction of 400,000. */
const busy = () =>
  ruleContext({
    tx: transaction({ amount: 400_000 }),
    evaluation: evaluation({ reportingAmount: 400_000 }),
    customer: customer(),
    features: features(),
  })

describe('validateRule', () => {
  it('accepts a complete rule', () => {
    expect(validateRule(ruleDocument())).toEqual([])
  })

  it('names every missing, unknown and wrong field by its path', () => {
    const doc = { ...ruleDocument(), key: 'Large Amount', version: 0, severity: 'urgent', score: 101.5, tags: ['aml', 'aml', ''], suppressionHours: -1, state: 'live', extra: 1 } as Record<string, unknown>
    delete doc.description
    expect(validateRule(doc)).toEqual([
      { path: 'extra', message: 'unknown field' },
      { path: 'key', message: 'must be 1 to 64 lower-case letters, digits, _ . or -, starting with a letter' },
      { path: 'version', message: 'must be a whole number from 1' },
      { path: 'description', message: 'required' },
      { path: 'severity', message: 'must be one of low, medium, high, critical' },
      { path: 'score', message: 'must be a whole number from 0 to 100' },
      { path: 'tags[1]', message: '"aml" is listed twice' },
      { path: 'tags[2]', message: 'must be a text of 1 to 4,000 characters' },
      { path: 'suppressionHours', message: 'must be a number of hours from 0 to 8,760' },
      { path: 'state', message: 'must be one of draft, shadow, active, retired' },
    ])
  })

  it('checks the name in either form and the playbook', () => {
    expect(validateRule(ruleDocument({ name: 'Large amount' }))).toEqual([])
    expect(validateRule({ ...ruleDocument(), name: { zh: '大额', fr: 'Gros' } })).toEqual([
      { path: 'name.fr', message: 'unknown field' },
      { path: 'name.en', message: 'must be a text of 1 to 200 characters' },
    ])
    expect(validateRule({ ...ruleDocument(), playbook: { check: ['x'], do: [1], notify: [] } })).toEqual([
      { path: 'playbook.notify', message: 'unknown field' },
      { path: 'playbook.do[0]', message: 'must be a text of 1 to 4,000 characters' },
      { path: 'playbook.tell', message: 'required' },
    ])
  })

  it('refuses what is not an object', () => {
    expect(validateRule([])).toEqual([{ path: '', message: 'a rule is a JSON object' }])
    expect(validateRule(null)).toEqual([{ path: '', message: 'a rule is a JSON object' }])
  })

  it('reports an invalid expression with its position and reason', () => {
    expect(validateRule(ruleDocument({ expression: 'tx.amount > 3 * f.avg_amount_90d && f.cnt_24h >= 10' }))).toEqual([
      { path: 'expression', message: 'unknown variable f.cnt_24h at column 37; did you mean f.count_24h?', offset: 36, line: 1, column: 37 },
    ])
    expect(validateRule(ruleDocument({ expression: "(tx.amount > 3 && tx.currency == 'CNY'" }))).toEqual([{ path: 'expression', message: 'expected ) at column 39', offset: 38, line: 1, column: 39 }])
    expect(validateRule(ruleDocument({ expression: '' }))).toEqual([{ path: 'expression', message: 'must be a text holding an expression' }])
  })

  it('wants an expression that is true or false', () => {
    expect(validateRule(ruleDocument({ expression: 'tx.amount * 2' }))).toEqual([{ path: 'expression', message: "a rule's expression must be true or false, but this one is number" }])
  })

  it('keeps the transaction to rules of scope transaction', () => {
    expect(validateRule(ruleDocument({ scope: 'daily', expression: 'receivables.max_dpd > 30 || tx.amount > 1' }))).toEqual([
      { path: 'expression', message: "tx.amount is only there for rules of scope transaction, and this rule's scope is daily at column 29", offset: 28, line: 1, column: 29 },
    ])
    expect(validateRule(ruleDocument({ scope: 'daily', expression: 'receivables.max_dpd > 30' }))).toEqual([])
    expect(validateRule(ruleDocument({ scope: 'event', expression: 'bureau.score_drop > 50', dedupeKey: '{customer.id}:{tx.id}' }))).toEqual([
      { path: 'dedupeKey', message: "tx.id is only there for rules of scope transaction, and this rule's scope is event at column 16", offset: 15, line: 1, column: 16 },
    ])
  })

  it('checks the dedupe key template, pointing into it', () => {
    expect(validateRule(ruleDocument({ dedupeKey: '{customer.id}:{rule.kee}' }))).toEqual([
      { path: 'dedupeKey', message: 'unknown variable rule.kee at column 16; did you mean rule.key?', offset: 15, line: 1, column: 16 },
    ])
    expect(validateRule(ruleDocument({ dedupeKey: '{customer.id' })).map((p) => p.message)).toEqual(['{ not closed: expected } at column 13'])
    expect(validateRule(ruleDocument({ dedupeKey: 'a}b' })).map((p) => p.message)).toEqual(['unexpected } (write }} for a brace) at column 2'])
    expect(validateRule(ruleDocument({ dedupeKey: '{customer.tags}' })).map((p) => p.message)).toEqual(['a dedupe key part cannot be a list at column 2'])
    expect(validateRule(ruleDocument({ dedupeKey: '' })).map((p) => p.message)).toEqual(["must be a template text such as '{customer.id}:{rule.key}'"])
  })
})

describe('compileRule', () => {
  it('refuses an invalid document with every problem', () => {
    let error: unknown
    try {
      compileRule(ruleDocument({ expression: 'tx.amount >', score: 200 }))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RuleValidationError)
    expect((error as RuleValidationError).problems.map((p) => p.path)).toEqual(['expression', 'score'])
    expect((error as RuleValidationError).message).toBe('the rule is not valid: expression: expected a value but the expression ended at column 12; score: must be a whole number from 0 to 100')
  })

  it('keeps a frozen copy of the document', () => {
    const doc = ruleDocument()
    const rule = compileRule(doc)
    doc.playbook.check.push('changed later')
    expect(rule.document.playbook.check).toEqual(['the invoice behind the payment'])
    expect(Object.isFrozen(rule.document.playbook.check)).toBe(true)
  })

  it('knows whether a rule reads the features', () => {
    expect(compileRule(ruleDocument()).readsFeatures).toBe(true)
    expect(compileRule(ruleDocument({ expression: 'tx.is_high_risk_country' })).readsFeatures).toBe(false)
  })
})

describe('evaluateRules', () => {
  it('reports a hit with the rule, its severity, score and dedupe key', () => {
    const [hit] = evaluateRules([compileRule(ruleDocument())], busy())
    expect(hit).toMatchObject({ ruleId: 'rule-large-amount-v1', ruleKey: 'large_amount', version: 1, shadow: false, severity: 'high', score: 70, tags: ['aml', 'amount'], scope: 'transaction', dedupeKey: 'c-1:large_amount', suppressionHours: 24 })
  })

  it('captures the value of every variable the expression read, next to its baseline', () => {
    const [hit] = evaluateRules([compileRule(ruleDocument())], busy())
    expect(hit!.evidence).toEqual([
      { variable: 'tx.amount', value: 400_000, baseline: { variable: 'f.amount_mean', value: 100_000 } },
      { variable: 'f.avg_amount_90d', value: 100_000, baseline: null },
      { variable: 'f.count_24h', value: 12, baseline: { variable: 'f.daily_count_mean', value: 2.2 } },
    ])
  })

  it('includes in the evidence what short-circuiting skipped', () => {
    const rule = compileRule(ruleDocument({ expression: "tx.amount > 100 || customer.country == 'IR'" }))
    expect(evaluateRule(rule, busy())!.evidence.map((e) => [e.variable, e.value])).toEqual([
      ['tx.amount', 400_000],
      ['customer.country', 'CN'],
    ])
  })

  it('gives nothing when the expression is false or unknown (null)', () => {
    const small = ruleContext({ tx: transaction({ amount: 200_000 }), customer: customer(), features: features() })
    expect(evaluateRules([compileRule(ruleDocument())], small)).toEqual([])
    const unrated = ruleContext({ customer: customer() })
    expect(evaluateRules([compileRule(ruleDocument({ scope: 'daily', expression: 'rating.downgraded' }))], unrated)).toEqual([])
  })

  it('reports shadow rules as shadow hits and skips drafts and retired rules', () => {
    const rules = (['active', 'shadow', 'draft', 'retired'] as const).map((state) => compileRule(ruleDocument({ id: `r-${state}`, state })))
    expect(evaluateRules(rules, busy()).map((hit) => [hit.ruleId, hit.shadow])).toEqual([
      ['r-active', false],
      ['r-shadow', true],
    ])
    expect(evaluateRule(rules[2]!, busy())).toMatchObject({ ruleId: 'r-draft', shadow: true })
  })

  it('renders a dedupe key template of expressions', () => {
    const rule = (dedupeKey: string) => compileRule(ruleDocument({ dedupeKey }))
    expect(evaluateRule(rule('{customer.id}:{rule.key}:v{rule.version}'), busy())!.dedupeKey).toBe('c-1:large_amount:v1')
    expect(evaluateRule(rule('{tx.counterparty_id}/{round(tx.amount / 100_000)}/{tx.channel == null}'), busy())!.dedupeKey).toBe('cp-1/4/false')
    expect(evaluateRule(rule('{{literal}} {rating.grade}|'), busy())!.dedupeKey).toBe('{literal} |')
    expect(evaluateRule(rule("{coalesce(tx.category, '}')}"), busy())!.dedupeKey).toBe('supplies')
  })

  it('computes the features once per context, and not at all for rules that do not read them unless a hit wants a baseline', () => {
    let computed = 0
    const context = () =>
      ruleContext({
        tx: transaction({ amount: 400_000 }),
        evaluation: evaluation(),
        customer: customer(),
        features: () => {
          computed += 1
          return features()
        },
      })
    const readers = [ruleDocument({ id: 'a' }), ruleDocument({ id: 'b', expression: 'f.count_7d > 1 && f.new_counterparties >= 1' })].map(compileRule)
    const plain = compileRule(ruleDocument({ id: 'c', expression: 'tx.amount > 1' }))
    expect(evaluateRules([...readers, plain], context())).toHaveLength(3)
    expect(computed).toBe(1)
    const silent = compileRule(ruleDocument({ id: 'd', expression: 'tx.amount > 1_000_000' }))
    expect(evaluateRules([silent], context())).toEqual([])
    expect(computed).toBe(1)
    expect(evaluateRules([plain], context())[0]!.evidence[0]!.baseline).toEqual({ variable: 'f.amount_mean', value: 100_000 })
    expect(computed).toBe(2)
  })

  it('reads the large example of the issue', () => {
    const doc: RuleDocument = ruleDocument({ expression: 'tx.amount > 3 * f.avg_amount_90d && f.count_24h >= 10' })
    const quiet = ruleContext({ tx: transaction({ amount: 400_000 }), features: features({ windows: { ...features().windows, '24h': { countIn: 1, countOut: 1, sumIn: 1, sumOut: 1, unconvertedCount: 0 } } }) })
    expect(evaluateRule(compileRule(doc), quiet)).toBeNull()
  })
})
