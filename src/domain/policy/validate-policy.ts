import { ROLES } from '../identity/permissions.ts'
import { RATING_SIGNALS } from '../scoring/rating/composite-rating.ts'
import { GRADE_ACTIONS, REVIEW_UNITS, type ReviewFrequency, type RiskPolicy } from './risk-policy.ts'

/** One thing wrong with a policy, at the path of the field: `masterScale.grades[3].lower`. */
export type PolicyProblem = { path: string; message: string }

/** Days in a month when review frequencies in days and months are compared. */
const DAYS_PER_MONTH = 30

/**
 * Everything wrong with a policy document; an empty list means it may be activated. Never
 * throws. The document's shape (which fields exist, their types) is checked where it comes in
 * (the API's schema); this checks what a schema cannot: bands that meet, tables that cover
 * every grade of the scale, numbers in range, and approval rules that route every request.
 */
export function validatePolicy(policy: RiskPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = []
  const problem = (path: string, message: string) => problems.push({ path, message })
  const grades = checkMasterScale(policy, problem)
  checkWeights(policy, problem)
  checkThresholds(policy, grades, problem)
  checkPerGrade('actionsPerGrade', policy.actionsPerGrade, grades, problem, (actions, path) => {
    if (actions.length === 0) problem(path, 'must name at least one action')
    actions.forEach((action, index) => {
      if (!(GRADE_ACTIONS as readonly string[]).includes(action)) problem(`${path}[${index}]`, `must be one of ${GRADE_ACTIONS.join(', ')}, is "${action}"`)
      else if (actions.indexOf(action) !== index) problem(`${path}[${index}]`, `repeats "${action}"`)
    })
  })
  checkReviewFrequencies(policy, grades, problem)
  checkLimitRules(policy, grades, problem)
  checkApprovalMatrix(policy, grades, problem)
  for (const field of ['maxSingleNameShare', 'maxIndustryShare'] as const) {
    const share = policy.riskAppetite[field]
    if (!isNumber(share) || share <= 0 || share > 1) problem(`riskAppetite.${field}`, `must be a share above 0 and at most 1, is ${share}`)
  }
  return problems
}

type Problem = (path: string, message: string) => void

/** Checks the scale and returns its grades, best first (only the named ones). */
function checkMasterScale({ masterScale }: RiskPolicy, problem: Problem): string[] {
  if (masterScale.version.trim() === '') problem('masterScale.version', 'must not be empty')
  if (masterScale.grades.length === 0) {
    problem('masterScale.grades', 'must hold at least one grade')
    return []
  }
  const seen = new Set<string>()
  const last = masterScale.grades.length - 1
  masterScale.grades.forEach((band, index) => {
    const path = `masterScale.grades[${index}]`
    if (band.grade.trim() === '') problem(`${path}.grade`, 'must not be empty')
    else if (seen.has(band.grade)) problem(`${path}.grade`, `repeats grade "${band.grade}"`)
    seen.add(band.grade)
    const boundsOk = isNumber(band.lower) && isNumber(band.upper)
    if (!isNumber(band.lower) || band.lower < 0 || band.lower > 1) problem(`${path}.lower`, `must be a PD from 0 to 1, is ${band.lower}`)
    if (!isNumber(band.upper) || band.upper < 0 || band.upper > 1) problem(`${path}.upper`, `must be a PD from 0 to 1, is ${band.upper}`)
    if (boundsOk && band.upper <= band.lower) problem(`${path}.upper`, `must be above its lower bound ${band.lower}, is ${band.upper}`)
    const previous = masterScale.grades[index - 1]
    if (index === 0) {
      if (band.lower !== 0) problem(`${path}.lower`, `must be 0: the best grade starts at PD 0, is ${band.lower}`)
    } else if (previous && isNumber(previous.upper) && isNumber(band.lower) && band.lower !== previous.upper) {
      const kind = band.lower > previous.upper ? 'PDs in between would have no grade' : 'the bands would overlap'
      problem(`${path}.lower`, `must equal the previous band's upper bound ${previous.upper} (${kind}), is ${band.lower}`)
    }
    if (index === last && band.upper !== 1) problem(`${path}.upper`, `must be 1: the worst grade ends at PD 1, is ${band.upper}`)
  })
  return [...seen].filter((grade) => grade.trim() !== '')
}

function checkWeights({ ratingWeights }: RiskPolicy, problem: Problem): void {
  if (ratingWeights.version.trim() === '') problem('ratingWeights.version', 'must not be empty')
  for (const signal of RATING_SIGNALS) {
    const weight = ratingWeights.weights[signal]
    if (!isNumber(weight) || weight < 0) problem(`ratingWeights.weights.${signal}`, `must be a number ≥ 0, is ${weight}`)
  }
  if (RATING_SIGNALS.every((signal) => !(ratingWeights.weights[signal]! > 0))) problem('ratingWeights.weights', 'must give at least one signal a weight above 0')
}

function checkThresholds({ thresholds }: RiskPolicy, grades: string[], problem: Problem): void {
  const { utilisationWarning: warning, utilisationBreach: breach, downgradeAlertNotches: notches, watchListGrade } = thresholds
  if (!isNumber(breach) || breach <= 0) problem('thresholds.utilisationBreach', `must be a ratio above 0 (1 = 100 %), is ${breach}`)
  if (!isNumber(warning) || warning <= 0) problem('thresholds.utilisationWarning', `must be a ratio above 0, is ${warning}`)
  else if (isNumber(breach) && warning > breach) problem('thresholds.utilisationWarning', `must not be above the breach level ${breach}, is ${warning}`)
  if (!Number.isInteger(notches) || notches < 1) problem('thresholds.downgradeAlertNotches', `must be a whole number of notches ≥ 1, is ${notches}`)
  if (!grades.includes(watchListGrade)) problem('thresholds.watchListGrade', `must be a grade of the master scale (${grades.join(', ')}), is "${watchListGrade}"`)
}

/** Every grade of the scale has exactly one entry; each entry is checked by `check`. */
function checkPerGrade<T>(field: string, table: Readonly<Record<string, T>>, grades: string[], problem: Problem, check: (entry: T, path: string, grade: string) => void): void {
  for (const grade of grades) {
    if (!Object.hasOwn(table, grade)) problem(`${field}.${grade}`, 'is missing: every grade of the master scale needs an entry')
    else check(table[grade] as T, `${field}.${grade}`, grade)
  }
  for (const grade of Object.keys(table)) {
    if (!grades.includes(grade)) problem(`${field}.${grade}`, `is not a grade of the master scale (${grades.join(', ')})`)
  }
}

function checkReviewFrequencies(policy: RiskPolicy, grades: string[], problem: Problem): void {
  const table = policy.reviewFrequencyPerGrade
  checkPerGrade('reviewFrequencyPerGrade', table, grades, problem, (frequency, path) => {
    if (!Number.isInteger(frequency.every) || frequency.every < 1) problem(`${path}.every`, `must be a whole number ≥ 1, is ${frequency.every}`)
    if (!(REVIEW_UNITS as readonly string[]).includes(frequency.unit)) problem(`${path}.unit`, `must be one of ${REVIEW_UNITS.join(', ')}, is "${frequency.unit}"`)
  })
  // A worse grade is reviewed at least as often as a better one.
  let previous: { grade: string; days: number } | null = null
  for (const grade of grades) {
    const frequency = table[grade]
    if (!frequency || !Number.isInteger(frequency.every) || frequency.every < 1) continue
    const days = inDays(frequency)
    if (previous && days > previous.days) problem(`reviewFrequencyPerGrade.${grade}`, `must not be less frequent than the better grade ${previous.grade} (every ${days} days against ${previous.days})`)
    previous = { grade, days }
  }
}

function checkLimitRules({ limitRules }: RiskPolicy, grades: string[], problem: Problem): void {
  let previous: { grade: string; factor: number } | null = null
  checkPerGrade('limitRules.gradeScale', limitRules.gradeScale, grades, problem, (factor, path, grade) => {
    if (!isNumber(factor) || factor < 0 || factor > 1) problem(path, `must be a factor from 0 to 1, is ${factor}`)
  })
  for (const grade of grades) {
    const factor = limitRules.gradeScale[grade]
    if (!isNumber(factor) || factor < 0 || factor > 1) continue
    if (previous && factor > previous.factor) problem(`limitRules.gradeScale.${grade}`, `must not be above the better grade ${previous.grade}'s factor ${previous.factor}, is ${factor}`)
    previous = { grade, factor }
  }
  for (const method of ['tangibleNetWorth', 'workingCapital', 'monthlySales'] as const) {
    const percent = limitRules.percentages[method]
    if (!isNumber(percent) || percent < 0) problem(`limitRules.percentages.${method}`, `must be a whole-number percent ≥ 0, is ${percent}`)
  }
  if (!Number.isInteger(limitRules.roundingUnit) || limitRules.roundingUnit < 1) problem('limitRules.roundingUnit', `must be a whole number of minor units ≥ 1, is ${limitRules.roundingUnit}`)
  const terms = limitRules.defaultCreditTermsDays
  if (!Number.isInteger(terms) || terms < 0 || terms > 366) problem('limitRules.defaultCreditTermsDays', `must be a whole number of days from 0 to 366, is ${terms}`)
}

function checkApprovalMatrix({ approvalMatrix }: RiskPolicy, grades: string[], problem: Problem): void {
  if (!/^[A-Z]{3}$/.test(approvalMatrix.currency)) problem('approvalMatrix.currency', `must be an ISO 4217 code such as CNY, is "${approvalMatrix.currency}"`)
  if (approvalMatrix.rules.length === 0) problem('approvalMatrix.rules', 'must hold at least one rule')
  const catchAll = new Map<string, number>()
  approvalMatrix.rules.forEach((rule, index) => {
    const path = `approvalMatrix.rules[${index}]`
    if (rule.requestKind.trim() === '') problem(`${path}.requestKind`, 'must not be empty')
    const earlier = catchAll.get(rule.requestKind)
    if (earlier !== undefined) problem(path, `is never reached: rule ${earlier} already takes every ${rule.requestKind} request`)
    if (rule.maxAmount !== null && (!Number.isSafeInteger(rule.maxAmount) || rule.maxAmount < 0)) problem(`${path}.maxAmount`, `must be null or whole minor units ≥ 0, is ${rule.maxAmount}`)
    rule.grades.forEach((grade, g) => {
      if (!grades.includes(grade)) problem(`${path}.grades[${g}]`, `must be a grade of the master scale, is "${grade}"`)
      else if (rule.grades.indexOf(grade) !== g) problem(`${path}.grades[${g}]`, `repeats "${grade}"`)
    })
    if (!(ROLES as readonly string[]).includes(rule.role)) problem(`${path}.role`, `must be one of ${ROLES.join(', ')}, is "${rule.role}"`)
    if (!Number.isInteger(rule.approvers) || rule.approvers < 1) problem(`${path}.approvers`, `must be a whole number ≥ 1, is ${rule.approvers}`)
    if (rule.maxAmount === null && rule.grades.length === 0 && earlier === undefined) catchAll.set(rule.requestKind, index)
  })
  for (const kind of new Set(approvalMatrix.rules.map((rule) => rule.requestKind))) {
    if (!catchAll.has(kind)) problem('approvalMatrix.rules', `must end the ${kind} rules with one for any amount and any grade (maxAmount null, grades []), so every ${kind} request has an approver`)
  }
}

function inDays(frequency: ReviewFrequency): number {
  return frequency.unit === 'months' ? frequency.every * DAYS_PER_MONTH : frequency.every
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * An assessment records the version strings of the scale and weights it was rated with, so a
 * version that changes either must also change its version string; otherwise two different
 * scales would answer to one name. Checked against the active policy when a draft is
 * submitted and approved.
 */
export function versionNameProblems(active: RiskPolicy, candidate: RiskPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = []
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  if (!same(active.masterScale.grades, candidate.masterScale.grades) && active.masterScale.version === candidate.masterScale.version) {
    problems.push({ path: 'masterScale.version', message: `must change when the grades change: the active policy's scale is also "${active.masterScale.version}"` })
  }
  if (!same(active.ratingWeights.weights, candidate.ratingWeights.weights) && active.ratingWeights.version === candidate.ratingWeights.version) {
    problems.push({ path: 'ratingWeights.version', message: `must change when the weights change: the active policy's weights are also "${active.ratingWeights.version}"` })
  }
  return problems
}
