import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { HeldCustomers } from '../../services/controls/held-customers.ts'
import { getCustomerControls } from '../../services/controls/get-customer-controls.ts'
import { liftCreditHold } from '../../services/controls/lift-credit-hold.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, Nullable, StrictObject } from '../schemas/common.ts'
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
const CustomerParams = StrictObject({ customerId: Id })

/** The automatic controls on a customer: the credit hold a critical alert places, and lifting it. */
export const controlRoutes: FastifyPluginAsyncTypebox<{ store: Store; held: HeldCustomers }> = async function controlRoutes(app, { store, held }) {
  const tags = ['alerts']

  app.get(
    '/api/v1/customers/:customerId/controls',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'The customer’s active credit hold with the alert that placed it, and the holds lifted before',
        params: CustomerParams,
        response: {
          200: Type.Object({ customerId: Type.String(), creditHold: Nullable(Type.Object({ ...CreditHoldFields, alert: Nullable(AlertSchema) })), liftedHolds: Type.Array(CreditHoldSchema) }),
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
}
