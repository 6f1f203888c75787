import type { CreditLimitCandidate, CreditLimitRecommendation } from '../../api/types.ts'

/**
 * The candidate that set the limit: the one the server names as binding, or, when an answer
 * does not say, the smallest computed candidate (the first of equals), as the server chooses
 * it. null when no candidate could be computed.
 */
export function bindingCandidate(limit: Pick<CreditLimitRecommendation, 'candidates'> & { binding?: CreditLimitRecommendation['binding'] }): CreditLimitCandidate | null {
  if (limit.binding) return limit.candidates.find((c) => c.method === limit.binding) ?? null
  const computed = limit.candidates.filter((c): c is CreditLimitCandidate & { value: number } => c.value !== null && Number.isFinite(c.value))
  if (computed.length === 0) return null
  return computed.reduce((smallest, c) => (c.value < smallest.value ? c : smallest))
}
