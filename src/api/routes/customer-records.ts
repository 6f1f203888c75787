import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TObject } from 'typebox'
import { AppError } from '../../app-error.ts'
import * as schemas from '../../schemas/customer-records.ts'
import { createCustomerRecord } from '../../services/customer-records/create-customer-record.ts'
import { deleteCustomerRecord } from '../../services/customer-records/delete-customer-record.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import { updateCustomerRecord } from '../../services/customer-records/update-customer-record.ts'
import type { Store } from '../../store/open-store.ts'
import {
  bureauRecordKind,
  contactKind,
  contractKind,
  interactionKind,
  statementKind,
  taskKind,
  type RecordKind,
} from '../../store/repositories/customer-record-kinds.ts'
import { findRecord, listRecords } from '../../store/repositories/customer-records.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, Nullable, StrictObject } from '../schemas/common.ts'

type RecordRoutes = { kind: RecordKind; title: string; input: TObject; patch: TObject; view: TObject }

/** Each kind of customer record gets the same five routes under /api/v1/customers/:customerId/<kind>. */
export const RECORD_ROUTES: RecordRoutes[] = [
  { kind: contactKind, title: 'contact', input: schemas.ContactInputSchema, patch: schemas.ContactPatchSchema, view: schemas.ContactSchema },
  { kind: interactionKind, title: 'interaction (call, visit report, email, meeting)', input: schemas.InteractionInputSchema, patch: schemas.InteractionPatchSchema, view: schemas.InteractionSchema },
  { kind: taskKind, title: 'task', input: schemas.TaskInputSchema, patch: schemas.TaskPatchSchema, view: schemas.TaskSchema },
  { kind: statementKind, title: 'financial statement', input: schemas.StatementInputSchema, patch: schemas.StatementPatchSchema, view: schemas.StatementSchema },
  { kind: bureauRecordKind, title: 'credit-bureau record', input: schemas.BureauRecordInputSchema, patch: schemas.BureauRecordPatchSchema, view: schemas.BureauRecordSchema },
  { kind: contractKind, title: 'contract with its collateral and guarantees', input: schemas.ContractInputSchema, patch: schemas.ContractPatchSchema, view: schemas.ContractSchema },
]

const CustomerParams = StrictObject({ customerId: Id })
const RecordParams = StrictObject({ customerId: Id, id: Id })
const PageQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
})

export const customerRecordRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function customerRecordRoutes(app, { store }) {
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  for (const { kind, title, input, patch, view } of RECORD_ROUTES) {
    const collection = `/api/v1/customers/:customerId/${kind.name}`
    const tags = [`customer ${kind.name}`]

    app.get(
      collection,
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: `A customer's ${kind.name}, newest first`,
          params: CustomerParams,
          querystring: PageQuery,
          response: { 200: Type.Object({ items: Type.Array(view), nextCursor: Nullable(Type.String()) }), ...errorResponses('not_found') },
        },
      },
      async (request) => {
        await assertCustomerExists(store.db, request.params.customerId)
        return listRecords(store.db, kind, request.params.customerId, { limit: request.query.limit ?? 100, cursor: request.query.cursor })
      },
    )

    app.post(
      collection,
      {
        config: { access: 'customers.write' },
        schema: { tags, summary: `Add a ${title}`, params: CustomerParams, body: input, response: { 201: view, ...errorResponses('not_found', 'conflict') } },
      },
      async (request, reply) =>
        reply.status(201).send(await createCustomerRecord({ store, actor: actorOf(request), kind, customerId: request.params.customerId, input: request.body })),
    )

    app.get(
      `${collection}/:id`,
      { config: { access: 'customers.read' }, schema: { tags, summary: `One ${kind.entity.replace(/_/g, ' ')}`, params: RecordParams, response: { 200: view, ...errorResponses('not_found') } } },
      async (request) => {
        const record = await findRecord(store.db, kind, request.params.customerId, request.params.id)
        if (!record) throw new AppError('not_found', `customer ${request.params.customerId} has no ${kind.entity.replace(/_/g, ' ')} ${request.params.id}`)
        return record
      },
    )

    app.patch(
      `${collection}/:id`,
      {
        config: { access: 'customers.write' },
        schema: { tags, summary: `Change some fields of a ${kind.entity.replace(/_/g, ' ')}`, params: RecordParams, body: patch, response: { 200: view, ...errorResponses('not_found', 'conflict') } },
      },
      async (request) =>
        updateCustomerRecord({ store, actor: actorOf(request), kind, customerId: request.params.customerId, recordId: request.params.id, patch: request.body as object }),
    )

    app.delete(
      `${collection}/:id`,
      {
        config: { access: 'customers.write' },
        schema: { tags, summary: `Delete a ${kind.entity.replace(/_/g, ' ')}`, params: RecordParams, response: { 204: Type.Null(), ...errorResponses('not_found') } },
      },
      async (request, reply) => {
        await deleteCustomerRecord({ store, actor: actorOf(request), kind, customerId: request.params.customerId, recordId: request.params.id })
        return reply.status(204).send(null)
      },
    )
  }
}
