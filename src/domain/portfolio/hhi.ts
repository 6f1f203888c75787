/**
 * The Herfindahl–Hirschman index of a portfolio: the sum of the squared shares of its
 * exposures, HHI = Σ (xᵢ / Σx)², on the 0–1 scale (multiply by 10,000 for the "points" the
 * competition authorities quote). One name holding everything gives 1; n equal names give 1/n.
 * The effective number of names, 1 / HHI, is how many equal names would be as concentrated:
 * a portfolio of 1,000 names with HHI 0.05 is as concentrated as 20 equal ones.
 *
 * Zero exposures take no share and do not count; a negative or non-finite exposure is a
 * programming error (exposure is what is owed) and throws. Without any exposure there are no
 * shares, and both figures are null with the reason.
 */
export type Concentration = {
  hhi: number | null
  effectiveNumber: number | null
  /** Σx, the total the shares are of. */
  total: number
  /** How many exposures above zero the index is over. */
  names: number
  reason: string | null
}

export function herfindahl(exposures: readonly number[]): Concentration {
  let total = 0
  let names = 0
  for (const x of exposures) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`an exposure must be a finite number ≥ 0, got ${x}`)
    total += x
    if (x > 0) names++
  }
  if (total === 0) return { hhi: null, effectiveNumber: null, total, names, reason: 'no exposure: nothing to take shares of' }
  let hhi = 0
  for (const x of exposures) hhi += (x / total) ** 2
  return { hhi, effectiveNumber: 1 / hhi, total, names, reason: null }
}

/**
 * The same index from sums a database can compute without handing over every exposure:
 * HHI = Σx² / (Σx)². `names` is how many exposures are above 0.
 */
export function herfindahlOfSums({ total, sumOfSquares, names }: { total: number; sumOfSquares: number; names: number }): Concentration {
  if (!(total > 0)) return { hhi: null, effectiveNumber: null, total: 0, names: 0, reason: 'no exposure: nothing to take shares of' }
  const hhi = sumOfSquares / (total * total)
  return { hhi, effectiveNumber: 1 / hhi, total, names, reason: null }
}
