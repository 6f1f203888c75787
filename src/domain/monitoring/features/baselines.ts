/**
 * Exponentially weighted mean and variance over event time. An observation's weight halves
 * every half-life of event time after it; the mean and variance are West's weighted running
 * ones (D. H. D. West, "Updating mean and variance estimates: an improved method", CACM 22(9),
 * 1979), so nothing is re-summed and the sum of squared deviations cannot go negative:
 *
 *   W' = W + w,   mean' = mean + w·(x − mean)/W',   m2' = m2 + w·W·(x − mean)²/W',   variance = m2/W
 *
 * Ageing multiplies W and m2 by 2^(−Δt/halfLife) and leaves mean and variance as they are.
 * An observation older than the baseline's time (a late arrival) comes in already aged.
 */
export type Ewma = {
  count: number
  /** The effective number of observations: the sum of their weights, aged to `at`. */
  weight: number
  mean: number
  m2: number
  /** The time the weights are aged to: the newest observation's. */
  at: number
}

export function emptyEwma(): Ewma {
  return { count: 0, weight: 0, mean: 0, m2: 0, at: 0 }
}

export function observe(ewma: Ewma, x: number, t: number, halfLife: number): void {
  let w = 1
  if (ewma.count === 0) ewma.at = t
  else if (t > ewma.at) {
    const ageing = 2 ** ((ewma.at - t) / halfLife)
    ewma.weight *= ageing
    ewma.m2 *= ageing
    ewma.at = t
  } else if (t < ewma.at) w = 2 ** ((t - ewma.at) / halfLife)
  const total = ewma.weight + w
  const delta = x - ewma.mean
  ewma.mean += (delta * w) / total
  ewma.m2 += (w * delta * delta * ewma.weight) / total
  ewma.weight = total
  ewma.count += 1
}

/**
 * `k` observations of 0 at the `k` time units after `at`, in closed form (a customer silent for
 * a year adds 365 zero days at once): with a = 2^(−k/halfLife) and Z = Σ_{j<k} 2^(−j/halfLife),
 * W' = aW + Z, mean' = mean·aW/W', m2' = a·m2 + mean²·aW·Z/W'.
 */
export function observeZeros(ewma: Ewma, k: number, halfLife: number): void {
  if (k <= 0) return
  const aged = ewma.weight * 2 ** (-k / halfLife)
  const zeros = geometricSum(k, halfLife)
  const total = aged + zeros
  ewma.m2 = ewma.m2 * 2 ** (-k / halfLife) + (ewma.mean * ewma.mean * aged * zeros) / total
  ewma.mean = (ewma.mean * aged) / total
  ewma.weight = total
  ewma.count += k
  ewma.at += k
}

/** Σ_{j=0}^{k−1} r^j with r = 2^(−1/halfLife). */
function geometricSum(k: number, halfLife: number): number {
  const r = 2 ** (-1 / halfLife)
  return (1 - r ** k) / (1 - r)
}

export function varianceOf(ewma: Ewma): number {
  return ewma.weight > 0 ? ewma.m2 / ewma.weight : 0
}

/** How many standard deviations `x` lies from the mean; null before two observations or with no spread. */
export function zScore(ewma: Ewma, x: number): number | null {
  if (ewma.count < 2) return null
  const variance = varianceOf(ewma)
  return variance > 0 ? (x - ewma.mean) / Math.sqrt(variance) : null
}

/**
 * Transactions per UTC day: the open day (the newest seen) is counted as it fills; a day is
 * observed, with a 0 for every silent day, when a later one opens. A late transaction whose
 * day has closed is counted in the open day, so every transaction is counted once.
 */
export type DailyCountBaseline = { day: number | null; count: number; days: Ewma }

export function emptyDailyCountBaseline(): DailyCountBaseline {
  return { day: null, count: 0, days: emptyEwma() }
}

/** Counts one transaction on `day`; returns the open day's count, this transaction included. */
export function countOnDay(baseline: DailyCountBaseline, day: number, halfLifeDays: number): number {
  if (baseline.day === null) baseline.day = day
  else if (day > baseline.day) {
    closeDaysBefore(baseline.days, baseline.day, baseline.count, day, halfLifeDays)
    baseline.day = day
    baseline.count = 0
  }
  baseline.count += 1
  return baseline.count
}

/** The closed days' baseline as of `day`: days between the open one and `day` are closed as they would be. */
export function dailyCountsAsOf(baseline: DailyCountBaseline, day: number, halfLifeDays: number): Ewma {
  const days = { ...baseline.days }
  if (baseline.day !== null && day > baseline.day) closeDaysBefore(days, baseline.day, baseline.count, day, halfLifeDays)
  return days
}

function closeDaysBefore(days: Ewma, openDay: number, count: number, nextDay: number, halfLifeDays: number): void {
  observe(days, count, openDay, halfLifeDays)
  observeZeros(days, nextDay - openDay - 1, halfLifeDays)
}
