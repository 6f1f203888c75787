import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/**
 * Takes the lock every audited write takes (the audit head row), early in a transaction.
 * For check-then-write rules such as "keep one active admin", this makes concurrent
 * transactions run one after the other instead of each passing the check on a stale view.
 */
export async function lockLedger(db: Kysely<Database>): Promise<void> {
  await db.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute()
}
