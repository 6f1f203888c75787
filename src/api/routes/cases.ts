import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SEVERITIES } from '../../domain/alerts/index.ts'
import { permissionsOf, ROLES } from '../../domain/identity/index.ts'
import { assignCase } from '../../services/alerts/assign-case.ts'
import { BULK_CASE_ACTIONS, bulkCaseAction, MAX_BULK_CASES } from '../../services/alerts/bulk-case-action.ts'
import { getCaseTimeline, MAX_TIMELINE_EVENTS, TIMELINE_FIELDS } from '../../services/alerts/case-timeline.ts'
import { closeCase } from '../../services/alerts/close-case.ts'
import { commentOnCase, MAX_COMMENT_LENGTH } from '../../services/alerts/comment-on-case.ts'
import { escalateCase } from '../../services/alerts/escalate-case.ts'
import { getCase } from '../../services/alerts/get-case.ts'
import { investigateCase } from '../../services/alerts/investigate-case.ts'
import { listCaseComments } from '../../services/alerts/list-case-comments.ts'
import { CASE_SORTS, listCases } from '../../services/alerts/list-cases.ts'
import { listCaseQueues, QUEUE_SEVERITIES, setCaseQueue } from '../../services/alerts/set-case-queue.ts'
import { CASE_STATUSES, DISPOSITIONS } from '../../services/alerts/stored-alert.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'
import { AlertSchema, Page } from './alerts.ts'

export const CaseFields = {
  id: Type.String(),
  customerId: Type.String(),
  status: Type.Enum(CASE_STATUSES),
  ownerId: Nullable(Type.String()),
  teamId: Nullable(Type.String({ description: 'The team (queue) the case was routed to' })),
  severity: Type.Enum(RULE_SEVERITIES, { description: 'The worst severity of its alerts' }),
  slaDueAt: Nullable(Type.String({ description: 'When it is due; overdue cases are escalated automatically. Null after the last escalation level' })),
  escalationLevel: Type.Integer({ description: '0: never escalated' }),
  escalatedAt: Nullable(Type.String()),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  disposition: Nullable(Type.Enum(DISPOSITIONS)),
  note: Nullable(Type.String()),
}
export const CaseSchema = Type.Object(CaseFields)

const CommentSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  author: Type.String(),
  body: Type.String(),
  mentions: Type.Array(Type.String(), { description: 'The user ids its @mentions named' }),
  createdAt: Type.String(),
})

const QueueSchema = Type.Object({ severity: Type.Enum(QUEUE_SEVERITIES), teamId: Type.String(), updatedBy: Type.String(), updatedAt: Type.String() })

const TimelineValue = Type.Union([Type.String(), Type.Integer(), Type.Null()])
const TimelineEventSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('action'),
    at: Type.String(),
    action: Type.String({ description: 'The audit action: case.opened, case.assigned, case.investigating, case.escalated, case.closed, case.commented…' }),
    actor: Type.String(),
    actorName: Nullable(Type.String({ description: 'The user’s name when the actor is a user' })),
    changes: Type.Array(Type.Object({ field: Type.Enum(TIMELINE_FIELDS), before: TimelineValue, after: TimelineValue }), { description: 'The fields it changed' }),
    note: Nullable(Type.String({ description: 'The escalation or closing note, the comment, or the attached file’s name' })),
  }),
  Type.Object({ kind: Type.Literal('alert'), at: Type.String(), alertId: Type.String(), ruleKey: Type.String(), severity: Type.Enum(RULE_SEVERITIES) }),
])

const WORKER_ROLES = ROLES.filter((role) => permissionsOf(role).includes('alerts.work'))

/**
 * Cases: one per customer that is not closed, grouping its alerts, worked through
 * new → assigned → investigating → escalated → closed (src/domain/alerts/case-lifecycle.ts),
 * with team queues, an SLA per severity, comments with @mentions, and bulk actions.
 */
export const caseRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function caseRoutes(app, { store }) {
  const tags = ['cases']
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Cases with how many alerts each holds: newest opened first, or sort=severity (worst first, then soonest due) or sort=sla (soonest due first)',
        querystring: StrictObject({
          status: Type.Optional(Type.Union([Type.Enum(CASE_STATUSES), Type.Literal('active')], { description: 'A status, or active: every status but closed' })),
          customerId: Type.Optional(Id),
          ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A user id, or me' })),
          unassigned: Type.Optional(Type.Boolean({ description: 'true: only cases nobody owns' })),
          teamId: Type.Optional(Id),
          severity: Type.Optional(Type.Enum(RULE_SEVERITIES)),
          overdue: Type.Optional(Type.Boolean({ description: 'true: only cases past their due time' })),
          sort: Type.Optional(Type.Enum(CASE_SORTS)),
          ...Page,
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...CaseFields, alertCount: Type.Integer() })), nextCursor: Nullable(Type.String()) }), ...errorResponses() },
      },
    },
    async (request) => {
      const { ownerId, ...query } = request.query
      return listCases({ store, ...query, ownerId: ownerId === 'me' ? principalOf(request).user.id : ownerId, limit: query.limit ?? 50 })
    },
  )

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'One case with its customer’s name and its alerts, newest first', params: IdParams, response: { 200: Type.Object({ ...CaseFields, customerName: Type.String({ description: 'The customer’s legal name' }), alerts: Type.Array(AlertSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => getCase({ store, caseId: request.params.id }),
  )

  app.get(
    '/api/v1/cases/:id/timeline',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: `A case’s history, newest first: its audited actions with the fields they changed, and the alerts raised into it (the newest ${MAX_TIMELINE_EVENTS})`,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(TimelineEventSchema) }), ...errorResponses('not_found') },
      },
    },
    async (request) => ({ items: await getCaseTimeline({ store, caseId: request.params.id }) }),
  )

  app.post(
    '/api/v1/cases/:id/assign',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'Assign a case to a user, or (without ownerId) to its queue, round-robin; analysts may take a case nobody owns or send their own to the queue',
        params: IdParams,
        body: StrictObject({ ownerId: Type.Optional(Id) }),
        response: { 200: CaseSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => assignCase({ store, actor: actorOf(request), caseId: request.params.id, ownerId: request.body.ownerId }),
  )

  app.post(
    '/api/v1/cases/:id/investigate',
    {
      config: { access: 'alerts.work' },
      schema: { tags, summary: 'Start investigating a case (taking it when nobody owns it)', params: IdParams, response: { 200: CaseSchema, ...errorResponses('not_found', 'conflict') } },
    },
    async (request) => investigateCase({ store, actor: actorOf(request), caseId: request.params.id }),
  )

  app.post(
    '/api/v1/cases/:id/escalate',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'Escalate a case one level, with an optional note; the owner and the team’s risk managers are notified',
        params: IdParams,
        body: StrictObject({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })) }),
        response: { 200: CaseSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => escalateCase({ store, actor: actorOf(request), caseId: request.params.id, note: request.body.note }),
  )

  app.post(
    '/api/v1/cases/:id/close',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'Close a case and its alerts with a disposition and a note; the customer’s next alert opens a new case',
        params: IdParams,
        body: StrictObject({ disposition: Type.Enum(DISPOSITIONS), note: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: { 200: CaseSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => closeCase({ store, actor: actorOf(request), caseId: request.params.id, disposition: request.body.disposition, note: request.body.note }),
  )

  app.get(
    '/api/v1/cases/:id/comments',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'A case’s comments, oldest first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(CommentSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => ({ items: await listCaseComments({ store, caseId: request.params.id }) }),
  )

  app.post(
    '/api/v1/cases/:id/comments',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'Comment on a case; @name or @name@domain mentions a user (by e-mail address), who is notified',
        params: IdParams,
        body: StrictObject({ body: Type.String({ minLength: 1, maxLength: MAX_COMMENT_LENGTH }) }),
        response: { 201: CommentSchema, ...errorResponses('not_found') },
      },
    },
    async (request, reply) => reply.status(201).send(await commentOnCase({ store, actor: actorOf(request), caseId: request.params.id, body: request.body.body })),
  )

  app.post(
    '/api/v1/cases/bulk',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'One action on many cases, each on its own: a result per case id (ok with the case, or the error that refused it)',
        body: StrictObject({
          action: Type.Enum(BULK_CASE_ACTIONS),
          caseIds: Type.Array(Id, { minItems: 1, maxItems: MAX_BULK_CASES }),
          ownerId: Type.Optional(Id),
          disposition: Type.Optional(Type.Enum(DISPOSITIONS)),
          note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
        }),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                caseId: Type.String(),
                ok: Type.Boolean(),
                case: Type.Optional(CaseSchema),
                error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
              }),
            ),
          }),
          ...errorResponses(),
        },
      },
    },
    async (request) => ({ results: await bulkCaseAction({ store, actor: actorOf(request), ...request.body }) }),
  )

  app.get(
    '/api/v1/case-workers',
    {
      config: { access: 'alerts.work' },
      schema: {
        tags,
        summary: 'The active users who work cases (to assign to, or @mention)',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), teamId: Nullable(Type.String()) })) }), ...errorResponses() },
      },
    },
    async () => ({
      items: await store.db.selectFrom('users').select(['id', 'name', 'email', 'team_id as teamId']).where('active', '=', 1).where('role', 'in', WORKER_ROLES).orderBy('name').orderBy('id').execute(),
    }),
  )

  app.get(
    '/api/v1/case-queues',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'Which team’s queue new cases of each severity go to (* : the rest)', response: { 200: Type.Object({ items: Type.Array(QueueSchema) }), ...errorResponses() } },
    },
    async () => ({ items: await listCaseQueues({ store }) }),
  )

  app.put(
    '/api/v1/case-queues/:severity',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags,
        summary: 'Route new cases of a severity (or * for the rest) to a team, assigned round-robin to its members; teamId null stops it',
        params: StrictObject({ severity: Type.Enum(QUEUE_SEVERITIES) }),
        body: StrictObject({ teamId: Nullable(Id) }),
        response: { 200: Type.Object({ queue: Nullable(QueueSchema) }), ...errorResponses('not_found') },
      },
    },
    async (request) => ({ queue: await setCaseQueue({ store, actor: actorOf(request), severity: request.params.severity, teamId: request.body.teamId }) }),
  )
}
