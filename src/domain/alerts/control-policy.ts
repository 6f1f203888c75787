import { DEFAULT_MASTER_SCALE } from '../scoring/rating/master-scale.ts'
import { RULE_SEVERITIES, type RuleSeverity } from './rule.ts'

/**
 * The automatic controls a live alert sets off, decided by one table: for the alert's severity
 * and the customer's current grade, whether to place a credit hold, to propose cutting the
 * credit limit (by how many percent) and to start a review (due in how many days). Every row
 * that matches contributes; the decision is their union — a hold when any row holds, the
 * deepest cut, the earliest due date — and says, for each control, which rows decided it.
 *
 * A row matches an alert of `minSeverity` or worse on a customer graded `gradeFrom` or worse
 * (`null`: any grade). A customer without a grade matches every row: an unrated customer is
 * treated as the worst grade, because nothing on file says otherwise.
 */
export type ControlRule = {
  /** A short stable name, quoted in the reasons. */
  id: string
  minSeverity: RuleSeverity
  /** The best grade the row applies to: it applies to this grade and every worse one; null for any grade. */
  gradeFrom: string | null
  creditHold: boolean
  /** Percent of the current limit to cut, 0 for none (whole percent, 1–100). */
  limitCutPercent: number
  /** Days until the review is due, or null for no review. */
  reviewDueDays: number | null
}

export type ControlPolicy = {
  version: string
  /** The grades from best to worst: what "this grade or worse" is measured on. */
  grades: readonly string[]
  rules: readonly ControlRule[]
}

/**
 * The default table:
 *
 * | row                | alert      | grade           | hold | limit cut | review due |
 * |--------------------|------------|-----------------|------|-----------|------------|
 * | critical-any-grade | critical   | any             | yes  | 50 %      | 2 days     |
 * | high-weak-grade    | high+      | BB or worse     | —    | 25 %      | 5 days     |
 * | high-any-grade     | high+      | any             | —    | —         | 10 days    |
 *
 * Medium and low alerts set off nothing: they are worked as alerts.
 */
export const DEFAULT_CONTROL_POLICY: ControlPolicy = {
  version: 'fengkong-controls-1',
  grades: DEFAULT_MASTER_SCALE.grades.map((band) => band.grade),
  rules: [
    { id: 'critical-any-grade', minSeverity: 'critical', gradeFrom: null, creditHold: true, limitCutPercent: 50, reviewDueDays: 2 },
    { id: 'high-weak-grade', minSeverity: 'high', gradeFrom: 'BB', creditHold: false, limitCutPercent: 25, reviewDueDays: 5 },
    { id: 'high-any-grade', minSeverity: 'high', gradeFrom: null, creditHold: false, limitCutPercent: 0, reviewDueDays: 10 },
  ],
}

/** Why a control applies: the row that decided it, and what it matched. */
export type ControlReason = { rule: string; severity: RuleSeverity; grade: string | null; text: string }

export type ControlDecision = {
  creditHold: { reasons: ControlReason[] } | null
  limitReduction: { percent: number; reasons: ControlReason[] } | null
  review: { dueDays: number; reasons: ControlReason[] } | null
}

export const NO_CONTROLS: ControlDecision = { creditHold: null, limitReduction: null, review: null }

export type ControlInput = { severity: RuleSeverity; grade: string | null }

/** The controls one alert of `severity` on a customer graded `grade` (null: unrated) sets off, with the reasons. */
export function decideControls(policy: ControlPolicy, { severity, grade }: ControlInput): ControlDecision {
  let decision = NO_CONTROLS
  for (const rule of policy.rules) {
    if (!severityAtLeast(severity, rule.minSeverity) || !gradeMatches(policy, grade, rule.gradeFrom)) continue
    const reason: ControlReason = { rule: rule.id, severity, grade, text: describe(rule, severity, grade) }
    decision = combineDecisions(decision, {
      creditHold: rule.creditHold ? { reasons: [reason] } : null,
      limitReduction: rule.limitCutPercent > 0 ? { percent: rule.limitCutPercent, reasons: [reason] } : null,
      review: rule.reviewDueDays !== null ? { dueDays: rule.reviewDueDays, reasons: [reason] } : null,
    })
  }
  return decision
}

/**
 * Two decisions as one (several alerts of a customer at once): a hold when either holds, the
 * deeper cut and the earlier review. The reasons kept are those of the control as decided: both
 * sides' for a hold, the deciding side's for a cut or a review (both when they tie).
 */
export function combineDecisions(a: ControlDecision, b: ControlDecision): ControlDecision {
  return {
    creditHold: a.creditHold || b.creditHold ? { reasons: uniqueReasons([...(a.creditHold?.reasons ?? []), ...(b.creditHold?.reasons ?? [])]) } : null,
    limitReduction: pick(a.limitReduction, b.limitReduction, (x, y) => x.percent - y.percent),
    review: pick(a.review, b.review, (x, y) => y.dueDays - x.dueDays),
  }
}

/** Whether a decision sets off any control. */
export function setsOffAnything(decision: ControlDecision): boolean {
  return decision.creditHold !== null || decision.limitReduction !== null || decision.review !== null
}

/** The limit after cutting `percent` of it, rounded down to a whole minor unit (exact integer arithmetic). */
export function reducedLimit(amount: number, percent: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`a limit must be a whole number of minor units ≥ 0, got ${amount}`)
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`a cut must be a whole percent in [0, 100], got ${percent}`)
  return Number((BigInt(amount) * BigInt(100 - percent)) / 100n)
}

/** The problems of a policy table, empty when it can be used. */
export function validateControlPolicy(policy: ControlPolicy): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  for (const rule of policy.rules) {
    if (ids.has(rule.id)) problems.push(`row ${rule.id} appears twice`)
    ids.add(rule.id)
    if (!RULE_SEVERITIES.includes(rule.minSeverity)) problems.push(`row ${rule.id}: unknown severity ${rule.minSeverity}`)
    if (rule.gradeFrom !== null && !policy.grades.includes(rule.gradeFrom)) problems.push(`row ${rule.id}: grade ${rule.gradeFrom} is not on the scale`)
    if (!Number.isInteger(rule.limitCutPercent) || rule.limitCutPercent < 0 || rule.limitCutPercent > 100) problems.push(`row ${rule.id}: the cut must be a whole percent in [0, 100]`)
    if (rule.reviewDueDays !== null && (!Number.isInteger(rule.reviewDueDays) || rule.reviewDueDays < 0)) problems.push(`row ${rule.id}: the review must be due in a whole number of days ≥ 0`)
  }
  return problems
}

function severityAtLeast(severity: RuleSeverity, min: RuleSeverity): boolean {
  return RULE_SEVERITIES.indexOf(severity) >= RULE_SEVERITIES.indexOf(min)
}

/** An unrated customer, or one whose grade is not on the scale, counts as the worst grade. */
function gradeMatches(policy: ControlPolicy, grade: string | null, from: string | null): boolean {
  if (from === null) return true
  const at = grade === null ? -1 : policy.grades.indexOf(grade)
  return at === -1 || at >= policy.grades.indexOf(from)
}

function describe(rule: ControlRule, severity: RuleSeverity, grade: string | null): string {
  const controls = [rule.creditHold ? 'credit hold' : null, rule.limitCutPercent > 0 ? `limit cut ${rule.limitCutPercent}%` : null, rule.reviewDueDays !== null ? `review due in ${rule.reviewDueDays} day${rule.reviewDueDays === 1 ? '' : 's'}` : null].filter(Boolean).join(', ')
  const gradeText = grade === null ? 'an unrated customer (counted as the worst grade)' : `a customer graded ${grade}`
  const rowText = `${rule.minSeverity}${rule.minSeverity === 'critical' ? '' : ' or worse'} alert on ${rule.gradeFrom === null ? 'any grade' : `grade ${rule.gradeFrom} or worse`}`
  return `${severity} alert on ${gradeText}: row ${rule.id} (${rowText}) → ${controls}`
}

function pick<T extends { reasons: ControlReason[] }>(a: T | null, b: T | null, compare: (x: T, y: T) => number): T | null {
  if (!a || !b) return a ?? b
  const order = compare(a, b)
  if (order > 0) return a
  if (order < 0) return b
  return { ...a, reasons: uniqueReasons([...a.reasons, ...b.reasons]) }
}

function uniqueReasons(reasons: ControlReason[]): ControlReason[] {
  const seen = new Set<string>()
  return reasons.filter((reason) => {
    const key = `${reason.rule}\u0000${reason.severity}\u0000${reason.grade}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
