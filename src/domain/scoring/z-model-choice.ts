import { Z_MODEL_DEFINITIONS, type ZModel } from './z-score.ts'

/**
 * Which member of the Z family fits a customer, from what the register knows about it:
 *
 *   manufacturer (industry code in section C)  listed      → z               (market value of equity)
 *   manufacturer                               not listed  → z-prime         (book value of equity)
 *   not a manufacturer                         developed   → z-double-prime  (no sales / total assets)
 *   not a manufacturer                         emerging    → z-double-prime-em
 *
 * Manufacturing is section C of GB/T 4754-2017 and of ISIC Rev. 4 alike, so an industry code
 * starting with C (C39, C3911) is a manufacturer. A code written without its section letter
 * (3911) is not recognised: store the letter. A customer with no industry is treated as a
 * non-manufacturer, because Z″ leaves out sales / total assets, the ratio that varies most
 * between industries. A market is developed when its country is on DEVELOPED_MARKETS.
 * A caller may override the choice; the reason then says so and what the rules would pick.
 */

/**
 * The IMF's advanced economies (World Economic Outlook, April 2024: 41 economies), as
 * ISO 3166-1 alpha-2 codes. Every other country counts as an emerging market here.
 */
export const DEVELOPED_MARKETS: readonly string[] = [
  'AD', 'AT', 'AU', 'BE', 'CA', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HK', 'HR', 'IE', 'IL', 'IS',
  'IT', 'JP', 'KR', 'LT', 'LU', 'LV', 'MO', 'MT', 'NL', 'NO', 'NZ', 'PR', 'PT', 'SE', 'SG', 'SI', 'SK', 'SM', 'TW', 'US',
]

export type ZModelProfile = {
  listed: boolean
  /** GB/T 4754 or ISIC code, e.g. C39; null when unknown. */
  industryCode: string | null
  /** ISO 3166-1 alpha-2 */
  country: string
}

export type ZModelChoice = {
  model: ZModel
  reason: string
  overridden: boolean
  manufacturer: boolean
  developedMarket: boolean
}

export function isManufacturer(industryCode: string | null): boolean {
  return industryCode !== null && /^C/i.test(industryCode.trim())
}

export function isDevelopedMarket(country: string): boolean {
  return DEVELOPED_MARKETS.includes(country.trim().toUpperCase())
}

export function chooseZModel(profile: ZModelProfile, override?: ZModel): ZModelChoice {
  const manufacturer = isManufacturer(profile.industryCode)
  const developedMarket = isDevelopedMarket(profile.country)
  const ruled = ruleFor(profile, manufacturer, developedMarket)
  if (override === undefined || override === ruled.model) return { ...ruled, overridden: false, manufacturer, developedMarket }
  return {
    model: override,
    reason: `${Z_MODEL_DEFINITIONS[override].name} as requested; the rules would pick ${Z_MODEL_DEFINITIONS[ruled.model].name}: ${ruled.reason}`,
    overridden: true,
    manufacturer,
    developedMarket,
  }
}

function ruleFor(profile: ZModelProfile, manufacturer: boolean, developedMarket: boolean): { model: ZModel; reason: string } {
  const industry = profile.industryCode === null ? 'industry unknown' : `industry ${profile.industryCode.trim()}`
  if (manufacturer && profile.listed) {
    return { model: 'z', reason: `listed manufacturer (${industry}, section C): the original Z with market value of equity` }
  }
  if (manufacturer) return { model: 'z-prime', reason: `unlisted manufacturer (${industry}, section C): Z′ with book value of equity` }
  const who = profile.industryCode === null ? 'industry unknown, treated as a non-manufacturer' : `non-manufacturer (${industry}, not section C)`
  if (developedMarket) return { model: 'z-double-prime', reason: `${who} in a developed market (${profile.country}): Z″ without sales / total assets` }
  return {
    model: 'z-double-prime-em',
    reason: `${who} in an emerging market (${profile.country} is not on the developed-markets list): Z″-EM`,
  }
}
