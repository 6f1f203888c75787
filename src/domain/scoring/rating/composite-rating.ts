/**
 * The composite rating: every available signal is mapped to a PD (signal-mappings.ts), the
 * PDs are averaged on the log-odds scale with the configured weights renormalised over the
 * signals present, and the result is graded on a master scale.
 *
 *   logOdds = Σ wᵢ·logit(pdᵢ) / Σ wᵢ      (over the signals present)
 *   pd      = 1 / (1 + e^(−logOdds)), rounded to 10 decimal places before it is graded
 *
 * Each signal's push is its renormalised weight × (logit(pdᵢ) − logit(NEUTRAL_PD)); the pushes
 * add up to logOdds − logit(NEUTRAL_PD), and the reason codes are the signals ordered by push,
 * most adverse first.
 */
import type { ZZone } from '../z-score.ts'
import { gradeForPd, validateMasterScale, DEFAULT_MASTER_SCALE, type MasterScale } from './master-scale.ts'
import {
  BUREAU_PD_AT_MAX,
  BUREAU_PD_AT_MIN,
  EXPERT_SCORE_ANCHORS,
  INDUSTRY_RISK_PD,
  NEUTRAL_PD,
  PAYMENT_BEHAVIOUR_ANCHORS,
  ZONE_PD,
  bureauScoreLogOdds,
  clampPd,
  interpolateLogOdds,
  logistic,
  logit,
} from './signal-mappings.ts'

/** In this order when pushes tie. */
export const RATING_SIGNALS = ['scorecardPd', 'zScoreZone', 'bureauScore', 'paymentBehaviour', 'expertScore', 'industryRisk'] as const
export type RatingSignal = (typeof RATING_SIGNALS)[number]

export type BureauScoreInput = { score: number; min: number; max: number }
export type SignalInput = ZZone | number | BureauScoreInput

export type RatingWeights = { version: string; weights: Readonly<Record<RatingSignal, number>> }

export const DEFAULT_RATING_WEIGHTS: RatingWeights = {
  version: 'fengkong-weights-1',
  weights: { scorecardPd: 0.3, zScoreZone: 0.2, bureauScore: 0.2, paymentBehaviour: 0.1, expertScore: 0.1, industryRisk: 0.1 },
}

export type RateCustomerOptions = {
  zScoreZone?: ZZone | null
  scorecardPd?: number | null
  bureauScore?: BureauScoreInput | null
  /** 0–100, 100 best. */
  expertScore?: number | null
  /** 1 (lowest) to 5 (highest). */
  industryRisk?: number | null
  /** PAYDEX-like 1–100, 80 pays on terms. */
  paymentBehaviour?: number | null
  weights?: RatingWeights
  scale?: MasterScale
}

export type SignalContribution = {
  signal: RatingSignal
  input: SignalInput
  /** How the input became `pd`, in words and numbers. */
  mapping: string
  /** After clamping to [PD_FLOOR, PD_CAP]. */
  pd: number
  logOdds: number
  configuredWeight: number
  /** Renormalised over the signals present; the weights of the contributions add up to 1. */
  weight: number
  /** weight × logOdds; these add up to the rating's logOdds. */
  logOddsContribution: number
}

export type ReasonCode = {
  code: string
  signal: RatingSignal
  adverse: boolean
  /** weight × (logOdds − logit(NEUTRAL_PD)); positive pushes the PD up. */
  push: number
  text: string
}

export type CompositeRating = {
  rated: true
  pd: number
  grade: string
  band: { lower: number; upper: number }
  logOdds: number
  neutralPd: number
  contributions: SignalContribution[]
  reasonCodes: ReasonCode[]
  weightsVersion: string
  scaleVersion: string
}

export type RatingProblem = { field: RatingSignal | 'weights' | 'scale'; message: string }

export type NotRated = { rated: false; reason: string; problems: RatingProblem[]; weightsVersion: string; scaleVersion: string }

export function rateCustomer(options: RateCustomerOptions): CompositeRating | NotRated {
  const { weights = DEFAULT_RATING_WEIGHTS, scale = DEFAULT_MASTER_SCALE } = options
  const versions = { weightsVersion: weights.version, scaleVersion: scale.version }
  const problems: RatingProblem[] = [
    ...validateMasterScale(scale).map((problem) => ({ field: 'scale' as const, message: problem.message })),
    ...validateWeights(weights),
  ]
  const mapped: { signal: RatingSignal; input: SignalInput; pd: number; mapping: string }[] = []
  for (const signal of RATING_SIGNALS) {
    const input = options[signal]
    if (input === undefined || input === null) continue
    const outcome = mapSignal(signal, input)
    if ('problem' in outcome) problems.push({ field: signal, message: outcome.problem })
    else mapped.push({ signal, input, ...outcome })
  }
  if (problems.length > 0) return { rated: false, reason: 'invalid input', problems, ...versions }
  if (mapped.length === 0) return { rated: false, reason: 'no signals: at least one of ' + RATING_SIGNALS.join(', ') + ' is needed', problems, ...versions }

  const totalWeight = mapped.reduce((sum, { signal }) => sum + weights.weights[signal], 0)
  if (totalWeight === 0) {
    return { rated: false, reason: `every signal present (${mapped.map((m) => m.signal).join(', ')}) has weight 0 in weights ${weights.version}`, problems, ...versions }
  }

  const contributions: SignalContribution[] = mapped.map(({ signal, input, pd, mapping }) => {
    const clamped = clampPd(pd)
    const logOdds = logit(clamped)
    const configuredWeight = weights.weights[signal]
    const weight = configuredWeight / totalWeight
    return { signal, input, mapping, pd: clamped, logOdds, configuredWeight, weight, logOddsContribution: weight * logOdds }
  })
  const logOdds = contributions.reduce((sum, c) => sum + c.logOddsContribution, 0)
  const pd = round10(logistic(logOdds))
  const band = gradeForPd(scale, pd) as NonNullable<ReturnType<typeof gradeForPd>> // a valid scale covers [0, 1]

  return {
    rated: true,
    pd,
    grade: band.grade,
    band: { lower: band.lower, upper: band.upper },
    logOdds,
    neutralPd: NEUTRAL_PD,
    contributions,
    reasonCodes: reasonCodes(contributions),
    ...versions,
  }
}

function validateWeights(weights: RatingWeights): RatingProblem[] {
  const problems: RatingProblem[] = []
  if (weights.version.trim() === '') problems.push({ field: 'weights', message: 'the weights have no version' })
  for (const signal of RATING_SIGNALS) {
    const weight = weights.weights[signal]
    if (!Number.isFinite(weight) || weight < 0) problems.push({ field: 'weights', message: `weight of ${signal} must be a number ≥ 0, is ${weight}` })
  }
  return problems
}

function mapSignal(signal: RatingSignal, input: SignalInput): { pd: number; mapping: string } | { problem: string } {
  switch (signal) {
    case 'zScoreZone': {
      if (typeof input !== 'string' || !(input in ZONE_PD)) return { problem: `must be safe, grey or distress, is ${String(input)}` }
      const pd = ZONE_PD[input as ZZone]
      return { pd, mapping: `zone ${input} → fixed PD ${pd}` }
    }
    case 'scorecardPd': {
      if (!isNumberIn(input, 0, 1)) return { problem: `must be a PD in [0, 1], is ${String(input)}` }
      return { pd: input, mapping: `the scorecard's PD ${input}, used as is` }
    }
    case 'bureauScore': {
      if (typeof input !== 'object') return { problem: 'must be { score, min, max }' }
      const { score, min, max } = input
      if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) return { problem: `scale min ${min} must be below max ${max}` }
      if (!isNumberIn(score, min, max)) return { problem: `score ${score} lies outside its scale [${min}, ${max}]` }
      const position = (score - min) / (max - min)
      return {
        pd: logistic(bureauScoreLogOdds(score, min, max)),
        mapping: `position (${score} − ${min}) / (${max} − ${min}) = ${position} on a logistic curve from PD ${BUREAU_PD_AT_MIN} at the bottom to ${BUREAU_PD_AT_MAX} at the top`,
      }
    }
    case 'expertScore': {
      if (!isNumberIn(input, 0, 100)) return { problem: `must be a number in [0, 100], is ${String(input)}` }
      return { pd: logistic(interpolateLogOdds(EXPERT_SCORE_ANCHORS, input)), mapping: `expert score ${input} between anchors ${anchorsText(EXPERT_SCORE_ANCHORS)}` }
    }
    case 'industryRisk': {
      if (!isNumberIn(input, 1, 5) || !Number.isInteger(input)) return { problem: `must be an integer from 1 to 5, is ${String(input)}` }
      const pd = INDUSTRY_RISK_PD[input as 1 | 2 | 3 | 4 | 5]
      return { pd, mapping: `industry risk ${input} → fixed PD ${pd}` }
    }
    case 'paymentBehaviour': {
      if (!isNumberIn(input, 1, 100)) return { problem: `must be a number in [1, 100], is ${String(input)}` }
      return { pd: logistic(interpolateLogOdds(PAYMENT_BEHAVIOUR_ANCHORS, input)), mapping: `payment index ${input} between anchors ${anchorsText(PAYMENT_BEHAVIOUR_ANCHORS)}` }
    }
  }
}

const REASON_WORDING: Readonly<Record<RatingSignal, { code: string; adverse: string; favourable: string; label: string }>> = {
  scorecardPd: { code: 'SCORECARD_PD', adverse: 'HIGH', favourable: 'LOW', label: 'Scorecard PD' },
  zScoreZone: { code: 'ZSCORE', adverse: '', favourable: '', label: 'Altman Z-score zone' },
  bureauScore: { code: 'BUREAU_SCORE', adverse: 'LOW', favourable: 'HIGH', label: 'Credit bureau score' },
  paymentBehaviour: { code: 'PAYMENT_BEHAVIOUR', adverse: 'SLOW', favourable: 'PROMPT', label: 'Payment behaviour' },
  expertScore: { code: 'EXPERT_SCORE', adverse: 'LOW', favourable: 'HIGH', label: 'Analyst assessment' },
  industryRisk: { code: 'INDUSTRY_RISK', adverse: 'HIGH', favourable: 'LOW', label: 'Industry risk' },
}

/** Pushes this close to zero count as neutral: a mapping that lands on NEUTRAL_PD through a logit round trip. */
const NEUTRAL_TOLERANCE = 1e-9

function reasonCodes(contributions: readonly SignalContribution[]): ReasonCode[] {
  const neutralLogOdds = logit(NEUTRAL_PD)
  return contributions
    .filter((c) => c.weight > 0)
    .map((c) => {
      const raw = c.weight * (c.logOdds - neutralLogOdds)
      const push = Math.abs(raw) < NEUTRAL_TOLERANCE ? 0 : raw
      const wording = REASON_WORDING[c.signal]
      const direction = push > 0 ? 'adverse' : push < 0 ? 'favourable' : 'neutral'
      const suffix = c.signal === 'zScoreZone' ? String(c.input).toUpperCase() : direction === 'neutral' ? 'NEUTRAL' : wording[direction]
      const comparison = direction === 'adverse' ? 'above' : direction === 'favourable' ? 'below' : 'at'
      const text = `${wording.label} (${inputText(c.input)}) implies a PD of ${percent(c.pd)}, ${comparison} the portfolio-neutral ${percent(NEUTRAL_PD)}`
      return { code: `${wording.code}_${suffix}`, signal: c.signal, adverse: push > 0, push, text }
    })
    .sort((a, b) => b.push - a.push || RATING_SIGNALS.indexOf(a.signal) - RATING_SIGNALS.indexOf(b.signal))
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

function round10(value: number): number {
  return Math.round(value * 1e10) / 1e10
}

function percent(pd: number): string {
  return `${(pd * 100).toFixed(2)} %`
}

function inputText(input: SignalInput): string {
  return typeof input === 'object' ? `${input.score} on ${input.min}–${input.max}` : String(input)
}

function anchorsText(anchors: readonly (readonly [number, number])[]): string {
  return anchors.map(([x, pd]) => `${x} → ${pd}`).join(', ')
}
