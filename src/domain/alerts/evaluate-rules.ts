import type { CompiledRule } from './compile-rule.ts'
import type { RuleContext } from './rule-context.ts'
import type { RuleScope, RuleSeverity } from './rule.ts'
import type { Value } from './value-type.ts'

/**
 * Runs compiled rules over one context. A rule fires when its expression is exactly true (null,
 * "unknown", does not fire). Active rules give hits; shadow rules give shadow hits, which a
 * caller records and raises nothing for; draft and retired rules are skipped.
 *
 * Each hit carries its evidence: the value of every variable the expression reads (those that
 * short-circuiting skipped included), read from the same context once the rule has fired, each
 * with its baseline where the catalogue names one (tx.amount next to f.amount_mean).
 */
export type Evidence = {
  variable: string
  value: Value
  baseline: { variable: string; value: Value } | null
}

export type RuleHit = {
  ruleId: string
  ruleKey: string
  version: number
  shadow: boolean
  severity: RuleSeverity
  score: number
  tags: readonly string[]
  scope: RuleScope
  dedupeKey: string
  suppressionHours: number
  evidence: Evidence[]
}

export function evaluateRules(rules: readonly CompiledRule[], context: RuleContext): RuleHit[] {
  const hits: RuleHit[] = []
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i]!
    const state = rule.document.state
    if (state !== 'active' && state !== 'shadow') continue
    if (rule.expression.evaluate(context) === true) hits.push(hitOf(rule, context))
  }
  return hits
}

/** One rule whatever its state (a backtest of a draft): its hit, or null. */
export function evaluateRule(rule: CompiledRule, context: RuleContext): RuleHit | null {
  return rule.expression.evaluate(context) === true ? hitOf(rule, context) : null
}

function hitOf(rule: CompiledRule, context: RuleContext): RuleHit {
  const { document } = rule
  return {
    ruleId: document.id,
    ruleKey: document.key,
    version: document.version,
    shadow: document.state !== 'active',
    severity: document.severity,
    score: document.score,
    tags: document.tags,
    scope: document.scope,
    dedupeKey: rule.dedupeKey.render(context),
    suppressionHours: document.suppressionHours,
    evidence: rule.evidence.map(({ variable, read, baseline }) => ({
      variable,
      value: read(context),
      baseline: baseline === null ? null : { variable: baseline.variable, value: baseline.read(context) },
    })),
  }
}
