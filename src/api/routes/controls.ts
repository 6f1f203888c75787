import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { HeldCustomers } from '../../services/controls/held-customers.ts'
import { getCustomerControls } from '../../services/controls/get-customer-controls.ts'
import { liftCreditHold } from '../../services/controls/lift-credit-hold.ts'
import { decideLimitProposal } from '../../services/controls/decide-limit-proposal.ts'
import { LIMIT_PROPOSAL_STATUSES } from '../../services/controls/limit-proposal.ts'
import { listLimitProposals } from '../../services/controls/list-limit-proposals.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'
import { AlertSchema } from './alerts.ts'

const CreditHoldFields = {
  id: Type.String(),
  customerId: Type.String(),
  reason: Type.String(),
  alertId: Nullable(Type.String()),
  placedAt: Type.String(),
  placedBy: Type.String(),
  liftedAt: Nullable(Type.String()),
  liftedBy: Nullable(Type.String()),
  liftNote: Nullable(Type.String()),
}
const CreditHoldSchema = Type.Object(CreditHoldFields)
const Money = Type.Object({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() })
const ReasonSchema = Type.Object({ rule: Type.String({ description: 'The control policy row' }), severity: Type.String(), grade: Nullable(Type.String()), text: Type.String() })
const LimitProposalSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  contractId: Type.String({ description: 'The contract whose limit accepting changes' }),
  caseId: Nullable(Type.String()),
  alertId: Nullable(Type.String()),
  currentLimit: Money,
  proposedLimit: Money,
  cutPercent: Type.Integer(),
  reason: Type.String(),
  reasons: Type.Array(ReasonSchema),
  status: Type.Enum(LIMIT_PROPOSAL_STATUSES),
  proposedAt: Type.String(),
  proposedBy: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  note: Nullable(Type.String()),
})
const ReviewSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  caseId: Nullable(Type.String()),
  alertId: Nullable(Type.String()),
  taskId: Type.String({ description: 'The review task' }),
  taskStatus: Nullable(Type.String()),
  statusBefore: Type.String({ description: 'The customer’s status before it was set to under_review' }),
  dueOn: Type.String(),
  reason: Type.String(),
  reasons: Type.Array(ReasonSchema),
  triggeredAt: Type.String(),
  triggeredBy: Type.String(),
})
const CustomerParams = StrictObject({ customerId: Id })

/** The automatic controls on a customer: the credit hold, limit proposals and reviews the control policy sets off, lifting a hold and deciding a proposal. */
export const controlRoutes: FastifyPluginAsyncTypebox<{ store: Store; held: HeldCustomers }> = async function controlRoutes(app, { store, held }) {
  const tags = ['alerts']

  app.get(
    '/api/v1/customers/:customerId/controls',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The customer’s active credit hold with the alert that placed it, the holds lifted before, its limit proposals and reviews',
        params: CustomerParams,
        response: {
          200: Type.Object({
            customerId: Type.String(),
            creditHold: Nullable(Type.Object({ ...CreditHoldFields, alert: Nullable(AlertSchema) })),
            liftedHolds: Type.Array(CreditHoldSchema),
            limitProposals: Type.Array(LimitProposalSchema),
            reviews: Type.Array(ReviewSchema),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => getCustomerControls({ store, customerId: request.params.customerId }),
  )

  app.post(
    '/api/v1/customers/:customerId/controls/lift',
    {
      config: { access: 'controls.lift' },
      schema: {
        tags,
        summary: 'Lift the customer’s credit hold with a note saying why: its next sale is allowed again',
        params: CustomerParams,
        body: StrictObject({ note: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: { 200: CreditHoldSchema, ...errorResponses('not_found') },
      },
    },
    async (request) => liftCreditHold({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, customerId: request.params.customerId, note: request.body.note, held }),
  )

  app.get(
    '/api/v1/limit-proposals',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Limit proposals, newest first: ?status=proposed for those waiting for a decision',
        querystring: StrictObject({
          status: Type.Optional(Type.Enum(LIMIT_PROPOSAL_STATUSES)),
          customerId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(LimitProposalSchema) }), ...errorResponses() },
      },
    },
    async (request) => ({ items: await listLimitProposals({ store, ...request.query }) }),
  )

  app.post(
    '/api/v1/limit-proposals/:id/accept',
    {
      config: { access: 'controls.decide' },
      schema: {
        tags,
        summary: 'Accept a proposed limit cut: the contract’s credit limit becomes the proposed limit',
        params: IdParams,
        body: Type.Optional(StrictObject({ note: Type.Optional(Type.String({ maxLength: 4000 })) })),
        response: { 200: LimitProposalSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => decideLimitProposal({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, proposalId: request.params.id, decision: 'accepted', note: request.body?.note ?? null }),
  )

  app.post(
    '/api/v1/limit-proposals/:id/reject',
    {
      config: { access: 'controls.decide' },
      schema: {
        tags,
        summary: 'Reject a proposed limit cut with a note saying why: the limit stays',
        params: IdParams,
        body: StrictObject({ note: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: { 200: LimitProposalSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => decideLimitProposal({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, proposalId: request.params.id, decision: 'rejected', note: request.body.note }),
  )
}
