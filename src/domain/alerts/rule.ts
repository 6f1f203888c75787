import { childrenOf, type ExpressionNode, type VariableNode } from './ast.ts'
import { compileExpression } from './compile.ts'
import { compileDedupeKey } from './dedupe-key.ts'
import { ExpressionError } from './expression-error.ts'
import type { RuleContext } from './rule-context.ts'
import { createScope, type Scope, type VariableDefinition } from './scope.ts'
import { describeType } from './value-type.ts'
import { RULE_SCOPE, RULE_VARIABLES } from './variables.ts'

/**
 * A rule is a JSON document: what to watch for (an expression), how bad a hit is, how hits are
 * grouped and quietened, and what a person should do about one. A rule changes by a new
 * version; its state says whether it runs.
 *
 * - draft: being written, never evaluated by evaluateRules
 * - shadow: evaluated, its hits reported as shadow hits (recorded, raising nothing)
 * - active: evaluated, its hits raise alerts
 * - retired: kept for the record, never evaluated
 */
export const RULE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type RuleSeverity = (typeof RULE_SEVERITIES)[number]

/** When a rule runs: on each transaction, once a day per customer, or on an event (a bureau record, a rating). */
export const RULE_SCOPES = ['transaction', 'daily', 'event'] as const
export type RuleScope = (typeof RULE_SCOPES)[number]

export const RULE_STATES = ['draft', 'shadow', 'active', 'retired'] as const
export type RuleState = (typeof RULE_STATES)[number]

export type LocalizedText = { zh: string; en: string }

/** What to check, what to do and whom to tell when the rule fires. */
export type Playbook = { check: string[]; do: string[]; tell: string[] }

export type RuleDocument = {
  id: string
  /** Stable across versions: lower-case letters, digits, _ . - */
  key: string
  version: number
  name: string | LocalizedText
  description: string
  /** A rule expression that is true or false (null counts as not firing). */
  expression: string
  severity: RuleSeverity
  /** 0–100, a whole number. */
  score: number
  tags: string[]
  scope: RuleScope
  /** A template of expressions in braces: DEFAULT_DEDUPE_KEY is '{customer.id}:{rule.key}'. */
  dedupeKey: string
  /** Hits with the same dedupe key within this many hours of an alert raise no new one. */
  suppressionHours: number
  playbook: Playbook
  state: RuleState
}

/** One thing wrong with a rule document: the field path, what is wrong, and for an expression or template where in it. */
export type RuleProblem = { path: string; message: string; offset?: number; line?: number; column?: number }

export const RULE_FIELDS = ['id', 'key', 'version', 'name', 'description', 'expression', 'severity', 'score', 'tags', 'scope', 'dedupeKey', 'suppressionHours', 'playbook', 'state'] as const
const PLAYBOOK_FIELDS = ['check', 'do', 'tell'] as const
const KEY_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/
const MAX_SUPPRESSION_HOURS = 8_760
const MAX_TEXT = 4_000

/** Every problem of a document, in field order; empty when it can be compiled. */
export function validateRule(input: unknown): RuleProblem[] {
  if (!isRecord(input)) return [{ path: '', message: 'a rule is a JSON object' }]
  const problems: RuleProblem[] = []
  const problem = (path: string, message: string) => problems.push({ path, message })

  for (const field of Object.keys(input)) if (!(RULE_FIELDS as readonly string[]).includes(field)) problem(field, 'unknown field')
  for (const field of RULE_FIELDS) if (!(field in input)) problem(field, 'required')

  const doc = input as Partial<Record<(typeof RULE_FIELDS)[number], unknown>>
  if ('id' in doc && !isText(doc.id, 200)) problem('id', 'must be a text of 1 to 200 characters')
  if ('key' in doc && !(typeof doc.key === 'string' && KEY_PATTERN.test(doc.key))) problem('key', 'must be 1 to 64 lower-case letters, digits, _ . or -, starting with a letter')
  if ('version' in doc && !(Number.isInteger(doc.version) && (doc.version as number) >= 1)) problem('version', 'must be a whole number from 1')
  if ('name' in doc) checkName(doc.name, problem)
  if ('description' in doc && !(typeof doc.description === 'string' && doc.description.length <= MAX_TEXT)) problem('description', `must be a text of at most ${MAX_TEXT.toLocaleString('en')} characters`)
  if ('severity' in doc && !RULE_SEVERITIES.includes(doc.severity as RuleSeverity)) problem('severity', `must be one of ${RULE_SEVERITIES.join(', ')}`)
  if ('score' in doc && !(Number.isInteger(doc.score) && (doc.score as number) >= 0 && (doc.score as number) <= 100)) problem('score', 'must be a whole number from 0 to 100')
  if ('tags' in doc) checkTexts('tags', doc.tags, problem, { unique: true })
  const scopeIsValid = RULE_SCOPES.includes(doc.scope as RuleScope)
  if ('scope' in doc && !scopeIsValid) problem('scope', `must be one of ${RULE_SCOPES.join(', ')}`)
  if ('suppressionHours' in doc && !(typeof doc.suppressionHours === 'number' && doc.suppressionHours >= 0 && doc.suppressionHours <= MAX_SUPPRESSION_HOURS)) {
    problem('suppressionHours', `must be a number of hours from 0 to ${MAX_SUPPRESSION_HOURS.toLocaleString('en')}`)
  }
  if ('playbook' in doc) checkPlaybook(doc.playbook, problem)
  if ('state' in doc && !RULE_STATES.includes(doc.state as RuleState)) problem('state', `must be one of ${RULE_STATES.join(', ')}`)

  const scope = scopeIsValid ? (doc.scope as RuleScope) : null
  if ('expression' in doc) problems.push(...expressionProblems(doc.expression, scope))
  if ('dedupeKey' in doc) problems.push(...dedupeKeyProblems(doc.dedupeKey, scope, doc))

  const order = (path: string) => {
    const index = RULE_FIELDS.indexOf(path.split(/[.[]/)[0] as (typeof RULE_FIELDS)[number])
    return index < 0 ? -1 : index
  }
  return problems.sort((a, b) => order(a.path) - order(b.path))
}

/** The variables of the catalogue plus the rule's own id, key and version, for dedupe key templates. */
export function dedupeScope(doc: { id?: unknown; key?: unknown; version?: unknown }): Scope<RuleContext> {
  const constant = (name: string, type: 'text' | 'number', value: string | number, description: string): VariableDefinition<RuleContext> => ({ name, type, nullable: false, description, read: () => value })
  return createScope<RuleContext>([
    ...RULE_VARIABLES,
    constant('rule.id', 'text', String(doc.id ?? ''), "the rule's id"),
    constant('rule.key', 'text', String(doc.key ?? ''), "the rule's key"),
    constant('rule.version', 'number', typeof doc.version === 'number' ? doc.version : 0, "the rule's version"),
  ])
}

function expressionProblems(expression: unknown, scope: RuleScope | null): RuleProblem[] {
  if (typeof expression !== 'string' || expression.trim() === '') return [{ path: 'expression', message: 'must be a text holding an expression' }]
  try {
    const compiled = compileExpression(expression, RULE_SCOPE)
    if (compiled.type.kind !== 'boolean') return [{ path: 'expression', message: `a rule's expression must be true or false, but this one is ${describeType(compiled.type)}` }]
    if (scope === null || scope === 'transaction') return []
    return transactionVariables(compiled.ast).map((node) => withPosition('expression', new ExpressionError(onlyForTransactions(node.name, scope), expression, node.at)))
  } catch (error) {
    if (error instanceof ExpressionError) return [withPosition('expression', error)]
    throw error
  }
}

function dedupeKeyProblems(template: unknown, scope: RuleScope | null, doc: Record<string, unknown>): RuleProblem[] {
  if (typeof template !== 'string' || template === '') return [{ path: 'dedupeKey', message: "must be a template text such as '{customer.id}:{rule.key}'" }]
  try {
    const compiled = compileDedupeKey(template, dedupeScope(doc))
    if (scope === null || scope === 'transaction') return []
    return compiled.variables.filter((name) => name.startsWith('tx.')).map((name) => withPosition('dedupeKey', new ExpressionError(onlyForTransactions(name, scope), template, template.indexOf(name))))
  } catch (error) {
    if (error instanceof ExpressionError) return [withPosition('dedupeKey', error)]
    throw error
  }
}

const onlyForTransactions = (name: string, scope: RuleScope) => `${name} is only there for rules of scope transaction, and this rule's scope is ${scope}`

/** Every read of a transaction variable, in source order. */
function transactionVariables(node: ExpressionNode): VariableNode[] {
  const own = node.kind === 'variable' && node.name.startsWith('tx.') ? [node] : []
  return [...own, ...childrenOf(node).flatMap(transactionVariables)]
}

function withPosition(path: string, error: ExpressionError): RuleProblem {
  return { path, message: error.message, offset: error.offset, line: error.line, column: error.column }
}

function checkName(name: unknown, problem: (path: string, message: string) => void): void {
  if (typeof name === 'string') {
    if (!isText(name, 200)) problem('name', 'must be a text of 1 to 200 characters')
    return
  }
  if (!isRecord(name)) {
    problem('name', 'must be a text or { zh, en }')
    return
  }
  for (const field of Object.keys(name)) if (field !== 'zh' && field !== 'en') problem(`name.${field}`, 'unknown field')
  for (const language of ['zh', 'en'] as const) if (!isText(name[language], 200)) problem(`name.${language}`, 'must be a text of 1 to 200 characters')
}

function checkPlaybook(playbook: unknown, problem: (path: string, message: string) => void): void {
  if (!isRecord(playbook)) {
    problem('playbook', 'must be { check, do, tell }, each a list of texts')
    return
  }
  for (const field of Object.keys(playbook)) if (!(PLAYBOOK_FIELDS as readonly string[]).includes(field)) problem(`playbook.${field}`, 'unknown field')
  for (const field of PLAYBOOK_FIELDS) {
    if (!(field in playbook)) problem(`playbook.${field}`, 'required')
    else checkTexts(`playbook.${field}`, playbook[field], problem, { unique: false })
  }
}

function checkTexts(path: string, value: unknown, problem: (path: string, message: string) => void, { unique }: { unique: boolean }): void {
  if (!Array.isArray(value)) {
    problem(path, 'must be a list of texts')
    return
  }
  const seen = new Set<string>()
  value.forEach((item, index) => {
    if (!isText(item, MAX_TEXT)) problem(`${path}[${index}]`, `must be a text of 1 to ${MAX_TEXT.toLocaleString('en')} characters`)
    else if (unique && seen.has(item)) problem(`${path}[${index}]`, `${JSON.stringify(item)} is listed twice`)
    else seen.add(item as string)
  })
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
