import { randomUUID } from 'node:crypto'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { RuleHit } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import type { AlertTable, CaseTable } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { placeCreditHolds } from '../controls/place-credit-holds.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { alertFromRow, caseFromRow, type Alert } from './stored-alert.ts'

/** A rule's hit waiting to be written: whose, on which transaction, and when it happened (epoch ms). */
export type PendingAlert = { hit: RuleHit; customerId: string; transaction: { source: string; id: string } | null; at: number }

export type RaiseAlertsOptions = {
  store: Store
  actor?: Actor
  pending: readonly PendingAlert[]
  /** Told of the customers a credit hold was placed on, once committed. */
  held?: Pick<HeldCustomers, 'add'>
}

const HOUR = 3_600_000
const CHUNK = 500

/**
 * Writes hits as alerts, in one transaction, in the order given:
 * - a hit whose rule already raised an alert for the same transaction is skipped (a replay of
 *   the log after a restart raises nothing twice);
 * - a hit whose dedupe key raised an alert less than the rule's suppression window before it
 *   (measured on when the hits happened) is suppressed — the alerts written earlier in the same
 *   call count — shadow and live hits apart;
 * - a live hit joins its customer's open case, which is opened (case.opened) when there is none;
 *   a shadow hit is recorded in no case.
 * Each alert is audited as alert.raised under its customer. A live alert of a hold severity
 * places a credit hold on its customer when none is active (credit_hold.placed). Live alerts
 * and holds are queued for the webhooks, all in the same transaction. Returns the alerts written.
 */
export async function raiseAlerts({ store, actor = { kind: 'system' }, pending, held }: RaiseAlertsOptions): Promise<Alert[]> {
  if (pending.length === 0) return []
  const by = actorLabel(actor)
  const { alerts, holds } = await withTransaction(store.db, async (trx) => {
    const raisedFor = new Set<string>()
    const txIds = [...new Set(pending.flatMap((p) => (p.transaction ? [p.transaction.id] : [])))]
    for (let i = 0; i < txIds.length; i += CHUNK) {
      const rows = await trx.selectFrom('alerts').select(['rule_id', 'transaction_source', 'transaction_id']).where('transaction_id', 'in', txIds.slice(i, i + CHUNK)).execute()
      for (const row of rows) raisedFor.add(transactionKey(row.rule_id, row.transaction_source, row.transaction_id))
    }
    // The alerts of the same dedupe keys that could suppress a hit: those within the widest window of any hit.
    const raisedAtOf = new Map<string, number[]>()
    const keys = [...new Set(pending.map((p) => p.hit.dedupeKey))]
    const widest = Math.max(...pending.map((p) => p.hit.suppressionHours)) * HOUR
    const from = new Date(Math.min(...pending.map((p) => p.at)) - widest).toISOString()
    const to = new Date(Math.max(...pending.map((p) => p.at)) + widest).toISOString()
    for (let i = 0; widest > 0 && i < keys.length; i += CHUNK) {
      const rows = await trx.selectFrom('alerts').select(['dedupe_key', 'shadow', 'at']).where('dedupe_key', 'in', keys.slice(i, i + CHUNK)).where('at', '>=', from).where('at', '<=', to).execute()
      for (const row of rows) {
        const slot = dedupeSlot(row.dedupe_key, Number(row.shadow) === 1)
        raisedAtOf.set(slot, [...(raisedAtOf.get(slot) ?? []), Date.parse(row.at)])
      }
    }

    const raisedAt = new Date().toISOString()
    const accepted: PendingAlert[] = []
    for (const item of pending) {
      const { hit } = item
      const own = item.transaction ? transactionKey(hit.ruleId, item.transaction.source, item.transaction.id) : null
      if (own !== null && raisedFor.has(own)) continue
      const slot = dedupeSlot(hit.dedupeKey, hit.shadow)
      const times = raisedAtOf.get(slot) ?? []
      // Within the window of an alert on either side: a late transaction is suppressed by a later alert too.
      if (times.some((t) => Math.abs(item.at - t) < hit.suppressionHours * HOUR)) continue
      raisedAtOf.set(slot, [...times, item.at])
      if (own !== null) raisedFor.add(own)
      accepted.push(item)
    }
    if (accepted.length === 0) return { alerts: [], holds: [] }

    const audit: AuditRecord[] = []
    const caseOf = new Map<string, string>()
    const customers = [...new Set(accepted.filter((item) => !item.hit.shadow).map((item) => item.customerId))]
    for (let i = 0; i < customers.length; i += CHUNK) {
      const open = await trx.selectFrom('cases').select(['id', 'customer_id']).where('status', '=', 'open').where('customer_id', 'in', customers.slice(i, i + CHUNK)).execute()
      for (const row of open) caseOf.set(row.customer_id, row.id)
    }
    const newCases: CaseTable[] = customers
      .filter((customerId) => !caseOf.has(customerId))
      .map((customerId) => ({ id: randomUUID(), customer_id: customerId, status: 'open', owner_id: null, opened_at: raisedAt, closed_at: null, closed_by: null, disposition: null, note: null }))
    for (const row of newCases) {
      caseOf.set(row.customer_id, row.id)
      audit.push({ actor: by, action: 'case.opened', entity: 'case', entityId: row.id, after: caseFromRow(row) as unknown as JsonValue, at: raisedAt })
    }
    for (let i = 0; i < newCases.length; i += CHUNK) await trx.insertInto('cases').values(newCases.slice(i, i + CHUNK)).execute()

    const rows: AlertTable[] = accepted.map(({ hit, customerId, transaction, at }) => ({
      id: randomUUID(),
      rule_id: hit.ruleId,
      rule_key: hit.ruleKey,
      rule_version: hit.version,
      customer_id: customerId,
      severity: hit.severity,
      score: hit.score,
      status: 'new',
      dedupe_key: hit.dedupeKey,
      transaction_source: transaction?.source ?? null,
      transaction_id: transaction?.id ?? null,
      at: new Date(at).toISOString(),
      raised_at: raisedAt,
      evidence: canonicalJson(hit.evidence as unknown as JsonValue),
      shadow: hit.shadow ? 1 : 0,
      case_id: hit.shadow ? null : caseOf.get(customerId)!,
    }))
    for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('alerts').values(rows.slice(i, i + CHUNK)).execute()
    const alerts = rows.map(alertFromRow)
    for (const alert of alerts) audit.push({ actor: by, action: 'alert.raised', entity: 'alert', entityId: alert.id, after: alert as unknown as JsonValue, at: raisedAt })
    const placed = await placeCreditHolds(trx, { alerts, by, at: raisedAt })
    audit.push(...placed.audit)
    await appendAuditEntries(trx, audit)
    await enqueueWebhookEvents(trx, {
      at: raisedAt,
      events: [...alerts.filter((alert) => !alert.shadow).map((data) => ({ event: 'alert.raised' as const, data })), ...placed.holds.map((data) => ({ event: 'credit_hold.placed' as const, data }))],
    })
    return { alerts, holds: placed.holds }
  })
  for (const hold of holds) held?.add(hold.customerId)
  return alerts
}

const transactionKey = (ruleId: string, source: string | null, id: string | null) => `${ruleId}\u0000${source}\u0000${id}`
const dedupeSlot = (key: string, shadow: boolean) => `${shadow ? 1 : 0}\u0000${key}`
