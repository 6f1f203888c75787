/**
 * What every receivables figure looks like: its value, the formula that produced it and the
 * inputs it read, so an analyst can redo it by hand; a figure that cannot be computed has
 * `value: null` and says why. Nothing here is NaN or Infinity.
 */
export type Money = { amount: number; currency: string }

export type Figure = {
  /** How the value is computed, in words and the names of `inputs`. */
  formula: string
  /** The numbers the formula used (minor units, days or counts). */
  inputs: Readonly<Record<string, number | null>>
  value: number | null
  /** Why value is null; null when it was computed. */
  reason: string | null
}

export function computed(formula: string, inputs: Figure['inputs'], value: number): Figure {
  return { formula, inputs, value, reason: null }
}

export function notComputed(formula: string, inputs: Figure['inputs'], reason: string): Figure {
  return { formula, inputs, value: null, reason }
}

/** Days are reported to two decimals; the inputs keep the exact sums. */
export function round2(value: number): number {
  return roundTo(value, 2)
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals
  return Math.round(Number((value * scale).toPrecision(15))) / scale + 0
}
