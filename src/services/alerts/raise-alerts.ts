import { randomUUID } from 'node:crypto'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { RuleHit, RuleSeverity } from '../../domain/alerts/index.ts'
import { raiseSla, severityRank, slaDueAt, worseSeverity } from '../../domain/alerts/sla.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import type { AlertTable, CaseTable } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { applyControls } from '../controls/apply-controls.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { notifyAboutCase } from './case-work.ts'
import { queueTeamOf, takeTurn } from './case-routing.ts'
import { alertFromRow, caseFromRow, type Alert, type Case } from './stored-alert.ts'

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
 * - a live hit joins its customer's case that is not closed, which is opened (case.opened, status
 *   new, due after the SLA of its worst alert's severity) when there is none; a case routed to a
 *   team's queue (case_queues) is assigned round-robin to the member whose turn it is
 *   (case.assigned, and a notification in their inbox); a worse alert joining a case raises its
 *   severity and brings its due time forward (case.severity_raised); a shadow hit is recorded in
 *   no case.
 * Each alert is audited as alert.raised under its customer and live alerts are queued for the
 * webhooks; then applyControls places the credit holds, limit proposals and reviews the control
 * policy decides (src/domain/alerts/control-policy.ts), all in the same transaction. Returns the
 * alerts written.
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
    const caseOf = new Map<string, { id: string; status: string }>()
    const live = accepted.filter((item) => !item.hit.shadow)
    const customers = [...new Set(live.map((item) => item.customerId))]
    const worstOf = new Map<string, RuleSeverity>()
    for (const item of live) worstOf.set(item.customerId, worseSeverity(worstOf.get(item.customerId) ?? 'low', item.hit.severity))
    for (let i = 0; i < customers.length; i += CHUNK) {
      const active = await trx.selectFrom('cases').selectAll().where('status', '!=', 'closed').where('customer_id', 'in', customers.slice(i, i + CHUNK)).execute()
      for (const row of active) {
        caseOf.set(row.customer_id, { id: row.id, status: row.status })
        // A worse alert raises the case's severity, and brings its due time forward when the new SLA ends sooner.
        const before = caseFromRow(row)
        const raised = raiseSla(before, { severity: worstOf.get(row.customer_id)!, at: raisedAt })
        if (raised.severity === before.severity) continue
        const after: Case = { ...before, ...raised }
        await trx.updateTable('cases').set({ severity: after.severity, severity_rank: severityRank(after.severity), sla_due_at: after.slaDueAt }).where('id', '=', row.id).execute()
        audit.push({ actor: by, action: 'case.severity_raised', entity: 'case', entityId: row.id, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at: raisedAt })
      }
    }
    const newCases: CaseTable[] = []
    const assigned: { row: CaseTable; ownerId: string }[] = []
    for (const customerId of customers.filter((id) => !caseOf.has(id))) {
      const severity = worstOf.get(customerId)!
      const teamId = await queueTeamOf(trx, severity)
      const row: CaseTable = {
        id: randomUUID(),
        customer_id: customerId,
        status: 'new',
        owner_id: null,
        opened_at: raisedAt,
        closed_at: null,
        closed_by: null,
        disposition: null,
        note: null,
        team_id: teamId,
        severity,
        severity_rank: severityRank(severity),
        sla_due_at: slaDueAt(severity, raisedAt),
        escalation_level: 0,
        escalated_at: null,
      }
      audit.push({ actor: by, action: 'case.opened', entity: 'case', entityId: row.id, after: caseFromRow(row) as unknown as JsonValue, at: raisedAt })
      // Routed to a team: the member whose turn it is takes it.
      const ownerId = teamId === null ? null : await takeTurn(trx, { teamId, at: raisedAt })
      if (ownerId !== null) {
        const before = caseFromRow(row)
        row.status = 'assigned'
        row.owner_id = ownerId
        assigned.push({ row, ownerId })
        audit.push({ actor: by, action: 'case.assigned', entity: 'case', entityId: row.id, before: before as unknown as JsonValue, after: { ...caseFromRow(row), viaQueue: true } as unknown as JsonValue, at: raisedAt })
      }
      caseOf.set(customerId, { id: row.id, status: row.status })
      newCases.push(row)
    }
    for (let i = 0; i < newCases.length; i += CHUNK) await trx.insertInto('cases').values(newCases.slice(i, i + CHUNK)).execute()
    for (const { row, ownerId } of assigned) await notifyAboutCase(trx, { kase: caseFromRow(row), kind: 'case.assigned', title: 'Case assigned to you', userIds: [ownerId], at: raisedAt })

    const rows: AlertTable[] = accepted.map(({ hit, customerId, transaction, at }) => ({
      id: randomUUID(),
      rule_id: hit.ruleId,
      rule_key: hit.ruleKey,
      rule_version: hit.version,
      customer_id: customerId,
      severity: hit.severity,
      score: hit.score,
      // An alert takes the status of the case it joins (new for a shadow hit).
      status: hit.shadow ? 'new' : caseOf.get(customerId)!.status,
      dedupe_key: hit.dedupeKey,
      transaction_source: transaction?.source ?? null,
      transaction_id: transaction?.id ?? null,
      at: new Date(at).toISOString(),
      raised_at: raisedAt,
      evidence: canonicalJson(hit.evidence as unknown as JsonValue),
      shadow: hit.shadow ? 1 : 0,
      case_id: hit.shadow ? null : caseOf.get(customerId)!.id,
    }))
    for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('alerts').values(rows.slice(i, i + CHUNK)).execute()
    const alerts = rows.map(alertFromRow)
    for (const alert of alerts) audit.push({ actor: by, action: 'alert.raised', entity: 'alert', entityId: alert.id, after: alert as unknown as JsonValue, at: raisedAt })
    await appendAuditEntries(trx, audit)
    await enqueueWebhookEvents(trx, { at: raisedAt, events: alerts.filter((alert) => !alert.shadow).map((data) => ({ event: 'alert.raised' as const, data })) })
    const { holds } = await applyControls(trx, { alerts, by, at: raisedAt })
    return { alerts, holds }
  })
  for (const hold of holds) held?.add(hold.customerId)
  return alerts
}

const transactionKey = (ruleId: string, source: string | null, id: string | null) => `${ruleId}\u0000${source}\u0000${id}`
const dedupeSlot = (key: string, shadow: boolean) => `${shadow ? 1 : 0}\u0000${key}`
