import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { RULE_SEVERITIES, type RuleSeverity } from '../../domain/alerts/rule.ts'
import type { Database, EmailDeliveryTable } from '../../store/schema.ts'
import { isEmailConfigured } from './email-transport.ts'
import { renderEmail } from './render-email.ts'

export type EnqueueEmailEventsOptions = { events: readonly { event: string; data: unknown }[]; at: string }

/**
 * Queues an email of each event to every subscription that asks for it — its event kinds, and
 * for an event with a severity (alert.raised), at least its minimum severity — as a first
 * attempt due now. A user's subscription is sent to the user's address, read now; a deactivated
 * user is sent nothing. Called with the webhook events, inside the transaction that records them;
 * queues nothing while SMTP is not configured.
 */
export async function enqueueEmailEvents(trx: Kysely<Database>, { events, at }: EnqueueEmailEventsOptions): Promise<number> {
  if (events.length === 0) return 0
  const subscriptions = await trx
    .selectFrom('email_subscriptions as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.address', 's.events', 's.min_severity', 's.user_id', 'u.email as user_email', 'u.active as user_active'])
    .where('s.deleted_at', 'is', null)
    .execute()
  if (subscriptions.length === 0 || !(await isEmailConfigured(trx))) return 0

  const customerIds = [...new Set(events.flatMap(({ data }) => (typeof customerIdOf(data) === 'string' ? [customerIdOf(data)!] : [])))]
  const names = new Map<string, string>()
  for (let i = 0; i < customerIds.length; i += 500) {
    for (const row of await trx.selectFrom('customers').select(['id', 'name']).where('id', 'in', customerIds.slice(i, i + 500)).execute()) names.set(row.id, row.name)
  }
  const rows: EmailDeliveryTable[] = []
  for (const { event, data } of events) {
    const severity = (data as { severity?: unknown } | null)?.severity
    for (const subscription of subscriptions) {
      const to = subscription.user_id === null ? subscription.address : Number(subscription.user_active) === 1 ? subscription.user_email : null
      if (!to || !(JSON.parse(subscription.events) as string[]).includes(event)) continue
      if (subscription.min_severity && isSeverity(severity) && RULE_SEVERITIES.indexOf(severity) < RULE_SEVERITIES.indexOf(subscription.min_severity as RuleSeverity)) continue
      const customerId = customerIdOf(data)
      const { subject, text } = renderEmail({ event, at, data, customerName: customerId ? (names.get(customerId) ?? null) : null })
      rows.push({
        id: randomUUID(),
        subscription_id: subscription.id,
        message_id: randomUUID(),
        event,
        to_address: to,
        subject,
        body: text,
        attempt: 1,
        status: 'pending',
        error: null,
        created_at: at,
        next_attempt_at: at,
        attempted_at: null,
        delivered_at: null,
      })
    }
  }
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('email_deliveries').values(rows.slice(i, i + 500)).execute()
  return rows.length
}

const customerIdOf = (data: unknown): string | null => {
  const id = (data as { customerId?: unknown } | null)?.customerId
  return typeof id === 'string' ? id : null
}
const isSeverity = (value: unknown): value is RuleSeverity => typeof value === 'string' && (RULE_SEVERITIES as readonly string[]).includes(value)
