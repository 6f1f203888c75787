import { compileExpression, type CompiledExpression } from './compile.ts'
import { compileDedupeKey, type DedupeKeyTemplate } from './dedupe-key.ts'
import type { RuleContext } from './rule-context.ts'
import { dedupeScope, validateRule, type RuleDocument, type RuleProblem } from './rule.ts'
import type { Value } from './value-type.ts'
import { RULE_SCOPE, ruleVariable } from './variables.ts'

/**
 * A rule ready to run: its document (frozen), its expression compiled to closures, its dedupe
 * key template, and what to read for evidence when it fires.
 */
export type EvidenceReader = {
  readonly variable: string
  readonly read: (context: RuleContext) => Value
  readonly baseline: { readonly variable: string; readonly read: (context: RuleContext) => Value } | null
}

export type CompiledRule = {
  readonly document: Readonly<RuleDocument>
  readonly expression: CompiledExpression<RuleContext>
  readonly dedupeKey: DedupeKeyTemplate<RuleContext>
  /** The variables the expression reads, each once, in order of first appearance, with their baselines. */
  readonly evidence: readonly EvidenceReader[]
  /** Whether evaluating it may compute the customer's features. */
  readonly readsFeatures: boolean
}

/** A document that cannot be compiled, with every problem found. */
export class RuleValidationError extends Error {
  override readonly name = 'RuleValidationError'
  constructor(readonly problems: readonly RuleProblem[]) {
    super(`the rule is not valid: ${problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ')}`)
  }
}

export function compileRule(input: RuleDocument): CompiledRule {
  const problems = validateRule(input)
  if (problems.length > 0) throw new RuleValidationError(problems)
  const document = deepFreeze(structuredClone(input))
  const expression = compileExpression(document.expression, RULE_SCOPE)
  const evidence = expression.variables.map((definition): EvidenceReader => {
    const baselineName = ruleVariable(definition.name)?.baseline ?? null
    const baseline = baselineName === null ? null : ruleVariable(baselineName)!
    return Object.freeze({ variable: definition.name, read: definition.read, baseline: baseline === null ? null : Object.freeze({ variable: baseline.name, read: baseline.read }) })
  })
  return Object.freeze({
    document,
    expression,
    dedupeKey: compileDedupeKey(document.dedupeKey, dedupeScope(document)),
    evidence: Object.freeze(evidence),
    readsFeatures: expression.variables.some((definition) => definition.name.startsWith('f.')),
  })
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}
