import { describe, expect, it } from 'vitest'
import { compositeRating } from '../../testing/risk-fixtures.ts'
import { signalPushes } from './signal-pushes.ts'

describe('signalPushes', () => {
  const rating = compositeRating()
  const pushes = signalPushes(rating)

  it('orders the signals most adverse first, as the reason codes are', () => {
    expect(pushes.map((p) => p.signal)).toEqual(rating.reasonCodes.map((r) => r.signal))
    expect(pushes[0]).toMatchObject({ signal: 'zScoreZone', input: 'grey' })
    expect(pushes[0]!.push).toBeGreaterThan(0)
  })

  it("matches the server's push of each reason code, and adds up to the rating's distance from neutral", () => {
    for (const reason of rating.reasonCodes) expect(pushes.find((p) => p.signal === reason.signal)!.push).toBeCloseTo(reason.push, 12)
    const logit = (p: number) => Math.log(p / (1 - p))
    expect(pushes.reduce((sum, p) => sum + p.push, 0)).toBeCloseTo(rating.logOdds - logit(rating.neutralPd), 12)
  })
})
