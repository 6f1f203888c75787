import { completeUnifiedSocialCreditCode, type LifecycleStatus } from '../domain/customers/index.ts'
import type { CustomerInput } from '../schemas/customer.ts'
import type { BureauRecordInput, ContactInput, ContractInput, InteractionInput, StatementInput } from '../schemas/customer-records.ts'
import type { RelationshipKind } from '../schemas/relationship.ts'
import { generateStatements, type Health } from './financial-statements.ts'
import { INDUSTRIES, type IndustryProfile } from './industries.ts'
import * as names from './names.ts'
import { createRandom, type Random } from './random.ts'

export type DemoCustomer = {
  customer: CustomerInput & { externalId: string }
  health: Health
  contacts: ContactInput[]
  statements: StatementInput[]
  bureau: BureauRecordInput[]
  interactions: InteractionInput[]
  contracts: ContractInput[]
}

export type DemoRelationship = { fromExternalId: string; toExternalId: string; kind: RelationshipKind; sharePct: number | null }

export type DemoPortfolio = { customers: DemoCustomer[]; relationships: DemoRelationship[] }

export type GeneratePortfolioOptions = {
  customers: number
  seed: number
  /** The demo's "today": statements end in the three years before it, activity falls in the year before it. */
  asOf?: string
}

export const DEFAULT_AS_OF = '2026-06-30'

const CURRENCY: Record<string, { code: string; minor: number }> = {
  CN: { code: 'CNY', minor: 100 },
  DE: { code: 'EUR', minor: 100 },
  FR: { code: 'EUR', minor: 100 },
  US: { code: 'USD', minor: 100 },
  GB: { code: 'GBP', minor: 100 },
  SG: { code: 'SGD', minor: 100 },
  JP: { code: 'JPY', minor: 1 },
}
// Rough units of local currency per CNY, so company sizes are comparable across countries.
const PER_CNY: Record<string, number> = { CNY: 1, EUR: 0.13, USD: 0.14, GBP: 0.11, SGD: 0.19, JPY: 21 }

const HEALTH_MIX: [Health, number][] = [
  ['strong', 0.3],
  ['average', 0.45],
  ['weak', 0.18],
  ['distressed', 0.07],
]
const TAGS = ['strategic', 'export', 'key-account', 'government', 'sme', 'new', 'watchlist']

/**
 * A believable synthetic portfolio, the same for the same seed: Chinese and international
 * companies across industries, three years of statements that add up, bureau history that
 * follows each company's health, contacts, interactions, contracts and group ties.
 */
export function generatePortfolio({ customers: count, seed, asOf = DEFAULT_AS_OF }: GeneratePortfolioOptions): DemoPortfolio {
  const random = createRandom(seed)
  const asOfYear = Number(asOf.slice(0, 4))
  const usedNames = new Set<string>()
  const customers: DemoCustomer[] = []
  for (let i = 0; i < count; i += 1) customers.push(generateCustomer({ random, index: i, seed, asOf, asOfYear, usedNames }))
  return { customers, relationships: generateRelationships(random, customers) }
}

type CustomerContext = { random: Random; index: number; seed: number; asOf: string; asOfYear: number; usedNames: Set<string> }

function generateCustomer({ random, index, seed, asOf, asOfYear, usedNames }: CustomerContext): DemoCustomer {
  const industry = random.pick(INDUSTRIES)
  const health = pickWeighted(random, HEALTH_MIX)
  const chinese = random.chance(0.72)
  const listed = random.chance(0.1)
  const identity = chinese ? chineseIdentity(random, industry, listed, usedNames) : internationalIdentity(random, industry, usedNames)
  const { code: currency, minor } = CURRENCY[identity.country]!
  const revenueCny = Math.exp(random.normal(Math.log(3e8), 1.1))
  const statements = generateStatements({
    random,
    industry,
    health,
    revenue: revenueCny * PER_CNY[currency]!,
    currency,
    minor,
    listed,
    periodEnds: [3, 2, 1].map((back) => `${asOfYear - back}-12-31`),
  })
  const status: LifecycleStatus =
    health === 'distressed' ? random.pick(['under_review', 'suspended'] as const) : random.chance(0.08) ? random.pick(['prospect', 'onboarding'] as const) : 'active'
  const latestRevenue = statements[statements.length - 1]!.items.revenue ?? 0

  return {
    customer: {
      externalId: `demo-${seed}-${String(index + 1).padStart(5, '0')}`,
      type: 'company',
      name: identity.name,
      aliases: identity.aliases,
      registrationId: identity.registrationId,
      country: identity.country,
      region: identity.region,
      industry: { code: industry.code, name: chinese ? industry.nameZh : industry.nameEn },
      businessScope: chinese ? industry.scope : `${industry.nameEn}: ${industry.model.toLowerCase()}`,
      businessModel: industry.model,
      founded: `${random.int(1988, asOfYear - 3)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      employees: Math.max(8, Math.round((revenueCny / 1.2e6) * random.between(0.5, 1.5))),
      listed,
      tags: [...new Set([random.pick(TAGS), ...(health === 'distressed' || health === 'weak' ? ['watchlist'] : [])])],
      status,
    },
    health,
    contacts: generateContacts(random, chinese, identity.domain),
    statements,
    bureau: generateBureau(random, health, chinese, asOf, currency, latestRevenue),
    interactions: generateInteractions(random, health, chinese, asOf, identity.region ?? ''),
    contracts: status === 'prospect' ? [] : [generateContract(random, health, asOfYear, currency, latestRevenue, index)],
  }
}

type Identity = { name: string; aliases: string[]; registrationId: string; country: string; region: string | null; domain: string }

function chineseIdentity(random: Random, industry: IndustryProfile, listed: boolean, used: Set<string>): Identity {
  for (;;) {
    const city = random.pick(names.CN_CITIES)
    const [first, second] = [random.pick(names.CN_BRAND_WORDS), random.pick(names.CN_BRAND_WORDS)]
    if (first[0] === second[0]) continue
    const form = listed ? '股份有限公司' : '有限公司'
    const name = `${city.city}${first[0]}${second[0]}${industry.wordZh}${form}`
    if (used.has(name)) continue
    used.add(name)
    const brand = `${first[1]}${second[1].toLowerCase()}`
    const orgCode = Array.from({ length: 9 }, () => random.pick([...'0123456789ABCDEFGHJKLMNPQRTUWXY'])).join('')
    return {
      name,
      aliases: [`${city.pinyin} ${brand} ${industry.wordEn} Co., Ltd.`],
      registrationId: completeUnifiedSocialCreditCode(`91${city.division}${orgCode}`),
      country: 'CN',
      region: city.region,
      domain: `${brand.toLowerCase()}-${industry.wordEn.toLowerCase()}.cn`,
    }
  }
}

function internationalIdentity(random: Random, industry: IndustryProfile, used: Set<string>): Identity {
  for (;;) {
    const place = random.pick(names.INTERNATIONAL)
    const stem = random.pick(names.LATIN_STEMS)
    const name = `${stem} ${industry.wordEn} ${place.suffix}`
    if (used.has(name)) continue
    used.add(name)
    return {
      name,
      aliases: [],
      registrationId: `${place.registrationPrefix}${random.digits(7)}`,
      country: place.country,
      region: `${place.region}, ${random.pick(place.cities)}`,
      domain: `${stem.toLowerCase()}-${industry.wordEn.toLowerCase()}.example`,
    }
  }
}

function generateContacts(random: Random, chinese: boolean, domain: string): ContactInput[] {
  return Array.from({ length: random.int(1, 3) }, (_, i) => {
    if (chinese) {
      const surname = random.pick(names.CN_SURNAMES)
      const given = random.pick(names.CN_GIVEN)
      return { name: `${surname}${given}`, title: random.pick(names.CN_TITLES), email: `contact${i + 1}@${domain}`, phone: `+86 1${random.int(30, 99)} ${random.digits(4)} ${random.digits(4)}`, primary: i === 0 }
    }
    const [first, last] = [random.pick(names.LATIN_FIRST), random.pick(names.LATIN_LAST)]
    return { name: `${first} ${last}`, title: random.pick(names.LATIN_TITLES), email: `${first}.${last}@${domain}`.toLowerCase(), phone: `+${random.int(1, 81)} ${random.digits(3)} ${random.digits(4)}`, primary: i === 0 }
  })
}

const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC']
const SCORE_BY_HEALTH: Record<Health, [number, number]> = { strong: [720, 820], average: [640, 730], weak: [560, 650], distressed: [420, 560] }

function generateBureau(random: Random, health: Health, chinese: boolean, asOf: string, currency: string, latestRevenue: number): BureauRecordInput[] {
  const agency = chinese ? '百行征信' : 'Creditsafe'
  const reports = random.int(2, 4)
  let score = random.int(...SCORE_BY_HEALTH[health])
  const drift = health === 'distressed' ? -25 : health === 'weak' ? -8 : 4
  return Array.from({ length: reports }, (_, i) => {
    const monthsBack = (reports - 1 - i) * 3
    score = Math.min(850, Math.max(300, score + (i === 0 ? 0 : drift + random.int(-10, 10))))
    const rating = RATINGS[Math.min(RATINGS.length - 1, Math.max(0, Math.floor((850 - score) / 60)))]!
    return {
      agency,
      reportedOn: monthsBefore(asOf, monthsBack + 1),
      score,
      scoreMin: 300,
      scoreMax: 850,
      rating,
      recommendedLimit: Math.round((latestRevenue / 12) * (score / 850) * 0.4),
      currency,
      defaults: health === 'distressed' ? random.int(1, 3) : health === 'weak' && random.chance(0.3) ? 1 : 0,
      courtJudgments: health === 'distressed' ? random.int(0, 2) : 0,
      taxArrears: health === 'distressed' && random.chance(0.5) ? Math.round(latestRevenue * 0.002) : 0,
    }
  })
}

function generateInteractions(random: Random, health: Health, chinese: boolean, asOf: string, region: string): InteractionInput[] {
  const count = random.int(2, health === 'distressed' ? 7 : 5)
  return Array.from({ length: count }, () => {
    const kind = random.pick(['call', 'visit', 'email', 'meeting'] as const)
    const occurredAt = `${monthsBefore(asOf, random.int(0, 11)).slice(0, 8)}${pad(random.int(1, 28))}T${pad(random.int(1, 9))}:${pad(random.int(0, 59))}:00.000Z`
    const troubled = health === 'weak' || health === 'distressed'
    const subject = chinese
      ? { call: troubled ? '逾期账款催收电话' : '季度业务回访', visit: '实地走访：生产经营场所', email: '索取年度审计报告', meeting: troubled ? '还款计划协商会议' : '年度合作会议' }[kind]
      : { call: troubled ? 'Collection call on overdue invoices' : 'Quarterly account review', visit: 'Site visit: premises and operations', email: 'Request for audited accounts', meeting: troubled ? 'Repayment plan negotiation' : 'Annual business review' }[kind]
    const outcome = chinese ? (troubled ? '客户承诺分期付款，需持续跟踪' : '经营正常，合作意愿良好') : troubled ? 'Promised instalments; keep watching' : 'Operating normally; relationship good'
    return {
      kind,
      occurredAt,
      subject,
      notes: kind === 'visit' ? (chinese ? '厂区运转正常，库存充足；管理层稳定。' : 'Plant running, stock levels normal, management stable.') : null,
      outcome,
      followUpOn: troubled ? monthsBefore(asOf, -1) : null,
      location: kind === 'visit' ? region : null,
      attendees: [],
    }
  })
}

function generateContract(random: Random, health: Health, asOfYear: number, currency: string, latestRevenue: number, index: number): ContractInput {
  const limit = Math.round((latestRevenue / 12) * random.between(0.15, 0.4))
  const secured = health === 'weak' || health === 'distressed' || random.chance(0.2)
  return {
    number: `FK-${asOfYear - 1}-${String(index + 1).padStart(5, '0')}`,
    signedOn: `${asOfYear - 1}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    expiresOn: `${asOfYear + random.int(0, 2)}-12-31`,
    creditTermsDays: random.pick([30, 45, 60, 90]),
    creditLimit: limit,
    currency,
    securities: secured ? [{ kind: random.pick(['collateral', 'guarantee'] as const), description: random.pick(['Property mortgage', 'Receivables pledge', 'Parent company guarantee', 'Bank guarantee']), value: Math.round(limit * random.between(0.5, 1.2)), currency }] : [],
    status: 'active',
  }
}

/** Groups: some customers own, guarantee or share an owner with others in the portfolio. */
function generateRelationships(random: Random, customers: DemoCustomer[]): DemoRelationship[] {
  const relationships: DemoRelationship[] = []
  const seen = new Set<string>()
  const tries = Math.floor(customers.length * 0.15)
  for (let i = 0; i < tries && customers.length > 1; i += 1) {
    const from = random.pick(customers).customer.externalId
    const to = random.pick(customers).customer.externalId
    const kind = random.pick(['parent', 'shareholder', 'guarantor', 'common_owner'] as const)
    const key = `${from}|${to}|${kind}`
    if (from === to || seen.has(key)) continue
    seen.add(key)
    relationships.push({ fromExternalId: from, toExternalId: to, kind, sharePct: kind === 'shareholder' ? Math.round(random.between(5, 100) * 10) / 10 : null })
  }
  return relationships
}

function pickWeighted<T>(random: Random, weighted: [T, number][]): T {
  let roll = random.next()
  for (const [value, weight] of weighted) {
    roll -= weight
    if (roll < 0) return value
  }
  return weighted[weighted.length - 1]![0]
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The first day of the month `months` before the date (negative: after), as YYYY-MM-DD. */
function monthsBefore(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}
