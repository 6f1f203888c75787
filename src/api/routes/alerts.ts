import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SEVERITIES } from '../../domain/alerts/index.ts'
import { getAlert } from '../../services/alerts/get-alert.ts'
import { ALERT_SORTS, listAlerts } from '../../services/alerts/list-alerts.ts'
import { ALERT_STATUSES } from '../../services/alerts/stored-alert.ts'
import type { Store } from '../../store/open-store.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const Evidence = Type.Object({
  variable: Type.String(),
  value: Type.Unknown(),
  baseline: Nullable(Type.Object({ variable: Type.String(), value: Type.Unknown() })),
})

export const AlertSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleKey: Type.String(),
  ruleVersion: Type.Integer(),
  customerId: Type.String(),
  severity: Type.Enum(RULE_SEVERITIES),
  score: Type.Integer(),
  status: Type.Enum(ALERT_STATUSES),
  dedupeKey: Type.String(),
  transaction: Nullable(Type.Object({ source: Type.String(), id: Type.String() })),
  at: Type.String({ description: 'When the hit happened: the transaction’s time' }),
  raisedAt: Type.String(),
  evidence: Type.Array(Evidence, { description: 'Every variable the expression reads, with the customer’s baseline where there is one' }),
  shadow: Type.Boolean({ description: 'A shadow rule’s hit: recorded, raising nothing, in no case' }),
  caseId: Nullable(Type.String()),
})

export const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) }

/** Alerts raised by the rules, with their evidence (the cases that group them: src/api/routes/cases.ts). */
export const alertRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function alertRoutes(app, { store }) {
  const tags = ['alerts']

  app.get(
    '/api/v1/alerts',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Alerts, newest first or by severity or by their case’s SLA; shadow=true lists the shadow rules’ hits instead',
        querystring: StrictObject({
          status: Type.Optional(Type.Enum(ALERT_STATUSES)),
          severity: Type.Optional(Type.Enum(RULE_SEVERITIES)),
          customerId: Type.Optional(Id),
          ruleKey: Type.Optional(Type.String({ maxLength: 64 })),
          ruleId: Type.Optional(Id),
          shadow: Type.Optional(Type.Boolean()),
          sort: Type.Optional(Type.Enum(ALERT_SORTS, { description: "newest (default): raised last first; severity: worst first, then newest; sla: the soonest due case first, alerts of closed cases last" })),
          ...Page,
        }),
        response: { 200: Type.Object({ items: Type.Array(AlertSchema), nextCursor: Nullable(Type.String()) }), ...errorResponses() },
      },
    },
    async (request) => listAlerts({ store, ...request.query, limit: request.query.limit ?? 50 }),
  )

  app.get(
    '/api/v1/alerts/:id',
    { config: { access: 'customers.read' }, schema: { tags, summary: 'One alert with its evidence', params: IdParams, response: { 200: AlertSchema, ...errorResponses('not_found') } } },
    async (request) => getAlert({ store, alertId: request.params.id }),
  )
}
