import { randomUUID } from 'node:crypto'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { Database, WebhookDeliveryTable } from '../../store/schema.ts'
import type { Kysely } from 'kysely'
import { enqueueEmailEvents } from '../email/enqueue-email-events.ts'

export const WEBHOOK_EVENTS = ['alert.raised', 'case.closed', 'credit_hold.placed', 'credit_hold.lifted', 'limit_proposal.proposed', 'limit_proposal.accepted', 'limit_proposal.rejected', 'review.triggered'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export type EnqueueWebhookEventsOptions = { events: readonly { event: WebhookEvent; data: unknown }[]; at: string }

/**
 * Queues a delivery of each event to every webhook, as its first attempt, due now. Called
 * inside the transaction that records the event, so an event is notified exactly when it is
 * committed. The body is {id, event, at, data}; its id is the same for every attempt.
 * Emails ride along: the same events are queued to the email subscriptions that ask for them
 * (enqueueEmailEvents; nothing while SMTP is not configured). Returns the webhook deliveries queued.
 */
export async function enqueueWebhookEvents(trx: Kysely<Database>, { events, at }: EnqueueWebhookEventsOptions): Promise<number> {
  if (events.length === 0) return 0
  await enqueueEmailEvents(trx, { events, at })
  const webhooks = await trx.selectFrom('webhooks').select('id').where('deleted_at', 'is', null).execute()
  if (webhooks.length === 0) return 0
  const rows: WebhookDeliveryTable[] = events.flatMap(({ event, data }) =>
    webhooks.map((webhook) => {
      const eventId = randomUUID()
      return {
        id: randomUUID(),
        webhook_id: webhook.id,
        event_id: eventId,
        event,
        body: canonicalJson({ id: eventId, event, at, data } as unknown as JsonValue),
        attempt: 1,
        status: 'pending',
        response_code: null,
        error: null,
        created_at: at,
        next_attempt_at: at,
        attempted_at: null,
        delivered_at: null,
      }
    }),
  )
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('webhook_deliveries').values(rows.slice(i, i + 500)).execute()
  return rows.length
}
