import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { featureConfigOf, type Config } from '../../config.ts'
import { DEFAULT_GROUPING_RULES, DEFAULT_LGD } from '../../domain/portfolio/index.ts'
import { getAlertTrends } from '../../services/portfolio/get-alert-trends.ts'
import { getGradeMigration } from '../../services/portfolio/get-grade-migration.ts'
import { getGroupExposures } from '../../services/portfolio/get-group-exposures.ts'
import { getPortfolioSummary } from '../../services/portfolio/get-portfolio-summary.ts'
import { EXPOSURE_BASES } from '../../services/portfolio/portfolio-positions.ts'
import type { Store } from '../../store/open-store.ts'
import { errorResponses, Nullable, StrictObject } from '../schemas/common.ts'

const Share = Nullable(Type.Number({ description: 'A fraction of the total, 0–1' }))
const Minor = Type.Number({ description: 'Reporting-currency minor units' })

const Bucket = StrictObject({
  key: Type.String(),
  exposure: Minor,
  customers: Type.Integer({ description: 'Customers in the bucket' }),
  exposed: Type.Integer({ description: 'Of them, with exposure above 0' }),
  share: Share,
})

const TopSchema = StrictObject({
  n: Type.Integer(),
  share: Share,
  exposure: Minor,
  total: Minor,
  top: Type.Array(StrictObject({ key: Type.String(), name: Type.String(), exposure: Minor, share: Share })),
})

const Concentration = StrictObject({
  hhi: Nullable(Type.Number({ description: 'Σ share², 0–1' })),
  effectiveNumber: Nullable(Type.Number({ description: '1 / HHI' })),
  total: Minor,
  names: Type.Integer({ description: 'Exposures above 0 the index is over' }),
  reason: Nullable(Type.String()),
  top: TopSchema,
})

const Basis = Type.Enum(EXPOSURE_BASES, { description: 'EAD: outstanding receivables (default) or the credit limits of active contracts' })

const Unconverted = Type.Array(StrictObject({ currency: Type.String(), amount: Type.Number(), customers: Type.Integer() }), { description: 'Amounts in currencies without a rate in FENGKONG_FX_RATES: in no figure' })

const SummarySchema = StrictObject({
  asOf: Type.String(),
  currency: Type.String(),
  basis: Basis,
  customers: Type.Integer(),
  exposed: Type.Integer(),
  exposure: Minor,
  unconverted: Unconverted,
  byGrade: Type.Array(Bucket),
  byIndustry: Type.Array(StrictObject({ ...Bucket.properties, name: Type.String() })),
  byRegion: Type.Array(Bucket),
  concentration: StrictObject({ customers: Concentration, industries: Concentration, groups: Concentration }),
  expectedLoss: StrictObject({
    total: Minor,
    ratedExposure: Minor,
    unratedExposure: Minor,
    unratedCustomers: Type.Integer(),
    rate: Nullable(Type.Number({ description: 'total / ratedExposure' })),
    lgd: Type.Number(),
    top: Type.Array(StrictObject({ customerId: Type.String(), name: Type.String(), grade: Nullable(Type.String()), pd: Type.Number(), lgd: Type.Number(), ead: Minor, value: Minor })),
  }),
  appetite: StrictObject({
    version: Type.String(),
    maxSingleNameShare: Nullable(Type.Number()),
    maxGroupShare: Nullable(Type.Number()),
    maxIndustryShare: Nullable(Type.Number()),
    breaches: Type.Array(
      StrictObject({
        kind: Type.Enum(['single_name', 'group', 'industry'] as const),
        key: Type.String(),
        name: Type.String(),
        exposure: Minor,
        total: Minor,
        share: Type.Number(),
        limit: Type.Number(),
        excess: Type.Number({ description: 'Exposure to shed for the share to meet the limit' }),
      }),
    ),
  }),
})

const TieSchema = StrictObject({ fromId: Type.String(), toId: Type.String(), kind: Type.String(), sharePct: Nullable(Type.Number()) })

const GroupsSchema = StrictObject({
  asOf: Type.String(),
  currency: Type.String(),
  basis: Basis,
  total: Minor,
  rules: StrictObject({ minSharePct: Type.Number(), kinds: Type.Array(Type.String()) }),
  maxGroupShare: Nullable(Type.Number()),
  groups: Type.Integer({ description: 'How many groups of two or more there are' }),
  items: Type.Array(
    StrictObject({
      leadId: Type.String(),
      name: Type.String(),
      exposure: Minor,
      share: Share,
      breach: Type.Boolean(),
      members: Type.Array(StrictObject({ customerId: Type.String(), name: Type.String(), grade: Nullable(Type.String()), ead: Minor })),
      ties: Type.Array(TieSchema),
    }),
  ),
})

const MigrationSchema = StrictObject({
  from: Type.String(),
  to: Type.String(),
  scaleVersion: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(StrictObject({ from: Type.String(), total: Type.Integer(), counts: Type.Array(Type.Integer()), percentages: Type.Array(Nullable(Type.Number())) })),
  customers: Type.Integer(),
  unchanged: Type.Integer(),
  upgrades: Type.Integer(),
  downgrades: Type.Integer(),
  unknownGrades: Type.Array(StrictObject({ grade: Type.String(), at: Type.Enum(['from', 'to'] as const), customers: Type.Integer() }), { description: 'Grades not on the scale: counted in no cell' }),
})

const Trend = StrictObject({ weeks: Type.Array(Type.String()), series: Type.Array(StrictObject({ key: Type.String(), counts: Type.Array(Type.Integer()), total: Type.Integer() })) })

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' })

/** Portfolio analytics: exposure, concentration, expected loss, appetite breaches, grade migration, groups and alert trends. */
export const portfolioRoutes: FastifyPluginAsyncTypebox<{ store: Store; config: Config }> = async function portfolioRoutes(app, { store, config }) {
  const tags = ['portfolio']
  const fx = featureConfigOf(config)

  app.get(
    '/api/v1/portfolio/summary',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Exposure by grade, industry and region; HHI, effective number and top-10 by customer, industry and group; expected loss; risk-appetite breaches',
        querystring: StrictObject({ basis: Type.Optional(Basis), lgd: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: `Loss given default, default ${DEFAULT_LGD}` })) }),
        response: { 200: SummarySchema, ...errorResponses() },
      },
    },
    async (request) => getPortfolioSummary({ store, fx, basis: request.query.basis, lgd: request.query.lgd }),
  )

  app.get(
    '/api/v1/portfolio/migration',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The grade migration matrix between two dates: counts and row percentages, with new and exited customers',
        querystring: StrictObject({ from: Type.Optional(DateString), to: Type.Optional(DateString) }),
        response: { 200: MigrationSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const to = request.query.to ?? new Date().toISOString().slice(0, 10)
      const from = request.query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`
      return getGradeMigration({ store, from, to })
    },
  )

  app.get(
    '/api/v1/portfolio/groups',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Connected groups (parent, controlling shareholder, guarantor, common owner), largest exposure first, with members and ties',
        querystring: StrictObject({
          basis: Type.Optional(Basis),
          minSharePct: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100, description: `A shareholding ties at this percentage or more; default ${DEFAULT_GROUPING_RULES.minSharePct}` })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: GroupsSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const { basis, minSharePct, limit } = request.query
      const rules = minSharePct === undefined ? DEFAULT_GROUPING_RULES : { ...DEFAULT_GROUPING_RULES, minSharePct }
      return getGroupExposures({ store, fx, basis, rules, limit: limit ?? 50 })
    },
  )

  app.get(
    '/api/v1/portfolio/alert-trends',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Alerts raised per week by severity, and cases closed per week by disposition',
        querystring: StrictObject({ weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104 })) }),
        response: { 200: StrictObject({ from: Type.String(), to: Type.String(), alerts: Trend, dispositions: Trend }), ...errorResponses() },
      },
    },
    async (request) => getAlertTrends({ store, weeks: request.query.weeks }),
  )
}
