/**
 * Country names as CRMs export them (English and Chinese, common variants) to ISO 3166-1
 * alpha-2 codes. Matching ignores case, dots and extra spaces; a two-letter code is taken as
 * it is. Add names here as files bring them.
 */
const NAMES: Record<string, readonly string[]> = {
  CN: ['China', "People's Republic of China", 'PRC', 'P.R. China', 'PR China', 'Mainland China', 'China Mainland', '中国', '中华人民共和国', '中国大陆'],
  HK: ['Hong Kong', 'Hong Kong SAR', 'Hong Kong SAR China', 'Hong Kong, China', '香港', '中国香港'],
  MO: ['Macau', 'Macao', 'Macao SAR', '澳门', '中国澳门'],
  TW: ['Taiwan', 'Taiwan, China', '台湾', '中国台湾'],
  US: ['United States', 'United States of America', 'USA', 'U.S.A.', 'US', 'America', '美国'],
  GB: ['United Kingdom', 'UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', '英国'],
  DE: ['Germany', 'Deutschland', '德国'],
  FR: ['France', '法国'],
  IT: ['Italy', '意大利'],
  ES: ['Spain', '西班牙'],
  PT: ['Portugal', '葡萄牙'],
  NL: ['Netherlands', 'The Netherlands', 'Holland', '荷兰'],
  BE: ['Belgium', '比利时'],
  LU: ['Luxembourg', '卢森堡'],
  CH: ['Switzerland', '瑞士'],
  AT: ['Austria', '奥地利'],
  IE: ['Ireland', '爱尔兰'],
  SE: ['Sweden', '瑞典'],
  NO: ['Norway', '挪威'],
  DK: ['Denmark', '丹麦'],
  FI: ['Finland', '芬兰'],
  PL: ['Poland', '波兰'],
  CZ: ['Czech Republic', 'Czechia', '捷克'],
  HU: ['Hungary', '匈牙利'],
  GR: ['Greece', '希腊'],
  TR: ['Turkey', 'Türkiye', '土耳其'],
  RU: ['Russia', 'Russian Federation', '俄罗斯'],
  UA: ['Ukraine', '乌克兰'],
  JP: ['Japan', '日本'],
  KR: ['South Korea', 'Korea', 'Republic of Korea', 'Korea, Republic of', '韩国'],
  SG: ['Singapore', '新加坡'],
  MY: ['Malaysia', '马来西亚'],
  TH: ['Thailand', '泰国'],
  VN: ['Vietnam', 'Viet Nam', '越南'],
  ID: ['Indonesia', '印度尼西亚', '印尼'],
  PH: ['Philippines', '菲律宾'],
  IN: ['India', '印度'],
  PK: ['Pakistan', '巴基斯坦'],
  BD: ['Bangladesh', '孟加拉国'],
  KH: ['Cambodia', '柬埔寨'],
  MM: ['Myanmar', 'Burma', '缅甸'],
  LA: ['Laos', "Lao People's Democratic Republic", '老挝'],
  MN: ['Mongolia', '蒙古'],
  KZ: ['Kazakhstan', '哈萨克斯坦'],
  AE: ['United Arab Emirates', 'UAE', '阿联酋', '阿拉伯联合酋长国'],
  SA: ['Saudi Arabia', '沙特阿拉伯', '沙特'],
  IL: ['Israel', '以色列'],
  EG: ['Egypt', '埃及'],
  ZA: ['South Africa', '南非'],
  NG: ['Nigeria', '尼日利亚'],
  KE: ['Kenya', '肯尼亚'],
  AU: ['Australia', '澳大利亚'],
  NZ: ['New Zealand', '新西兰'],
  CA: ['Canada', '加拿大'],
  MX: ['Mexico', '墨西哥'],
  BR: ['Brazil', 'Brasil', '巴西'],
  AR: ['Argentina', '阿根廷'],
  CL: ['Chile', '智利'],
  PE: ['Peru', '秘鲁'],
  CO: ['Colombia', '哥伦比亚'],
}

const normalise = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[.\s]+/g, ' ').trim()

const BY_NAME = new Map<string, string>()
for (const [code, names] of Object.entries(NAMES)) {
  for (const name of names) BY_NAME.set(normalise(name), code)
}

/** The ISO code of a country name or code, or null when it is not one this table knows. */
export function countryCode(name: string): string | null {
  const trimmed = name.trim()
  // Names first: UK is a name of GB, not a code.
  const byName = BY_NAME.get(normalise(trimmed))
  if (byName) return byName
  return /^[A-Za-z]{2}$/.test(trimmed) ? trimmed.toUpperCase() : null
}

export const KNOWN_COUNTRIES: Readonly<Record<string, readonly string[]>> = NAMES
