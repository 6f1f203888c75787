import type { Kysely } from 'kysely'
import type { Relationship, RelationshipKind, RelationshipView } from '../../schemas/relationship.ts'
import type { Database, RelationshipTable } from '../schema.ts'

export function toRelationship(row: RelationshipTable): Relationship {
  return {
    id: row.id,
    customerId: row.from_customer_id,
    toCustomerId: row.to_customer_id,
    kind: row.kind as RelationshipKind,
    sharePct: row.share_pct === null ? null : Number(row.share_pct),
    note: row.note,
    createdAt: row.created_at,
  }
}

export async function findRelationship(db: Kysely<Database>, id: string): Promise<Relationship | undefined> {
  const row = await db.selectFrom('relationships').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toRelationship(row)
}

/** Every tie of a customer, in both directions, with the name of the customer at the other end. */
export async function listRelationshipsOf(db: Kysely<Database>, customerId: string): Promise<RelationshipView[]> {
  const rows = await db
    .selectFrom('relationships as r')
    .innerJoin('customers as other', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('r.from_customer_id', '=', customerId), eb('other.id', '=', eb.ref('r.to_customer_id'))]),
          eb.and([eb('r.to_customer_id', '=', customerId), eb('other.id', '=', eb.ref('r.from_customer_id'))]),
        ]),
      ),
    )
    .selectAll('r')
    .select(['other.id as other_id', 'other.name as other_name'])
    .orderBy('r.created_at')
    .execute()
  return rows.map((row) => ({
    ...toRelationship(row),
    direction: row.from_customer_id === customerId ? ('outgoing' as const) : ('incoming' as const),
    other: { id: row.other_id, name: row.other_name },
  }))
}
