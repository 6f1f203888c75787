import type { CompositeRating, RatingSignal, SignalContribution } from '../../api/types.ts'

export type SignalPush = {
  signal: RatingSignal
  input: SignalContribution['input']
  pd: number
  weight: number
  /**
   * How far the signal moved the rating's log-odds from the portfolio-neutral PD:
   * weight × (logit(pd) − logit(neutralPd)). Positive is adverse.
   */
  push: number
  mapping: string
}

const logit = (p: number) => Math.log(p / (1 - p))

/** Each signal's push on the rating, most adverse first; the pushes add up to logOdds − logit(neutralPd). */
export function signalPushes(rating: Pick<CompositeRating, 'contributions' | 'neutralPd'>): SignalPush[] {
  const neutral = logit(rating.neutralPd)
  return rating.contributions
    .map((c) => ({ signal: c.signal, input: c.input, pd: c.pd, weight: c.weight, push: c.weight * (c.logOdds - neutral), mapping: c.mapping }))
    .sort((a, b) => b.push - a.push)
}
