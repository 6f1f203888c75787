/**
 * The Altman Z-score family, in ratio form:
 *
 *   X1 = working capital / total assets       X2 = retained earnings / total assets
 *   X3 = EBIT / total assets                  X5 = sales / total assets
 *   X4 = equity / total liabilities           (market value for Z, book value for the others)
 *
 *   Z     (Altman 1968, public manufacturers)   1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5
 *   Z′    (Altman 1983, private firms)          0.717·X1 + 0.847·X2 + 3.107·X3 + 0.420·X4 + 0.998·X5
 *   Z″    (Altman 1983, non-manufacturers)      6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4
 *   Z″-EM (Altman, Hartzell & Peck 1995)        3.25 + Z″
 *
 * The X5 coefficient of Z. The 1968 paper prints the function as
 * 0.012·X1 + 0.014·X2 + 0.033·X3 + 0.006·X4 + 0.999·X5 with X1–X4 written as percentages
 * (X1 = 41.4 for 41.4 %) and X5 as a plain ratio. With every ratio as a plain ratio the first
 * four coefficients become 1.2, 1.4, 3.3 and 0.6, and X5's is conventionally written 1.0, the
 * form Altman himself uses in later work. Fengkong uses that ratio form with 1.0 by default;
 * `x5Coefficient: 0.999` reproduces the paper's printed coefficient (the score then differs
 * by 0.001·X5, rarely more than 0.003).
 *
 * Zones: a score above `safeAbove` is "safe", below `distressBelow` "distress", and from one
 * cut-off to the other, both included, "grey". Scores are rounded to 10 decimal places
 * before they are reported and zoned, so floating-point noise (2.6 + 3.25 is
 * 5.8500000000000005 in binary) cannot move a company across a cut-off.
 */
export const Z_MODELS = ['z', 'z-prime', 'z-double-prime', 'z-double-prime-em'] as const
export type ZModel = (typeof Z_MODELS)[number]

export const Z_ZONES = ['safe', 'grey', 'distress'] as const
export type ZZone = (typeof Z_ZONES)[number]

export const X5_COEFFICIENTS = [1, 0.999] as const
export type X5Coefficient = (typeof X5_COEFFICIENTS)[number]

/** What a caller supplies, in any one unit (minor units, thousands, millions: the ratios do not care). */
export type ZScoreInputs = {
  workingCapital?: number | null
  retainedEarnings?: number | null
  ebit?: number | null
  marketValueEquity?: number | null
  bookValueEquity?: number | null
  sales?: number | null
  totalAssets?: number | null
  totalLiabilities?: number | null
}
export type ZScoreInput = keyof ZScoreInputs

export type ZComponents = { x1: number; x2: number; x3: number; x4: number; x5: number | null }
export type ZCoefficients = { x1: number; x2: number; x3: number; x4: number; x5: number | null }
export type ZCutoffs = { distressBelow: number; safeAbove: number }

export type ZModelDefinition = {
  model: ZModel
  name: string
  /** Whom the model was estimated for. */
  intendedFor: string
  coefficients: ZCoefficients
  constant: number
  /** Which equity X4 divides by total liabilities. */
  x4Equity: 'marketValueEquity' | 'bookValueEquity'
  cutoffs: ZCutoffs
  source: string
}

const DOUBLE_PRIME: ZCoefficients = { x1: 6.56, x2: 3.26, x3: 6.72, x4: 1.05, x5: null }

export const Z_MODEL_DEFINITIONS: Readonly<Record<ZModel, ZModelDefinition>> = {
  z: {
    model: 'z',
    name: 'Altman Z (1968)',
    intendedFor: 'publicly listed manufacturers',
    coefficients: { x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 1.0 },
    constant: 0,
    x4Equity: 'marketValueEquity',
    cutoffs: { distressBelow: 1.81, safeAbove: 2.99 },
    source: 'Altman, E. I. (1968). Financial ratios, discriminant analysis and the prediction of corporate bankruptcy. Journal of Finance 23(4), 589–609.',
  },
  'z-prime': {
    model: 'z-prime',
    name: 'Altman Z′ (private firms)',
    intendedFor: 'privately held manufacturers',
    coefficients: { x1: 0.717, x2: 0.847, x3: 3.107, x4: 0.42, x5: 0.998 },
    constant: 0,
    x4Equity: 'bookValueEquity',
    cutoffs: { distressBelow: 1.23, safeAbove: 2.9 },
    source: 'Altman, E. I. (1983). Corporate Financial Distress. Wiley; Altman, E. I. (2000). Predicting financial distress of companies: revisiting the Z-score and ZETA models.',
  },
  'z-double-prime': {
    model: 'z-double-prime',
    name: 'Altman Z″ (non-manufacturers)',
    intendedFor: 'non-manufacturers, public or private',
    coefficients: DOUBLE_PRIME,
    constant: 0,
    x4Equity: 'bookValueEquity',
    cutoffs: { distressBelow: 1.1, safeAbove: 2.6 },
    source: 'Altman, E. I. (1983). Corporate Financial Distress. Wiley; Altman, E. I. (2000). Predicting financial distress of companies: revisiting the Z-score and ZETA models.',
  },
  'z-double-prime-em': {
    model: 'z-double-prime-em',
    name: 'Altman Z″-EM (emerging markets)',
    intendedFor: 'companies in emerging markets',
    coefficients: DOUBLE_PRIME,
    constant: 3.25,
    x4Equity: 'bookValueEquity',
    cutoffs: { distressBelow: 4.35, safeAbove: 5.85 },
    source: 'Altman, E. I., Hartzell, J. & Peck, M. (1995). Emerging Markets Corporate Bonds: A Scoring System. Salomon Brothers; Altman, E. I. (2005). An emerging market credit scoring system for corporate bonds. Emerging Markets Review 6, 311–323.',
  },
}

export type ZScoreOptions = { x5Coefficient?: X5Coefficient }

export type ZScoreResult = {
  model: ZModel
  name: string
  score: number
  zone: ZZone
  components: ZComponents
  coefficients: ZCoefficients
  constant: number
  cutoffs: ZCutoffs
  /** The X5 coefficient used by model z; null for the other models. */
  x5Coefficient: X5Coefficient | null
  formula: string
  /** The inputs the model read. */
  inputs: Partial<Record<ZScoreInput, number>>
}

/** Why a score cannot be computed, naming the input: missing, or a divisor that is 0 or negative. */
export type ZScoreProblem =
  | { input: ZScoreInput; kind: 'missing' | 'zero' | 'negative' }
  | { input: 'x5Coefficient'; kind: 'not-applicable' }

export type ZScoreOutcome = { ok: true; result: ZScoreResult } | { ok: false; problems: ZScoreProblem[] }

/** The inputs a model reads, in X order. */
export function zScoreInputsOf(model: ZModel): ZScoreInput[] {
  const definition = Z_MODEL_DEFINITIONS[model]
  return [
    'workingCapital',
    'retainedEarnings',
    'ebit',
    definition.x4Equity,
    ...(definition.coefficients.x5 === null ? [] : (['sales'] as const)),
    'totalAssets',
    'totalLiabilities',
  ]
}

export function calculateZScore(model: ZModel, inputs: ZScoreInputs, options: ZScoreOptions = {}): ZScoreOutcome {
  const needed = zScoreInputsOf(model)
  const problems: ZScoreProblem[] = needed.filter((input) => !isNumber(inputs[input])).map((input) => ({ input, kind: 'missing' as const }))
  for (const divisor of ['totalAssets', 'totalLiabilities'] as const) {
    const value = inputs[divisor]
    if (isNumber(value) && value <= 0) problems.push({ input: divisor, kind: value === 0 ? 'zero' : 'negative' })
  }
  if (options.x5Coefficient !== undefined && model !== 'z') problems.push({ input: 'x5Coefficient', kind: 'not-applicable' })
  if (problems.length > 0) return { ok: false, problems }

  const value = (input: ZScoreInput) => inputs[input] as number
  const definition = Z_MODEL_DEFINITIONS[model]
  const terms = zModelTerms(model, options)
  const { coefficients } = terms
  const totalAssets = value('totalAssets')
  const components: ZComponents = {
    x1: value('workingCapital') / totalAssets,
    x2: value('retainedEarnings') / totalAssets,
    x3: value('ebit') / totalAssets,
    x4: value(definition.x4Equity) / value('totalLiabilities'),
    x5: coefficients.x5 === null ? null : value('sales') / totalAssets,
  }
  const score = roundScore(
    terms.constant +
      coefficients.x1 * components.x1 +
      coefficients.x2 * components.x2 +
      coefficients.x3 * components.x3 +
      coefficients.x4 * components.x4 +
      (coefficients.x5 ?? 0) * (components.x5 ?? 0),
  )
  return {
    ok: true,
    result: {
      model,
      name: terms.name,
      score,
      zone: zoneOf(score, terms.cutoffs),
      components,
      coefficients,
      constant: terms.constant,
      cutoffs: terms.cutoffs,
      x5Coefficient: terms.x5Coefficient,
      formula: terms.formula,
      inputs: Object.fromEntries(needed.map((input) => [input, value(input)])),
    },
  }
}

export type ZModelTerms = Pick<ZScoreResult, 'name' | 'coefficients' | 'constant' | 'cutoffs' | 'x5Coefficient' | 'formula'>

/** What a model computes and how it reads the score, whether or not a score can be computed. */
export function zModelTerms(model: ZModel, options: ZScoreOptions = {}): ZModelTerms {
  const definition = Z_MODEL_DEFINITIONS[model]
  const x5Coefficient = model === 'z' ? (options.x5Coefficient ?? 1) : null
  const coefficients: ZCoefficients = { ...definition.coefficients, x5: x5Coefficient ?? definition.coefficients.x5 }
  return {
    name: definition.name,
    coefficients,
    constant: definition.constant,
    cutoffs: definition.cutoffs,
    x5Coefficient,
    formula: formulaOf(definition, coefficients),
  }
}

/** Above safeAbove: safe; below distressBelow: distress; on or between the cut-offs: grey. */
export function zoneOf(score: number, cutoffs: ZCutoffs): ZZone {
  const rounded = roundScore(score)
  if (rounded > cutoffs.safeAbove) return 'safe'
  if (rounded < cutoffs.distressBelow) return 'distress'
  return 'grey'
}

/** A problem in words, for a caller who named the inputs as ZScoreInputs does. */
export function describeZScoreProblem(model: ZModel, problem: ZScoreProblem): string {
  if (problem.input === 'x5Coefficient') return 'applies to model z only'
  if (problem.kind === 'missing') return `is required by model ${model}`
  const divides = problem.input === 'totalLiabilities' ? 'X4' : Z_MODEL_DEFINITIONS[model].coefficients.x5 === null ? 'X1, X2 and X3' : 'X1, X2, X3 and X5'
  return `must be greater than 0 (it divides ${divides})`
}

function formulaOf(definition: ZModelDefinition, coefficients: ZCoefficients): string {
  const x4 = definition.x4Equity === 'marketValueEquity' ? 'market value of equity' : 'book value of equity'
  const terms = (['x1', 'x2', 'x3', 'x4', 'x5'] as const).filter((x) => coefficients[x] !== null).map((x) => `${coefficients[x]}·${x.toUpperCase()}`)
  const sum = (definition.constant ? [String(definition.constant), ...terms] : terms).join(' + ')
  const ratios = [
    'X1 = workingCapital / totalAssets',
    'X2 = retainedEarnings / totalAssets',
    'X3 = ebit / totalAssets',
    `X4 = ${definition.x4Equity} (${x4}) / totalLiabilities`,
    ...(coefficients.x5 === null ? [] : ['X5 = sales / totalAssets']),
  ]
  return `${sum}; ${ratios.join(', ')}`
}

function roundScore(score: number): number {
  return Math.round(score * 1e10) / 1e10
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
