import type { ApprovalMatrix, ApprovalRule } from './risk-policy.ts'

export type ApprovalRequest = {
  /** What is asked for, e.g. `credit_limit`. */
  requestKind: string
  /** Minor units of `currency`. */
  amount: number
  currency: string
  /** The customer's grade on the policy's master scale. */
  grade: string
}

export type ApprovalRoute =
  | { routed: true; ruleIndex: number; rule: ApprovalRule; role: ApprovalRule['role']; approvers: number; explanation: string }
  | { routed: false; reason: string }

/**
 * Who must approve a request under the policy's approval matrix: the first rule of the
 * request's kind whose band holds the amount (amount ≤ maxAmount, or no maximum) and whose
 * grades hold the grade (or that names none). Amounts are compared in the matrix's currency
 * only; there is no exchange rate here, so a request in another currency is not routed.
 */
export function approvalRoute(matrix: ApprovalMatrix, request: ApprovalRequest): ApprovalRoute {
  const { requestKind, amount, currency, grade } = request
  if (currency !== matrix.currency) return { routed: false, reason: `the approval matrix is in ${matrix.currency}, the request in ${currency}: there is no exchange rate to compare them` }
  if (!Number.isSafeInteger(amount) || amount < 0) return { routed: false, reason: `the amount must be whole minor units ≥ 0, is ${amount}` }
  const ruleIndex = matrix.rules.findIndex(
    (rule) => rule.requestKind === requestKind && (rule.maxAmount === null || amount <= rule.maxAmount) && (rule.grades.length === 0 || rule.grades.includes(grade)),
  )
  const rule = matrix.rules[ruleIndex]
  if (!rule) return { routed: false, reason: `no rule of the approval matrix takes a ${requestKind} request of ${amount} ${currency} for grade ${grade}` }
  const band = rule.maxAmount === null ? 'any amount' : `up to ${rule.maxAmount} ${matrix.currency}`
  const grades = rule.grades.length === 0 ? 'any grade' : `grades ${rule.grades.join(', ')}`
  const who = `${rule.approvers} ${rule.role}${rule.approvers === 1 ? '' : 's'}`
  return { routed: true, ruleIndex, rule, role: rule.role, approvers: rule.approvers, explanation: `rule ${ruleIndex} (${requestKind}, ${band}, ${grades}): ${who} must approve` }
}
