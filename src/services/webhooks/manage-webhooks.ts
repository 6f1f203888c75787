import { randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { newSecretToken } from '../secret-token.ts'
import { deliveryFromRow, webhookFromRow, type Webhook, type WebhookDelivery } from './webhook.ts'

export type CreateWebhookOptions = { store: Store; actor: Actor; url: string; secret?: string; description?: string | null }

/** Registers a webhook; the secret (given, or made here) is returned this once and never again. Audited without it. */
export async function createWebhook({ store, actor, url, secret, description = null }: CreateWebhookOptions): Promise<Webhook & { secret: string }> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidField('url', 'must be an absolute http or https URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidField('url', 'must be an absolute http or https URL')
  const key = secret ?? newSecretToken('whsec_')
  const by = actorLabel(actor)
  const row = { id: randomUUID(), url: parsed.toString(), secret: key, description, created_by: by, created_at: new Date().toISOString(), deleted_at: null }
  await withTransaction(store.db, async (trx) => {
    await trx.insertInto('webhooks').values(row).execute()
    await appendAuditEntry(trx, { actor: by, action: 'webhook.created', entity: 'webhook', entityId: row.id, after: webhookFromRow(row) as unknown as JsonValue, at: row.created_at })
  })
  return { ...webhookFromRow(row), secret: key }
}

export async function listWebhooks({ store }: { store: Store }): Promise<Webhook[]> {
  const rows = await store.db.selectFrom('webhooks').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute()
  return rows.map(webhookFromRow)
}

/** Deletes a webhook: no more deliveries (pending ones are dropped); its log stays. Audited. */
export async function deleteWebhook({ store, actor, webhookId }: { store: Store; actor: Actor; webhookId: string }): Promise<void> {
  const by = actorLabel(actor)
  await withTransaction(store.db, async (trx) => {
    const row = await trx.selectFrom('webhooks').selectAll().where('id', '=', webhookId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('not_found', `no webhook ${webhookId}`)
    const at = new Date().toISOString()
    await trx.updateTable('webhooks').set({ deleted_at: at }).where('id', '=', webhookId).execute()
    await trx.updateTable('webhook_deliveries').set({ status: 'dropped', next_attempt_at: null }).where('webhook_id', '=', webhookId).where('status', '=', 'pending').execute()
    await appendAuditEntry(trx, { actor: by, action: 'webhook.deleted', entity: 'webhook', entityId: webhookId, before: webhookFromRow(row) as unknown as JsonValue, at })
  })
}

/** A webhook's delivery log, one row per attempt, newest first. */
export async function listWebhookDeliveries({ store, webhookId, limit = 100 }: { store: Store; webhookId: string; limit?: number }): Promise<WebhookDelivery[]> {
  const webhook = await store.db.selectFrom('webhooks').select('id').where('id', '=', webhookId).executeTakeFirst()
  if (!webhook) throw new AppError('not_found', `no webhook ${webhookId}`)
  const rows = await store.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').orderBy('attempt', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(deliveryFromRow)
}
