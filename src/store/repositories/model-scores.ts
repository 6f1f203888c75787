import type { Kysely } from 'kysely'
import type { Database, ModelScoreTable } from '../schema.ts'

// 6 columns a row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits.
const UPSERT_CHUNK = 500

/** Stores each customer's latest score by a model, replacing the one before. */
export async function upsertModelScores(db: Kysely<Database>, rows: readonly ModelScoreTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    await db
      .insertInto('model_scores')
      .values(rows.slice(start, start + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.columns(['model_id', 'customer_id']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          pd: eb.ref('excluded.pd'),
          reasons: eb.ref('excluded.reasons'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute()
  }
}

export async function listModelScores(db: Kysely<Database>, modelId: string): Promise<ModelScoreTable[]> {
  return db.selectFrom('model_scores').selectAll().where('model_id', '=', modelId).orderBy('customer_id').execute()
}
