import { randomUUID } from 'node:crypto'
import type { Store } from '../../store/open-store.ts'
import { createDeliveryLoop, defaultBackoff, type DeliveryLoop } from '../delivery/delivery-loop.ts'
import { signWebhook } from './sign-webhook.ts'

export type WebhookWorkerOptions = {
  store: Store
  /** How often due deliveries are looked for (ms). */
  intervalMs?: number
  /** The wait before attempt n + 1 after attempt n failed (ms): 1 s, 4 s, 16 s, 64 s, 256 s by default. */
  backoffMs?: (attempt: number) => number
  /** Attempts in all, the first included. */
  maxAttempts?: number
  /** How long a receiver has to answer (ms). */
  timeoutMs?: number
  /** The clock (epoch ms): tests drive retries on a fake one. */
  now?: () => number
  /** Deliveries sent per round, in parallel. */
  batchSize?: number
}

/** runOnce: one round, sending every delivery due now; returns how many were attempted. */
export type WebhookWorker = DeliveryLoop

export const defaultWebhookBackoff = defaultBackoff

/**
 * Sends the queued webhook deliveries: a timer in the server process looks for attempts due,
 * claims each (pending → sending, so two processes never send the same attempt), POSTs the
 * body signed with the webhook's secret, and records the outcome on the attempt's row. A 2xx
 * answer is delivered; anything else (another status, a network error, a timeout) is failed,
 * and the next attempt is queued after the backoff until maxAttempts.
 */
export function createWebhookWorker({ store, intervalMs = 1000, backoffMs = defaultWebhookBackoff, maxAttempts = 6, timeoutMs = 10_000, now = Date.now, batchSize = 50 }: WebhookWorkerOptions): WebhookWorker {
  async function attempt(delivery: { id: string; url: string; secret: string; body: string; event: string; event_id: string; attempt: number; webhook_id: string }): Promise<void> {
    const startedAt = now()
    const claimed = await store.db.updateTable('webhook_deliveries').set({ status: 'sending', attempted_at: new Date(startedAt).toISOString() }).where('id', '=', delivery.id).where('status', '=', 'pending').executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return
    const timestamp = String(Math.floor(startedAt / 1000))
    let responseCode: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Fengkong-Webhooks/1',
          'x-fengkong-event': delivery.event,
          'x-fengkong-delivery': delivery.event_id,
          'x-fengkong-timestamp': timestamp,
          'x-fengkong-signature': signWebhook({ secret: delivery.secret, timestamp, body: delivery.body }),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      })
      responseCode = response.status
      await response.body?.cancel().catch(() => {})
      if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`
    } catch (cause) {
      error = ((cause as Error).message || String(cause)).slice(0, 500)
    }
    const at = new Date(now()).toISOString()
    const attemptNo = Number(delivery.attempt)
    await store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhook_deliveries')
        .set(error === null ? { status: 'delivered', response_code: responseCode, delivered_at: at, next_attempt_at: null } : { status: 'failed', response_code: responseCode, error, next_attempt_at: null })
        .where('id', '=', delivery.id)
        .execute()
      if (error === null || attemptNo >= maxAttempts) return
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: randomUUID(),
          webhook_id: delivery.webhook_id,
          event_id: delivery.event_id,
          event: delivery.event,
          body: delivery.body,
          attempt: attemptNo + 1,
          status: 'pending',
          response_code: null,
          error: null,
          created_at: at,
          next_attempt_at: new Date(now() + backoffMs(attemptNo)).toISOString(),
          attempted_at: null,
          delivered_at: null,
        })
        .execute()
    })
  }

  async function round(): Promise<number> {
    const due = await store.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.webhook_id', 'd.event', 'd.event_id', 'd.body', 'd.attempt', 'w.url', 'w.secret'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', new Date(now()).toISOString())
      .where('w.deleted_at', 'is', null)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(batchSize)
      .execute()
    await Promise.all(due.map(attempt))
    return due.length
  }

  return createDeliveryLoop({ intervalMs, round })
}
