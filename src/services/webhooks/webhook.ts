import type { WebhookDeliveryTable, WebhookTable } from '../../store/schema.ts'

/** A webhook as the API shows it: never its secret. */
export type Webhook = { id: string; url: string; description: string | null; createdBy: string; createdAt: string }

export type WebhookDelivery = {
  id: string
  webhookId: string
  eventId: string
  event: string
  body: string
  attempt: number
  status: string
  responseCode: number | null
  error: string | null
  createdAt: string
  nextAttemptAt: string | null
  attemptedAt: string | null
  deliveredAt: string | null
}

export const webhookFromRow = (row: WebhookTable): Webhook => ({ id: row.id, url: row.url, description: row.description, createdBy: row.created_by, createdAt: row.created_at })

export const deliveryFromRow = (row: WebhookDeliveryTable): WebhookDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventId: row.event_id,
  event: row.event,
  body: row.body,
  attempt: Number(row.attempt),
  status: row.status,
  responseCode: row.response_code === null ? null : Number(row.response_code),
  error: row.error,
  createdAt: row.created_at,
  nextAttemptAt: row.next_attempt_at,
  attemptedAt: row.attempted_at,
  deliveredAt: row.delivered_at,
})
