import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SEVERITIES } from '../../domain/alerts/index.ts'
import { closeCase } from '../../services/alerts/close-case.ts'
import { getAlert } from '../../services/alerts/get-alert.ts'
import { getCase } from '../../services/alerts/get-case.ts'
import { listAlerts } from '../../services/alerts/list-alerts.ts'
import { listCases } from '../../services/alerts/list-cases.ts'
import { ALERT_STATUSES, CASE_STATUSES, DISPOSITIONS } from '../../services/alerts/stored-alert.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
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

const CaseFields = {
  id: Type.String(),
  customerId: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  ownerId: Nullable(Type.String()),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  disposition: Nullable(Type.Enum(DISPOSITIONS)),
  note: Nullable(Type.String()),
}
const CaseSchema = Type.Object(CaseFields)

const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) }

/** Alerts raised by the rules, and the cases that group them: one open case per customer. */
export const alertRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function alertRoutes(app, { store }) {
  const tags = ['alerts']

  app.get(
    '/api/v1/alerts',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Alerts, newest first; shadow=true lists the shadow rules’ hits instead',
        querystring: StrictObject({
          status: Type.Optional(Type.Enum(ALERT_STATUSES)),
          severity: Type.Optional(Type.Enum(RULE_SEVERITIES)),
          customerId: Type.Optional(Id),
          ruleKey: Type.Optional(Type.String({ maxLength: 64 })),
          ruleId: Type.Optional(Id),
          shadow: Type.Optional(Type.Boolean()),
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

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Cases, newest opened first, with how many alerts each holds',
        querystring: StrictObject({ status: Type.Optional(Type.Enum(CASE_STATUSES)), customerId: Type.Optional(Id), ...Page }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...CaseFields, alertCount: Type.Integer() })), nextCursor: Nullable(Type.String()) }), ...errorResponses() },
      },
    },
    async (request) => listCases({ store, ...request.query, limit: request.query.limit ?? 50 }),
  )

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'One case with its alerts, newest first', params: IdParams, response: { 200: Type.Object({ ...CaseFields, alerts: Type.Array(AlertSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => getCase({ store, caseId: request.params.id }),
  )

  app.post(
    '/api/v1/cases/:id/close',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'Close an open case and its alerts with a disposition and a note; the customer’s next alert opens a new case',
        params: IdParams,
        body: StrictObject({ disposition: Type.Enum(DISPOSITIONS), note: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: { 200: CaseSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => closeCase({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, caseId: request.params.id, disposition: request.body.disposition, note: request.body.note }),
  )
}
