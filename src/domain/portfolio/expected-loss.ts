/**
 * Expected loss over a year: EL = PD × LGD × EAD, in the EAD's minor units (rounded to whole
 * units). PD is the customer's current one-year probability of default (its latest
 * assessment), LGD the share of the exposure lost if it defaults, EAD what is exposed
 * (see docs/portfolio.md). Without a PD there is no EL: the customer's exposure is reported
 * as unrated instead of being silently counted as riskless.
 *
 * The default LGD is 45 %, the Basel foundation-IRB figure for senior unsecured claims on
 * corporates without recognised collateral: a trade receivable is exactly that.
 */
export const DEFAULT_LGD = 0.45

export type ExpectedLossInput = { pd: number | null; lgd?: number; ead: number }

export type ExpectedLoss = {
  value: number | null
  formula: 'PD × LGD × EAD'
  inputs: { pd: number | null; lgd: number; ead: number }
  reason: string | null
}

export function expectedLoss({ pd, lgd = DEFAULT_LGD, ead }: ExpectedLossInput): ExpectedLoss {
  const inputs = { pd, lgd, ead }
  const formula = 'PD × LGD × EAD' as const
  if (!Number.isFinite(ead) || ead < 0) throw new RangeError(`EAD must be a finite number ≥ 0, got ${ead}`)
  if (!Number.isFinite(lgd) || lgd < 0 || lgd > 1) throw new RangeError(`LGD must be in [0, 1], got ${lgd}`)
  if (pd === null) return { value: null, formula, inputs, reason: 'no PD: the customer has no assessment with a probability of default' }
  if (!Number.isFinite(pd) || pd < 0 || pd > 1) return { value: null, formula, inputs, reason: `PD ${pd} is not a probability` }
  return { value: Math.round(pd * lgd * ead), formula, inputs, reason: null }
}

export type PortfolioExpectedLoss = {
  /** Σ EL over the customers with a PD. */
  total: number
  /** Σ EAD of the customers with a PD, the base of `rate`. */
  ratedExposure: number
  /** Σ EAD of the customers without a PD: not in the total. */
  unratedExposure: number
  unratedCustomers: number
  /** total / ratedExposure: the portfolio's exposure-weighted PD × LGD; null without rated exposure. */
  rate: number | null
  lgd: number
}

export function portfolioExpectedLoss(items: readonly { pd: number | null; ead: number }[], lgd = DEFAULT_LGD): PortfolioExpectedLoss {
  const result: PortfolioExpectedLoss = { total: 0, ratedExposure: 0, unratedExposure: 0, unratedCustomers: 0, rate: null, lgd }
  for (const item of items) {
    const el = expectedLoss({ pd: item.pd, lgd, ead: item.ead })
    if (el.value === null) {
      if (item.ead > 0) {
        result.unratedExposure += item.ead
        result.unratedCustomers++
      }
      continue
    }
    result.total += el.value
    result.ratedExposure += item.ead
  }
  result.rate = result.ratedExposure === 0 ? null : result.total / result.ratedExposure
  return result
}
