import type { Playbook, RuleScope, RuleSeverity } from '../alerts/rule.ts'
import type { ApprovalRule, GradeAction, PolicyThresholds, ReviewFrequency, RiskPolicy } from '../policy/risk-policy.ts'

/**
 * The risk handbook: what the active risk policy and the early-warning rules say, laid out for
 * people who act on them — the master scale, what each grade means (actions, review frequency,
 * limit factor, watch list), the thresholds, how limits are set, who approves what, the risk
 * appetite, and each rule with its playbook. Plain data; handbook-html.ts renders it.
 */

export type HandbookRule = {
  key: string
  version: number
  name: string | { zh: string; en: string }
  description: string
  expression: string
  severity: RuleSeverity
  scope: RuleScope
  playbook: Playbook
}

export type HandbookGrade = {
  grade: string
  /** The PD band [lower, upper); the worst grade's includes upper. */
  lower: number
  upper: number
  description: string
  actions: readonly GradeAction[]
  /** Null when the policy gives the grade no review frequency (an invalid policy). */
  review: ReviewFrequency | null
  /** The limit rules' factor for the grade; null when the policy has none. */
  limitFactor: number | null
  isWatchList: boolean
}

export type Handbook = {
  /** 0: the built-in default policy (no version stored as active). */
  policyVersion: number
  scaleVersion: string
  grades: HandbookGrade[]
  thresholds: PolicyThresholds
  limitRules: Omit<RiskPolicy['limitRules'], 'gradeScale'>
  approvals: { currency: string; rules: ApprovalRule[] }
  riskAppetite: RiskPolicy['riskAppetite']
  /** By severity (critical first), then key. */
  rules: HandbookRule[]
  /** Where the rules come from: the store's active rules, or the default pack when none is active. */
  rulesSource: RulesSource
}

export type RulesSource = 'stored' | 'default_pack'

export type BuildHandbookOptions = {
  policy: RiskPolicy
  policyVersion: number
  rules: readonly HandbookRule[]
  rulesSource: RulesSource
}

const SEVERITY_ORDER: readonly RuleSeverity[] = ['critical', 'high', 'medium', 'low']

export function buildHandbook({ policy, policyVersion, rules, rulesSource }: BuildHandbookOptions): Handbook {
  const scale = policy.masterScale.grades
  const watchFrom = scale.findIndex((g) => g.grade === policy.thresholds.watchListGrade)
  return {
    policyVersion,
    scaleVersion: policy.masterScale.version,
    grades: scale.map((g, index) => ({
      grade: g.grade,
      lower: g.lower,
      upper: g.upper,
      description: g.description,
      actions: policy.actionsPerGrade[g.grade] ?? [],
      review: policy.reviewFrequencyPerGrade[g.grade] ?? null,
      limitFactor: policy.limitRules.gradeScale[g.grade] ?? null,
      isWatchList: watchFrom >= 0 && index >= watchFrom,
    })),
    thresholds: policy.thresholds,
    limitRules: {
      percentages: policy.limitRules.percentages,
      roundingUnit: policy.limitRules.roundingUnit,
      defaultCreditTermsDays: policy.limitRules.defaultCreditTermsDays,
    },
    approvals: { currency: policy.approvalMatrix.currency, rules: [...policy.approvalMatrix.rules] },
    riskAppetite: policy.riskAppetite,
    rules: [...rules].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    rulesSource,
  }
}

/** The part of a rule document the handbook shows. */
export function handbookRuleOf(rule: HandbookRule): HandbookRule {
  const { key, version, name, description, expression, severity, scope, playbook } = rule
  return { key, version, name, description, expression, severity, scope, playbook }
}
