/**
 * How each rating signal becomes a one-year PD. Every mapping is monotone (a worse input never
 * gives a lower PD) and is a policy choice written down here and in docs/risk-models.md, not
 * an estimate: replace the anchors when a portfolio's own default history allows.
 *
 * Anchored mappings interpolate linearly on the log-odds scale between neighbouring anchors,
 * so a score halfway between two anchors gets the geometric-mean odds of the two.
 */
import type { ZZone } from '../z-score.ts'

/** The PD a customer with no information either way is assumed to have; reason codes are measured from it. */
export const NEUTRAL_PD = 0.02

/** Every signal's PD is clamped to [PD_FLOOR, PD_CAP] so its log-odds is finite. */
export const PD_FLOOR = 0.0001
export const PD_CAP = 0.9999

export const ZONE_PD: Readonly<Record<ZZone, number>> = { safe: 0.005, grey: 0.04, distress: 0.2 }

/** Bureau score: PD at the bottom and at the top of the bureau's scale (a higher score is better). */
export const BUREAU_PD_AT_MIN = 0.3
export const BUREAU_PD_AT_MAX = 0.002

export type PdAnchor = readonly [input: number, pd: number]

/** Expert (analyst) score 0–100, 100 best. 50 is the neutral PD. */
export const EXPERT_SCORE_ANCHORS: readonly PdAnchor[] = [
  [0, 0.5],
  [25, 0.15],
  [50, 0.02],
  [75, 0.005],
  [100, 0.001],
]

/** Industry risk 1 (lowest) to 5 (highest); 3 is the neutral PD, each step doubles it. */
export const INDUSTRY_RISK_PD: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = { 1: 0.005, 2: 0.01, 3: 0.02, 4: 0.04, 5: 0.08 }

/**
 * Payment behaviour, a PAYDEX-like index 1–100: 80 pays on terms, 100 pays early, 70 is about
 * 15 days beyond terms, 50 about 30, 20 about 120. A placeholder until a payment-data source
 * is connected.
 */
export const PAYMENT_BEHAVIOUR_ANCHORS: readonly PdAnchor[] = [
  [1, 0.4],
  [20, 0.25],
  [50, 0.08],
  [70, 0.03],
  [80, 0.01],
  [100, 0.005],
]

export function logit(pd: number): number {
  return Math.log(pd / (1 - pd))
}

export function logistic(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds))
}

export function clampPd(pd: number): number {
  return Math.min(PD_CAP, Math.max(PD_FLOOR, pd))
}

/** Log-odds at `input`, linear in log-odds between the anchors around it; `input` must lie within the anchors. */
export function interpolateLogOdds(anchors: readonly PdAnchor[], input: number): number {
  for (let index = 1; index < anchors.length; index++) {
    const [x0, pd0] = anchors[index - 1] as PdAnchor
    const [x1, pd1] = anchors[index] as PdAnchor
    if (input === x0) return logit(pd0)
    if (input === x1) return logit(pd1)
    if (input > x0 && input < x1) return logit(pd0) + ((input - x0) / (x1 - x0)) * (logit(pd1) - logit(pd0))
  }
  throw new RangeError(`${input} lies outside the anchors`)
}

/** logit(PD) = logit(BUREAU_PD_AT_MIN) + s·(logit(BUREAU_PD_AT_MAX) − logit(BUREAU_PD_AT_MIN)), s = (score − min) / (max − min). */
export function bureauScoreLogOdds(score: number, min: number, max: number): number {
  const position = (score - min) / (max - min)
  return logit(BUREAU_PD_AT_MIN) + position * (logit(BUREAU_PD_AT_MAX) - logit(BUREAU_PD_AT_MIN))
}
