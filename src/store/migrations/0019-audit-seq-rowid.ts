import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Makes `audit_entries.seq` the table's rowid on SQLite. SQLite treats only a column declared
 * exactly `integer primary key` as the rowid; 0002 declared `bigint primary key`, so every
 * entry went into the table's rowid B-tree and into a separate unique index on `seq` as well:
 * four B-trees an append instead of three. The entity and customer indexes no longer name
 * `seq`, because every SQLite index already ends in the rowid, which is now `seq`: they stay
 * ordered by it without storing it twice. PostgreSQL's `bigint primary key` is already the
 * table's only key and is left alone. The rebuild runs in one transaction of its own (Kysely
 * runs SQLite migrations outside one): a crash part way leaves the old table as it was.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await rebuild(db, {
    seq: 'integer primary key not null',
    indexes: { audit_entries_entity: 'entity, entity_id', audit_entries_customer: 'customer_id' },
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await rebuild(db, {
    seq: 'bigint primary key not null',
    indexes: { audit_entries_entity: 'entity, entity_id, seq', audit_entries_customer: 'customer_id, seq' },
  })
}

const COLUMNS = 'seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash, customer_id'

async function rebuild(db: Kysely<any>, shape: { seq: string; indexes: Record<string, string> }): Promise<void> {
  await db.transaction().execute((trx) => rebuildIn(trx, shape))
}

async function rebuildIn(db: Kysely<any>, shape: { seq: string; indexes: Record<string, string> }): Promise<void> {
  await sql.raw(`create table audit_entries_rebuilt (
      seq ${shape.seq},
      at text not null,
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text not null,
      before text,
      after text,
      prev_hash text not null,
      hash text not null,
      customer_id text)`).execute(db)
  await sql.raw(`insert into audit_entries_rebuilt (${COLUMNS}) select ${COLUMNS} from audit_entries order by seq`).execute(db)
  await sql`drop table audit_entries`.execute(db)
  await sql`alter table audit_entries_rebuilt rename to audit_entries`.execute(db)
  for (const [name, columns] of Object.entries(shape.indexes)) await sql.raw(`create index ${name} on audit_entries (${columns})`).execute(db)
}
