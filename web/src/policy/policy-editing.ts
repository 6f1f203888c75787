import type { MasterScaleGrade, PolicyVersionSummary, ReviewFrequency, RiskPolicy } from '../api/policy-queries.ts'

/** Whether the user (by id) created, last edited or submitted the version: then the server refuses them its approval. */
export function isMakerOf(version: Pick<PolicyVersionSummary, 'createdBy' | 'updatedBy' | 'submittedBy'>, userId: string | undefined): boolean {
  if (!userId) return false
  const label = `user:${userId}`
  return version.createdBy === label || version.updatedBy === label || version.submittedBy === label
}

/**
 * The document with one band of the master scale changed. Moving a band's upper bound moves
 * the next band's lower bound with it, so the bands keep meeting; the server checks the rest.
 */
export function withGrade(policy: RiskPolicy, index: number, change: Partial<MasterScaleGrade>): RiskPolicy {
  const grades = policy.masterScale.grades.map((grade, i) => (i === index ? { ...grade, ...change } : grade))
  const next = grades[index + 1]
  if (change.upper !== undefined && next) grades[index + 1] = { ...next, lower: change.upper }
  return { ...policy, masterScale: { ...policy.masterScale, grades } }
}

export function withReviewFrequency(policy: RiskPolicy, grade: string, change: Partial<ReviewFrequency>): RiskPolicy {
  const current = policy.reviewFrequencyPerGrade[grade] ?? { every: 12, unit: 'months' }
  return { ...policy, reviewFrequencyPerGrade: { ...policy.reviewFrequencyPerGrade, [grade]: { ...current, ...change } } }
}

/** The document as the JSON editor shows it. */
export const policyText = (policy: RiskPolicy) => JSON.stringify(policy, null, 2)

/** The document the JSON editor holds, or why it is not one. */
export function parsePolicyText(text: string): { policy: RiskPolicy } | { error: string } {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' }
    return { policy: value as RiskPolicy }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** A value of a diff as one line of text. */
export function diffValueText(value: unknown): string {
  if (value === null || value === undefined) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
