import type { Store } from '../store/open-store.ts'

export type Snapshot = { customerId: string; state: string }

export const CHECKPOINT = 'features'
const PER_STATEMENT = 500

/** A state saved only while its customer exists (a deleted customer's state is not kept): changes 0 means gone. Binds id, state, updated_at, id. */
export const SQLITE_SNAPSHOT_UPSERT = `insert into feature_snapshots (customer_id, state, updated_at) select ?, ?, ? where exists (select 1 from customers where id = ?)
       on conflict (customer_id) do update set state = excluded.state, updated_at = excluded.updated_at`
/** Binds through_seq, updated_at, name. */
export const SQLITE_CHECKPOINT_UPDATE = 'update monitoring_checkpoints set through_seq = ?, updated_at = ? where name = ?'

/**
 * Saves the feature states that changed together with the seq of the last transaction they
 * include, in one database transaction: after a crash the snapshots and the checkpoint
 * always agree, and replaying the transactions after the checkpoint rebuilds the rest.
 * States of customers deleted meanwhile are not saved; their ids are returned.
 */
export async function saveSnapshots(store: Store, snapshots: readonly Snapshot[], throughSeq: number): Promise<string[]> {
  const now = Date.now()
  const gone: string[] = []
  if (store.sqlite) {
    const sqlite = store.sqlite
    const upsert = sqlite.prepare(SQLITE_SNAPSHOT_UPSERT)
    const checkpoint = sqlite.prepare(SQLITE_CHECKPOINT_UPDATE)
    sqlite.transaction(() => {
      for (const snapshot of snapshots) if (upsert.run(snapshot.customerId, snapshot.state, now, snapshot.customerId).changes === 0) gone.push(snapshot.customerId)
      checkpoint.run(throughSeq, now, CHECKPOINT)
    }).immediate()
    return gone
  }
  await store.db.transaction().execute(async (trx) => {
    for (let start = 0; start < snapshots.length; start += PER_STATEMENT) {
      const all = snapshots.slice(start, start + PER_STATEMENT)
      const present = new Set((await trx.selectFrom('customers').select('id').where('id', 'in', all.map((s) => s.customerId)).forUpdate().execute()).map((row) => row.id))
      const chunk = all.filter((s) => present.has(s.customerId) || !gone.push(s.customerId))
      if (chunk.length === 0) continue
      await trx
        .insertInto('feature_snapshots')
        .values(chunk.map((s) => ({ customer_id: s.customerId, state: s.state, updated_at: now })))
        .onConflict((conflict) => conflict.column('customer_id').doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), updated_at: eb.ref('excluded.updated_at') })))
        .execute()
    }
    await trx.updateTable('monitoring_checkpoints').set({ through_seq: throughSeq, updated_at: now }).where('name', '=', CHECKPOINT).execute()
  })
  return gone
}

/** The seq the stored snapshots include transactions up to. */
export async function checkpointSeq(store: Store): Promise<number> {
  const row = await store.db.selectFrom('monitoring_checkpoints').select('through_seq').where('name', '=', CHECKPOINT).executeTakeFirst()
  return Number(row?.through_seq ?? 0)
}

/** Every stored snapshot, a page at a time (by customer id) so a large portfolio never sits in one result. */
export async function* readSnapshots(store: Store, pageSize = 5000): AsyncGenerator<Snapshot> {
  let after = ''
  for (;;) {
    const rows = await store.db.selectFrom('feature_snapshots').select(['customer_id', 'state']).where('customer_id', '>', after).orderBy('customer_id').limit(pageSize).execute()
    for (const row of rows) yield { customerId: row.customer_id, state: row.state }
    if (rows.length < pageSize) return
    after = rows[rows.length - 1]!.customer_id
  }
}
