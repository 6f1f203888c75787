/**
 * The Jensen–Shannon divergence, base 2, of two distributions given as unnormalised masses
 * (amounts per category): 0 for the same shares, 1 for no category in common.
 *
 *   JSD(P, Q) = ½·KL(P ‖ M) + ½·KL(Q ‖ M),   M = (P + Q)/2,   KL(P ‖ M) = Σ p·log2(p/m)
 *
 * Null when either distribution has no mass.
 */
export function jensenShannonDivergence(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number | null {
  const pTotal = total(p)
  const qTotal = total(q)
  if (pTotal <= 0 || qTotal <= 0) return null
  // In key order, so the same masses give the same bits whatever order they were met in.
  let divergence = 0
  for (const key of [...new Set([...p.keys(), ...q.keys()])].sort()) {
    const pShare = (p.get(key) ?? 0) / pTotal
    const qShare = (q.get(key) ?? 0) / qTotal
    const mean = (pShare + qShare) / 2
    if (pShare > 0) divergence += pShare * Math.log2(pShare / mean)
    if (qShare > 0) divergence += qShare * Math.log2(qShare / mean)
  }
  return Math.min(1, Math.max(0, divergence / 2))
}

function total(masses: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const mass of masses.values()) sum += mass
  return sum
}
