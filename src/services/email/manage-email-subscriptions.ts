import { randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import { RULE_SEVERITIES, type RuleSeverity } from '../../domain/alerts/rule.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { EmailDeliveryTable, EmailSubscriptionTable } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { WEBHOOK_EVENTS } from '../webhooks/enqueue-webhook-event.ts'

export type EmailSubscription = { id: string; userId: string | null; address: string | null; events: string[]; minSeverity: RuleSeverity | null; createdBy: string; createdAt: string }
export type EmailDelivery = {
  id: string
  subscriptionId: string
  messageId: string
  event: string
  to: string
  subject: string
  body: string
  attempt: number
  status: string
  error: string | null
  createdAt: string
  nextAttemptAt: string | null
  attemptedAt: string | null
  deliveredAt: string | null
}

/** What a caller is told when it asks for email and the server has no SMTP to send it with. */
export const SMTP_NOT_CONFIGURED = 'email is not configured on this server: set FENGKONG_SMTP_URL (smtp://user:pass@host:port) and FENGKONG_MAIL_FROM, then restart; until then no email is queued or sent'

export type CreateEmailSubscriptionOptions = {
  store: Store
  actor: Actor
  smtpConfigured: boolean
  userId?: string | null
  address?: string | null
  events: readonly string[]
  minSeverity?: RuleSeverity | null
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/** Subscribes a user (at their address) or a bare address to event kinds. Refused while SMTP is not configured. Audited. */
export async function createEmailSubscription({ store, actor, smtpConfigured, userId = null, address = null, events, minSeverity = null }: CreateEmailSubscriptionOptions): Promise<EmailSubscription> {
  if (!smtpConfigured) throw new AppError('conflict', SMTP_NOT_CONFIGURED)
  if ((userId === null) === (address === null)) throw invalidField(userId === null ? 'userId' : 'address', 'give either a userId or an address, not both')
  if (address !== null && !ADDRESS.test(address)) throw invalidField('address', 'must be an email address')
  const unknown = events.filter((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event))
  if (events.length === 0 || unknown.length > 0) throw invalidField('events', `must name events among ${WEBHOOK_EVENTS.join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`)
  if (minSeverity !== null && !RULE_SEVERITIES.includes(minSeverity)) throw invalidField('minSeverity', `must be one of ${RULE_SEVERITIES.join(', ')}`)
  const by = actorLabel(actor)
  const row: EmailSubscriptionTable = {
    id: randomUUID(),
    user_id: userId,
    address,
    events: JSON.stringify([...new Set(events)]),
    min_severity: minSeverity,
    created_by: by,
    created_at: new Date().toISOString(),
    deleted_at: null,
  }
  await withTransaction(store.db, async (trx) => {
    if (userId !== null && !(await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())) throw invalidField('userId', `no user ${userId}`)
    await trx.insertInto('email_subscriptions').values(row).execute()
    await appendAuditEntry(trx, { actor: by, action: 'email_subscription.created', entity: 'email_subscription', entityId: row.id, after: subscriptionFromRow(row) as unknown as JsonValue, at: row.created_at })
  })
  return subscriptionFromRow(row)
}

export async function listEmailSubscriptions({ store }: { store: Store }): Promise<EmailSubscription[]> {
  const rows = await store.db.selectFrom('email_subscriptions').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute()
  return rows.map(subscriptionFromRow)
}

/** Ends a subscription: its pending emails are dropped; its log stays. Audited. */
export async function deleteEmailSubscription({ store, actor, subscriptionId }: { store: Store; actor: Actor; subscriptionId: string }): Promise<void> {
  const by = actorLabel(actor)
  await withTransaction(store.db, async (trx) => {
    const row = await trx.selectFrom('email_subscriptions').selectAll().where('id', '=', subscriptionId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('not_found', `no email subscription ${subscriptionId}`)
    const at = new Date().toISOString()
    await trx.updateTable('email_subscriptions').set({ deleted_at: at }).where('id', '=', subscriptionId).execute()
    await trx.updateTable('email_deliveries').set({ status: 'dropped', next_attempt_at: null }).where('subscription_id', '=', subscriptionId).where('status', '=', 'pending').execute()
    await appendAuditEntry(trx, { actor: by, action: 'email_subscription.deleted', entity: 'email_subscription', entityId: subscriptionId, before: subscriptionFromRow(row) as unknown as JsonValue, at })
  })
}

/** The email log, one row per attempt, newest first; of one subscription when given. */
export async function listEmailDeliveries({ store, subscriptionId, limit = 100 }: { store: Store; subscriptionId?: string; limit?: number }): Promise<EmailDelivery[]> {
  let select = store.db.selectFrom('email_deliveries').selectAll()
  if (subscriptionId) select = select.where('subscription_id', '=', subscriptionId)
  const rows = await select.orderBy('created_at', 'desc').orderBy('attempt', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(deliveryFromRow)
}

const subscriptionFromRow = (row: EmailSubscriptionTable): EmailSubscription => ({
  id: row.id,
  userId: row.user_id,
  address: row.address,
  events: JSON.parse(row.events) as string[],
  minSeverity: row.min_severity as RuleSeverity | null,
  createdBy: row.created_by,
  createdAt: row.created_at,
})

const deliveryFromRow = (row: EmailDeliveryTable): EmailDelivery => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  messageId: row.message_id,
  event: row.event,
  to: row.to_address,
  subject: row.subject,
  body: row.body,
  attempt: Number(row.attempt),
  status: row.status,
  error: row.error,
  createdAt: row.created_at,
  nextAttemptAt: row.next_attempt_at,
  attemptedAt: row.attempted_at,
  deliveredAt: row.delivered_at,
})
