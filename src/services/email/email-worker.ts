import { randomUUID } from 'node:crypto'
import type { Store } from '../../store/open-store.ts'
import { createDeliveryLoop, defaultBackoff, type DeliveryLoop } from '../delivery/delivery-loop.ts'
import type { MailTransport } from './email-transport.ts'

export type EmailWorkerOptions = {
  store: Store
  transport: MailTransport
  /** How often due emails are looked for (ms). */
  intervalMs?: number
  /** The wait before attempt n + 1 after attempt n failed (ms): 1 s, 4 s, 16 s, 64 s, 256 s by default. */
  backoffMs?: (attempt: number) => number
  /** Attempts in all, the first included. */
  maxAttempts?: number
  /** The clock (epoch ms): tests drive retries on a fake one. */
  now?: () => number
  /** Emails sent per round, in parallel. */
  batchSize?: number
}

/** runOnce: one round, sending every email due now; returns how many were attempted. */
export type EmailWorker = DeliveryLoop

/**
 * Sends the queued emails, as the webhook worker sends webhooks: claims each attempt due
 * (pending → sending), hands it to the SMTP transport, and records the outcome on its row; a
 * failure (the server refused it, or could not be reached) queues the next attempt after the
 * backoff until maxAttempts. Every attempt of one email carries the same Message-ID.
 */
export function createEmailWorker({ store, transport, intervalMs = 1000, backoffMs = defaultBackoff, maxAttempts = 6, now = Date.now, batchSize = 20 }: EmailWorkerOptions): EmailWorker {
  type Due = { id: string; subscription_id: string; message_id: string; event: string; to_address: string; subject: string; body: string; attempt: number }

  async function attempt(email: Due): Promise<void> {
    const claimed = await store.db.updateTable('email_deliveries').set({ status: 'sending', attempted_at: new Date(now()).toISOString() }).where('id', '=', email.id).where('status', '=', 'pending').executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return
    let error: string | null = null
    try {
      await transport.send({ to: email.to_address, subject: email.subject, text: email.body, messageId: email.message_id })
    } catch (cause) {
      error = ((cause as Error).message || String(cause)).slice(0, 500)
    }
    const at = new Date(now()).toISOString()
    const attemptNo = Number(email.attempt)
    await store.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('email_deliveries')
        .set(error === null ? { status: 'delivered', delivered_at: at, next_attempt_at: null } : { status: 'failed', error, next_attempt_at: null })
        .where('id', '=', email.id)
        .execute()
      if (error === null || attemptNo >= maxAttempts) return
      await trx
        .insertInto('email_deliveries')
        .values({ ...email, id: randomUUID(), attempt: attemptNo + 1, status: 'pending', error: null, created_at: at, next_attempt_at: new Date(now() + backoffMs(attemptNo)).toISOString(), attempted_at: null, delivered_at: null })
        .execute()
    })
  }

  async function round(): Promise<number> {
    const due = await store.db
      .selectFrom('email_deliveries as d')
      .innerJoin('email_subscriptions as s', 's.id', 'd.subscription_id')
      .select(['d.id', 'd.subscription_id', 'd.message_id', 'd.event', 'd.to_address', 'd.subject', 'd.body', 'd.attempt'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', new Date(now()).toISOString())
      .where('s.deleted_at', 'is', null)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(batchSize)
      .execute()
    await Promise.all(due.map(attempt))
    return due.length
  }

  return createDeliveryLoop({ intervalMs, round })
}
