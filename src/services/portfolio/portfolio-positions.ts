import type { FeatureConfig } from '../../domain/monitoring/features/index.ts'
import { DEFAULT_LGD } from '../../domain/portfolio/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readPortfolioFigures, type ExposureBasis, type PortfolioFigures } from '../../store/repositories/portfolio.ts'

/**
 * Exposure at default (EAD), the amount every portfolio figure is of (docs/portfolio.md):
 * - `outstanding` (the default): what the customer owes now, its open receivables;
 * - `limit`: the credit limits of its active contracts, what it could owe if it drew them in full.
 * Amounts are converted to the reporting currency (CNY) with the configured rates
 * (FENGKONG_FX_RATES: reporting minor units per minor unit) as round(amount × rate) per
 * customer and currency; an amount in a currency without a rate cannot be added and is
 * reported apart as unconverted, never silently dropped.
 */
export const EXPOSURE_BASES = ['outstanding', 'limit'] as const
export type { ExposureBasis }

/** The reporting currency and the rates into it: featureConfigOf(config) gives the configured ones. */
export type Fx = Pick<FeatureConfig, 'reportingCurrency' | 'fxToReporting'>

const NO_FX: Fx = { reportingCurrency: 'CNY', fxToReporting: {} }

export type ReadFiguresOptions = { store: Store; basis?: ExposureBasis; fx?: Fx; lgd?: number; overShare?: number | null; top?: number; parts?: 'all' | 'groups'; now?: number }

export type Figures = PortfolioFigures & { asOf: string; basis: ExposureBasis; currency: string }

/** The portfolio's figures as of now, grouped in the database (one statement). */
export async function readFigures({ store, basis = 'outstanding', fx = NO_FX, lgd = DEFAULT_LGD, overShare = null, top = 10, parts = 'all', now = Date.now() }: ReadFiguresOptions): Promise<Figures> {
  const asOf = new Date(now).toISOString()
  const figures = await readPortfolioFigures(store.db, { dialect: store.dialect, basis, asOf, asOfMs: now, reporting: fx.reportingCurrency, rates: fx.fxToReporting, lgd, overShare, top, parts })
  return { ...figures, asOf, basis, currency: fx.reportingCurrency }
}
