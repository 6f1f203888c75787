/**
 * Points scaling: a score is a linear function of the log of the good:bad odds,
 *
 *   score = offset + factor · ln(odds),   factor = pdo / ln 2,   offset = basePoints − factor · ln(baseOdds)
 *
 * so the score is `basePoints` at odds `baseOdds` : 1 and every `pdo` points double the odds
 * (600 points at 50:1 and PDO 20 by default: 620 points is 100:1, 580 points 25:1).
 * PD, the probability of going bad, is 1 / (1 + odds).
 */
export type PointsScaling = { basePoints: number; baseOdds: number; pdo: number }

export const DEFAULT_POINTS_SCALING: PointsScaling = { basePoints: 600, baseOdds: 50, pdo: 20 }

export type ScalingConstants = PointsScaling & { factor: number; offset: number }

export function scalingConstants(scaling: PointsScaling = DEFAULT_POINTS_SCALING): ScalingConstants {
  if (!(Number.isFinite(scaling.basePoints))) throw new Error(`base points must be a number, got ${scaling.basePoints}`)
  if (!(scaling.baseOdds > 0 && Number.isFinite(scaling.baseOdds))) throw new Error(`base odds must be above 0, got ${scaling.baseOdds}`)
  if (!(scaling.pdo > 0 && Number.isFinite(scaling.pdo))) throw new Error(`points to double the odds must be above 0, got ${scaling.pdo}`)
  const factor = scaling.pdo / Math.LN2
  return { ...scaling, factor, offset: scaling.basePoints - factor * Math.log(scaling.baseOdds) }
}

/** The score of given good:bad odds. */
export function scoreOfOdds(odds: number, constants: ScalingConstants): number {
  return constants.offset + constants.factor * Math.log(odds)
}

/** The good:bad odds a score stands for. */
export function oddsOfScore(score: number, constants: ScalingConstants): number {
  return Math.exp((score - constants.offset) / constants.factor)
}

/** The probability of going bad at a score: 1 / (1 + odds). */
export function pdOfScore(score: number, constants: ScalingConstants): number {
  return 1 / (1 + Math.exp((score - constants.offset) / constants.factor))
}
