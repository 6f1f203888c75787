import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CustomerSchema, IsoDate, LifecycleStatusSchema } from '../../schemas/customer.ts'
import { ROLES } from '../../domain/identity/index.ts'
import { REVIEW_UNITS } from '../../domain/policy/index.ts'
import { APPROVAL_DECISIONS, APPROVAL_KINDS, APPROVAL_STATUSES, KYC_CHECKLIST } from '../../domain/workflow/index.ts'
import type { HeldCustomers } from '../../services/controls/held-customers.ts'
import { cancelApproval } from '../../services/workflow/cancel-approval.ts'
import { changeCustomerStatus } from '../../services/workflow/change-customer-status.ts'
import { completeReview } from '../../services/workflow/complete-review.ts'
import { decideApproval } from '../../services/workflow/decide-approval.ts'
import { getApproval } from '../../services/workflow/get-approval.ts'
import { getLifecycle } from '../../services/workflow/get-lifecycle.ts'
import { APPROVAL_VIEWS, listApprovals } from '../../services/workflow/list-approvals.ts'
import { listReviews } from '../../services/workflow/list-reviews.ts'
import { requestApproval } from '../../services/workflow/request-approval.ts'
import { REVIEW_STATUSES } from '../../services/workflow/review-record.ts'
import type { ReviewScheduleTimer } from '../../services/workflow/review-schedule-timer.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const Money = Type.Object({ amount: Type.Integer({ minimum: 0, description: 'Minor units' }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) }, { additionalProperties: false })
const Problem = Type.Object({ path: Type.String(), message: Type.String() })

const ApprovalSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(APPROVAL_KINDS),
  customerId: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: 'What is asked: limit, or assessmentId, grade and justification, or holdId' }),
  amount: Type.Object({ amount: Type.Integer(), currency: Type.String() }, { description: 'What the approval matrix routed on' }),
  grade: Nullable(Type.String()),
  policyVersion: Type.Integer(),
  requiredRole: Type.Enum(ROLES),
  approversNeeded: Type.Integer(),
  routeExplanation: Type.String(),
  status: Type.Enum(APPROVAL_STATUSES),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
  outcome: Nullable(Type.Record(Type.String(), Type.Unknown())),
  decisions: Type.Array(Type.Object({ userId: Type.String(), decision: Type.Enum(APPROVAL_DECISIONS), note: Nullable(Type.String()), at: Type.String() })),
})

const ReviewSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  customerName: Nullable(Type.String()),
  dueOn: Type.String(),
  basedOn: Type.String({ description: 'The last assessment or review the due date counts from' }),
  grade: Type.String(),
  frequency: Type.Object({ every: Type.Integer(), unit: Type.Enum(REVIEW_UNITS) }),
  policyVersion: Type.Integer(),
  status: Type.Enum(REVIEW_STATUSES),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer(),
  scheduledAt: Type.String(),
  completedBy: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  overdueAlertedAt: Nullable(Type.String()),
  overdueTaskId: Nullable(Type.String()),
})

const Note = Type.String({ maxLength: 4000 })

/** The customer workflow: lifecycle moves, approval requests routed by the policy's matrix, periodic reviews. */
export const workflowRoutes: FastifyPluginAsyncTypebox<{ store: Store; held: HeldCustomers; reviews: ReviewScheduleTimer; now?: () => Date }> = async function workflowRoutes(app, { store, held, reviews, now = () => new Date() }) {
  const tags = ['workflow']
  const userOf = (request: Parameters<typeof principalOf>[0]) => principalOf(request).user

  app.get(
    '/api/v1/customers/:customerId/lifecycle',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The customer’s KYC checklist and the status changes open to it, with what each still lacks',
        params: StrictObject({ customerId: Id }),
        response: {
          200: Type.Object({
            customerId: Type.String(),
            status: LifecycleStatusSchema,
            kycChecklist: Type.Array(Type.Object({ item: Type.Enum(KYC_CHECKLIST), done: Type.Boolean() })),
            transitions: Type.Array(Type.Object({ to: LifecycleStatusSchema, problems: Type.Array(Problem) })),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => getLifecycle({ store, customerId: request.params.customerId }),
  )

  app.post(
    '/api/v1/customers/:customerId/status',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Move the customer along its lifecycle; refused (409) with one detail per missing item',
        params: StrictObject({ customerId: Id }),
        body: StrictObject({ status: LifecycleStatusSchema, note: Type.Optional(Nullable(Note)) }),
        response: { 200: CustomerSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => changeCustomerStatus({ store, actor: { kind: 'user', userId: userOf(request).id }, customerId: request.params.customerId, status: request.body.status, note: request.body.note ?? null }),
  )

  app.get(
    '/api/v1/approvals',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Approval requests, newest first: view=inbox (default) for the pending ones you may decide, mine for yours, all',
        querystring: StrictObject({
          view: Type.Optional(Type.Enum(APPROVAL_VIEWS)),
          status: Type.Optional(Type.Enum(APPROVAL_STATUSES)),
          kind: Type.Optional(Type.Enum(APPROVAL_KINDS)),
          customerId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ApprovalSchema) }), ...errorResponses() },
      },
    },
    async (request) => {
      const user = userOf(request)
      return { items: await listApprovals({ store, userId: user.id, role: user.role, view: request.query.view ?? 'inbox', ...request.query }) }
    },
  )

  app.post(
    '/api/v1/approvals',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Ask for an approval: routed by the active policy’s approval matrix to a role and a number of approvers',
        body: StrictObject({
          kind: Type.Enum(APPROVAL_KINDS),
          customerId: Id,
          limit: Type.Optional(Money),
          assessmentId: Type.Optional(Id),
          grade: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
          justification: Type.Optional(Type.String({ maxLength: 4000 })),
          note: Type.Optional(Nullable(Note)),
        }),
        response: { 201: ApprovalSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request, reply) => {
      const created = await requestApproval({ store, actor: { kind: 'user', userId: userOf(request).id }, input: request.body })
      return reply.code(201).send(created)
    },
  )

  app.get(
    '/api/v1/approvals/:id',
    { config: { access: 'customers.read' }, schema: { tags, summary: 'One approval request with its decisions', params: IdParams, response: { 200: ApprovalSchema, ...errorResponses('not_found') } } },
    async (request) => getApproval({ store, requestId: request.params.id }),
  )

  for (const decision of APPROVAL_DECISIONS) {
    const verb = decision === 'approved' ? 'approve' : 'reject'
    app.post(
      `/api/v1/approvals/:id/${verb}`,
      {
        config: { access: 'approvals.decide' },
        schema: {
          tags,
          summary:
            decision === 'approved'
              ? 'Approve a request routed to your role (never your own): applied when enough different approvers approved'
              : 'Reject a request routed to your role (never your own), with a note saying why',
          params: IdParams,
          body: StrictObject({ note: decision === 'approved' ? Type.Optional(Nullable(Note)) : Type.String({ minLength: 1, maxLength: 4000 }) }),
          response: { 200: ApprovalSchema, ...errorResponses('not_found', 'conflict') },
        },
      },
      async (request) => decideApproval({ store, userId: userOf(request).id, requestId: request.params.id, decision, note: request.body.note ?? null, held }),
    )
  }

  app.post(
    '/api/v1/approvals/:id/cancel',
    {
      config: { access: 'customers.write' },
      schema: { tags, summary: 'Withdraw your own pending request', params: IdParams, body: StrictObject({ note: Type.Optional(Nullable(Note)) }), response: { 200: ApprovalSchema, ...errorResponses('not_found', 'conflict') } },
    },
    async (request) => cancelApproval({ store, actor: { kind: 'user', userId: userOf(request).id }, requestId: request.params.id, note: request.body.note ?? null }),
  )

  app.get(
    '/api/v1/reviews',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Periodic reviews by due date: from/to bound the due date, overdue=true for the overdue ones',
        querystring: StrictObject({
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          overdue: Type.Optional(Type.Boolean()),
          status: Type.Optional(Type.Enum(REVIEW_STATUSES)),
          customerId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ReviewSchema) }), ...errorResponses() },
      },
    },
    async (request) => ({ items: await listReviews({ store, now, ...request.query }) }),
  )

  app.post(
    '/api/v1/reviews/:id/complete',
    {
      config: { access: 'reviews.manage' },
      schema: {
        tags,
        summary: 'Complete a scheduled review with its outcome; the next one is scheduled',
        params: IdParams,
        body: StrictObject({ outcome: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: { 200: Type.Object({ review: ReviewSchema, next: Nullable(ReviewSchema) }), ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => completeReview({ store, actor: { kind: 'user', userId: userOf(request).id }, reviewId: request.params.id, outcome: request.body.outcome, now }),
  )

  app.post(
    '/api/v1/reviews/schedule',
    {
      config: { access: 'reviews.schedule' },
      schema: {
        tags,
        summary: 'Run the daily review job now: schedule every active customer’s review under the active policy, raise the overdue ones',
        response: {
          200: Type.Object({
            policyVersion: Type.Integer(),
            scheduled: Type.Integer(),
            rescheduled: Type.Integer(),
            cancelled: Type.Integer(),
            unchanged: Type.Integer(),
            skipped: Type.Array(Type.Object({ customerId: Type.String(), reason: Type.String() })),
            overdueRaised: Type.Array(ReviewSchema),
          }),
          ...errorResponses(),
        },
      },
    },
    async () => reviews.runNow(),
  )
}
