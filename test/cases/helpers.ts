import { randomUUID } from 'node:crypto'
import type { RuleSeverity } from '../../src/domain/alerts/rule.ts'
import { raiseAlerts } from '../../src/services/alerts/raise-alerts.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import type { Store } from '../../src/store/open-store.ts'

/** A stored rule for hits to name (alerts reference their rule). */
export async function insertRule(store: Store): Promise<string> {
  const id = randomUUID()
  const now = new Date().toISOString()
  await store.db.insertInto('rules').values({ id, key: `case_test_${id.slice(0, 8)}`, version: 1, state: 'active', document: '{}', created_by: 'system', created_at: now, updated_at: now }).execute()
  return id
}

export async function newCustomer(store: Store, name: string): Promise<string> {
  const customer = await createCustomer({ store, actor: { kind: 'system' }, input: { type: 'company', name, country: 'CN' } as never })
  return customer.id
}

/** Raises one live alert of the severity on the customer, as the live rules would; returns it. */
export async function raise(store: Store, { ruleId, customerId, severity }: { ruleId: string; customerId: string; severity: RuleSeverity }) {
  const [alert] = await raiseAlerts({
    store,
    pending: [
      {
        hit: {
          ruleId,
          ruleKey: 'case_test',
          version: 1,
          shadow: false,
          severity,
          score: 50,
          tags: [],
          scope: 'transaction',
          dedupeKey: randomUUID(),
          suppressionHours: 0,
          evidence: [{ variable: 'tx.amount', value: 9_000_000, baseline: { variable: 'f.amount_mean', value: 120_000 } }],
        },
        customerId,
        transaction: null,
        at: Date.now(),
      },
    ],
  })
  if (!alert) throw new Error('no alert raised')
  return alert
}
